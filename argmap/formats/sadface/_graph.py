"""A SADFace document's atoms and schemes by id, and each edge filed with its scheme."""

from __future__ import annotations

from typing import Any

from argmap.codes import Code
from argmap.formats._foreign import Note, clean_text
from argmap.formats.sadface._schemes import Scheme

__all__ = ["file_edges", "read_nodes", "type_name"]


def type_name(value: object) -> str:
    """What a JSON value is, for a message: ``a list``, ``a string``, ``null``, ``a number``.

    >>> type_name([]), type_name(None)
    ('a list', 'null')
    """
    return {list: "a list", str: "a string", type(None): "null"}.get(type(value), "a number")


def read_nodes(
    raw_nodes: list[Any], note: Note
) -> tuple[dict[str, tuple[int, dict[str, Any]]], dict[str, Scheme]]:
    """Atoms (by id, with their index) and schemes (by id), in file order; broken ones noted."""
    atoms: dict[str, tuple[int, dict[str, Any]]] = {}
    schemes: dict[str, Scheme] = {}
    for index, raw in enumerate(raw_nodes):
        if not isinstance(raw, dict):
            note(
                Code.BROKEN_ELEMENT,
                f"nodes[{index}] is {type_name(raw)}, not an object: left out",
                None,
                "nodes",
                index,
            )
            continue
        ident = raw.get("id")
        if not isinstance(ident, str | int) or isinstance(ident, bool) or ident == "":
            note(Code.BROKEN_ELEMENT, f"nodes[{index}] has no id: left out", None, "nodes", index)
            continue
        key = str(ident)
        if key in atoms or key in schemes:
            note(
                Code.BROKEN_ELEMENT,
                f"node id {key!r} is used twice: the second left out",
                key,
                "nodes",
                index,
            )
            continue
        kind = raw.get("type")
        if kind == "atom":
            text = raw.get("text")
            if not isinstance(text, str) or not clean_text(text):
                note(
                    Code.BROKEN_ELEMENT, f"atom {key!r} has no text: left out", key, "nodes", index
                )
                continue
            atoms[key] = (index, raw)
        elif kind == "scheme":
            name = raw.get("name")
            schemes[key] = Scheme(key, index, name if isinstance(name, str) else None)
        else:
            note(
                Code.NOT_CARRIED,
                f"node {key!r} has type {kind!r}, neither atom nor scheme: left out",
                key,
                "nodes",
                index,
            )
    return atoms, schemes


def file_edges(
    raw_edges: list[Any],
    atoms: dict[str, Any],
    schemes: dict[str, Scheme],
    note: Note,
) -> None:
    """File each edge with the scheme it enters or leaves; broken and atom-atom edges noted."""
    for index, raw in enumerate(raw_edges):
        ident = raw.get("id") if isinstance(raw, dict) else None
        name = str(ident) if ident is not None else f"edges[{index}]"
        if not isinstance(raw, dict):
            note(
                Code.BROKEN_ELEMENT,
                f"{name} is {type_name(raw)}, not an object: left out",
                None,
                "edges",
                index,
            )
            continue
        ends = [raw.get("source_id"), raw.get("target_id")]
        keys = [str(end) if isinstance(end, str | int) else None for end in ends]
        unknown = [k for k in keys if k is None or (k not in atoms and k not in schemes)]
        if unknown:
            what = (
                "an end missing" if None in unknown else f"an end that is no node: {unknown[0]!r}"
            )
            note(Code.BROKEN_ELEMENT, f"edge {name!r} has {what}: left out", name, "edges", index)
            continue
        source, target = keys[0], keys[1]
        assert source is not None and target is not None
        if source in schemes:
            schemes[source].conclusions.append(target)
        if target in schemes:
            schemes[target].premises.append(source)
        if source in atoms and target in atoms:
            note(
                Code.NOT_CARRIED,
                f"edge {name!r} joins two atoms directly, with no scheme to "
                "say whether it supports or attacks: left out",
                name,
                "edges",
                index,
            )
