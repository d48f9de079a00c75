"""Argdown's JSON export (``argdown json``): read, through the same mapping as Argdown text.

>>> sniff({"statements": {}, "arguments": {}, "relations": []})
True
>>> read('{"statements": {"s": {"type": "equivalence-class", "title": "s", "members": '
...      '[{"text": "Soft drugs should be legal."}]}}, "arguments": {}, '
...      '"relations": []}').map.nodes[0].text
'Soft drugs should be legal.'
"""

from __future__ import annotations

import re
from typing import Any

from argmap.codes import Code
from argmap.errors import ParseError
from argmap.findings import Finding, Location
from argmap.formats._json_syntax import load_json
from argmap.formats.argdown import CARRIES as _TEXT_CARRIES
from argmap.formats.argdown import _model as m
from argmap.formats.argdown._to_map import to_map
from argmap.formats.interchange import Imported

__all__ = ["CARRIES", "read", "sniff"]

#: What the export carries: no argmap data survives Argdown's JSON export.
CARRIES = _TEXT_CARRIES - {"basis", "speaker", "participant", "source", "implicit"}

_TRAILING_TAGS = re.compile(r"(?:\s*#(?:\([^)]*\)|[\w-]+))+\s*$")
_SPACE = re.compile(r"\s+")


def sniff(data: object) -> bool:
    """Whether a parsed JSON value is an Argdown JSON export."""
    return (
        isinstance(data, dict)
        and isinstance(data.get("statements"), dict)
        and isinstance(data.get("arguments"), dict)
        and isinstance(data.get("relations"), list)
    )


def _text(member: Any) -> str:
    text = member.get("text") if isinstance(member, dict) else None
    if not isinstance(text, str):
        return ""
    return _SPACE.sub(" ", _TRAILING_TAGS.sub("", text)).strip()


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _tags(value: Any, where: Location, findings: list[Finding] | None) -> list[str]:
    """The tags that are text; each other one is left out and noted."""
    tags = _list(value)
    for tag in tags:
        if not isinstance(tag, str) and findings is not None:
            message = f"{where.element!r} has the tag {tag!r}, which is no text; left out"
            findings.append(Code.BROKEN_ELEMENT.finding(message, where))
    return [tag for tag in tags if isinstance(tag, str)]


#: The relation types the export names.
_TYPES = (m.SUPPORT, m.ATTACK, m.UNDERCUT, m.CONTRADICTORY, m.ENTAILS, m.CONTRARY)


def document(
    data: dict[str, Any], findings: list[Finding] | None = None, file: str | None = None
) -> m.Document:
    """Argdown's model of an export; a relation it cannot read is left out and noted."""
    doc = m.Document()
    for title, entry in data["statements"].items():
        ec = _dict(entry)
        texts = [t for t in map(_text, _list(ec.get("members"))) if t]
        doc.statements[title] = m.Statement(
            title,
            texts,
            _tags(
                ec.get("tags"), Location(file, element=title, path=("statements", title)), findings
            ),
            dict(_dict(ec.get("data"))),
        )
    for title, entry in data["arguments"].items():
        raw = _dict(entry)
        members = _list(raw.get("members")) or _list(raw.get("descriptions"))
        argument = m.Argument(
            title,
            [t for t in map(_text, members) if t],
            _tags(
                raw.get("tags"), Location(file, element=title, path=("arguments", title)), findings
            ),
            dict(_dict(raw.get("data"))),
        )
        premises: list[str] = []
        for listed in _list(raw.get("pcs")):
            item = _dict(listed)
            name = str(item.get("title", ""))
            if name not in doc.statements:
                doc.statements[name] = m.Statement(name, [t for t in [_text(item)] if t])
            if "inference" in item and premises:
                argument.steps.append(m.Step(premises, name))
                premises = [name]
            else:
                premises.append(name)
        doc.arguments[title] = argument
    for index, entry in enumerate(data["relations"]):
        raw = _dict(entry)
        ends = [raw.get(k) for k in ("relationType", "fromType", "from", "toType", "to")]
        problem = _problem(doc, ends)
        if problem is None:
            kind, from_kind, source, to_kind, target = map(str, ends)
            doc.add_relation(m.Relation(kind, from_kind, source, to_kind, target))
        elif findings is not None:
            where = Location(file, path=("relations", index))
            message = f"relations[{index}] {problem}; left out"
            findings.append(Code.BROKEN_ELEMENT.finding(message, where))
    return doc


def _problem(doc: m.Document, ends: list[Any]) -> str | None:
    """What keeps a relation's type and ends from being read, if anything."""
    if not all(isinstance(end, str) for end in ends):
        return "lacks one of relationType, fromType, from, toType, to as text"
    kind, from_kind, source, to_kind, target = ends
    if kind not in _TYPES:
        return f"has the relationType {kind!r}, not one of {', '.join(_TYPES)}"
    for end_kind, title in ((from_kind, source), (to_kind, target)):
        if end_kind not in (m.STATEMENT, m.ARGUMENT):
            return f"has an end of type {end_kind!r}, not {m.STATEMENT!r} or {m.ARGUMENT!r}"
        defined = doc.statements if end_kind == m.STATEMENT else doc.arguments
        if title not in defined:
            what = "statement" if end_kind == m.STATEMENT else "argument"
            return f"names the {what} {title!r}, which the export does not define"
    return None


def read(text: str, *, file: str | None = None) -> Imported:
    """The map an Argdown JSON export describes."""
    data = load_json(text, file)
    if not sniff(data):
        message = "not an Argdown JSON export: it needs statements, arguments and relations"
        raise ParseError([Code.SYNTAX.finding(message, Location(file, 1, 1))])
    findings: list[Finding] = []
    return to_map(document(data, findings, file), findings, file)
