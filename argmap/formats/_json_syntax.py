"""JSON that does not parse: one error, where it is, what is wrong and how to fix it.

Every reader of a JSON format (argmap's own, AIF, xAIF, SADFace, Argdown's export) reports
a syntax error through :func:`syntax_finding`, so the same mistake reads the same everywhere.

>>> load_json('{"nodes": [1, 2, ]}', "m.json")
Traceback (most recent call last):
argmap.errors.ParseError: m.json:1:18: AM101 invalid JSON: a comma before ']': JSON allows ...
>>> load_json('{"nodes": [1, 2', None)
Traceback (most recent call last):
argmap.errors.ParseError: <string>:1:16: AM101 invalid JSON: the text ends inside a list ...
"""

from __future__ import annotations

import json
from typing import Any

from argmap.codes import Code
from argmap.errors import ParseError
from argmap.findings import Finding, Location

__all__ = ["failure", "load_json", "syntax_finding"]


def load_json(text: str, file: str | None) -> Any:
    """``json.loads(text)``; :class:`~argmap.ParseError` (AM101) if it fails."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as error:
        raise ParseError([failure(error, file)]) from None


def failure(error: ValueError | RecursionError, file: str | None) -> Finding:
    """AM101 for what ``json.loads`` raised on a text.

    That is a syntax error (see :func:`syntax_finding`), nesting too deep, or another value
    it refuses, such as an integer of more digits than Python converts.
    """
    if isinstance(error, json.JSONDecodeError):
        return syntax_finding(error, file)
    if isinstance(error, RecursionError):
        message = "invalid JSON: lists and objects are nested too deeply to read"
    else:
        message = f"invalid JSON: {error}"
    return Code.SYNTAX.finding(message, Location(file, 1, 1))


def syntax_finding(error: json.JSONDecodeError, file: str | None) -> Finding:
    """AM101 at the error's line and column, saying what is wrong and how to fix it."""
    message = f"invalid JSON: {_explain(error.msg, error.doc, error.pos)}"
    return Code.SYNTAX.finding(message, Location(file, error.lineno, error.colno))


def _explain(problem: str, text: str, pos: int) -> str:
    """What ``json``'s ``problem`` at ``pos`` means, and what to do about it."""
    for start, meaning in _BY_START:
        if problem.startswith(start):
            return meaning
    return _by_place(problem, text, pos) or _BY_PROBLEM.get(
        problem, f"{problem}; correct the JSON here"
    )


def _by_place(problem: str, text: str, pos: int) -> str | None:
    """The meaning the text around ``pos`` gives a problem, if any."""
    char = text[pos : pos + 1]
    if problem == "Extra data":
        return "more text follows the JSON value: a file holds one value; remove the rest"
    if not text.strip():
        return "the text is empty: a JSON file holds one value, such as an object {...}"
    if not text[pos:].strip():
        return (
            "the text ends inside a list or an object: it may be cut off; close every '[' and '{'"
        )
    if char in ("]", "}") and text[:pos].rstrip().endswith(","):
        return f"a comma before {char!r}: JSON allows none after the last item; remove it"
    if char == "'":
        return "strings and keys are in double quotes in JSON, not single ones"
    return None


#: Meanings of the problems json names with a place or a detail after them.
_BY_START = (
    ("Unterminated string", "a string is never closed: add the closing double quote"),
    (
        "Invalid control character",
        "a string holds a line break or a tab as it is: write it as \\n or \\t",
    ),
    ("Invalid \\uXXXX escape", "a \\u escape needs four hex digits, such as \\u00e9"),
    (
        "Invalid \\escape",
        "a backslash starts an escape JSON does not know: write \\\\ for a backslash",
    ),
)
#: Meanings of the others.
_BY_PROBLEM = {
    "Expecting value": (
        "a value should be here: a string in double quotes, a number, true, false, null, "
        "a list or an object"
    ),
    "Expecting ',' delimiter": "a comma is missing between two items: add ','",
    "Expecting ':' delimiter": "a key must be followed by ':' and its value",
    "Expecting property name enclosed in double quotes": "a key must be text in double quotes",
}
