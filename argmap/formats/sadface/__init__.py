"""SADFace, the Simple Argument Description Format (v0.1 and v0.2): read and write.

Atoms become statements; a scheme node whose ``name`` is a support (``support``,
``inference``, an argumentation scheme's name) becomes a :class:`~argmap.Support` of its
premises (several atoms into one scheme are linked); a ``conflict`` scheme becomes an
:class:`~argmap.Attack`, an undercut when it points at a support scheme. Statement kinds and
main claims come from the structure (see ``docs/formats/sadface.md``).

>>> import argmap
>>> m = (argmap.MapBuilder("T").claim("c", "C.", main=True)
...      .premise("p", "P.", supports="c").rebuttal("r", "R.", attacks="p").build())
>>> out = write(m)
>>> read(out.text).map == m, out.losses
(True, ())
>>> sniff({"nodes": [], "edges": [], "metadata": {"core": {"version": "0.2"}}})
True
"""

from __future__ import annotations

from argmap.formats.sadface._read import read
from argmap.formats.sadface._write import write

__all__ = ["CARRIES", "read", "sniff", "write"]

#: What a SADFace document carries of a map.
CARRIES: frozenset[str] = frozenset(
    {
        "statement",
        "support",
        "linked support",
        "attack",
        "undercut",
        "main claim",
        "source",
        "title",
    }
)


def sniff(data: object) -> bool:
    """Whether parsed JSON ``data`` is a SADFace document (not AIF, xAIF or argmap JSON).

    >>> sniff({"nodes": [{"nodeID": "1"}], "edges": [{"fromID": "1", "toID": "2"}]})
    False
    """
    if not isinstance(data, dict) or "AIF" in data:
        return False
    nodes, edges = data.get("nodes"), data.get("edges")
    if not isinstance(nodes, list) or not isinstance(edges, list):
        return False
    node_items = [n for n in nodes if isinstance(n, dict)]
    edge_items = [e for e in edges if isinstance(e, dict)]
    if any("nodeID" in n for n in node_items) or any("fromID" in e for e in edge_items):
        return False
    metadata = data.get("metadata")
    return (
        any(n.get("type") in ("atom", "scheme") for n in node_items)
        or any("source_id" in e for e in edge_items)
        or (isinstance(metadata, dict) and isinstance(metadata.get("core"), dict))
        or "resources" in data
    )
