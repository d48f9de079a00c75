"""From Argdown's model to a map: the one place the mapping of kinds is decided.

See docs/formats/argdown.md for the tables. In short: an equivalence class is a node; an
argument with a premise-conclusion structure is one linked support per inference step
(titled by the argument for the last one); an argument without one is a node; undercuts
attack a support; a contradiction is two attacks.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple, cast

import attrs

from argmap.argument_map import ArgumentMap
from argmap.codes import Code
from argmap.errors import ModelError, ParseError
from argmap.findings import Finding
from argmap.formats._foreign import Ids, id_spelling
from argmap.formats.argdown import _model as m
from argmap.formats.argdown._ours import (
    FRONT_KEYS,
    NODE_KEYS,
    SUPPORT_KEYS,
    Place,
    error,
    made,
    ours,
    record,
    source_ref,
)
from argmap.formats.argdown._relations import implied_kinds, relations_between
from argmap.formats.interchange import Imported
from argmap.invariants import is_valid_id
from argmap.nodes import NODE_KINDS, Node
from argmap.provenance import Participant, Source
from argmap.relations import Relation, Support

__all__ = ["slug", "to_map"]


def slug(title: str) -> str:
    """An id for an Argdown title: the title if it is one, else its words joined by ``-``.

    >>> slug("Untitled 3"), slug("p1"), slug("(tag 3)")
    ('Untitled-3', 'p1', 'tag-3')
    """
    if is_valid_id(title):
        return title
    ident = id_spelling(title)
    return ident if is_valid_id(ident) else "x-" + ident if ident else "untitled"


def _place(element: m.Statement | m.Argument, file: str | None) -> Place:
    """Where a statement or argument is first defined, and its name in a message."""
    what = "statement" if isinstance(element, m.Statement) else "argument"
    return Place(file, element.line, element.column, what, element.title)


def _wanted_id(data: Mapping[str, Any], title: str) -> str:
    """The id argmap data asks for (read already), else one made from the title."""
    return str(data.get("id") or slug(title))


def _json_like(value: Any) -> Any:
    """Data made JSON-like for map metadata: dates and other values become text."""
    if isinstance(value, Mapping):
        return {str(key): _json_like(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json_like(item) for item in value]
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return value
    return str(value)


def _argdown_data(data: Mapping[str, Any]) -> Any | None:
    """The data beyond argmap's own, JSON-like, or ``None`` if there is none."""
    if not data.keys() - {"argmap"}:
        return None
    return _json_like({k: v for k, v in data.items() if k != "argmap"})


class _Member(NamedTuple):
    """A statement, or an argument with no reconstruction, about to become a node."""

    ident: str
    title: str
    text: str
    tags: list[str]
    data: dict[str, Any]
    #: Its argmap data, checked.
    ours: dict[str, Any]
    place: Place


def _members(
    doc: m.Document, ids: Ids, file: str | None
) -> tuple[dict[tuple[str, str], _Member], dict[int, list[str]]]:
    """The members by (kind, title), statements first, and the node ids in each section."""
    elements: list[tuple[str, m.Statement | m.Argument, list[str]]] = [
        *((m.STATEMENT, s, s.texts) for s in doc.statements.values()),
        *((m.ARGUMENT, a, a.descriptions) for a in doc.arguments.values() if not a.steps),
    ]
    members: dict[tuple[str, str], _Member] = {}
    sections: dict[int, list[str]] = {}
    for kind, element, texts in elements:
        place = _place(element, file)
        data = ours(element.data, NODE_KEYS, place)
        ident = ids.fresh(_wanted_id(data, element.title))
        text = texts[0] if texts else element.title
        members[(kind, element.title)] = _Member(
            ident, element.title, text, element.tags, element.data, data, place
        )
        for index in element.sections:
            sections.setdefault(index, []).append(ident)
    return members, sections


def _step_supports(
    doc: m.Document,
    node_of: dict[tuple[str, str], str],
    ids: Ids,
    findings: list[Finding],
    file: str | None,
) -> Iterator[tuple[m.Argument, Support]]:
    """Each reconstructed argument's supports, one per inference step, with the argument."""
    for argument in doc.arguments.values():
        place = _place(argument, file)
        for index, step in enumerate(argument.steps):
            by = tuple(dict.fromkeys(node_of[(m.STATEMENT, p)] for p in step.premises))
            target = node_of[(m.STATEMENT, step.conclusion)]
            if target in by:
                message = f"{place.name} infers a premise from itself: left out"
                findings.append(Code.BROKEN_ELEMENT.finding(message, place.location))
                continue
            if index < len(argument.steps) - 1:
                ident = ids.fresh(f"{'+'.join(by)}->{target}")
                yield argument, made(Support, place, by, target, id=ident)
            else:
                data = ours(argument.data, SUPPORT_KEYS, place)
                ident = ids.fresh(_wanted_id(data, argument.title))
                fields = _support_fields(argument, data, place)
                yield argument, made(Support, place, by, target, id=ident, **fields)


def _support_fields(argument: m.Argument, data: dict[str, Any], place: Place) -> dict[str, Any]:
    """What argmap data (or, for a note, a description) says of a reconstruction's support."""
    fields: dict[str, Any] = {k: data[k] for k in ("note", "implicit") if k in data}
    if "source" in data:
        fields["source"] = source_ref(data["source"], place)
    if "note" not in fields and argument.descriptions:
        fields["note"] = argument.descriptions[0]
    return fields


def _node(member: _Member, implied: tuple[str, bool]) -> Node:
    """The node for a member, of the kind argmap data gives, else the one its relations imply."""
    data, place = member.ours, member.place
    kind = data.get("kind", implied[0])
    cls = NODE_KINDS.get(kind) if isinstance(kind, str) else None
    if cls is None:
        kinds = ", ".join(NODE_KINDS)
        message = f"unknown kind {kind!r} in its argmap data; use one of {kinds}"
        raise error(Code.INVALID_VALUE, place, message)
    fields: dict[str, Any] = {key: data[key] for key in _NODE_FIELDS if key in data}
    if kind == "claim":
        fields.setdefault("main", implied[1])
    for key in fields.keys() - _FIELDS[kind]:
        having = [k for k, names in _FIELDS.items() if key in names]
        message = (
            f"its argmap data gives a {kind} a {key}, which only a "
            f"{' or a '.join(having)} has; remove the {key} or change the kind"
        )
        raise error(Code.INVALID_VALUE, place, message)
    if "source" in data:
        fields["source"] = source_ref(data["source"], place)
    fields["tags"] = data["tags"] if "tags" in data else [slug(tag) for tag in member.tags]
    return cast(Node, made(cls, place, member.ident, member.text, **fields))


#: The fields argmap data gives a node as they are.
_NODE_FIELDS = ("speaker", "note", "basis", "implicit", "main")
#: Each kind's fields.
_FIELDS = {kind: frozenset(attrs.fields_dict(cls)) for kind, cls in NODE_KINDS.items()}


def to_map(doc: m.Document, findings: list[Finding], file: str | None) -> Imported:
    """The map ``doc`` describes, with findings of what did not fit."""
    ids = Ids()
    members, sections = _members(doc, ids, file)
    node_of = {key: member.ident for key, member in members.items()}
    stepped = list(_step_supports(doc, node_of, ids, findings, file))
    supports = [support for _, support in stepped]
    support_of = {argument.title: support.id for argument, support in stepped}
    relations: list[Relation] = [*supports]
    relations += relations_between(
        doc,
        supports=supports,
        node_of=node_of,
        support_of=support_of,
        ids=ids,
        findings=findings,
        file=file,
    )
    implied = implied_kinds(relations)
    nodes = [
        _node(member, implied.get(member.ident, ("claim", False))) for member in members.values()
    ]
    extra = {
        ident: data
        for ident, data in (
            *((support.id, _argdown_data(argument.data)) for argument, support in stepped),
            *((member.ident, _argdown_data(member.data)) for member in members.values()),
        )
        if data is not None
    }
    amap = _assemble(doc, file, nodes=nodes, relations=relations, extra=extra, sections=sections)
    return Imported(amap, tuple(findings))


def _assemble(
    doc: m.Document,
    file: str | None,
    *,
    nodes: list[Node],
    relations: list[Relation],
    extra: dict[str, Any],
    sections: dict[int, list[str]],
) -> ArgumentMap:
    front = doc.frontmatter
    place = Place(file, 1, 1, "frontmatter")
    data = ours(front, FRONT_KEYS, place)
    named = front.get("title")
    given = (named if isinstance(named, str) else "").strip()
    title = given or (Path(file).stem if file else "Argdown map")
    given_metadata = data.get("metadata") or {}
    if not isinstance(given_metadata, Mapping):
        message = f"argmap metadata must be a mapping, not {given_metadata!r}"
        raise error(Code.INVALID_VALUE, place, message)
    metadata: dict[str, Any] = dict(given_metadata)
    argdown: dict[str, Any] = {k: v for k, v in front.items() if k not in ("argmap", "title")}
    if doc.sections:
        argdown["sections"] = [
            {"title": s.title, "level": s.level, "members": sections.get(i, [])}
            for i, s in enumerate(doc.sections)
        ]
    if extra:
        argdown["data"] = extra
    if argdown:
        metadata["argdown"] = _json_like(argdown)
    sources = [
        record(Source, s, place, "a source", _SOURCE) for s in _listed(data, "sources", place)
    ]
    people = [
        record(Participant, p, place, "a participant", _PERSON)
        for p in _listed(data, "participants", place)
    ]
    try:
        return ArgumentMap(
            title,
            nodes=nodes,
            relations=relations,
            sources=sources,
            participants=people,
            metadata=metadata,
        )
    except ModelError as refused:
        raise ParseError(refused.findings) from None


_SOURCE = '{"id": "d1", "title": "Trade and ties"}'
_PERSON = '{"id": "p1", "name": "Kim"}'


def _listed(data: Mapping[str, Any], key: str, place: Place) -> list[Any]:
    """The list argmap data gives under ``key`` (none: empty)."""
    value = data.get(key) or []
    if not isinstance(value, list):
        raise error(Code.INVALID_VALUE, place, f"argmap {key} must be a list, not {value!r}")
    return value
