"""From a map to a framework: what Dung's semantics see of a map.

Every node is an argument, and so is every support (by its id): a support is the map's
inference from its premises to its conclusion, and an undercut attacks that inference, not
a node. Each attack becomes an attack of the framework: a rebuttal or an undermining
attacks the node it targets; an undercut attacks the support. Supports add no attacks: in
Dung's semantics a conclusion does not depend on its reasons, and a premise that falls does
not take its conclusion with it (the support-aware evaluation, :mod:`.support`, is the one
that lets supports count).

>>> import argmap
>>> m = (argmap.MapBuilder("T").claim("c", "C.").premise("p", "P.", supports="c")
...      .rebuttal("r", "R.", attacks="p->c").build())
>>> af = framework_of(m)
>>> af.arguments, sorted(af.attacks)
(('c', 'p', 'r', 'p->c'), [('r', 'p->c')])
"""

from __future__ import annotations

from argmap.analysis.framework import Framework
from argmap.argument_map import ArgumentMap
from argmap.relations import Support

__all__ = ["framework_of"]


def framework_of(amap: ArgumentMap) -> Framework:
    """The map's framework: its nodes, then its supports, as arguments; its attacks as attacks."""
    supports = [r.id for r in amap.relations if type(r) is Support]
    attacks = [(r.by[0], r.target) for r in amap.relations if type(r) is not Support]
    return Framework((*(node.id for node in amap.nodes), *supports), attacks)
