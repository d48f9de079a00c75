"""The general reader: a whole document into a map, or every problem, each located."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from argmap.argument_map import ArgumentMap
from argmap.codes import Code
from argmap.errors import ModelError, ParseError
from argmap.findings import DocPath, Finding, Location, Origin
from argmap.formats._relations import spelled_support_id, structure
from argmap.formats.document._fast import fast_text
from argmap.formats.document._nodes import NodeReader
from argmap.formats.document._schema import FORMAT_VERSION, KEYS
from argmap.formats.document._values import MAX_DIGITS, describe, is_null, plain
from argmap.nodes import Node
from argmap.provenance import Participant, Source
from argmap.relations import Relation, Support

__all__ = ["from_document"]


class _Reader(NodeReader):
    """Turns a document tree into a map, collecting findings with document paths."""

    def read_map(self, data: object, origin: Origin) -> ArgumentMap | None:
        raw = self.mapping(data, (), "an argument map")
        if raw is None:
            if is_null(data):
                self.problem(
                    Code.MISSING_VALUE,
                    (),
                    "the document is empty; expected a mapping with 'title' and 'nodes'",
                )
            return None
        self.unknown_keys(raw, KEYS["map"], (), "the map")
        version = raw.get("argmap")
        if version is not None and not is_null(version):
            number = self.integer(version, ("argmap",))
            if number is not None and number != FORMAT_VERSION:
                self.problem(
                    Code.UNSUPPORTED_VERSION,
                    ("argmap",),
                    f"this is format version {number}; this argmap reads version {FORMAT_VERSION}",
                )
        if "title" not in raw:
            self.problem(Code.MISSING_VALUE, (), "the map needs a 'title'")
            title = None
        else:
            title = self.required_text(raw["title"], ("title",), "title")
        sources = self.each(raw.get("sources"), "sources", "source", self.read_source)
        participants = self.each(
            raw.get("participants"), "participants", "participant", self.read_participant
        )
        nodes: list[Node] = []
        relations: list[Relation] = []
        raw_nodes = self.mapping(raw.get("nodes"), ("nodes",), "nodes by id")
        if raw_nodes is None and "nodes" not in raw:
            self.problem(Code.MISSING_VALUE, (), "the map needs 'nodes'")
        for ident, node in (raw_nodes or {}).items():
            self.read_node(str(ident), node, nodes, relations)
        ids = {r.id for r in relations if isinstance(r, Support)}
        for path, kind, home, written, meant in self.spelled:
            message = spelled_support_id(f"{kind} {home!r}", written, meant, ids)
            self.findings.append(
                Code.INVALID_VALUE.finding(message, Location(element=home, path=path))
            )
        metadata = raw.get("metadata")
        if is_null(metadata):
            metadata = None
        elif not isinstance(metadata, dict):
            self.problem(
                Code.WRONG_TYPE, ("metadata",), f"expected a mapping, got {describe(metadata)}"
            )
            metadata = None
        else:
            metadata = self.metadata(metadata)
        failed: tuple[Finding, ...] = ()
        if not self.findings and title is not None:
            try:
                return ArgumentMap(
                    title,
                    nodes,
                    relations,
                    sources,
                    participants,
                    metadata if metadata is not None else {},
                    origin=origin,
                )
            except ModelError as error:
                failed = error.findings
        # The map cannot be built, but clashing ids and dangling references can still be
        # told, where they are written and in the file's terms, with everything else.
        before = len(self.findings)
        self.findings += structure(
            raw_nodes or {},
            nodes,
            relations,
            source_ids={s.id for s in sources},
            participant_ids={p.id for p in participants},
            text=fast_text,
            locate=origin.locate,
        )
        told = len(self.findings) > before
        for found in failed:  # the model's other findings: metadata that is not JSON-like data
            if told and found.code in (Code.DUPLICATE_ID, Code.UNKNOWN_REFERENCE):
                continue
            element = found.location.element
            base = self.paths.get(element, ()) if element is not None else ()
            where = Location(element=element, path=(*base, *found.location.path[:1]))
            self.findings.append(attrs.evolve(found, location=where))
        return None

    def metadata(self, raw: dict[str, Any]) -> dict[str, Any] | None:
        try:
            return plain(raw)  # type: ignore[no-any-return]
        except ValueError:  # int() refuses more than MAX_DIGITS digits
            self.problem(
                Code.WRONG_TYPE,
                ("metadata",),
                f"a number in the metadata has more than {MAX_DIGITS} digits",
            )
            return None

    def each(
        self, value: object, key: str, what: str, read: Callable[[str, Mapping[str, Any]], Any]
    ) -> list[Any]:
        raw = self.mapping(value, (key,), f"{key} by id")
        result = []
        for ident, item in (raw or {}).items():
            path = (key, str(ident))
            fields = self.mapping(item, path, f"a {what}")
            if fields is None:
                if is_null(item):
                    self.problem(Code.MISSING_VALUE, path, f"{what} {ident!r} needs its fields")
                continue
            self.unknown_keys(fields, KEYS[what], path, f"{what} {ident!r}")
            try:
                result.append(read(str(ident), fields))
            except ModelError as error:
                self.model_errors(error, path)
        return result

    def read_source(self, ident: str, raw: Mapping[str, Any]) -> Source:
        path = ("sources", ident)
        fields = {
            key: self.text(raw[key], (*path, key))
            for key in ("affiliation", "outlet", "date", "url", "language")
            if key in raw
        }
        authors = self.text_list(raw.get("authors"), (*path, "authors"))
        title = self.required_text(raw.get("title"), (*path, "title"), f"source {ident!r}: title")
        return Source(ident, title or "", authors=authors, **fields)

    def read_participant(self, ident: str, raw: Mapping[str, Any]) -> Participant:
        path = ("participants", ident)
        fields = {
            key: self.text(raw[key], (*path, key))
            for key in ("affiliation", "country", "role")
            if key in raw
        }
        name = self.required_text(raw.get("name"), (*path, "name"), f"participant {ident!r}: name")
        return Participant(ident, name or "", **fields)


def from_document(
    data: object, *, file: str | None, locate: Callable[[DocPath], tuple[int, int] | None]
) -> ArgumentMap:
    """Turn a parsed document into a map; :class:`ParseError` lists every problem found."""
    reader = _Reader()
    origin = Origin(file, reader.paths, locate)
    amap = reader.read_map(data, origin)
    if amap is None:
        located = [
            Finding(
                f.code, f.severity, f.message, origin.location(f.location.element, f.location.path)
            )
            for f in reader.findings
        ]
        located.sort(key=lambda f: (f.location.line or 0, f.location.column or 0))
        raise ParseError(located)
    return amap
