"""AIF: the Argument Interchange Format's JSON nodesets, as AIFdb and OVA write them.

Statements (I-nodes) become nodes, inferences (RA) supports, conflicts (CA) attacks, and
the dialogue layer (L, YA, locutions, participants) the nodes' speakers; see
``docs/formats/aif.md`` for the whole mapping, the kind rule and what is lost each way.
xAIF documents (``{"AIF": ..., "OVA": ..., "text": ...}``) are read and written by
:mod:`argmap.formats.aif.xaif`.

>>> import argmap
>>> m = (argmap.MapBuilder("Tea").claim("c", "Drink tea.", main=True)
...      .premise("p", "Tea is warm.", supports="c").build())
>>> out = write(m)
>>> [node["type"] for node in json.loads(out.text)["nodes"]]
['I', 'I', 'RA']
>>> read(out.text).map == m
True
"""

from __future__ import annotations

import json

from argmap.argument_map import ArgumentMap
from argmap.codes import Code
from argmap.formats._json_syntax import load_json
from argmap.formats.aif._context import Context
from argmap.formats.aif._read import read_nodeset
from argmap.formats.aif._write import write_nodeset
from argmap.formats.interchange import Exported, Imported

__all__ = ["CARRIES", "read", "sniff", "write"]

#: What of a map an AIF nodeset carries (the writer reports a loss for the rest).
CARRIES = frozenset(
    {
        "statement",
        "claim",
        "premise",
        "rebuttal",
        "recommendation",
        "main claim",
        "support",
        "linked support",
        "attack",
        "undercut",
        "speaker",
        "participant",
        "title",
    }
)


def read(text: str, *, file: str | None = None) -> Imported:
    """The map an AIF nodeset holds, and findings of what it could not represent.

    Raises :class:`~argmap.ParseError` if ``text`` is no JSON, or no object with nodes
    or edges.

    >>> read('{"nodes": [{"nodeID": 1, "type": "I", "text": "Tea."}], "edges": []}').map.nodes
    (Claim(id='1', text='Tea.', ...),)
    """
    data = load_json(text, file)
    ctx = Context(text, file)
    if not isinstance(data, dict) or not ({"nodes", "edges"} & data.keys()):
        raise ctx.fail(
            Code.WRONG_TYPE,
            "an AIF nodeset is a JSON object with 'nodes' and 'edges' lists; this is "
            + (
                f"a JSON {type(data).__name__}"
                if not isinstance(data, dict)
                else "an object without them"
            ),
        )
    return read_nodeset(data, ctx)


def write(amap: ArgumentMap) -> Exported:
    r"""``amap`` as an AIF nodeset (JSON, two-space indent), and what it could not carry.

    >>> import argmap
    >>> text = write(argmap.MapBuilder("T").claim("c", "C.", main=True).build()).text
    >>> print(*text.splitlines()[:5], sep="\n")
    {
      "nodes": [
        {
          "nodeID": "c",
          "text": "C.",
    """
    data, losses = write_nodeset(amap)
    return Exported(json.dumps(data, ensure_ascii=False, indent=2) + "\n", losses)


def sniff(data: object) -> bool:
    """Whether a parsed JSON value looks like an AIF nodeset (not xAIF, not SADFace).

    >>> sniff({"nodes": [{"nodeID": "1", "type": "I", "text": "T."}], "edges": []})
    True
    >>> sniff({"nodes": [], "edges": [], "locutions": []}), sniff({"AIF": {"nodes": []}})
    (True, False)
    """
    if not isinstance(data, dict) or "AIF" in data:
        return False
    nodes, edges = data.get("nodes"), data.get("edges")
    if not isinstance(nodes, list) or not isinstance(edges, list):
        return False
    if not nodes and not edges:
        return "locutions" in data or set(data) <= {"nodes", "edges", "participants", "argmap"}
    first = (nodes or edges)[0]
    return isinstance(first, dict) and ("nodeID" in first or "fromID" in first)
