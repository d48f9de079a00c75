"""The map document: the plain data YAML and JSON share, to and from the model.

Both formats parse to the same tree of dicts, lists and scalars; this module turns that
tree into an :class:`~argmap.ArgumentMap` (collecting every problem, each with its
document path) and back. YAML scalars arrive as :class:`Scalar` strings that remember
how they were written, so that ``country: NO`` stays the text ``"NO"``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from argmap._suggest import closest, did_you_mean
from argmap.argument_map import ArgumentMap
from argmap.codes import Code
from argmap.errors import ModelError, ParseError
from argmap.findings import DocPath, Finding, Location, Origin, format_path
from argmap.formats._misplaced import dedented_key, kindless_text, nested_node
from argmap.formats._relations import (
    item_path,
    relation_problem,
    spelled_support_id,
    structure,
)
from argmap.invariants import is_valid_id, support_id_spelling
from argmap.nodes import NODE_KINDS, Claim, Node, Premise
from argmap.provenance import Participant, Source, SourceRef
from argmap.relations import Attack, Relation, Support, default_relation_id

__all__ = [
    "FORMAT_VERSION",
    "KEYS",
    "InputError",
    "Scalar",
    "from_document",
    "resolves_plain",
    "to_document",
]

FORMAT_VERSION = 1

#: Every key the format knows, by the place it may appear (the schema test reads this).
KEYS: dict[str, tuple[str, ...]] = {
    "map": ("argmap", "title", "sources", "participants", "nodes", "metadata"),
    "source": ("title", "authors", "affiliation", "outlet", "date", "url", "language"),
    "participant": ("name", "affiliation", "country", "role"),
    "node": ("speaker", "source", "tags", "note", "supports", "attacks"),
    "claim": ("main",),
    "premise": ("basis", "implicit"),
    "rebuttal": (),
    "recommendation": (),
    "source-ref": ("doc", "paragraphs"),
    "support": ("to", "with", "id", "source", "implicit", "note"),
    "attack": ("to", "id", "source", "implicit", "note"),
}
_KIND_NAMES = tuple(NODE_KINDS)
_NODE_KEYS = {kind: frozenset((kind, *KEYS["node"], *KEYS[kind])) for kind in _KIND_NAMES}
_ALL_NODE_KEYS = frozenset().union(*_NODE_KEYS.values())


_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
#: Python's limit on the digits int() converts (sys.get_int_max_str_digits()).
_MAX_DIGITS = 4300


class InputError(Exception):
    """A reader's problem with the input text itself, already located."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


class Scalar(str):
    """A YAML scalar as written: its text, and its style (``None`` when plain)."""

    __slots__ = ("style",)
    style: str | None

    def __new__(cls, value: str, style: str | None) -> Scalar:
        """A scalar with this text and style."""
        self = super().__new__(cls, value)
        self.style = style
        return self


def _is_null(value: object) -> bool:
    return value is None or (type(value) is Scalar and value.style is None and value in _NULLS)


def _short(text: str, limit: int = 60) -> str:
    """``text``, cut short for a message: a whole file may be one scalar."""
    return text if len(text) <= limit else f"{text[:limit]}…"


def _describe(value: object) -> str:
    if type(value) is Scalar:
        return f"the text {_short(str(value))!r}"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if value is None:
        return "null"
    names = {dict: "a mapping", list: "a list", str: "a string", int: "a number", float: "a number"}
    return names.get(type(value), type(value).__name__)


class _Reader:
    """Turns a document tree into a map, collecting findings with document paths."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.paths: dict[str, DocPath] = {}
        #: Attacks on support ids spelt naturally (``a -> b``), told once all supports are read:
        #: where, the node's kind and id, what is written and the id it spells.
        self.spelled: list[tuple[DocPath, str, str, str, str]] = []

    def problem(self, code: Code, path: DocPath, message: str, element: str | None = None) -> None:
        where = format_path(path)
        self.findings.append(
            code.finding(f"{where}: {message}", Location(element=element, path=path))
        )

    # -- scalars ---------------------------------------------------------------------------

    def text(self, value: object, path: DocPath) -> str | None:
        if isinstance(value, str) and not _is_null(value):
            if type(value) is Scalar and value.style in ("|", ">"):
                return str(value).rstrip("\n")
            return str(value)
        if _is_null(value):
            return None
        self.problem(Code.WRONG_TYPE, path, f"expected text, got {_describe(value)}")
        return None

    def required_text(self, value: object, path: DocPath, what: str) -> str | None:
        if _is_null(value):
            self.problem(Code.MISSING_VALUE, path, f"{what} needs a value")
            return None
        return self.text(value, path)

    def boolean(self, value: object, path: DocPath) -> bool:
        if isinstance(value, bool):
            return value
        if type(value) is Scalar and value.style is None and value.lower() in ("true", "false"):
            return value.lower() == "true"
        if _is_null(value):
            return False
        self.problem(Code.WRONG_TYPE, path, f"expected true or false, got {_describe(value)}")
        return False

    def integer(self, value: object, path: DocPath) -> int | None:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if type(value) is Scalar and value.style is None and _INT.fullmatch(value):
            if len(value) <= _MAX_DIGITS:
                return int(value)
            self.problem(
                Code.WRONG_TYPE,
                path,
                f"expected a whole number of at most {_MAX_DIGITS} "
                f"digits, got {len(value):,} characters",
            )
            return None
        self.problem(Code.WRONG_TYPE, path, f"expected a whole number, got {_describe(value)}")
        return None

    def text_list(self, value: object, path: DocPath) -> tuple[str, ...]:
        if _is_null(value):
            return ()
        if isinstance(value, str):
            self.problem(
                Code.WRONG_TYPE,
                path,
                f"expected a list, got {_describe(value)}; write [{_short(value)}]",
            )
            return ()
        if not isinstance(value, list):
            self.problem(Code.WRONG_TYPE, path, f"expected a list, got {_describe(value)}")
            return ()
        items = (self.text(item, (*path, index)) for index, item in enumerate(value))
        return tuple(item for item in items if item is not None)

    # -- containers --------------------------------------------------------------------------

    def mapping(self, value: object, path: DocPath, what: str) -> dict[str, Any] | None:
        if isinstance(value, dict):
            return value
        if not _is_null(value):
            self.problem(
                Code.WRONG_TYPE, path, f"expected {what} (a mapping), got {_describe(value)}"
            )
        return None

    def unknown_keys(
        self,
        raw: Mapping[str, Any],
        allowed: frozenset[str] | tuple[str, ...],
        path: DocPath,
        where: str,
        hint: Callable[[str], str] | None = None,
    ) -> None:
        for key in [key for key in raw if key not in allowed]:
            extra = hint(key) if hint is not None else ""
            if not extra:
                extra = did_you_mean(closest(key, allowed))
            expected = ", ".join(sorted(allowed))
            self.problem(
                Code.UNKNOWN_KEY,
                (*path, key),
                f"unknown key {key!r} in {where}{extra} (expected one of: {expected})",
            )

    def model_errors(
        self, error: ModelError, path: DocPath, keys: Mapping[str, str] | None = None
    ) -> None:
        for finding in error.findings:
            field = finding.location.path[0] if finding.location.path else None
            where = path if field is None else (*path, (keys or {}).get(str(field), field))
            self.findings.append(
                Finding(
                    finding.code,
                    finding.severity,
                    finding.message,
                    Location(element=finding.location.element, path=where),
                )
            )

    # -- the document --------------------------------------------------------------------------

    def read_map(self, data: object, origin: Origin) -> ArgumentMap | None:
        raw = self.mapping(data, (), "an argument map")
        if raw is None:
            if _is_null(data):
                self.problem(
                    Code.MISSING_VALUE,
                    (),
                    "the document is empty; expected a mapping with 'title' and 'nodes'",
                )
            return None
        self.unknown_keys(raw, KEYS["map"], (), "the map")
        version = raw.get("argmap")
        if version is not None and not _is_null(version):
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
        if _is_null(metadata):
            metadata = None
        elif not isinstance(metadata, dict):
            self.problem(
                Code.WRONG_TYPE, ("metadata",), f"expected a mapping, got {_describe(metadata)}"
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
            text=_fast_text,
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
            return _plain(raw)  # type: ignore[no-any-return]
        except ValueError:  # int() refuses more than _MAX_DIGITS digits
            self.problem(
                Code.WRONG_TYPE,
                ("metadata",),
                f"a number in the metadata has more than {_MAX_DIGITS} digits",
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
                if _is_null(item):
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

    def read_node(
        self, ident: str, value: object, nodes: list[Node], relations: list[Relation]
    ) -> None:
        path = ("nodes", ident)
        self.paths[ident] = path
        if type(value) is dict and _fast_node(ident, value, nodes, relations):
            return
        misplaced = dedented_key(ident, value, _KIND_NAMES, _MISPLACEABLE) or kindless_text(
            ident, value
        )
        if misplaced is not None:
            code = Code.UNKNOWN_KEY if ident in _MISPLACEABLE else Code.WRONG_TYPE
            self.problem(code, path, misplaced, ident)
            return
        raw = self.mapping(value, path, "a node")
        if raw is None:
            if _is_null(value):
                self.problem(
                    Code.MISSING_VALUE,
                    path,
                    f"node {ident!r} needs a kind and text, e.g. 'claim: ...'",
                    ident,
                )
            return
        kinds = [kind for kind in _KIND_NAMES if kind in raw]
        if len(kinds) != 1:
            found = "none" if not kinds else " and ".join(repr(k) for k in kinds)
            self.problem(
                Code.MISSING_VALUE if not kinds else Code.WRONG_TYPE,
                path,
                f"node {ident!r} needs exactly one kind key with its text "
                f"({', '.join(_KIND_NAMES)}); found {found}",
                ident,
            )
            self.unknown_keys(raw, _ALL_NODE_KEYS, path, f"node {ident!r}")
            return
        kind = kinds[0]
        allowed = _NODE_KEYS[kind]
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
        if _is_null(value):
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
            if _is_null(raw.get("doc")):
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
            elif not _is_null(raw_paragraphs):
                self.problem(
                    Code.WRONG_TYPE,
                    (*path, "paragraphs"),
                    f"expected a list of paragraph numbers, got {_describe(raw_paragraphs)}",
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
        if _is_null(value) or not is_valid_id(home):  # a bad id is told once, of the node
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
        if isinstance(value, str) and not _is_null(value):
            target = str(value)
        else:
            raw = self.mapping(value, path, f"a target id or {{to: ..., id: ...}} ({what})")
            if raw is None:
                if _is_null(value):
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


def _fast_text(value: object) -> str | None:
    """The text of a clean scalar, or ``None`` when the general reader must look at it."""
    if type(value) is str:
        return value
    if type(value) is Scalar:
        style = value.style
        if style is None:
            return None if value in _NULLS else str(value)
        return str(value).rstrip("\n") if style in ("|", ">") else str(value)
    return None


def _fast_ids(value: object) -> tuple[str, ...] | None:
    if type(value) is not list:
        return None
    items = tuple(map(_fast_text, value))
    return None if None in items else items  # type: ignore[return-value]


def _fast_relations(home: str, value: object, support: bool, relations: list[Relation]) -> bool:
    """Add the relations of one node's ``supports``/``attacks``; False if it needs a closer look."""
    for item in value if isinstance(value, list) else (value,):
        target = item if type(item) is str else _fast_text(item)
        ident = None
        others: tuple[str, ...] = ()
        if target is None:
            if type(item) is not dict or not item.keys() <= (
                _SUPPORT_KEYS if support else _ATTACK_KEYS
            ):
                return False
            target = _fast_text(item.get("to"))
            if target is None:
                return False
            if "with" in item:
                found = _fast_ids(item["with"])
                if found is None:
                    return False
                others = found
            if "id" in item:
                ident = _fast_text(item["id"])
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


def _fast_node(
    ident: str, raw: dict[str, Any], nodes: list[Node], relations: list[Relation]
) -> bool:
    """Read a clean node without building any message; False leaves it to the general reader.

    It accepts exactly what the general reader accepts, and nothing is kept from a node
    it gives up on.
    """
    kind = next(iter(raw), "")
    allowed = _NODE_KEYS.get(kind)
    if allowed is None or not raw.keys() <= allowed:
        return False
    text = _fast_text(raw[kind])
    if text is None:
        return False
    fields: dict[str, Any] = {}
    added = len(relations)
    try:
        for key, value in raw.items():
            if key in _TEXT_FIELDS:
                found = value if type(value) is str else _fast_text(value)
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
    doc = _fast_text(value)
    if doc is not None:
        return SourceRef(doc)
    if type(value) is not dict or not value.keys() <= _SOURCE_REF_KEYS:
        return None
    doc = _fast_text(value.get("doc"))
    paragraphs = value.get("paragraphs", ())
    if doc is None or (paragraphs != () and type(paragraphs) is not list):
        return None
    if not all(type(number) is int for number in paragraphs):
        return None
    return SourceRef(doc, tuple(paragraphs))


_TEXT_FIELDS = frozenset((*_KIND_NAMES, "speaker", "note", "basis")) - frozenset(_KIND_NAMES)
# The relation keys the fast reader takes; provenance is left to the general reader.
_SUPPORT_KEYS = frozenset(("to", "with", "id"))
_ATTACK_KEYS = frozenset(("to", "id"))
_SOURCE_REF_KEYS = frozenset(KEYS["source-ref"])
#: The keys of a node that an author may dedent to a node id by mistake.
_MISPLACEABLE = frozenset((*KEYS["node"], *KEYS["claim"], *KEYS["premise"]))


def _kind_hint(kind: str, raw: Mapping[str, Any], ident: str) -> Callable[[str], str]:
    def hint(key: str) -> str:
        if key in _ALL_NODE_KEYS:
            owners = [k for k in _KIND_NAMES if key in KEYS[k] or key == k]
            return f"; {key!r} belongs to {' and '.join(owners)} nodes, this is a {kind}"
        return nested_node(key, raw[key], _KIND_NAMES, ident)

    return hint


def _with_hint(key: str) -> str:
    return "; only supports can be linked with 'with'" if key == "with" else ""


def resolves_plain(value: str) -> bool:
    """Whether ``value`` written as a plain YAML scalar reads back as null, a boolean or a number.

    >>> resolves_plain("1e3"), resolves_plain("NO")
    (True, False)
    """
    return (
        value in _NULLS
        or value.lower() in ("true", "false")
        or _INT.fullmatch(value) is not None
        or _FLOAT.fullmatch(value) is not None
    )


def _plain(value: Any) -> Any:
    """Metadata as plain data: YAML scalars resolved by the YAML 1.2 core schema."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if type(value) is Scalar:
        if value.style is not None:
            return str(value)
        if value in _NULLS:
            return None
        if value.lower() in ("true", "false"):
            return value.lower() == "true"
        if _INT.fullmatch(value):
            return int(value)
        if _FLOAT.fullmatch(value):
            return float(value)
        return str(value)
    return value


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


# -- writing ------------------------------------------------------------------------------


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
