"""Small queries the example tests share, over ArgumentMap.supports_of and attacks_on."""

from __future__ import annotations

from argmap import ArgumentMap


def supporters(amap: ArgumentMap, target: str) -> set[str]:
    """The nodes that support ``target``, alone or linked with others."""
    return {node for support in amap.supports_of(target) for node in support.by}


def attackers(amap: ArgumentMap, target: str) -> set[str]:
    """The nodes that attack ``target``: a node, or a support (an undercut)."""
    return {attack.by for attack in amap.attacks_on(target)}
