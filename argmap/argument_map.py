"""The map: a frozen value holding nodes, relations, sources and participants."""

from __future__ import annotations

import operator
from collections.abc import Iterable, Mapping
from itertools import chain, repeat
from typing import Any, ClassVar

import attrs

from argmap._map_findings import dangling_references, structure_findings
from argmap.codes import Code
from argmap.errors import ModelError, UnknownIdError
from argmap.findings import Location, Origin
from argmap.invariants import check_text, to_tuple
from argmap.metadata import check_metadata, freeze
from argmap.nodes import NODE_KINDS, Node
from argmap.provenance import Participant, Source
from argmap.relations import Attack, Relation, Support

__all__ = ["ArgumentMap"]


def _check_members(kind: type | tuple[type, ...], what: str) -> Any:
    exact = frozenset(kind if isinstance(kind, tuple) else (kind,))

    def check(instance: Any, attribute: Any, value: tuple[Any, ...]) -> None:
        if exact.issuperset(map(type, value)):  # one pass in C for the usual case
            return
        for index, item in enumerate(value):
            if not isinstance(item, kind):
                finding = Code.INVALID_VALUE.finding(
                    f"map {attribute.name}[{index}] must be {what}, got {type(item).__name__}",
                    Location(path=(attribute.name, index)),
                )
                raise ModelError([finding])

    return check


#: Relations grouped by a node id: its supports, its attacks.
_Index = dict[str, tuple[list[Support], list[Attack]]]


def _home(relation: Relation) -> str:
    return relation.by[0]


@attrs.frozen
class ArgumentMap:
    """An argument map: a frozen value; build one with :class:`~argmap.MapBuilder` or read one.

    The constructor enforces the structure: ids unique across nodes and relations,
    every reference resolved. Relations are kept in the order of their home node
    (a support's first source, an attack's attacker), supports before attacks, which is
    how files write them.

    >>> from argmap import ArgumentMap, Claim, Premise, Support
    >>> m = ArgumentMap("T", nodes=[Claim("c", "A claim."), Premise("p", "A reason.")],
    ...                 relations=[Support(["p"], "c")])
    >>> m.node("p").text, m.relation("p->c").target
    ('A reason.', 'c')
    """

    kind: ClassVar[str] = "map"
    title: str = attrs.field(validator=check_text)
    nodes: tuple[Node, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        validator=_check_members(tuple(NODE_KINDS.values()), "a node"),
    )
    relations: tuple[Relation, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        validator=_check_members((Support, Attack), "a Support or an Attack"),
    )
    sources: tuple[Source, ...] = attrs.field(
        default=(), converter=to_tuple, validator=_check_members(Source, "a Source")
    )
    participants: tuple[Participant, ...] = attrs.field(
        default=(), converter=to_tuple, validator=_check_members(Participant, "a Participant")
    )
    metadata: Mapping[str, Any] = attrs.field(
        factory=dict, converter=freeze, hash=False, validator=check_metadata
    )
    origin: Origin | None = attrs.field(default=None, kw_only=True, eq=False, repr=False)
    _elements: dict[str, Node | Relation] = attrs.field(init=False, eq=False, repr=False)
    _sources: dict[str, Source] = attrs.field(init=False, eq=False, repr=False)
    _participants: dict[str, Participant] = attrs.field(init=False, eq=False, repr=False)
    #: Relations by target, built on the first call of supports_of or attacks_on.
    _incoming: _Index | None = attrs.field(init=False, default=None, eq=False, repr=False)
    #: Relations by the nodes they start from, built on the first supports_by or attacks_by.
    _outgoing: _Index | None = attrs.field(init=False, default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        nodes, relations = self.nodes, self.relations
        node_ids = list(map(_ID, nodes))
        order = dict(zip(node_ids, range(len(nodes)), strict=True))
        elements: dict[str, Node | Relation] = dict(zip(node_ids, nodes, strict=True))
        elements.update(zip(map(_ID, relations), relations, strict=True))
        sources = {source.id: source for source in self.sources}
        participants = {participant.id: participant for participant in self.participants}
        sound = (
            len(elements) == len(nodes) + len(relations)
            and len(sources) == len(self.sources)
            and len(participants) == len(self.participants)
            and _resolves(
                nodes,
                relations,
                order=order,
                elements=elements,
                sources=sources,
                participants=participants,
            )
        )
        if not sound:  # find out exactly what is wrong, the slow way
            raise ModelError(
                structure_findings(
                    nodes,
                    relations,
                    self.sources,
                    self.participants,
                    dangling=dangling_references(
                        nodes,
                        relations,
                        node_ids=order,
                        support_ids={r.id for r in relations if isinstance(r, Support)},
                        source_ids=sources,
                        participant_ids=participants,
                    ),
                )
            )
        # Each relation's place: its home node's, twice, plus one for an attack.
        homes = map(order.__getitem__, map(_FIRST, map(_BY, relations)))
        attacks = map(operator.is_not, map(type, relations), repeat(Support))
        keys = list(map(operator.add, map(operator.mul, homes, repeat(2)), attacks))
        if not all(map(operator.le, keys, keys[1:])):
            ranked = sorted(zip(keys, range(len(keys)), relations, strict=True))
            object.__setattr__(self, "relations", tuple(r for _, _, r in ranked))
        object.__setattr__(self, "_elements", elements)
        object.__setattr__(self, "_sources", sources)
        object.__setattr__(self, "_participants", participants)

    def node(self, id: str) -> Node:
        """The node with this id; :class:`UnknownIdError` if there is none."""
        element = self._elements.get(id)
        if element is None or isinstance(element, Support | Attack):
            raise UnknownIdError(f"no node with id {id!r}")
        return element

    def relation(self, id: str) -> Relation:
        """The relation with this id; :class:`UnknownIdError` if there is none."""
        element = self._elements.get(id)
        if not isinstance(element, Support | Attack):
            raise UnknownIdError(f"no relation with id {id!r}")
        return element

    def source(self, id: str) -> Source:
        """The source document with this id; :class:`UnknownIdError` if there is none."""
        try:
            return self._sources[id]
        except KeyError:
            raise UnknownIdError(f"no source with id {id!r}") from None

    def participant(self, id: str) -> Participant:
        """The participant with this id; :class:`UnknownIdError` if there is none."""
        try:
            return self._participants[id]
        except KeyError:
            raise UnknownIdError(f"no participant with id {id!r}") from None

    def supports_of(self, id: str) -> tuple[Support, ...]:
        """The supports whose conclusion is the node ``id``, in the map's order.

        >>> from argmap import MapBuilder
        >>> m = (MapBuilder("T").claim("c", "C.").premise("p", "P.", supports="c")
        ...      .premise("q", "Q.").premise("r", "R.").support("c", by=["q", "r"]).build())
        >>> [support.by for support in m.supports_of("c")]
        [('p',), ('q', 'r')]
        """
        node = self.node(id)  # an unknown id is an error, not "no supports"
        return tuple(self._relations_to(node.id)[0])

    def attacks_on(self, id: str) -> tuple[Attack, ...]:
        """The attacks on ``id``: a node, or a support (an undercut), in the map's order.

        >>> from argmap import MapBuilder
        >>> m = (MapBuilder("T").claim("c", "C.").premise("p", "P.", supports="c")
        ...      .rebuttal("r", "R.", attacks="p->c").build())
        >>> [attack.attacker for attack in m.attacks_on("p->c")], m.attacks_on("c")
        (['r'], ())
        """
        if id not in self._elements:
            raise UnknownIdError(f"no node or support with id {id!r}")
        return tuple(self._relations_to(id)[1])

    def supports_by(self, id: str) -> tuple[Support, ...]:
        """The supports that the node ``id`` gives, alone or linked; the reverse of supports_of.

        >>> from argmap import MapBuilder
        >>> m = (MapBuilder("T").claim("c", "C.").claim("d", "D.").premise("q", "Q.")
        ...      .premise("p", "P.", supports=["c", "d"]).support("c", by=["q", "p"]).build())
        >>> [support.id for support in m.supports_by("p")]
        ['q+p->c', 'p->c', 'p->d']
        """
        node = self.node(id)
        return tuple(self._relations_from(node.id)[0])

    def attacks_by(self, id: str) -> tuple[Attack, ...]:
        """The attacks that the node ``id`` makes, on nodes or supports; the reverse of attacks_on.

        >>> from argmap import MapBuilder
        >>> m = (MapBuilder("T").claim("c", "C.").premise("p", "P.", supports="c")
        ...      .rebuttal("r", "R.", attacks=["c", "p->c"]).build())
        >>> [attack.target for attack in m.attacks_by("r")], m.attacks_by("p")
        (['c', 'p->c'], ())
        """
        node = self.node(id)
        return tuple(self._relations_from(node.id)[1])

    def _relations_to(self, id: str) -> tuple[list[Support], list[Attack]]:
        index = self._incoming
        if index is None:
            pairs = ((relation.target, relation) for relation in self.relations)
            index = _index(pairs)
            object.__setattr__(self, "_incoming", index)
        return index.get(id, ([], []))

    def _relations_from(self, id: str) -> tuple[list[Support], list[Attack]]:
        index = self._outgoing
        if index is None:
            pairs = ((node, r) for r in self.relations for node in dict.fromkeys(r.by))
            index = _index(pairs)
            object.__setattr__(self, "_outgoing", index)
        return index.get(id, ([], []))

    def __contains__(self, id: object) -> bool:
        """Whether a node or relation has this id."""
        return id in self._elements


def _resolves(
    nodes: tuple[Node, ...],
    relations: tuple[Relation, ...],
    *,
    order: Mapping[str, int],
    elements: Mapping[str, Node | Relation],
    sources: Mapping[str, Source],
    participants: Mapping[str, Participant],
) -> bool:
    """Whether every reference resolves, tested with set operations (no messages)."""
    speakers = set(map(_SPEAKER, nodes))
    speakers.discard(None)
    cited = set(map(_SOURCE, chain(nodes, relations)))
    cited.discard(None)
    supports = [r for r in relations if type(r) is Support]
    attacks = [r for r in relations if type(r) is not Support]
    attacked = set(map(_TARGET, attacks))
    return (
        speakers <= participants.keys()
        and {ref.doc for ref in cited} <= sources.keys()
        and order.keys() >= set(chain.from_iterable(map(_BY, relations)))
        and order.keys() >= set(map(_TARGET, supports))
        and (attacked <= order.keys() or attacked - order.keys() <= set(map(_ID, supports)))
    )


_ID, _BY, _TARGET = (operator.attrgetter(name) for name in ("id", "by", "target"))
_SPEAKER, _SOURCE, _FIRST = (
    operator.attrgetter("speaker"),
    operator.attrgetter("source"),
    operator.itemgetter(0),
)


def _index(pairs: Iterable[tuple[str, Relation]]) -> _Index:
    """Supports and attacks, each in the map's order, grouped by the id paired with each."""
    index: _Index = {}
    for ident, relation in pairs:
        lists = index.setdefault(ident, ([], []))
        if isinstance(relation, Support):
            lists[0].append(relation)
        else:
            lists[1].append(relation)
    return index
