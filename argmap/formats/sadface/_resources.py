"""SADFace resources and atom sources: a map's sources, and the source a statement cites.

A resource becomes a :class:`~argmap.Source`: its title, authors, date, url, outlet,
affiliation and language come from the resource's ``metadata.core``; its ``content`` and
any other metadata are kept in the map's metadata. An atom's first source becomes the
statement's :class:`~argmap.SourceRef`; the text, offset and length it gives, and any
further sources, are kept in the map's metadata too.
"""

from __future__ import annotations

from typing import Any

from argmap.codes import Code
from argmap.formats._foreign import Ids, Note, clean_text
from argmap.provenance import Source, SourceRef

__all__ = ["SOURCE_FIELDS", "atom_source", "read_resources", "resource"]

#: The Source fields a resource's metadata.core carries, by key.
SOURCE_FIELDS = ("title", "authors", "affiliation", "outlet", "date", "url", "language")


def resource(source: Source, kept: dict[str, Any] | None = None) -> dict[str, Any]:
    """The SADFace resource for ``source``, with what a read kept of the original (``kept``)."""
    core = {
        key: list(value) if key == "authors" else value
        for key in SOURCE_FIELDS
        if (value := getattr(source, key))
    }
    kept = kept or {}
    metadata = dict(kept.get("metadata", {}))
    metadata["core"] = {**metadata.get("core", {}), **core}
    return {
        "content": kept.get("content", ""),
        "id": source.id,
        "metadata": metadata,
        "type": kept.get("type", "text"),
    }


def read_resources(
    raw: object, note: Note
) -> tuple[list[Source], dict[str, str], dict[str, dict[str, Any]]]:
    """Sources, the source id of each resource id, and what each kept beyond a Source."""
    sources: list[Source] = []
    ids_of: dict[str, str] = {}
    kept: dict[str, dict[str, Any]] = {}
    ids = Ids()
    for index, item in enumerate(raw if isinstance(raw, list) else []):
        key = item.get("id") if isinstance(item, dict) else None
        if not isinstance(key, str | int) or isinstance(key, bool) or str(key) in ids_of:
            note(
                Code.BROKEN_ELEMENT,
                f"resources[{index}] has no id, or one used before: left out",
                None,
                "resources",
                index,
            )
            continue
        assert isinstance(item, dict)
        metadata = item.get("metadata")
        metadata = dict(metadata) if isinstance(metadata, dict) else {}
        core = metadata.pop("core", None)
        core = dict(core) if isinstance(core, dict) else {}
        fields = {name: core.pop(name) for name in SOURCE_FIELDS if name in core}
        ident = ids.take(key)
        source = _source(ident, fields, item.get("content"))
        if source is None:
            note(
                Code.BROKEN_ELEMENT,
                f"resource {key!r} has fields a source cannot hold: left out",
                str(key),
                "resources",
                index,
            )
            continue
        sources.append(source)
        ids_of[str(key)] = ident
        extra: dict[str, Any] = {}
        if core:
            metadata["core"] = core
        if metadata:
            extra["metadata"] = metadata
        content = item.get("content")
        if content not in ("", None):
            extra["content"] = content
        if item.get("type", "text") != "text":
            extra["type"] = item.get("type")
        if str(key) != ident:
            extra["id"] = key
        if extra:
            kept[ident] = extra
    return sources, ids_of, kept


def _source(ident: str, fields: dict[str, Any], content: object) -> Source | None:
    title = fields.pop("title", None)
    title = clean_text(title) if isinstance(title, str) else ""
    if not title:
        url = fields.get("url")
        words = clean_text(content) if isinstance(content, str) else ""
        title = url if isinstance(url, str) and clean_text(url) else words[:80].strip()
        title = clean_text(title) or f"Resource {ident}"
    authors = fields.pop("authors", ())
    authors = [authors] if isinstance(authors, str) else authors
    text_fields = {k: clean_text(v) for k, v in fields.items() if isinstance(v, str)}
    if len(text_fields) < len(fields) or not isinstance(authors, list | tuple):
        return None
    try:
        return Source(
            ident,
            title,
            authors=tuple(map(clean_text, authors)),
            **{k: v for k, v in text_fields.items() if v},
        )
    except (TypeError, ValueError):
        return None


def atom_source(
    atom: dict[str, Any], source_ids: dict[str, str], ident: str, index: int, note: Note
) -> tuple[SourceRef | None, list[Any] | None]:
    """The statement's source, and the atom's sources list if it says more than that."""
    raw = atom.get("sources")
    entries = raw if isinstance(raw, list) else []
    first: SourceRef | None = None
    for entry in entries:
        resource_id = entry.get("resource_id") if isinstance(entry, dict) else None
        if str(resource_id) in source_ids and resource_id is not None:
            first = SourceRef(source_ids[str(resource_id)])
            break
        note(
            Code.BROKEN_ELEMENT,
            f"atom {ident!r} cites {resource_id!r}, no resource of this "
            "document: that source left out",
            ident,
            "nodes",
            index,
        )
    plain = (
        len(entries) == 1 and isinstance(entries[0], dict) and set(entries[0]) == {"resource_id"}
    )
    return first, None if not entries or plain else list(entries)
