"""The fast reader of clean nodes: no messages built, and it gives up on anything unusual.

It accepts exactly what the general reader accepts; a node it gives up on is read again by
the general reader, which says what is wrong.
"""

from __future__ import annotations

from typing import Any

from argmap.errors import ModelError
from argmap.formats.document._schema import KEYS, KIND_NAMES, NODE_KEYS
from argmap.formats.document._values import NULLS, Scalar
from argmap.nodes import NODE_KINDS, Node
from argmap.provenance import SourceRef
from argmap.relations import Attack, Relation, Support, default_relation_id

__all__ = ["fast_node", "fast_text"]


def fast_text(value: object) -> str | None:
    """The text of a clean scalar, or ``None`` when the general reader must look at it."""
    if type(value) is str:
        return value
    if type(value) is Scalar:
        style = value.style
        if style is None:
            return None if value in NULLS else str(value)
        return str(value).rstrip("\n") if style in ("|", ">") else str(value)
    return None


def _fast_ids(value: object) -> tuple[str, ...] | None:
    if type(value) is not list:
        return None
    items = tuple(map(fast_text, value))
    return None if None in items else items  # type: ignore[return-value]


def _fast_relations(home: str, value: object, support: bool, relations: list[Relation]) -> bool:
    """Add the relations of one node's ``supports``/``attacks``; False if it needs a closer look."""
    for item in value if isinstance(value, list) else (value,):
        target = item if type(item) is str else fast_text(item)
        ident = None
        others: tuple[str, ...] = ()
        if target is None:
            if type(item) is not dict or not item.keys() <= (
                _SUPPORT_KEYS if support else _ATTACK_KEYS
            ):
                return False
            target = fast_text(item.get("to"))
            if target is None:
                return False
            if "with" in item:
                found = _fast_ids(item["with"])
                if found is None:
                    return False
                others = found
            if "id" in item:
                ident = fast_text(item["id"])
                if ident is None:
                    return False
        if support:
            by = (home, *others)
            ident = ident or (
                f"{home}->{target}" if not others else default_relation_id(by, target)
            )
            relations.append(Support(by, target, id=ident))
        else:
            relations.append(Attack(home, target, id=ident or f"{home}->{target}"))
    return True


def fast_node(
    ident: str, raw: dict[str, Any], nodes: list[Node], relations: list[Relation]
) -> bool:
    """Read a clean node without building any message; False leaves it to the general reader.

    It accepts exactly what the general reader accepts, and nothing is kept from a node
    it gives up on.
    """
    kind = next(iter(raw), "")
    allowed = NODE_KEYS.get(kind)
    if allowed is None or not raw.keys() <= allowed:
        return False
    text = fast_text(raw[kind])
    if text is None:
        return False
    fields: dict[str, Any] = {}
    added = len(relations)
    try:
        for key, value in raw.items():
            if key in _TEXT_FIELDS:
                found = value if type(value) is str else fast_text(value)
                if found is None:
                    return False
                fields[key] = found
            elif key in ("supports", "attacks"):
                if not _fast_relations(ident, value, key == "supports", relations):
                    return False
            elif key == "source":
                ref = _fast_source(value)
                if ref is None:
                    return False
                fields["source"] = ref
            elif key == "tags":
                tags = _fast_ids(value)
                if tags is None:
                    return False
                fields["tags"] = tags
            elif key in ("main", "implicit"):
                if value is not True and value is not False:
                    return False
                fields[key] = value
        nodes.append(NODE_KINDS[kind](ident, text, **fields))
        return True
    except ModelError:
        return False
    finally:
        if len(nodes) == 0 or nodes[-1].id != ident:
            del relations[added:]


def _fast_source(value: object) -> SourceRef | None:
    doc = fast_text(value)
    if doc is not None:
        return SourceRef(doc)
    if type(value) is not dict or not value.keys() <= _SOURCE_REF_KEYS:
        return None
    doc = fast_text(value.get("doc"))
    paragraphs = value.get("paragraphs", ())
    if doc is None or (paragraphs != () and type(paragraphs) is not list):
        return None
    if not all(type(number) is int for number in paragraphs):
        return None
    return SourceRef(doc, tuple(paragraphs))


_TEXT_FIELDS = frozenset((*KIND_NAMES, "speaker", "note", "basis")) - frozenset(KIND_NAMES)
# The relation keys the fast reader takes; provenance is left to the general reader.
_SUPPORT_KEYS = frozenset(("to", "with", "id"))
_ATTACK_KEYS = frozenset(("to", "id"))
_SOURCE_REF_KEYS = frozenset(KEYS["source-ref"])
