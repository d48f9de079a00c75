"""Reading an AIF nodeset (already parsed from JSON) into a map."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from argmap.argument_map import ArgumentMap
from argmap.codes import Code
from argmap.errors import ModelError
from argmap.formats.aif._columns import read_clean
from argmap.formats.aif._context import Context, as_paragraph, is_text
from argmap.formats.aif._graph import AifNode, Graph, columns, fast_graph, read_graph
from argmap.formats.aif._ids import IdMap
from argmap.formats.aif._roles import hinted_role, roles
from argmap.formats.aif._schemes import read_schemes
from argmap.formats.aif._speakers import read_speakers
from argmap.formats.interchange import Imported
from argmap.nodes import NODE_KINDS, Node

__all__ = ["UNTITLED", "read_nodeset"]

#: The title of a map read from a nodeset with no title, when no file name gives one.
UNTITLED = "Untitled AIF nodeset"


def read_nodeset(
    data: dict[str, Any],
    ctx: Context,
    *,
    extra: dict[str, Any] | None = None,
    fast: bool = True,
) -> Imported:
    """The map an AIF nodeset holds, with a finding for everything it could not represent.

    A clean nodeset, one with nothing to report, is read a column at a time
    (:func:`read_clean`). Failing that, a well-formed one is read the fast way: its nodes
    and edges checked in bulk (:func:`fast_graph`), its statements' texts left to the
    nodes' own check. If that finds anything amiss, the nodeset is read again the careful
    way, one element at a time, which reports what is wrong; ``fast=False`` reads it that
    way from the start. All give the same map and the same findings.
    """
    nodeset = columns(data) if fast else None
    if nodeset is not None:
        clean = read_clean(nodeset, data, ctx, _title(data, ctx), dict(extra or {}))
        if clean is not None:
            return clean
    graph = None if nodeset is None else fast_graph(nodeset)
    if graph is not None:
        start = len(ctx.findings)
        try:
            return _read(data, graph, ctx, extra, trusted=True)
        except ModelError:  # a text no node can hold: read again to say which
            del ctx.findings[start:]
    return _read(data, read_graph(data, ctx), ctx, extra, trusted=False)


def _read(
    data: dict[str, Any],
    graph: Graph,
    ctx: Context,
    extra: dict[str, Any] | None,
    *,
    trusted: bool,
) -> Imported:
    """The map of ``graph``; ``trusted``: the statements' texts are not checked here."""
    if not graph.nodes:
        ctx.add(Code.EMPTY_FILE, "the nodeset holds no nodes; read as an empty map")
    ids = IdMap(node.id for node in graph.nodes.values() if node.type in ("I", "RA", "CA"))
    if trusted:
        texts = {node.id: node.text for node in graph.of_type("I")}
    else:
        read_texts = {node.id: _text(node, ctx) for node in graph.of_type("I")}
        texts = {ident: text for ident, text in read_texts.items() if text is not None}
    statements = {ident: ids.of(ident) for ident in texts}
    schemes = read_schemes(graph, statements, ids, ctx)
    speakers = read_speakers(data, graph, statements, ctx)
    role = roles(statements.values(), schemes.relations)
    nodes: list[Node] = []
    for aif_id, ident in statements.items():
        kind, main = _hint(graph.nodes[aif_id], ctx) or role[ident]
        fields: dict[str, Any] = {"speaker": speakers.of.get(aif_id)}
        if kind == "claim":
            fields["main"] = main
        nodes.append(NODE_KINDS[kind](ident, texts[aif_id], **fields))
    metadata: dict[str, Any] = dict(schemes.metadata)
    if ids.changed():
        metadata["ids"] = ids.changed()
    metadata.update(extra or {})
    return Imported(
        ArgumentMap(
            _title(data, ctx),
            nodes=nodes,
            relations=schemes.relations,
            participants=speakers.participants.values(),
            metadata={"aif": metadata} if metadata else {},
        ),
        ctx.findings,
    )


def _text(node: AifNode, ctx: Context) -> str | None:
    """The statement's text, made a single paragraph if it is not one; None if it has none."""
    path = ("nodes", node.position, "text")
    if not isinstance(node.text, str) or not node.text.strip():
        code = (
            Code.WRONG_TYPE
            if isinstance(node.text, list | dict | int | float)
            else Code.MISSING_VALUE
        )
        ctx.add(code, f"statement {node.id!r} has no text; left out", element=node.id, path=path)
        return None
    if is_text(node.text):
        return node.text
    text = as_paragraph(node.text)
    ctx.add(
        Code.NOT_CARRIED,
        f"statement {node.id!r} has line breaks, control characters or outer spaces in "
        "its text, which a node's single paragraph cannot hold; read with spaces instead",
        element=node.id,
        path=path,
    )
    return text or None


def _hint(node: AifNode, ctx: Context) -> tuple[str, bool] | None:
    """The kind argmap's writer recorded under the node's ``argmap`` key, if any."""
    hint = node.extension
    if hint is None:
        return None
    role = hinted_role(hint)
    if role is not None:
        return role
    ctx.add(
        Code.INVALID_VALUE,
        f"statement {node.id!r} has an 'argmap' key that names no node kind ({hint!r}); "
        "its kind follows from its place instead",
        element=node.id,
        path=("nodes", node.position, "argmap"),
    )
    return None


def _title(data: dict[str, Any], ctx: Context) -> str:
    extension = data.get("argmap")
    title = extension.get("title") if isinstance(extension, dict) else None
    if isinstance(title, str) and is_text(title):
        return title
    stem = " ".join(Path(ctx.file).stem.split()) if ctx.file else ""
    return stem if is_text(stem) else UNTITLED
