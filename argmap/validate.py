"""Argumentation policy: every finding about a map, each with a stable code."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from argmap.argument_map import ArgumentMap
from argmap.codes import CODES
from argmap.findings import Finding, Location
from argmap.relations import Support

__all__ = ["validate"]

#: A finding before it is located: position in the map, code, section, element, message.
_Draft = tuple[int, str, str, str | None, str]


def validate(amap: ArgumentMap) -> tuple[Finding, ...]:
    """Every policy finding about ``amap`` (codes ``AM301``-``AM309``), never just the first.

    Findings come in map order: map-level ones (``AM305``) first, then by the position of
    their element (nodes in map order, then participants, then sources), then by code.
    A node gets at most one of ``AM301``, ``AM302``, ``AM303`` and ``AM308``, the most
    specific: a rebuttal that attacks nothing gets ``AM301`` and a recommendation with
    no support ``AM302``, even when they are also isolated; an isolated premise gets
    ``AM303``, not ``AM308``. Locations carry ``file:line:col`` when the map was read.

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
    drafts = [*_node_drafts(amap), *_provenance_drafts(amap)]
    drafts.sort(key=lambda draft: (draft[0], draft[1]))
    return tuple(
        Finding(code, CODES[code].severity, message, _locate(amap, section, element))
        for _, code, section, element, message in drafts
    )


def _locate(amap: ArgumentMap, section: str, element: str | None) -> Location:
    if amap.origin is None:
        return Location(element=element)
    if element is None:
        return amap.origin.location(None, ())
    if section == "nodes":
        return amap.origin.location(element)
    # Participant and source ids may equal a node's id: name their place explicitly.
    return amap.origin.location(element, (section, element))


def _node_drafts(amap: ArgumentMap) -> Iterator[_Draft]:
    """AM301-AM305, AM308 and AM309: the checks over nodes and relations."""
    nodes = amap.nodes
    position = {node.id: index for index, node in enumerate(nodes)}
    supporters: set[str] = set()
    supported: set[str] = set()
    attackers: set[str] = set()
    attacked: set[str] = set()
    successors: dict[int, list[int]] = {}
    for relation in amap.relations:
        if isinstance(relation, Support):
            supporters.update(relation.by)
            supported.add(relation.target)
            target = position[relation.target]
            for source in relation.by:
                successors.setdefault(position[source], []).append(target)
        else:
            attackers.add(relation.by)
            attacked.add(relation.target)
    related = supporters | supported | attackers | attacked

    if not any(node.kind == "claim" and node.main for node in nodes):  # type: ignore[union-attr]
        yield (-1, "AM305", "", None,
               f"map {amap.title!r} has no main claim; mark its thesis with 'main: true'")

    first_with_text: dict[str, str] = {}
    for index, node in enumerate(nodes):
        ident, kind = node.id, node.kind
        if kind == "rebuttal" and ident not in attackers:
            yield (index, "AM301", "nodes", ident,
                   f"rebuttal {ident!r} attacks nothing; make it attack the claim, premise "
                   f"or support it challenges")
        elif kind == "recommendation" and ident not in supported:
            yield (index, "AM302", "nodes", ident,
                   f"recommendation {ident!r} has no support; add a premise that supports it")
        elif ident not in related:
            yield (index, "AM303", "nodes", ident,
                   f"{kind} {ident!r} is connected to nothing; make it support or attack "
                   f"another node, or remove it")
        elif kind == "premise" and ident not in supporters and ident not in attackers:
            yield (index, "AM308", "nodes", ident,
                   f"premise {ident!r} neither supports nor attacks anything; make it support "
                   f"the node it is a reason for")
        text = " ".join(node.text.casefold().split())
        first = first_with_text.setdefault(text, ident)
        if first != ident:
            yield (index, "AM309", "nodes", ident,
                   f"{kind} {ident!r} has the same text as {first!r}; merge the two nodes "
                   f"or reword one")

    for cycle in _support_cycles(successors, len(nodes)):
        names = ", ".join(repr(nodes[index].id) for index in cycle)
        yield (cycle[0], "AM304", "nodes", nodes[cycle[0]].id,
               f"the supports among {names} run in a circle, so each ends up supporting "
               f"itself; remove or reverse one of them")


def _provenance_drafts(amap: ArgumentMap) -> Iterator[_Draft]:
    """AM306 and AM307: participants who speak no node, sources no node cites."""
    start = len(amap.nodes)
    if amap.participants:
        speakers = {node.speaker for node in amap.nodes}
        for index, participant in enumerate(amap.participants, start):
            if participant.id not in speakers:
                yield (index, "AM306", "participants", participant.id,
                       f"participant {participant.id!r} speaks no node; name them as a node's "
                       f"'speaker' or remove them")
    start += len(amap.participants)
    if amap.sources:
        cited = {node.source.doc for node in amap.nodes if node.source is not None}
        for index, source in enumerate(amap.sources, start):
            if source.id not in cited:
                yield (index, "AM307", "sources", source.id,
                       f"source {source.id!r} is cited by no node; cite it in a node's "
                       f"'source' or remove it")


def _support_cycles(successors: dict[int, list[int]], size: int) -> list[list[int]]:
    """The strongly connected components with a cycle, each in map order, ordered by first.

    Tarjan's algorithm with an explicit stack: linear time, no recursion. A node cannot
    support itself (the model forbids it), so a component with a cycle has two nodes or more.
    """
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[int] = []
    component = [-1] * size
    count = 0
    for root in successors:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work: list[tuple[int, Iterator[int]]] = [(root, iter(successors[root]))]
        while work:
            node, edges = work[-1]
            for successor in edges:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(successors.get(successor, ()))))
                    break
                if successor in on_stack and index[successor] < low[node]:
                    low[node] = index[successor]
            else:
                work.pop()
                if work and low[node] < low[work[-1][0]]:
                    low[work[-1][0]] = low[node]
                if low[node] == index[node]:
                    member = stack.pop()
                    on_stack.discard(member)
                    if member != node:
                        while True:
                            component[member] = count
                            if member == node:
                                break
                            member = stack.pop()
                            on_stack.discard(member)
                        count += 1
    return _group(component, count)


def _group(component: Sequence[int], count: int) -> list[list[int]]:
    """Positions by component, each list in map order, components ordered by first member."""
    members: list[list[int]] = [[] for _ in range(count)]
    for position, label in enumerate(component):
        if label >= 0:
            members[label].append(position)
    return sorted(members, key=lambda group: group[0])
