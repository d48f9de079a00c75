"""The part of a map around one node: what supports and attacks it, some levels down."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from typing import Literal

import attrs

from argmap._suggest import closest, did_you_mean
from argmap.argument_map import ArgumentMap
from argmap.errors import UnknownIdError
from argmap.relations import Attack, Relation, Support

__all__ = ["Focus", "Stub", "focus"]

#: Which way the arrows a :class:`Stub` stands for run: into its node (``reasons``,
#: ``objections``) or out of it, to something not drawn (``supports``, ``attacks``).
StubKind = Literal["reasons", "objections", "supports", "attacks"]
_KINDS: tuple[StubKind, ...] = ("reasons", "objections", "supports", "attacks")


@attrs.frozen
class Stub:
    """Relations that leave a focused part of a map at one of its nodes.

    ``kind`` says which way they run: ``reasons`` and ``objections`` are supports of and
    attacks on ``node`` from nodes not drawn (cut by the depth); ``supports`` and
    ``attacks`` go from ``node`` to what is not drawn (such as the conclusions above the
    focused node). ``relations`` are their ids, in the map's order.

    >>> Stub("p", "reasons", ("q->p", "r->p")).count
    2
    """

    node: str
    kind: StubKind
    relations: tuple[str, ...]

    @property
    def count(self) -> int:
        """How many relations leave the part here."""
        return len(self.relations)


@attrs.frozen
class Focus:
    """The part of a map around ``node``, as :func:`focus` finds it.

    ``map`` is the part itself, a valid :class:`~argmap.ArgumentMap`: the same title and
    metadata, the nodes drawn, the relations among them, and only the sources and
    participants they cite. ``stubs`` say where relations of the whole map leave it, one
    per node and kind, in the order of the map's nodes. ``depth`` is the depth asked for.

    >>> import argmap
    >>> m = argmap.MapBuilder("T").claim("c", "C.").premise("p", "P.", supports="c").build()
    >>> part = argmap.focus(m, "p")
    >>> [node.id for node in part.map.nodes], part.stubs
    (['p'], (Stub(node='p', kind='supports', relations=('p->c',)),))
    """

    map: ArgumentMap
    node: str
    depth: int | None
    stubs: tuple[Stub, ...]


def check_depth(depth: object) -> None:
    """Refuse a ``depth`` that is neither None nor a whole number of levels from 0."""
    if depth is not None and (type(depth) is not int or depth < 0):
        raise ValueError(f"depth must be None or a whole number of levels from 0, got {depth!r}")


def focus(amap: ArgumentMap, node_id: str, *, depth: int | None = None) -> Focus:
    """The part of ``amap`` around the node ``node_id``: what supports and attacks it, and so on.

    From the node, the part takes every support of it (with all of a linked support's
    co-premises, and the nodes that undercut the support) and every attack on it, then
    does the same for each node so reached, ``depth`` steps at most (``0``: the node
    alone; ``None``: as far as the arrows go). It keeps every relation among the nodes
    taken, and whatever it cuts is in :attr:`Focus.stubs`. An unknown id is an
    :class:`~argmap.UnknownIdError` that names the closest id there is.

    >>> import argmap
    >>> m = (argmap.MapBuilder("T").claim("c", "C.", main=True)
    ...      .premise("p", "P.", supports="c").premise("q", "Q.", supports="p")
    ...      .rebuttal("r", "R.", attacks="q").build())
    >>> part = argmap.focus(m, "p", depth=1)
    >>> [node.id for node in part.map.nodes], [r.id for r in part.map.relations]
    (['p', 'q'], ['q->p'])
    >>> [(stub.node, stub.kind, stub.count) for stub in part.stubs]
    [('p', 'supports', 1), ('q', 'objections', 1)]
    >>> argmap.focus(m, "P")
    Traceback (most recent call last):
    ...
    argmap.errors.UnknownIdError: "no node with id 'P'; did you mean 'p'?"
    """
    check_depth(depth)
    check_node(amap, node_id)
    drawn = reach(amap, (node_id,), depth)
    attackers: dict[str, list[str]] = {}
    for relation in amap.relations:
        if isinstance(relation, Attack):
            attackers.setdefault(relation.target, []).append(relation.attacker)
    # A support is drawn when all its ends are, and the nodes that undercut it too.
    supports = {
        relation.id
        for relation in amap.relations
        if isinstance(relation, Support)
        and relation.target in drawn
        and drawn.issuperset(relation.by)
        and drawn.issuperset(attackers.get(relation.id, ()))
    }
    kept = [relation for relation in amap.relations if _kept(relation, drawn, supports)]
    nodes = [node for node in amap.nodes if node.id in drawn]
    cited = {item.source.doc for item in (*nodes, *kept) if item.source is not None}
    speakers = {node.speaker for node in nodes}
    part = ArgumentMap(
        amap.title,
        nodes=nodes,
        relations=kept,
        sources=[source for source in amap.sources if source.id in cited],
        participants=[person for person in amap.participants if person.id in speakers],
        metadata=amap.metadata,
        origin=amap.origin,
    )
    left = (relation for relation in amap.relations if not _kept(relation, drawn, supports))
    return Focus(part, node_id, depth, _stubs(amap, drawn, left))


def check_node(amap: ArgumentMap, node_id: str) -> None:
    """Refuse an id that names no node of ``amap``, suggesting the closest that does."""
    try:
        amap.node(node_id)
    except (UnknownIdError, TypeError):
        relation = next((r for r in amap.relations if r.id == node_id), None)
        if relation is not None:  # a support or an attack: name the nodes at its ends
            ends = " or ".join(repr(end) for end in (*relation.by, relation.target))
            raise UnknownIdError(
                f"{node_id!r} is {'a support' if relation.kind == 'support' else 'an attack'}, "
                f"not a node; focus on a node at its ends: {ends}"
            ) from None
        ids = (node.id for node in amap.nodes)
        hint = did_you_mean(closest(node_id, ids)) if isinstance(node_id, str) else ""
        raise UnknownIdError(f"no node with id {node_id!r}{hint}") from None


def reach(amap: ArgumentMap, starts: Iterable[str], depth: int | None) -> set[str]:
    """The nodes ``depth`` steps at most from any of ``starts``, towards reasons and objections.

    One step from a node takes the premises of each of its supports, the nodes that
    undercut those supports, and the nodes that attack it.
    """
    levels = dict.fromkeys(starts, 0)
    waiting = deque(levels)
    while waiting:
        current = waiting.popleft()
        level = levels[current]
        if depth is not None and level >= depth:
            continue
        found: list[str] = []
        for support in amap.supports_of(current):
            found.extend(support.by)
            found.extend(attack.attacker for attack in amap.attacks_on(support.id))
        found.extend(attack.attacker for attack in amap.attacks_on(current))
        for ident in found:
            if ident not in levels:
                levels[ident] = level + 1
                waiting.append(ident)
    return set(levels)


def _kept(relation: Relation, drawn: set[str], supports: set[str]) -> bool:
    if isinstance(relation, Support):
        return relation.id in supports
    return relation.attacker in drawn and (relation.target in drawn or relation.target in supports)


def _stubs(amap: ArgumentMap, drawn: set[str], left: Iterable[Relation]) -> tuple[Stub, ...]:
    """One stub per drawn node and kind, for the relations ``left`` out that touch the part.

    A relation cut below a drawn node (its reasons and objections) is counted at that
    node; one going from drawn nodes to what is not drawn, at each of them.
    """
    found: dict[tuple[str, StubKind], list[str]] = {}
    key: tuple[str, StubKind]
    for relation in left:
        support = isinstance(relation, Support)
        if relation.target in drawn:
            key = (relation.target, "reasons" if support else "objections")
            found.setdefault(key, []).append(relation.id)
            continue
        for ident in dict.fromkeys(relation.by):
            if ident in drawn:
                key = (ident, "supports" if support else "attacks")
                found.setdefault(key, []).append(relation.id)
    return tuple(
        Stub(node.id, kind, tuple(found[node.id, kind]))
        for node in amap.nodes
        if node.id in drawn
        for kind in _KINDS
        if (node.id, kind) in found
    )
