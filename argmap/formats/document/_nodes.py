"""The general reader of nodes and their relations, which says what is wrong and where."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from argmap.codes import Code
from argmap.errors import ModelError
from argmap.findings import DocPath, Location
from argmap.formats._misplaced import dedented_key, kindless_text, nested_node
from argmap.formats._relations import item_path, relation_problem
from argmap.formats.document._fast import fast_node
from argmap.formats.document._scalars import ValueReader
from argmap.formats.document._schema import (
    ALL_NODE_KEYS,
    KEYS,
    KIND_NAMES,
    MISPLACEABLE,
    NODE_KEYS,
)
from argmap.formats.document._values import describe, is_null
from argmap.invariants import is_valid_id, support_id_spelling
from argmap.nodes import NODE_KINDS, Node
from argmap.provenance import SourceRef
from argmap.relations import Attack, Relation, Support, default_relation_id

__all__ = ["NodeReader"]


class NodeReader(ValueReader):
    """Reads nodes, their fields and relations; a node the fast reader takes is read at once."""

    def read_node(
        self, ident: str, value: object, nodes: list[Node], relations: list[Relation]
    ) -> None:
        path = ("nodes", ident)
        self.paths[ident] = path
        if type(value) is dict and fast_node(ident, value, nodes, relations):
            return
        misplaced = dedented_key(ident, value, KIND_NAMES, MISPLACEABLE) or kindless_text(
            ident, value
        )
        if misplaced is not None:
            code = Code.UNKNOWN_KEY if ident in MISPLACEABLE else Code.WRONG_TYPE
            self.problem(code, path, misplaced, ident)
            return
        raw = self.mapping(value, path, "a node")
        if raw is None:
            if is_null(value):
                self.problem(
                    Code.MISSING_VALUE,
                    path,
                    f"node {ident!r} needs a kind and text, e.g. 'claim: ...'",
                    ident,
                )
            return
        kinds = [kind for kind in KIND_NAMES if kind in raw]
        if len(kinds) != 1:
            found = "none" if not kinds else " and ".join(repr(k) for k in kinds)
            self.problem(
                Code.MISSING_VALUE if not kinds else Code.WRONG_TYPE,
                path,
                f"node {ident!r} needs exactly one kind key with its text "
                f"({', '.join(KIND_NAMES)}); found {found}",
                ident,
            )
            self.unknown_keys(raw, ALL_NODE_KEYS, path, f"node {ident!r}")
            return
        kind = kinds[0]
        allowed = NODE_KEYS[kind]
        if len(raw) > 1 and not raw.keys() <= allowed:
            self.unknown_keys(raw, allowed, path, f"{kind} {ident!r}", _kind_hint(kind, raw, ident))
        fields: dict[str, Any] = {}
        text = self.required_text(raw[kind], (*path, kind), f"{kind} {ident!r}")
        if len(raw) > 1:
            self.node_fields(kind, raw, path, fields)
        if "supports" in raw:
            self.read_relations(kind, ident, raw["supports"], "supports", relations)
        if "attacks" in raw:
            self.read_relations(kind, ident, raw["attacks"], "attacks", relations)
        if text is None:
            return
        try:
            nodes.append(NODE_KINDS[kind](ident, text, **fields))
        except ModelError as error:
            self.model_errors(error, path, {"text": kind})

    def node_fields(
        self, kind: str, raw: Mapping[str, Any], path: DocPath, fields: dict[str, Any]
    ) -> None:
        for key in ("speaker", "note"):
            if key in raw:
                fields[key] = self.text(raw[key], (*path, key))
        if "tags" in raw:
            fields["tags"] = self.text_list(raw["tags"], (*path, "tags"))
        if "source" in raw:
            fields["source"] = self.source_ref(raw["source"], (*path, "source"))
        if kind == "claim" and "main" in raw:
            fields["main"] = self.boolean(raw["main"], (*path, "main"))
        if kind == "premise":
            if "basis" in raw:
                fields["basis"] = self.text(raw["basis"], (*path, "basis"))
            if "implicit" in raw:
                fields["implicit"] = self.boolean(raw["implicit"], (*path, "implicit"))

    def provenance(self, raw: Mapping[str, Any], path: DocPath, fields: dict[str, Any]) -> None:
        """A relation's ``source``, ``implicit`` and ``note``, into ``fields``."""
        if "source" in raw:
            fields["source"] = self.source_ref(raw["source"], (*path, "source"))
        if "implicit" in raw:
            fields["implicit"] = self.boolean(raw["implicit"], (*path, "implicit"))
        if "note" in raw:
            fields["note"] = self.text(raw["note"], (*path, "note"))

    def source_ref(self, value: object, path: DocPath) -> SourceRef | None:
        if is_null(value):
            return None
        doc: str | None
        paragraphs: list[int] = []
        if isinstance(value, str):
            doc = str(value)
        else:
            raw = self.mapping(value, path, "a source id or {doc: ..., paragraphs: [...]}")
            if raw is None:
                return None
            self.unknown_keys(raw, KEYS["source-ref"], path, "a source locator")
            if is_null(raw.get("doc")):
                self.problem(
                    Code.MISSING_VALUE, path, "a source locator needs 'doc', the source's id"
                )
                return None
            doc = self.text(raw["doc"], (*path, "doc"))
            raw_paragraphs = raw.get("paragraphs")
            if isinstance(raw_paragraphs, list):
                for index, item in enumerate(raw_paragraphs):
                    number = self.integer(item, (*path, "paragraphs", index))
                    if number is not None:
                        paragraphs.append(number)
            elif not is_null(raw_paragraphs):
                self.problem(
                    Code.WRONG_TYPE,
                    (*path, "paragraphs"),
                    f"expected a list of paragraph numbers, got {describe(raw_paragraphs)}",
                )
        if doc is None:
            return None
        try:
            return SourceRef(doc, paragraphs)
        except ModelError as error:
            self.model_errors(error, path)
            return None

    def read_relations(
        self, kind: str, home: str, value: object, key: str, relations: list[Relation]
    ) -> None:
        path: DocPath = ("nodes", home, key)
        if is_null(value) or not is_valid_id(home):  # a bad id is told once, of the node
            return
        if isinstance(value, list):
            for index, item in enumerate(value):
                self.read_relation(home, item, key, (*path, index), relations, kind=kind)
        else:
            self.read_relation(home, value, key, path, relations, kind=kind)

    def read_relation(
        self,
        home: str,
        value: object,
        key: str,
        path: DocPath,
        relations: list[Relation],
        *,
        kind: str,
    ) -> None:
        what = "support" if key == "supports" else "attack"
        a_what = "a support" if what == "support" else "an attack"
        target: str | None
        others: tuple[str, ...] = ()
        ident: str | None = None
        fields: dict[str, Any] = {}
        if isinstance(value, str) and not is_null(value):
            target = str(value)
        else:
            raw = self.mapping(value, path, f"a target id or {{to: ..., id: ...}} ({what})")
            if raw is None:
                if is_null(value):
                    self.problem(Code.MISSING_VALUE, path, f"{a_what} needs a target id")
                return
            self.unknown_keys(
                raw, KEYS[what], path, a_what, _with_hint if what == "attack" else None
            )
            target = self.required_text(raw.get("to"), (*path, "to"), f"{a_what}: 'to'")
            others = self.text_list(raw.get("with"), (*path, "with")) if what == "support" else ()
            ident = self.text(raw["id"], (*path, "id")) if "id" in raw else None
            self.provenance(raw, path, fields)
            if target is None:
                return
        owner = f"{kind} {home!r}"
        mapping = type(value) is dict
        problem = relation_problem(owner, key, home, target, others)
        if problem is not None:
            code, message, field, index = problem
            at = item_path(path, mapping, field, index)
            self.findings.append(code.finding(message, Location(element=home, path=at)))
            return
        meant = support_id_spelling(target) if what == "attack" else None
        if meant is not None:  # told once every support id is known
            self.spelled.append((item_path(path, mapping, "to"), kind, home, target, meant))
            return
        by = (home, *others) if what == "support" else (home,)
        ident = ident or default_relation_id(by, target)
        try:
            relations.append(
                Support(by, target, id=ident, **fields)
                if what == "support"
                else Attack(by, target, id=ident, **fields)
            )
        except ModelError as error:  # an id that is not one: said of the node, not of 'p->x y'
            said = [
                attrs.evolve(
                    found, message=_of_node(found.message, f"{what} {ident!r}", key, owner)
                )
                for found in error.findings
            ]
            self.model_errors(ModelError(said), path, {"target": "to", "by": "with"})


def _of_node(message: str, owner: str, key: str, node: str) -> str:
    """A relation's message from the model, said of the node it is written on."""
    said = message.removeprefix(f"{owner}: ")
    if said.startswith("by must be an id"):  # the co-premises, under 'with'
        said = "'with' must list ids" + said.removeprefix("by must be an id")
    return f"{key} of {node}: {said}"


def _kind_hint(kind: str, raw: Mapping[str, Any], ident: str) -> Callable[[str], str]:
    def hint(key: str) -> str:
        if key in ALL_NODE_KEYS:
            owners = [k for k in KIND_NAMES if key in KEYS[k] or key == k]
            return f"; {key!r} belongs to {' and '.join(owners)} nodes, this is a {kind}"
        return nested_node(key, raw[key], KIND_NAMES, ident)

    return hint


def _with_hint(key: str) -> str:
    return "; only supports can be linked with 'with'" if key == "with" else ""
