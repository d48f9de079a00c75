"""A map's references that resolve to nothing, each with the id its author probably meant.

The map's constructor words them in the model's terms, the readers in the file's.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator

import attrs

from argmap._suggest import Suggester, did_you_mean, support_key
from argmap.nodes import Node
from argmap.relations import Relation, Support

__all__ = ["Unresolved", "unresolved"]


@attrs.frozen
class Unresolved:
    """A reference to an id that is not there.

    ``field`` is ``speaker``, ``source``, ``by`` or ``target``; ``wanted`` what the id must
    name (``"node"``, ``"node or support"``, ``"participant"``, ``"source"``); ``actual``
    the kind of relation it names instead, if it names one; ``closest`` the id of the wanted
    kind it most probably means.
    """

    owner: Node | Relation
    field: str
    ident: str
    wanted: str
    actual: str | None = None
    closest: str | None = None

    @property
    def message(self) -> str:
        """What is wrong, in the model's terms.

        >>> from argmap import Claim
        >>> print(Unresolved(Claim("c", "C.", speaker="Kim"), "speaker", "Kim", "participant",
        ...                  closest="kim").message)
        claim 'c': speaker 'Kim' is not a declared participant; did you mean 'kim'?
        """
        owner = self.owner
        about = f"{owner.kind} {owner.id!r}: {self.field} {self.ident!r}"
        return f"{about} is not {self.expected}{self.hint}"

    @property
    def expected(self) -> str:
        """What the id should have been: ``a node id``, ``a declared source``, ..."""
        return _EXPECTED[self.wanted]

    @property
    def hint(self) -> str:
        """The end of a message about it: what the id is instead, or what was meant.

        >>> from argmap import Attack
        >>> Unresolved(Attack("c", "a->b"), "target", "a->b", "node or support", "attack").hint
        "; 'a->b' is an attack, and attacks cannot be attacked"
        """
        if self.actual == "attack" and self.wanted == "node or support":
            return f"; {self.ident!r} is an attack, and attacks cannot be attacked"
        if self.actual is not None:
            article = "an" if self.actual == "attack" else "a"
            return f"; {self.ident!r} is {article} {self.actual}, not a {self.wanted}"
        return did_you_mean(self.closest)


_EXPECTED = {
    "node": "a node id",
    "node or support": "a node or support id",
    "participant": "a declared participant",
    "source": "a declared source",
}


def _reversed(target: str, support_ids: Collection[str]) -> str | None:
    """The support ``target`` names with its arrow the wrong way round, if there is one.

    >>> _reversed("thesis->trade", {"trade->thesis"})
    'trade->thesis'
    """
    start, arrow, end = target.rpartition("->")
    turned = f"{end}->{start}"
    return turned if arrow and turned in support_ids else None


def unresolved(
    nodes: Iterable[Node],
    relations: Iterable[Relation],
    *,
    node_ids: Collection[str],
    support_ids: Collection[str],
    source_ids: Collection[str],
    participant_ids: Collection[str],
) -> Iterator[Unresolved]:
    """Every reference of ``nodes`` and ``relations`` to an id not among those given, in order."""
    relations = tuple(relations)
    participants, sources = Suggester(participant_ids), Suggester(source_ids)
    node_names, support_names = Suggester(node_ids), Suggester(support_ids, support_key)
    kinds: dict[str, str] = {}  # relation ids to kinds, found only when needed

    def kind_of(ident: str) -> str | None:
        if not kinds:
            kinds.update((r.id, r.kind) for r in relations)
        return kinds.get(ident)

    def node(owner: Relation, field: str, ident: str) -> Unresolved:
        actual = kind_of(ident)
        guess = None if actual else node_names.closest(ident)
        return Unresolved(owner, field, ident, "node", actual, guess)

    for item in nodes:
        if item.speaker is not None and item.speaker not in participant_ids:
            guess = participants.closest(item.speaker)
            yield Unresolved(item, "speaker", item.speaker, "participant", None, guess)
        if item.source is not None and item.source.doc not in source_ids:
            guess = sources.closest(item.source.doc)
            yield Unresolved(item, "source", item.source.doc, "source", None, guess)
    for relation in relations:
        if relation.source is not None and relation.source.doc not in source_ids:
            guess = sources.closest(relation.source.doc)
            yield Unresolved(relation, "source", relation.source.doc, "source", None, guess)
        for ident in relation.by:
            if ident not in node_ids:
                yield node(relation, "by", ident)
        target = relation.target
        if target in node_ids:
            continue
        if isinstance(relation, Support):
            yield node(relation, "target", target)
        elif target not in support_ids:
            actual = kind_of(target)
            guess = None
            if actual is None and "->" in target:  # an undercut: it names a support
                guess = support_names.closest(target) or _reversed(target, support_ids)
            elif actual is None:
                guess = node_names.closest(target) or support_names.closest(target)
            yield Unresolved(relation, "target", target, "node or support", actual, guess)
