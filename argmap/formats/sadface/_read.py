"""Read a SADFace document (v0.1 or v0.2) into a map: atoms, schemes, edges, resources."""

from __future__ import annotations

from typing import Any

from argmap.codes import Code
from argmap.errors import ParseError
from argmap.findings import Finding, Location
from argmap.formats._foreign import (
    Ids,
    Note,
    clean_text,
    file_title,
    kinds,
    make_map,
    make_node,
    safe_metadata,
)
from argmap.formats._json_syntax import load_json
from argmap.formats.interchange import Imported
from argmap.formats.sadface._graph import file_edges, read_nodes, type_name
from argmap.formats.sadface._resources import atom_source, read_resources
from argmap.formats.sadface._schemes import scheme_relations
from argmap.formats.sadface._write import made_id, structural_mains
from argmap.relations import Attack, Support

__all__ = ["read"]

#: Core metadata keys of a v0.1 document, which keeps them at the top level.
_V01_KEYS = ("id", "analyst_name", "analyst_email", "created", "edited")


def _fail(code: Code, message: str, file: str | None, **where: Any) -> ParseError:
    return ParseError([code.finding(message, Location(file, **where))])


def load(text: str, file: str | None) -> dict[str, Any]:
    """The document's JSON object; :class:`ParseError` (AM101, AM103) if it is none."""
    data = load_json(text, file)
    if not isinstance(data, dict):
        raise _fail(
            Code.WRONG_TYPE, f"a SADFace document is a JSON object, not {type_name(data)}", file
        )
    return data


def _list(data: dict[str, Any], key: str, file: str | None) -> list[Any]:
    value = data.get(key)
    if key not in data:
        raise _fail(Code.MISSING_VALUE, f"a SADFace document needs a {key!r} list", file)
    if value is None:
        return []
    if not isinstance(value, list):
        raise _fail(Code.WRONG_TYPE, f"{key!r} must be a list, not {type_name(value)}", file)
    return value


def read(text: str, *, file: str | None = None) -> Imported:
    """Read SADFace JSON; see :mod:`argmap.formats.sadface` for the mapping."""
    data = load(text, file)
    raw_nodes, raw_edges = _list(data, "nodes", file), _list(data, "edges", file)
    findings: list[Finding] = []

    def note(code: Code, message: str, element: str | None, *path: str | int) -> None:
        findings.append(code.finding(message, Location(file, element=element, path=path)))

    atoms, schemes = read_nodes(raw_nodes, note)
    ids = Ids()
    node_ids = {raw: ids.take(raw) for raw in atoms}
    file_edges(raw_edges, atoms, schemes, note)
    supports, attacks = scheme_relations(schemes, atoms, node_ids, ids, note)
    relations: list[Support | Attack] = [*supports.values(), *attacks]
    core, extra = _core(data)
    mains = _mains(core.get("claim"), node_ids, relations, note)
    sources, source_ids, kept = read_resources(data.get("resources"), note)
    the_kinds = kinds(node_ids.values(), mains=mains, relations=relations)
    nodes, atom_extra = [], {}  # the atoms' sources and metadata a node cannot hold
    for raw, (index, atom) in atoms.items():
        ident = node_ids[raw]
        source, leftover = atom_source(atom, source_ids, ident, index, note)
        more = {"sources": leftover, "metadata": atom.get("metadata")}
        more = {k: v for k, v in more.items() if v not in (None, {}, {"core": {}})}
        if more:
            atom_extra[ident] = more
        text_of = clean_text(atom["text"])
        nodes.append(
            make_node(ident, text_of, the_kinds[ident], main=ident in mains, source=source)
        )
    names = {s.ident: s.name for s in schemes.values() if s.ident and s.name not in _PLAIN}
    sadface = {
        key: value
        for key, value in (
            *extra.items(),
            ("ids", ids.changed),
            ("resources", kept),
            ("atoms", atom_extra),
            ("schemes", names),
        )
        if value
    }
    metadata = safe_metadata({"sadface": sadface}, file, findings) if sadface else {}
    amap = make_map(
        _title(core, file), nodes=nodes, relations=relations, sources=sources, metadata=metadata
    )
    return Imported(amap, findings)


#: Scheme names the writer gives: not worth keeping in the map's metadata.
_PLAIN = frozenset({"support", "conflict"})


def _core(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The document's core metadata, and what the map keeps of it and of the rest."""
    metadata = data.get("metadata")
    metadata = metadata if isinstance(metadata, dict) else {}
    core = metadata.get("core")
    if isinstance(core, dict):
        version = core.get("version", "0.2")
    else:
        core = {key: data[key] for key in _V01_KEYS if key in data}
        version = "0.1"
    # What the writer makes of a map is not worth keeping: version 0.2, the id from the title.
    extra: dict[str, Any] = {"version": version} if version != "0.2" else {}
    made = made_id("document", str(core.get("title")))
    kept = {
        k: v
        for k, v in core.items()
        if k not in ("title", "claim", "version") and not (k == "id" and v == made)
    }
    if kept:
        extra["core"] = kept
    others = {k: v for k, v in metadata.items() if k != "core" and v not in ({}, None)}
    if others:
        extra["metadata"] = others
    return core, extra


def _mains(
    claim: object, node_ids: dict[str, str], relations: list[Support | Attack], note: Note
) -> set[str]:
    """The main claims: the atom core.claim names; else atoms that conclude and premise nothing."""
    if claim is not None:
        if str(claim) in node_ids:
            return {node_ids[str(claim)]}
        note(
            Code.BROKEN_ELEMENT,
            f"core.claim names no atom: {claim!r}; main claims are "
            "found from the structure instead",
            None,
            "metadata",
            "core",
            "claim",
        )
    return structural_mains(relations)


def _title(core: dict[str, Any], file: str | None) -> str:
    title = core.get("title")
    if isinstance(title, str) and clean_text(title):
        return clean_text(title)
    return file_title(file, "SADFace document")
