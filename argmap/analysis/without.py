"""A map without some of its nodes or relations, and without every relation that needed them."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from argmap._suggest import closest, did_you_mean
from argmap.argument_map import ArgumentMap
from argmap.errors import UnknownIdError
from argmap.relations import Relation, Support

__all__ = ["without"]


def without(amap: ArgumentMap, ids: Iterable[str]) -> ArgumentMap:
    """A new map like ``amap`` but without the nodes and relations ``ids`` names.

    Removing cascades: a support goes with its target or its last premise (a linked
    support that loses some premises keeps the others, and its id); an attack goes with
    its attacker or its target, node or support. Everything else stays as it was, in the
    same order, with the same title, metadata, sources and participants, so that the
    result is a valid map. An id that names nothing in the map is an
    :class:`~argmap.UnknownIdError`.

    >>> import argmap
    >>> m = (argmap.MapBuilder("T").claim("c", "C.", main=True)
    ...      .premise("p", "P.").premise("q", "Q.").support("c", by=["p", "q"])
    ...      .rebuttal("u", "U.", attacks="p+q->c").rebuttal("r", "R.", attacks="c").build())
    >>> smaller = argmap.without(m, ["q", "r"])
    >>> [node.id for node in smaller.nodes], [(r.id, r.by) for r in smaller.relations]
    (['c', 'p', 'u'], [('p+q->c', ('p',)), ('u->p+q->c', ('u',))])
    >>> [node.id for node in argmap.without(m, ["c"]).nodes], argmap.without(m, ["c"]).relations
    (['p', 'q', 'u', 'r'], ())
    """
    gone = set(ids) if not isinstance(ids, str) else {ids}
    unknown = sorted(ident for ident in gone if ident not in amap)
    if unknown:
        known = [node.id for node in amap.nodes] + [r.id for r in amap.relations]
        hint = did_you_mean(closest(unknown[0], known))
        raise UnknownIdError(f"no node or relation with id {unknown[0]!r}{hint}")
    if not gone:
        return amap
    supports = [r for r in amap.relations if isinstance(r, Support)]
    gone.update(  # a support's target is a node, so this settles every support
        s.id for s in supports if s.target in gone or gone.issuperset(s.by)
    )
    relations: list[Relation] = []
    for relation in amap.relations:
        if relation.id in gone or relation.target in gone:
            continue
        if gone.isdisjoint(relation.by):
            relations.append(relation)
        elif isinstance(relation, Support):  # some premises are left, or it would be gone
            premises = tuple(ident for ident in relation.by if ident not in gone)
            relations.append(attrs.evolve(relation, by=premises))
    return ArgumentMap(
        amap.title,
        nodes=[node for node in amap.nodes if node.id not in gone],
        relations=relations,
        sources=amap.sources,
        participants=amap.participants,
        metadata=amap.metadata,
        origin=amap.origin,
    )
