"""Which nodes of a map are where: main claims, roots, leaves, branches, the unreached."""

from __future__ import annotations

from argmap.analysis.focus import check_depth, check_node, reach
from argmap.argument_map import ArgumentMap
from argmap.nodes import Claim, Node

__all__ = ["branch", "leaves", "main_claims", "roots", "unreached"]


def main_claims(amap: ArgumentMap) -> tuple[Claim, ...]:
    """The claims marked ``main``, in the map's order.

    >>> import argmap
    >>> m = (argmap.MapBuilder("T").claim("c", "C.", main=True).claim("d", "D.")
    ...      .claim("e", "E.", main=True).build())
    >>> [claim.id for claim in argmap.main_claims(m)]
    ['c', 'e']
    """
    return tuple(node for node in amap.nodes if type(node) is Claim and node.main)


def roots(amap: ArgumentMap) -> tuple[Node, ...]:
    """The nodes at the top: those that support nothing and attack nothing, in map order.

    No relation starts at a root; a node connected to nothing is a root and a leaf.

    >>> import argmap
    >>> m = (argmap.MapBuilder("T").claim("c", "C.", main=True)
    ...      .premise("p", "P.", supports="c").rebuttal("r", "R.", attacks="p->c")
    ...      .claim("alone", "Alone.").build())
    >>> [node.id for node in argmap.roots(m)]
    ['c', 'alone']
    """
    return tuple(
        node for node in amap.nodes if not (amap.supports_by(node.id) or amap.attacks_by(node.id))
    )


def leaves(amap: ArgumentMap) -> tuple[Node, ...]:
    """The nodes at the bottom: those nothing supports and nothing attacks, in map order.

    No relation ends at a leaf, so its :func:`branch` is the leaf alone. A premise whose
    support is undercut is still a leaf: the undercut attacks the support, not the premise.

    >>> import argmap
    >>> m = (argmap.MapBuilder("T").claim("c", "C.", main=True)
    ...      .premise("p", "P.", supports="c").rebuttal("r", "R.", attacks="p->c")
    ...      .claim("alone", "Alone.").build())
    >>> [node.id for node in argmap.leaves(m)]
    ['p', 'r', 'alone']
    """
    return tuple(
        node for node in amap.nodes if not (amap.supports_of(node.id) or amap.attacks_on(node.id))
    )


def branch(amap: ArgumentMap, node_id: str, *, depth: int | None = None) -> tuple[Node, ...]:
    """The node ``node_id`` and the nodes under it, ``depth`` steps at most, in map order.

    One step down from a node takes the premises of its supports (all of a linked
    support's), the nodes that undercut those supports, and the nodes that attack it;
    ``depth=0`` gives the node alone, ``None`` goes as far as the arrows go. These are
    the nodes of :func:`focus`'s part, whose ``map`` is the branch as a map of its own.

    >>> import argmap
    >>> m = (argmap.MapBuilder("T").claim("c", "C.", main=True)
    ...      .premise("p", "P.").premise("q", "Q.").support("c", by=["p", "q"])
    ...      .rebuttal("u", "U.", attacks="p+q->c").premise("s", "S.", supports="p").build())
    >>> [node.id for node in argmap.branch(m, "c", depth=1)]
    ['c', 'p', 'q', 'u']
    >>> [node.id for node in argmap.branch(m, "c")]
    ['c', 'p', 'q', 'u', 's']
    """
    check_depth(depth)
    check_node(amap, node_id)
    found = reach(amap, (node_id,), depth)
    return tuple(node for node in amap.nodes if node.id in found)


def unreached(amap: ArgumentMap) -> tuple[Node, ...]:
    """The nodes in no main claim's :func:`branch`, in map order.

    They are the nodes from which no chain of supports and attacks leads to a main claim;
    in a map with no main claim, every node.

    >>> import argmap
    >>> m = (argmap.MapBuilder("T").claim("c", "C.", main=True)
    ...      .premise("p", "P.", supports="c").claim("d", "D.")
    ...      .premise("q", "Q.", supports="d").build())
    >>> [node.id for node in argmap.unreached(m)]
    ['d', 'q']
    """
    found = reach(amap, (claim.id for claim in main_claims(amap)), None)
    return tuple(node for node in amap.nodes if node.id not in found)
