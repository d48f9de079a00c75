"""arg-microtexts argumentation graphs (``arggraph`` XML, Peldszus and Stede): read.

EDUs are text segments; an ADU is a statement whose text is its EDUs' texts (through a
joint, several EDUs joined); ``sup`` and ``exa`` edges are supports (``exa``: the premise's
basis is ``example``), ``add`` edges make them linked; ``reb`` is an attack on an ADU,
``und`` an undercut of a support. The ADU that argues for nothing is the main claim. See
``docs/formats/microtexts.md`` for the mapping and what is lost.

>>> xml = '''<arggraph id="g1">
...   <edu id="e1"><![CDATA[Bins stink.]]></edu><edu id="e2"><![CDATA[Sort waste.]]></edu>
...   <adu id="a1" type="opp"/><adu id="a2" type="pro"/>
...   <edge id="c1" src="e1" trg="a1" type="seg"/><edge id="c2" src="e2" trg="a2" type="seg"/>
...   <edge id="c3" src="a1" trg="a2" type="reb"/>
... </arggraph>'''
>>> [(n.kind, n.text) for n in read(xml).map.nodes]
[('rebuttal', 'Bins stink.'), ('claim', 'Sort waste.')]
"""

from __future__ import annotations

from argmap.formats.microtexts._read import read

__all__ = ["CARRIES", "read"]

#: What an arg-microtexts graph carries of a map.
CARRIES: frozenset[str] = frozenset(
    {"statement", "support", "linked support", "attack", "undercut", "main claim", "basis"}
)
