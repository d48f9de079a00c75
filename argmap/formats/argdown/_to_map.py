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
from typing import Any

import attrs

from argmap.argument_map import ArgumentMap
from argmap.codes import Code
from argmap.errors import ModelError, ParseError
from argmap.findings import Finding, Location
from argmap.formats._foreign import Ids, id_spelling
from argmap.formats.argdown import _model as m
from argmap.formats.argdown._relations import implied_kinds, relations_between
from argmap.formats.interchange import Imported
from argmap.invariants import is_valid_id
from argmap.nodes import NODE_KINDS, Node
from argmap.provenance import Participant, Source, SourceRef
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


def _ours(data: Mapping[str, Any]) -> dict[str, Any]:
    value = data.get("argmap")
    return dict(value) if isinstance(value, Mapping) else {}


def _wanted_id(data: Mapping[str, Any], title: str) -> str:
    """The id argmap data asks for, else one made from the title."""
    return str(_ours(data).get("id") or slug(title))


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


@attrs.frozen
class _Member:
    """A statement, or an argument with no reconstruction, about to become a node."""

    ident: str
    title: str
    text: str
    tags: list[str]
    data: dict[str, Any]


def _members(
    doc: m.Document, ids: Ids
) -> tuple[dict[tuple[str, str], _Member], dict[int, list[str]]]:
    """The members by (kind, title), statements first, and the node ids in each section."""
    elements: list[tuple[str, m.Statement | m.Argument, list[str]]] = [
        *((m.STATEMENT, s, s.texts) for s in doc.statements.values()),
        *((m.ARGUMENT, a, a.descriptions) for a in doc.arguments.values() if not a.steps),
    ]
    members: dict[tuple[str, str], _Member] = {}
    sections: dict[int, list[str]] = {}
    for kind, element, texts in elements:
        ident = ids.fresh(_wanted_id(element.data, element.title))
        text = texts[0] if texts else element.title
        members[(kind, element.title)] = _Member(
            ident, element.title, text, element.tags, element.data
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
        for index, step in enumerate(argument.steps):
            by = tuple(dict.fromkeys(node_of[(m.STATEMENT, p)] for p in step.premises))
            target = node_of[(m.STATEMENT, step.conclusion)]
            if target in by:
                where = Location(file, argument.line, argument.column, argument.title)
                message = f"argument <{argument.title}> infers a premise from itself: left out"
                findings.append(Code.BROKEN_ELEMENT.finding(message, where))
                continue
            if index < len(argument.steps) - 1:
                yield argument, Support(by, target, id=ids.fresh(f"{'+'.join(by)}->{target}"))
            else:
                ident = ids.fresh(_wanted_id(argument.data, argument.title))
                yield argument, Support(by, target, id=ident, **_support_fields(argument))


def _support_fields(argument: m.Argument) -> dict[str, Any]:
    """What argmap data (or, for a note, a description) says of a reconstruction's support."""
    ours = _ours(argument.data)
    fields: dict[str, Any] = {k: ours[k] for k in ("note", "implicit") if k in ours}
    if "source" in ours:
        fields["source"] = SourceRef(**ours["source"])
    if "note" not in fields and argument.descriptions:
        fields["note"] = argument.descriptions[0]
    return fields


def _node(member: _Member, implied: tuple[str, bool]) -> Node:
    """The node for a member, of the kind argmap data gives, else the one its relations imply."""
    ours = _ours(member.data)
    kind = str(ours.get("kind", implied[0]))
    fields: dict[str, Any] = {
        key: ours[key] for key in ("speaker", "note", "basis", "implicit", "main") if key in ours
    }
    if isinstance(ours.get("source"), Mapping):
        fields["source"] = SourceRef(**ours["source"])
    if kind == "claim":
        fields.setdefault("main", implied[1])
    else:
        fields.pop("main", None)
    fields["tags"] = ours.get("tags", [slug(tag) for tag in member.tags])
    cls = NODE_KINDS.get(kind)
    if cls is None:
        raise ParseError([Code.INVALID_VALUE.finding(f"unknown kind {kind!r} of [{member.title}]")])
    return cls(member.ident, member.text, **fields)


def to_map(doc: m.Document, findings: list[Finding], file: str | None) -> Imported:
    """The map ``doc`` describes, with findings of what did not fit."""
    ids = Ids()
    members, sections = _members(doc, ids)
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
    ours = _ours(front)
    named = front.get("title")
    given = (named if isinstance(named, str) else "").strip()
    title = given or (Path(file).stem if file else "Argdown map")
    metadata: dict[str, Any] = dict(ours.get("metadata") or {})
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
    try:
        return ArgumentMap(
            title,
            nodes=nodes,
            relations=relations,
            sources=[Source(**s) for s in ours.get("sources", [])],
            participants=[Participant(**p) for p in ours.get("participants", [])],
            metadata=metadata,
        )
    except (ModelError, TypeError) as error:
        findings = getattr(error, "findings", None) or [Code.INVALID_VALUE.finding(str(error))]
        raise ParseError(findings) from None
