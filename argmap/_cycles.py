"""Supports that run in a circle: the groups of nodes each of which ends up supporting itself.

>>> from argmap import Support
>>> support_cycles([Support(["a"], "b"), Support(["b"], "a")], {"a": 0, "b": 1})
[['a', 'b']]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from argmap.relations import Support

__all__ = ["support_cycles"]


def support_cycles(supports: list[Support], position: Mapping[str, int]) -> list[list[str]]:
    """Find the groups of nodes whose supports run in a circle, each group in map order.

    A group is a strongly connected component of the support graph with two nodes or more
    (a node cannot support itself); groups come in the order of their first node.

    A circle cannot run only forward or only backward in map order: it has an edge of each
    direction. So if every edge runs the same way there is none, which settles most maps in
    one pass; otherwise Tarjan's algorithm, with an explicit stack (no recursion, linear
    time), starts from the sources of the rarer direction only.
    """
    ahead = [
        position[source] < position[support.target] for support in supports for source in support.by
    ]
    count = ahead.count(True)
    if count in (0, len(ahead)):
        return []
    rare = count <= len(ahead) - count
    roots = [
        source
        for support in supports
        for source in support.by
        if (position[source] < position[support.target]) == rare
    ]
    successors: dict[str, list[str]] = {}
    for support in supports:
        for source in support.by:
            successors.setdefault(source, []).append(support.target)
    label = _components(roots, successors)
    groups: dict[int, list[str]] = {}
    for ident in position:
        number = label.get(ident)
        if number is not None:
            groups.setdefault(number, []).append(ident)
    return list(groups.values())


def _components(roots: Iterable[str], successors: Mapping[str, list[str]]) -> dict[str, int]:
    """Label each node in a strongly connected component of two or more, reachable from roots."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    label: dict[str, int] = {}
    for root in roots:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work: list[tuple[str, Iterator[str]]] = [(root, iter(successors.get(root, ())))]
        while work:
            node, remaining = work[-1]
            for successor in remaining:
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
                        number = len(label)
                        while True:
                            label[member] = number
                            if member == node:
                                break
                            member = stack.pop()
                            on_stack.discard(member)
    return label
