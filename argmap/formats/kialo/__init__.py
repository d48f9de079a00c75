"""Kialo discussion text exports, in the one-line and the indented layout: read.

The thesis (or each thesis of a multi-thesis question) is a main claim; a ``Pro`` supports
its parent and a ``Con`` attacks it; ``-> See 1.2.3.`` makes claim 1.2.3 support or attack
the parent as well; the lines under ``Sources:`` become the map's sources. Ids are the
claims' numbers (``1.2.3``). See ``docs/formats/kialo.md`` for the layouts assumed.

>>> text = '''Discussion Title: Ban cars from city centres?
...
... 1. Cities should ban cars from their centres.
... 1.1. Pro: Cleaner air improves health.
... 1.2. Con: Shops would lose customers.
... 1.2.1. Con: -> See 1.1.
... '''
>>> m = read(text).map
>>> [(n.id, n.kind) for n in m.nodes], [r.id for r in m.relations]
([('1', 'claim'), ('1.1', 'rebuttal'), ('1.2', 'rebuttal')], ['1.1->1', '1.1->1.2', '1.2->1'])
"""

from __future__ import annotations

from argmap.formats.kialo._read import read

__all__ = ["CARRIES", "read"]

#: What a Kialo export carries of a map.
CARRIES: frozenset[str] = frozenset(
    {"statement", "support", "attack", "main claim", "source", "title"}
)
