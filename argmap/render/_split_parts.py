"""The parts of a map that the pages of a split drawing show: see :mod:`argmap.render.split`."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from argmap.analysis.focus import Focus, Stub, focus
from argmap.argument_map import ArgumentMap
from argmap.nodes import Claim
from argmap.relations import Support

__all__ = ["arms_of", "around", "ends", "frontier", "node_of", "piece", "starts", "top"]

#: Stub kinds that mean a node's reasons or objections are cut off: its branch goes on.
_CUT = ("reasons", "objections")


def frontier(part: Focus | None) -> list[str]:
    """The drawn nodes whose reasons or objections are cut off, in the map's order."""
    stubs = () if part is None else part.stubs
    return list(dict.fromkeys(stub.node for stub in stubs if stub.kind in _CUT))


def starts(amap: ArgumentMap) -> list[str]:
    """The main claims; else the nodes that bear on nothing; else the first node."""
    mains = [node.id for node in amap.nodes if getattr(node, "main", False)]
    bearing = {ident for relation in amap.relations for ident in relation.by}
    tops = [node.id for node in amap.nodes if node.id not in bearing]
    return mains or tops or [amap.nodes[0].id]


def top(amap: ArgumentMap, start: str, drawn: set[str]) -> str:
    """From ``start``, up what it supports or attacks, while that is not drawn yet."""
    seen = [start]
    while True:
        above = (node_of(amap, r.target) for r in amap.relations if seen[-1] in r.by)
        up = next((ident for ident in above if ident not in drawn and ident not in seen), None)
        if up is None:
            return seen[-1]
        seen.append(up)


def node_of(amap: ArgumentMap, target: str) -> str:
    """The node ``target`` is, or the conclusion of the support it names (an undercut's)."""
    nodes = {node.id for node in amap.nodes}
    while target not in nodes:
        target = amap.relation(target).target
    return target


def around(amap: ArgumentMap, roots: Sequence[str], depth: int | None) -> Focus:
    """The part around several nodes: that around a stand-in claim they all support, less it.

    So :func:`~argmap.focus` alone decides what is drawn and where the stubs go.
    """
    if len(roots) == 1:
        return focus(amap, roots[0], depth=depth)
    below = None if depth is None else depth + 1
    stand_in = next(
        name
        for name in (f"overview-{number}" for number in range(len(amap.nodes) + 2))
        if name not in amap and not any(r.id.endswith(f"->{name}") for r in amap.relations)
    )
    joined = attrs.evolve(
        amap,
        nodes=[*amap.nodes, Claim(stand_in, "All.")],
        relations=[*amap.relations, *(Support([root], stand_in) for root in roots)],
    )
    part = focus(joined, stand_in, depth=below)
    drawn = attrs.evolve(
        part.map,
        nodes=[node for node in part.map.nodes if node.id != stand_in],
        relations=[r for r in part.map.relations if r.target != stand_in],
    )
    stubs = tuple(stub for stub in part.stubs if stub.node != stand_in)
    return Focus(drawn, roots[0], depth, stubs)


def arms_of(amap: ArgumentMap, node: str) -> list[str]:
    """The ids of the supports of ``node`` and of the attacks on it, in the map's order."""
    return [r.id for r in amap.relations if r.target == node]


def ends(amap: ArgumentMap, arm: str) -> list[str]:
    """The nodes that a support or attack ``arm`` runs from, and those undercutting it."""
    relation = amap.relation(arm)
    return [*relation.by, *(attack.attacker for attack in amap.attacks_on(arm))]


def piece(amap: ArgumentMap, node: str, arms: Sequence[str], kept: Sequence[str]) -> Focus:
    """``node`` with the reasons and objections of the ``kept`` arms, a stub for the others."""
    left = [arm for arm in arms if arm not in kept]
    cut = set(left) | {r.id for r in amap.relations if r.target in left}  # and their undercuts
    rest = attrs.evolve(amap, relations=[r for r in amap.relations if r.id not in cut])
    part = focus(rest, node, depth=1)
    reasons = tuple(arm for arm in left if isinstance(amap.relation(arm), Support))
    objections = tuple(arm for arm in left if arm not in reasons)
    stubs = [Stub(node, "reasons", reasons)] if reasons else []
    stubs += [Stub(node, "objections", objections)] if objections else []
    return Focus(part.map, node, 1, (*stubs, *part.stubs))
