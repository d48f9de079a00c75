"""Small queries the example tests share, over ArgumentMap.supports_of and attacks_on."""

from __future__ import annotations

from argmap import ArgumentMap, Claim, Premise


def supporters(amap: ArgumentMap, target: str) -> set[str]:
    """The nodes that support ``target``, alone or linked with others."""
    return {node for support in amap.supports_of(target) for node in support.by}


def attackers(amap: ArgumentMap, target: str) -> set[str]:
    """The nodes that attack ``target``: a node, or a support (an undercut)."""
    return {attack.attacker for attack in amap.attacks_on(target)}


def claim(amap: ArgumentMap, id: str) -> Claim:
    """The node ``id``, which must be a claim."""
    node = amap.node(id)
    assert isinstance(node, Claim), id
    return node


def premise(amap: ArgumentMap, id: str) -> Premise:
    """The node ``id``, which must be a premise."""
    node = amap.node(id)
    assert isinstance(node, Premise), id
    return node
