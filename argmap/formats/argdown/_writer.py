"""From a map to Argdown text that the Argdown CLI reads back.

Every node is a top-level statement titled by its id (``[id]: text #tags {data}``); a
support of one premise with nothing more to say is a ``+`` relation under its target and
an attack a ``-`` relation; any other support (linked, with an id of its own, a note, a
source, implicit, or undercut) is an argument with a premise-conclusion structure, and its
undercuts are ``<_`` relations under it. What only argmap knows (kind where the structure
does not say it, main, basis, speaker, source, implicit, note) is data under ``argmap``;
participants, sources and metadata go to the frontmatter.
"""

from __future__ import annotations

import json
import re
from typing import Any

import attrs

from argmap.argument_map import ArgumentMap
from argmap.formats.argdown._relations import implied_kinds
from argmap.formats.interchange import Exported, Loss
from argmap.nodes import Node, Premise
from argmap.relations import Attack, Support, default_relation_id

__all__ = ["argument_title", "write"]

_ESCAPE = re.compile(r"([\\\[\]<>{}#*_@/=`:]|(?<= ) )")
_PLAIN_TAG = re.compile(r"[A-Za-z0-9-]+")
# A '>' in a title, shown as the look-alike single right-pointing angle quotation mark.
_LOOK_ALIKE = "\u203a"


def escape(text: str) -> str:
    r"""Text with every character Argdown could read as syntax escaped by a backslash.

    >>> escape("a [b] #c  d")
    'a \\[b\\] \\#c \\ d'
    """
    return _ESCAPE.sub(r"\\\1", text)


def argument_title(ident: str) -> str:
    r"""An Argdown argument title for a support id.

    Titles cannot hold ``>``: ``->`` becomes ``→``, any other ``>`` a look-alike. A leading
    ``_`` is escaped, as ``<_`` at the start of a line is an undercut.

    >>> argument_title("p1+p2->thesis"), argument_title("_a->b")
    ('p1+p2→thesis', '\\_a→b')
    """
    title = ident.replace("->", "→").replace(">", _LOOK_ALIKE)
    return "\\" + title if title.startswith("_") else title


def _data(value: dict[str, Any]) -> str:
    """``{"argmap": ...}`` as flow YAML (JSON) that Argdown's data rule reads whole."""
    text = json.dumps({"argmap": value}, ensure_ascii=False, separators=(", ", ": "))
    return _escape_braces(text)


def _escape_braces(text: str) -> str:
    # Braces and '=' inside strings become \u escapes: the outer braces stay the only
    # ones, and no '===' can look like frontmatter.
    out, inside, escaped = [], False, False
    for char in text:
        if inside and not escaped and char in "{}=":
            out.append(f"\\u{ord(char):04x}")
            continue
        out.append(char)
        if char == '"' and not escaped:
            inside = not inside
        escaped = char == "\\" and not escaped
    return "".join(out)


def _simple(support: Support, undercut: set[str]) -> bool:
    return (
        len(support.by) == 1
        and support.id == default_relation_id(support.by, support.target)
        and support.note is None
        and support.source is None
        and not support.implicit
        and support.id not in undercut
    )


def _node_data(node: Node, implied: tuple[str, bool]) -> dict[str, Any]:
    """What only argmap knows of a node: its kind and main where the relations don't say it."""
    data: dict[str, Any] = {}
    if node.kind != implied[0]:
        data["kind"] = node.kind
    main = getattr(node, "main", False)
    if node.kind == "claim" and main != implied[1]:
        data["main"] = main
    if isinstance(node, Premise):
        if node.basis is not None:
            data["basis"] = node.basis.value
        if node.implicit:
            data["implicit"] = True
    if node.speaker is not None:
        data["speaker"] = node.speaker
    if node.source is not None:
        data["source"] = {"doc": node.source.doc, "paragraphs": list(node.source.paragraphs)}
    if node.note is not None:
        data["note"] = node.note
    return data


def _tags(tags: tuple[str, ...]) -> str:
    return "".join(f" #{t}" if _PLAIN_TAG.fullmatch(t) else f" #({t})" for t in tags)


def _frontmatter(amap: ArgumentMap) -> list[str]:
    lines = ["===", f"title: {_escape_braces(json.dumps(amap.title, ensure_ascii=False))}"]
    ours: dict[str, Any] = {}
    if amap.participants:
        ours["participants"] = [_plain(p) for p in amap.participants]
    if amap.sources:
        ours["sources"] = [_plain(s) for s in amap.sources]
    if amap.metadata:
        ours["metadata"] = _thaw(amap.metadata)
    if ours:
        text = json.dumps(ours, ensure_ascii=False, separators=(", ", ": "))
        lines.append(f"argmap: {_escape_braces(text)}")
    return [*lines, "===", ""]


def _plain(value: Any) -> dict[str, Any]:
    return {
        k: list(v) if isinstance(v, tuple) else v
        for k, v in attrs.asdict(value).items()
        if v is not None and v != ()
    }


def _thaw(value: Any) -> Any:
    if hasattr(value, "items"):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


def write(amap: ArgumentMap) -> Exported:
    """Argdown text for ``amap``, and what it could not carry (attacks' own fields)."""
    supports = [r for r in amap.relations if isinstance(r, Support)]
    attacks = [r for r in amap.relations if isinstance(r, Attack)]
    ids = {node.id for node in amap.nodes}
    undercut = {a.target for a in attacks if a.target not in ids}
    implied = implied_kinds(amap.relations)
    lines = _frontmatter(amap)
    for node in amap.nodes:
        data = _node_data(node, implied.get(node.id, ("claim", False)))
        suffix = f" {_data(data)}" if data else ""
        lines.extend([f"[{node.id}]: {escape(node.text)}{_tags(node.tags)}{suffix}", ""])
    below, undercutters = _grouped(supports, attacks, ids, undercut)
    for node in amap.nodes:
        children = below.get(node.id, [])
        if children:
            lines.extend([f"[{node.id}]", *children, ""])
    for support in supports:
        if _simple(support, undercut):
            continue
        facts: dict[str, Any] = {"id": support.id}
        if support.note is not None:
            facts["note"] = support.note
        if support.implicit:
            facts["implicit"] = True
        if support.source is not None:
            where = support.source
            facts["source"] = {"doc": where.doc, "paragraphs": list(where.paragraphs)}
        lines.append(f"<{argument_title(support.id)}> {_data(facts)}")
        lines.extend(f"  <_ [{attacker}]" for attacker in undercutters.get(support.id, ()))
        lines.append("")
        lines.extend(f"({n}) [{p}]" for n, p in enumerate(support.by, start=1))
        lines.extend(["----", f"({len(support.by) + 1}) [{support.target}]", ""])
    return Exported("\n".join(lines).rstrip("\n") + "\n", tuple(_losses(attacks)))


def _grouped(
    supports: list[Support], attacks: list[Attack], ids: set[str], undercut: set[str]
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Each node's lines of simple supports then attacks, and each support's undercutters.

    Grouped in one pass each, in the map's order, so that writing stays linear.
    """
    below: dict[str, list[str]] = {}
    for support in supports:
        if _simple(support, undercut):
            below.setdefault(support.target, []).append(f"  + [{support.by[0]}]")
    undercutters: dict[str, list[str]] = {}
    for attack in attacks:
        if attack.target in ids:
            below.setdefault(attack.target, []).append(f"  - [{attack.attacker}]")
        else:
            undercutters.setdefault(attack.target, []).append(attack.attacker)
    return below, undercutters


def _losses(attacks: list[Attack]) -> list[Loss]:
    losses: list[Loss] = []
    said = {
        "attack id": [a.id for a in attacks if a.id != default_relation_id(a.by, a.target)],
        "note": [a.id for a in attacks if a.note is not None],
        "implicit": [a.id for a in attacks if a.implicit],
        "source": [a.id for a in attacks if a.source is not None],
    }
    for kind, ids in said.items():
        if ids:
            losses.append(
                Loss(kind, tuple(ids), f"an Argdown attack relation has no place for its {kind}")
            )
    return losses
