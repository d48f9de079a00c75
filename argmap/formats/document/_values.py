"""Plain values in a document: YAML scalars with their style, nulls, numbers, descriptions."""

from __future__ import annotations

import re
from typing import Any

from argmap.findings import Finding

__all__ = [
    "FLOAT",
    "INT",
    "MAX_DIGITS",
    "NULLS",
    "InputError",
    "Scalar",
    "describe",
    "is_null",
    "plain",
    "resolves_plain",
    "short",
]

NULLS = frozenset(("", "~", "null", "Null", "NULL"))
INT = re.compile(r"[-+]?[0-9]+")
FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
#: Python's limit on the digits int() converts (sys.get_int_max_str_digits()).
MAX_DIGITS = 4300


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


def is_null(value: object) -> bool:
    return value is None or (type(value) is Scalar and value.style is None and value in NULLS)


def short(text: str, limit: int = 60) -> str:
    """``text``, cut short for a message: a whole file may be one scalar."""
    return text if len(text) <= limit else f"{text[:limit]}…"


def describe(value: object) -> str:
    if type(value) is Scalar:
        return f"the text {short(str(value))!r}"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if value is None:
        return "null"
    names = {dict: "a mapping", list: "a list", str: "a string", int: "a number", float: "a number"}
    return names.get(type(value), type(value).__name__)


def resolves_plain(value: str) -> bool:
    """Whether ``value`` written as a plain YAML scalar reads back as null, a boolean or a number.

    >>> resolves_plain("1e3"), resolves_plain("NO")
    (True, False)
    """
    return (
        value in NULLS
        or value.lower() in ("true", "false")
        or INT.fullmatch(value) is not None
        or FLOAT.fullmatch(value) is not None
    )


def plain(value: Any) -> Any:
    """Metadata as plain data: YAML scalars resolved by the YAML 1.2 core schema."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if type(value) is Scalar:
        if value.style is not None:
            return str(value)
        if value in NULLS:
            return None
        if value.lower() in ("true", "false"):
            return value.lower() == "true"
        if INT.fullmatch(value):
            return int(value)
        if FLOAT.fullmatch(value):
            return float(value)
        return str(value)
    return value
