"""argmap's own data in an Argdown file (``{"argmap": {...}}``): checked, errors placed.

argmap's writer keeps what Argdown cannot say (a node's kind, basis, speaker, source...)
under an ``argmap`` key of a statement's or an argument's data. A hand-edited file may get
it wrong; each mistake is a :class:`~argmap.ParseError` at the element's ``file:line:col``
that names the element and says what the data may hold.

>>> place = Place("m.argdown", 3, 1, "statement", "A")
>>> ours({"argmap": {"kind": "premise"}}, NODE_KEYS, place)
{'kind': 'premise'}
>>> ours({"argmap": {"knid": "premise"}}, NODE_KEYS, place)
Traceback (most recent call last):
argmap.errors.ParseError: m.argdown:3:1: AM102 statement [A]: argmap data has no key 'knid'; did ...
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple, TypeVar, cast

import attrs

from argmap._suggest import closest, did_you_mean
from argmap.codes import Code
from argmap.errors import ModelError, ParseError
from argmap.findings import Location
from argmap.provenance import SourceRef

__all__ = [
    "FRONT_KEYS",
    "NODE_KEYS",
    "SUPPORT_KEYS",
    "Place",
    "error",
    "made",
    "ours",
    "record",
    "source_ref",
]

T = TypeVar("T")


class Place(NamedTuple):
    """Where an element of an Argdown file is (``what`` it is and its title), for messages."""

    file: str | None
    line: int
    column: int
    what: str  # "statement", "argument" or "frontmatter"
    title: str = ""

    @property
    def location(self) -> Location:
        """The element's place in its file."""
        return Location(self.file, self.line, self.column, self.title or None)

    @property
    def name(self) -> str:
        """How a message names the element: ``statement [T]``, ``argument <T>``..."""
        if self.what == "statement":
            return f"statement [{self.title}]"
        if self.what == "argument":
            return f"argument <{self.title}>"
        return f"the {self.what}"


#: What argmap data may give a statement, or an argument that is a node.
NODE_KEYS = frozenset(
    ("id", "kind", "main", "basis", "implicit", "speaker", "source", "tags", "note")
)
#: What argmap data may give an argument with a premise-conclusion structure (a support).
SUPPORT_KEYS = frozenset(("id", "note", "implicit", "source"))
#: What argmap data in the frontmatter may give the map.
FRONT_KEYS = frozenset(("participants", "sources", "metadata"))


def ours(data: Mapping[str, Any], keys: frozenset[str], place: Place) -> dict[str, Any]:
    """The ``argmap`` data of an element (``{}`` if none), every key one of ``keys``."""
    value = data.get("argmap")
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise error(
            Code.WRONG_TYPE,
            place,
            f'argmap data must be a mapping such as {{"kind": "premise"}}, '
            f"not {type(value).__name__}",
        )
    if value.keys() <= keys:
        return dict(value)
    for key in value:
        if key not in keys:
            hint = did_you_mean(closest(str(key), sorted(keys))) or "."
            raise error(
                Code.UNKNOWN_KEY,
                place,
                f"argmap data has no key {key!r}{hint} It may give: {', '.join(sorted(keys))}",
            )
    return dict(value)


def record(cls: Callable[..., T], value: Any, place: Place, what: str, example: str) -> T:
    """The attrs value ``cls`` (``what``, in a message) a mapping of its fields makes."""
    names, required = _fields(cast(type, cls))
    if not (type(value) is dict or isinstance(value, Mapping)) or not (
        required <= value.keys() <= names.keys()
    ):
        raise error(
            Code.INVALID_VALUE,
            place,
            f"{what} must be a mapping of {', '.join(names)} "
            f"({', '.join(sorted(required))} required), such as {example}; got {value!r}",
        )
    return made(cls, place, **value)


@functools.cache
def _fields(cls: type) -> tuple[dict[str, None], frozenset[str]]:
    """The names of an attrs class's fields (in order), and those with no default."""
    fields = attrs.fields(cls)
    names = dict.fromkeys(field.name for field in fields)
    return names, frozenset(field.name for field in fields if field.default is attrs.NOTHING)


def source_ref(value: Any, place: Place) -> SourceRef:
    """The citation argmap data gives (``{"doc": ..., "paragraphs": [...]}``)."""
    return record(SourceRef, value, place, "its source", '{"doc": "d1", "paragraphs": [3]}')


def made(cls: Callable[..., T], place: Place, /, *args: Any, **fields: Any) -> T:
    """``cls(*args, **fields)``; a value the model refuses is an error at ``place``."""
    try:
        return cls(*args, **fields)
    except ModelError as refused:
        where, name = place.location, place.name
        findings = [
            attrs.evolve(finding, message=f"{name}: {finding.message}", location=where)
            for finding in refused.findings
        ]
        raise ParseError(findings) from None


def error(code: Code, place: Place, message: str) -> ParseError:
    """The error ``message`` about the element at ``place``, which it names first."""
    return ParseError([code.finding(f"{place.name}: {message}", place.location)])
