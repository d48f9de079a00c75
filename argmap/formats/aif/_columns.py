"""Reading a clean AIF nodeset a column at a time: the way large files are read.

A clean nodeset is one the careful reader reads without a finding: I, RA, CA, L and YA
nodes only, each RA with statements as premises and one statement as conclusion, each
CA with one statement attacking one statement or RA, each L spoken by a declared
participant and anchoring statements through a YA, and nothing repeated, missing or
odd. Its nodes and edges are read as lists (``map`` over the records, set and dict
operations in C), its edges sorted into premises and conclusions in one pass, and its
nodes and relations made with :func:`~argmap._many.make_many`.

:func:`read_clean` gives up (``None``, having reported nothing) on anything else, and the
nodeset is then read by the careful reader, which says what it found; a hypothesis test
checks that both give the same map.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import chain, compress, repeat
from operator import eq, is_not, itemgetter
from typing import Any, cast

from argmap._many import make_many
from argmap.argument_map import ArgumentMap
from argmap.errors import ModelError
from argmap.formats.aif._context import Context
from argmap.formats.aif._graph import Columns
from argmap.formats.aif._roles import Role, hinted_role, roles_of
from argmap.formats.aif._speakers import declared_participants, locution_speakers
from argmap.formats.interchange import Imported
from argmap.invariants import is_valid_id
from argmap.nodes import NODE_KINDS, Node
from argmap.provenance import Participant
from argmap.relations import Attack, Support

__all__ = ["read_clean"]

#: The node types a clean nodeset has.
_TYPES = frozenset({"I", "RA", "CA", "L", "YA"})


def read_clean(
    columns: Columns, data: dict[str, Any], ctx: Context, title: str, metadata: dict[str, Any]
) -> Imported | None:
    """The map of a clean nodeset, whose ``columns`` are given; None if it is not clean.

    ``title`` and ``metadata`` (kept under the map's ``aif`` key) are the map's.
    """
    type_of = dict(zip(columns.idents, columns.kinds, strict=True))
    clean = (
        columns.idents
        and _TYPES.issuperset(columns.kinds)
        and len(type_of) == len(columns.idents)  # no id repeated
    )
    ends = _Ends(columns.starts, columns.ends, type_of) if clean else None
    if ends is None or not ends.clean:
        return None
    start = len(ctx.findings)
    speakers = _speakers(data, ctx, columns, type_of, ends)
    if speakers is None or len(ctx.findings) != start:
        del ctx.findings[start:]
        return None
    try:
        amap = _map(columns, ends, speakers, title, {"aif": metadata} if metadata else {})
    except ModelError:  # an id or a text no map holds: the careful reader says which
        return None
    if amap is None:
        return None
    return Imported(amap, ctx.findings)


def _map(
    columns: Columns,
    ends: _Ends,
    speakers: tuple[list[Participant], dict[str, str]],
    title: str,
    metadata: dict[str, Any],
) -> ArgumentMap | None:
    """The map the columns hold; None if an RA, CA or hint is not as a clean one is."""
    relations = _Relations(columns, ends)
    if not relations.clean:
        return None
    participants, speaker_of = speakers
    nodes = _nodes(columns, speaker_of, relations)
    if nodes is None:
        return None
    return ArgumentMap(
        title,
        nodes=nodes,
        relations=[*relations.supports, *relations.attacks],
        participants=participants,
        metadata=metadata,
    )


#: The edges a clean nodeset has, by the types of the nodes they join: into a node (a
#: premise into its RA or CA, a locution into its YA), out of it (an RA's or CA's
#: conclusion, a statement a YA anchors), or neither (a YA pointing at an inference).
_INTO, _OUT, _ASIDE = range(3)
_JOINS = {
    ("I", "RA"): _INTO,
    ("I", "CA"): _INTO,
    ("L", "YA"): _INTO,
    ("RA", "I"): _OUT,
    ("CA", "I"): _OUT,
    ("CA", "RA"): _OUT,
    ("YA", "I"): _OUT,
    ("YA", "RA"): _ASIDE,
    ("YA", "CA"): _ASIDE,
}


class _Ends:
    """Each node's ends of the edges: what points into it, and what it points at.

    ``clean`` is False if an edge names no node or itself, repeats another, or joins
    two types a clean nodeset never joins.
    """

    def __init__(self, starts: list[str], ends: list[str], type_of: dict[str, str]) -> None:
        self.clean = False
        #: Into each RA or CA, its premises; into each YA, its locutions.
        self.into: defaultdict[str, list[str]] = defaultdict(list)
        #: Out of each RA or CA, its conclusions; out of each YA, the statements it anchors.
        self.out: defaultdict[str, list[str]] = defaultdict(list)
        try:
            types = zip(
                map(type_of.__getitem__, starts), map(type_of.__getitem__, ends), strict=True
            )
            joins = list(map(_JOINS.__getitem__, types))
        except KeyError:  # an edge names no node, or joins what a clean nodeset never joins
            return
        if any(map(eq, starts, ends)) or len(set(zip(starts, ends, strict=True))) != len(starts):
            return
        into, out = self.into, self.out
        for start, end, join in zip(starts, ends, joins, strict=True):
            if join is _INTO:
                into[end].append(start)
            elif join is _OUT:
                out[start].append(end)
        self.clean = True


class _Relations:
    """The supports of the RA nodes and the attacks of the CA nodes, in file order.

    ``clean`` is False unless each RA has premises and one conclusion, and each CA one
    premise and one target; the model refuses a relation from a node to itself.
    """

    def __init__(self, columns: Columns, ends: _Ends) -> None:
        premises, conclusions = ends.into, ends.out
        inferences, conflicts = columns.of_type("RA"), columns.of_type("CA")
        self.by = list(map(tuple, map(premises.__getitem__, inferences)))
        targets = list(map(conclusions.__getitem__, inferences))
        attackers = list(map(premises.__getitem__, conflicts))
        attacked = list(map(conclusions.__getitem__, conflicts))
        self.clean = all(self.by) and not set(map(len, chain(targets, attackers, attacked))) - {1}
        self.supported = [t for (t,) in targets] if self.clean else []
        self.attackers = [a for (a,) in attackers] if self.clean else []
        self.attacked = [t for (t,) in attacked] if self.clean else []
        self.supports: list[Support] = []
        self.attacks: list[Attack] = []
        if self.clean:
            self.supports = make_many(Support, by=self.by, target=self.supported, id=inferences)
            self.attacks = make_many(Attack, by=self.attackers, target=self.attacked, id=conflicts)


def _speakers(
    data: dict[str, Any], ctx: Context, columns: Columns, type_of: dict[str, str], ends: _Ends
) -> tuple[list[Participant], dict[str, str]] | None:
    """The participants, and each statement's speaker.

    None unless every participant's id is kept as it is, and every L node is the one
    locution of a YA node that anchors statements, spoken by a declared participant.
    """
    declared = declared_participants(data, ctx)
    persons = locution_speakers(data, type_of.get, ctx)
    if not all(is_valid_id(person) for person, _ in declared):
        return None
    participants: dict[str, Participant] = {}
    for ident, name in declared:
        participants.setdefault(ident, Participant(ident, name))
    yas = columns.of_type("YA")
    locutions = list(map(ends.into.__getitem__, yas))
    if set(map(len, locutions)) - {1} or not all(map(ends.out.__getitem__, yas)):
        return None  # a YA with no or several locutions, or anchoring no statement
    spoken = [first for (first,) in locutions]
    people = list(map(persons.get, spoken))
    if not all(map(participants.__contains__, people)):
        return None  # a locution spoken by no one declared
    if len(set(spoken)) != columns.kinds.count("L"):
        return None  # an L node that is no YA's locution
    speaker_of: dict[str, str] = {}
    for ya, person in zip(yas, cast(list[str], people), strict=True):
        for statement in ends.out[ya]:
            if speaker_of.setdefault(statement, person) != person:
                return None  # a statement said by two people
    return list(participants.values()), speaker_of


def _nodes(
    columns: Columns, speaker_of: dict[str, str], relations: _Relations
) -> list[Node] | None:
    """The statements as nodes, in file order, each of the kind its hint or role says.

    None if a hint names no kind.
    """
    is_statement = list(map("I".__eq__, columns.kinds))
    statements = list(compress(columns.idents, is_statement))
    role = roles_of(
        statements,
        premises=chain.from_iterable(relations.by),
        supported=relations.supported,
        attackers=relations.attackers,
        attacked=relations.attacked,
    )
    found: list[Role | None] = list(map(role.__getitem__, statements))
    hints = list(compress(columns.hints, is_statement))
    for index in compress(range(len(hints)), map(is_not, hints, repeat(None))):
        found[index] = hinted_role(hints[index])  # the writer's, where the rule is wrong
    if None in found:
        return None
    roles = cast(list[Role], found)
    kinds: list[str] = list(map(_FIRST, roles))
    texts = list(compress(columns.texts, is_statement))
    made: dict[str, Iterator[Node]] = {}
    for kind in dict.fromkeys(kinds):
        chosen = list(map(kind.__eq__, kinds))
        idents = list(compress(statements, chosen))
        fields: dict[str, Sequence[Any]] = {
            "id": idents,
            "text": list(compress(texts, chosen)),
            "speaker": list(map(speaker_of.get, idents)),
        }
        if kind == "claim":
            fields["main"] = list(map(_SECOND, compress(roles, chosen)))
        made[kind] = iter(make_many(NODE_KINDS[kind], **fields))
    return list(map(next, map(made.__getitem__, kinds)))


_FIRST, _SECOND = itemgetter(0), itemgetter(1)
