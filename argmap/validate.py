"""Argumentation policy: every finding about a map, each with a stable code."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from argmap._cycles import support_cycles
from argmap._gc import paused_gc
from argmap.argument_map import ArgumentMap
from argmap.codes import Code
from argmap.findings import Finding, Location
from argmap.nodes import Claim, Node, Premise, Rebuttal, Recommendation
from argmap.relations import Support

__all__ = ["validate"]

#: A finding before it is located: position in the map, code, section, element, message.
_Draft = tuple[int, Code, str, str | None, str]


def validate(amap: ArgumentMap) -> tuple[Finding, ...]:
    """Every policy finding about ``amap`` (codes ``AM301``-``AM310``), never just the first.

    Findings come in map order: map-level ones (``AM305``) first, then by the position of
    their element (nodes in map order, then participants, then sources), then by code.
    A node gets at most one of ``AM301``, ``AM302``, ``AM303`` and ``AM308``, the most
    specific: a rebuttal that attacks nothing gets ``AM301`` and a recommendation with no
    support ``AM302``, isolated or not; an isolated premise gets ``AM303``, not ``AM308``.
    Locations carry ``file:line:col`` when the map was read from a file.

    >>> import argmap
    >>> amap = (
    ...     argmap.MapBuilder("T")
    ...     .claim("c", "Ties matter.")
    ...     .premise("p", "Trade grew.", supports="c")
    ...     .recommendation("r", "Keep talking.")
    ...     .build()
    ... )
    >>> for finding in argmap.validate(amap):
    ...     print(finding.code, finding.severity, finding.message)
    AM305 warning map 'T' has no main claim; mark its thesis with 'main: true'
    AM302 warning recommendation 'r' has no support; add a premise that supports it
    """
    with paused_gc():
        drafts = [
            *_node_drafts(amap),
            *_duplicate_texts(amap.nodes),
            *_provenance_drafts(amap),
            *_relation_drafts(amap),
        ]
    drafts.sort(key=lambda draft: (draft[0], draft[1]))
    return tuple(
        code.finding(message, _locate(amap, section, element))
        for _, code, section, element, message in drafts
    )


def _locate(amap: ArgumentMap, section: str, element: str | None) -> Location:
    if amap.origin is None:
        return Location(element=element)
    if element is None:
        return amap.origin.location(None, ())
    if section == "nodes":
        return amap.origin.location(element)
    if section == "relations":  # written under its home node's 'supports' or 'attacks'
        relation = amap.relation(element)
        home = amap.origin.paths.get(relation.by[0])
        if home is not None:
            key = "supports" if relation.kind == "support" else "attacks"
            return amap.origin.location(element, (*home, key))
        return Location(amap.origin.file, element=element)
    # A participant's or source's id may also be a node's: name its place explicitly.
    return amap.origin.location(element, (section, element))


def _node_drafts(amap: ArgumentMap) -> Iterator[_Draft]:
    """AM301-AM305 and AM308: how nodes are (not) joined by relations."""
    nodes = amap.nodes
    supports = [r for r in amap.relations if type(r) is Support]
    attacks = [r for r in amap.relations if type(r) is not Support]
    supporters = set(chain.from_iterable(r.by for r in supports))
    supported = {r.target for r in supports}
    attackers = set(chain.from_iterable(r.by for r in attacks))
    attacked = {r.target for r in attacks}

    if not any(type(node) is Claim and node.main for node in nodes):
        yield (
            -1,
            Code.NO_MAIN_CLAIM,
            "",
            None,
            f"map {amap.title!r} has no main claim; mark its thesis with 'main: true'",
        )

    # Sets first, so that a clean map costs no loop in Python over its nodes.
    idle_rebuttals = {n.id for n in nodes if type(n) is Rebuttal} - attackers
    lonely = {n.id for n in nodes if type(n) is Recommendation} - supported
    silent = {n.id for n in nodes} - supporters - attackers  # neither supports nor attacks
    isolated = silent - supported - attacked - idle_rebuttals - lonely
    idle_premises = {n.id for n in nodes if type(n) is Premise} & silent - isolated
    flagged = idle_rebuttals | lonely | isolated | idle_premises
    for index, node in enumerate(nodes):
        ident, kind = node.id, node.kind
        if ident not in flagged:
            continue
        if ident in idle_rebuttals:
            yield (
                index,
                Code.REBUTTAL_ATTACKS_NOTHING,
                "nodes",
                ident,
                f"rebuttal {ident!r} attacks nothing; make it attack the claim, premise or "
                f"support it challenges",
            )
        elif ident in lonely:
            yield (
                index,
                Code.UNSUPPORTED_RECOMMENDATION,
                "nodes",
                ident,
                f"recommendation {ident!r} has no support; add a premise that supports it",
            )
        elif ident in isolated:
            yield (
                index,
                Code.ISOLATED_NODE,
                "nodes",
                ident,
                f"{kind} {ident!r} is connected to nothing; make it support or attack "
                f"another node, or remove it",
            )
        else:
            yield (
                index,
                Code.IDLE_PREMISE,
                "nodes",
                ident,
                f"premise {ident!r} neither supports nor attacks anything; make it support "
                f"the node it is a reason for, or attack the one it counts against",
            )

    if supports:
        position = {node.id: index for index, node in enumerate(amap.nodes)}
        for cycle in support_cycles(supports, position):
            names = ", ".join(repr(ident) for ident in cycle)
            yield (
                position[cycle[0]],
                Code.SUPPORT_CYCLE,
                "nodes",
                cycle[0],
                f"the supports among {names} run in a circle, so each ends up supporting "
                f"itself; remove or reverse one of them",
            )


def _duplicate_texts(nodes: tuple[Node, ...]) -> Iterator[_Draft]:
    """AM309: nodes whose text equals an earlier node's, ignoring case and spacing."""
    # Texts hold no control characters (the model checks), so a key needs its spacing
    # collapsed only if it has a double space or other white space, which is unprintable.
    # Case folding maps each character alone, so the texts are folded joined, in one call,
    # by line breaks, which no text holds.
    folded = "\n".join([node.text for node in nodes]).casefold()
    keys = folded.split("\n")
    if "  " in folded or not all(map(str.isprintable, keys)):
        keys = [_text_key(key) if "  " in key or not key.isprintable() else key for key in keys]
    if len(set(keys)) == len(keys):
        return
    first: dict[str, int] = {}
    for index, key in enumerate(keys):
        earlier = first.setdefault(key, index)
        if earlier != index:
            node = nodes[index]
            yield (
                index,
                Code.DUPLICATE_TEXT,
                "nodes",
                node.id,
                f"{node.kind} {node.id!r} has the same text as {nodes[earlier].id!r}; "
                f"merge the two nodes or reword one",
            )


def _text_key(text: str) -> str:
    r"""Casefold ``text`` and collapse its white space.

    >>> _text_key("Trade  grew\u00a0FAST")
    'trade grew fast'
    """
    return " ".join(text.casefold().split())


def _relation_drafts(amap: ArgumentMap) -> Iterator[_Draft]:
    """AM310: implicit relations that do not say how the text implies them."""
    unexplained = [r for r in amap.relations if r.implicit and r.note is None]
    if not unexplained:
        return
    position = {node.id: index for index, node in enumerate(amap.nodes)}
    for relation in unexplained:
        yield (
            position[relation.by[0]],
            Code.UNEXPLAINED_IMPLICIT_RELATION,
            "relations",
            relation.id,
            f"{relation.kind} {relation.id!r} is implicit but has no note; say in its "
            f"'note' how the text implies it",
        )


#: Roles of participants who run a discussion rather than argue in it: they may speak no node.
_PRESIDING = ("moderator", "chair")


def _presides(role: str | None) -> bool:
    """Whether ``role`` (a participant's) is one of :data:`_PRESIDING`, as its first word."""
    return role is not None and role.split(maxsplit=1)[0].strip(",;:").casefold() in _PRESIDING


def _provenance_drafts(amap: ArgumentMap) -> Iterator[_Draft]:
    """AM306 and AM307: participants who speak no node, sources no node cites."""
    start = len(amap.nodes)
    if amap.participants:
        speakers = {node.speaker for node in amap.nodes}
        for index, participant in enumerate(amap.participants, start):
            if participant.id not in speakers and not _presides(participant.role):
                yield (
                    index,
                    Code.UNUSED_PARTICIPANT,
                    "participants",
                    participant.id,
                    f"participant {participant.id!r} speaks no node; name them as a "
                    f"node's 'speaker' or remove them",
                )
    start += len(amap.participants)
    if amap.sources:
        cited = {
            item.source.doc for item in (*amap.nodes, *amap.relations) if item.source is not None
        }
        for index, source in enumerate(amap.sources, start):
            if source.id not in cited:
                yield (
                    index,
                    Code.UNUSED_SOURCE,
                    "sources",
                    source.id,
                    f"source {source.id!r} is cited by no node; cite it in a node's "
                    f"'source' or remove it",
                )
