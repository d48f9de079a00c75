"""The writer: a map as the plain data both YAML and JSON write."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from argmap.argument_map import ArgumentMap
from argmap.formats.document._schema import FORMAT_VERSION, KEYS
from argmap.nodes import Claim, Node, Premise
from argmap.provenance import SourceRef
from argmap.relations import Relation, Support, default_relation_id

__all__ = ["to_document"]


def _thaw(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


def _relation_doc(relation: Relation) -> str | dict[str, Any]:
    others = relation.by[1:]
    plain = relation.source is None and not relation.implicit and relation.note is None
    if plain and not others and relation.id == default_relation_id(relation.by, relation.target):
        return relation.target
    doc: dict[str, Any] = {"to": relation.target}
    if others:
        doc["with"] = list(others)
    if relation.id != default_relation_id(relation.by, relation.target):
        doc["id"] = relation.id
    if relation.source is not None:
        doc["source"] = _source_doc(relation.source)
    if relation.implicit:
        doc["implicit"] = True
    if relation.note is not None:
        doc["note"] = relation.note
    return doc


def _source_doc(ref: SourceRef) -> str | dict[str, Any]:
    return {"doc": ref.doc, "paragraphs": list(ref.paragraphs)} if ref.paragraphs else ref.doc


def _node_doc(node: Node, supports: list[Relation], attacks: list[Relation]) -> dict[str, Any]:
    doc: dict[str, Any] = {node.kind: node.text}
    if isinstance(node, Claim) and node.main:
        doc["main"] = True
    if isinstance(node, Premise):
        if node.basis is not None:
            doc["basis"] = node.basis.value
        if node.implicit:
            doc["implicit"] = True
    for key, relations in (("supports", supports), ("attacks", attacks)):
        if relations:
            items = [_relation_doc(r) for r in relations]
            doc[key] = items[0] if len(items) == 1 else items
    if node.speaker is not None:
        doc["speaker"] = node.speaker
    if node.source is not None:
        doc["source"] = _source_doc(node.source)
    if node.tags:
        doc["tags"] = list(node.tags)
    if node.note is not None:
        doc["note"] = node.note
    return doc


def _fields(obj: Any, keys: tuple[str, ...]) -> dict[str, Any]:
    doc: dict[str, Any] = {}
    for key in keys:
        value = getattr(obj, key)
        if value is not None and value != ():
            doc[key] = list(value) if isinstance(value, tuple) else value
    return doc


def to_document(amap: ArgumentMap) -> dict[str, Any]:
    """The map as plain data, the shape both YAML and JSON write.

    >>> import argmap
    >>> m = argmap.MapBuilder("T").claim("c", "C.", main=True).premise(
    ...     "p", "P.", supports="c").build()
    >>> to_document(m)["nodes"]
    {'c': {'claim': 'C.', 'main': True}, 'p': {'premise': 'P.', 'supports': 'c'}}
    """
    doc: dict[str, Any] = {"argmap": FORMAT_VERSION, "title": amap.title}
    if amap.sources:
        doc["sources"] = {s.id: _fields(s, KEYS["source"]) for s in amap.sources}
    if amap.participants:
        doc["participants"] = {p.id: _fields(p, KEYS["participant"]) for p in amap.participants}
    supports: dict[str, list[Relation]] = {}
    attacks: dict[str, list[Relation]] = {}
    for relation in amap.relations:
        if isinstance(relation, Support):
            supports.setdefault(relation.by[0], []).append(relation)
        else:
            attacks.setdefault(relation.by[0], []).append(relation)
    doc["nodes"] = {
        node.id: _node_doc(node, supports.get(node.id, []), attacks.get(node.id, []))
        for node in amap.nodes
    }
    if amap.metadata:
        doc["metadata"] = _thaw(amap.metadata)
    return doc
