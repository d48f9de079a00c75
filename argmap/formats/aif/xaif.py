"""xAIF, as OVA3 saves it: ``{"AIF": nodeset, "OVA": layout, "text": source text}``.

The ``AIF`` nodeset is read and written as :mod:`argmap.formats.aif` does; the ``text``
(OVA's marked-up source text) is kept in the map's metadata under ``aif.text`` and
written back; the ``OVA`` layout (node positions) is not carried, and a writer lays the
nodes out in a plain grid.

>>> import argmap
>>> m = argmap.MapBuilder("Tea").claim("c", "Drink tea.", main=True).build()
>>> sorted(json.loads(write(m).text))
['AIF', 'OVA', 'text']
>>> read(write(m).text).map == m
True
"""

from __future__ import annotations

import json
from typing import Any

from argmap.argument_map import ArgumentMap
from argmap.codes import Code
from argmap.formats._json_syntax import load_json
from argmap.formats.aif import CARRIES as _AIF_CARRIES
from argmap.formats.aif._context import Context
from argmap.formats.aif._read import read_nodeset
from argmap.formats.aif._write import write_nodeset
from argmap.formats.interchange import Exported, Imported

__all__ = ["CARRIES", "read", "sniff", "write"]

#: What of a map an xAIF document carries: what a nodeset does.
CARRIES = _AIF_CARRIES

#: Grid spacing, in OVA's pixels, of the layout the writer gives nodes.
_STEP_X, _STEP_Y, _PER_ROW = 250, 150, 8


def read(text: str, *, file: str | None = None) -> Imported:
    """The map an xAIF document holds, and findings of what it could not represent.

    >>> doc = '{"AIF": {"nodes": [{"nodeID": "1_1", "type": "I", "text": "Tea."}], "edges": []}}'
    >>> read(doc).map.nodes[0].id
    '1_1'
    """
    data = load_json(text, file)
    ctx = Context(text, file, ("AIF",))
    if not isinstance(data, dict) or not isinstance(data.get("AIF"), dict):
        ctx.prefix = ()
        raise ctx.fail(
            Code.WRONG_TYPE,
            "an xAIF document is a JSON object whose 'AIF' member is a nodeset object",
        )
    extra: dict[str, Any] = {}
    source = data.get("text")
    if isinstance(source, str) and source.strip():
        extra["text"] = source
    ova = data.get("OVA")
    if isinstance(ova, dict) and ova.get("nodes"):
        ctx.prefix = ()
        ctx.add(
            Code.NOT_CARRIED,
            "the OVA block lays out the diagram (node positions); a map has no layout, so it "
            "is left out",
            path=("OVA",),
        )
        ctx.prefix = ("AIF",)
    return read_nodeset(data["AIF"], ctx, extra=extra)


def write(amap: ArgumentMap) -> Exported:
    """``amap`` as an xAIF document, and what it could not carry.

    >>> import argmap
    >>> write(argmap.MapBuilder("T").claim("c", "C.").build()).losses
    ()
    """
    nodeset, losses = write_nodeset(amap)
    kept = amap.metadata.get("aif")
    source = kept.get("text") if kept is not None and hasattr(kept, "get") else None
    layout = {
        "firstname": "",
        "surname": "",
        "url": "",
        "nodes": [
            {
                "nodeID": node["nodeID"],
                "visible": True,
                "x": (index % _PER_ROW) * _STEP_X,
                "y": (index // _PER_ROW) * _STEP_Y,
                "timestamp": "",
            }
            for index, node in enumerate(nodeset["nodes"])
        ],
        "edges": [
            {"fromID": edge["fromID"], "toID": edge["toID"], "visible": True}
            for edge in nodeset["edges"]
        ],
    }
    document = {"AIF": nodeset, "text": source if isinstance(source, str) else "", "OVA": layout}
    return Exported(json.dumps(document, ensure_ascii=False, indent=2) + "\n", losses)


def sniff(data: object) -> bool:
    """Whether a parsed JSON value is an xAIF document.

    >>> sniff({"AIF": {"nodes": [], "edges": []}, "text": ""}), sniff({"nodes": []})
    (True, False)
    """
    return isinstance(data, dict) and isinstance(data.get("AIF"), dict)
