"""JSON, the same document for tools: parsed by the standard library's C scanner."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from argmap.argument_map import ArgumentMap
from argmap.codes import Code
from argmap.findings import DocPath, Location
from argmap.formats._json_syntax import failure
from argmap.formats._native import CARRIES, read_document, refuse_empty
from argmap.formats.document import InputError, to_document
from argmap.formats.interchange import Exported, Imported
from argmap.formats.positions import LineIndex, json_locator

__all__ = ["CARRIES", "dumps", "parse", "read", "sniff", "write"]


_SPACE = re.compile(r"[ \t\r\n]*")


class _DuplicateKeyError(Exception):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return result


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def parse(text: str, file: str | None) -> tuple[Any, Callable[[DocPath], tuple[int, int] | None]]:
    """Parse ``text`` to document data and a locator; a problem with a location if it can't."""
    try:
        data = json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant)
    except _DuplicateKeyError as error:
        key, (line, column), first = _find_key(text, error.args[0])
        raise InputError(
            Code.DUPLICATE_KEY.finding(
                f"duplicate key {key!r}: each key may appear once in an object, and {key!r} "
                f"is already on line {first}",
                Location(file, line, column),
            )
        ) from None
    except (ValueError, RecursionError) as error:  # NaN and Infinity too (_constant)
        if isinstance(error, json.JSONDecodeError) and error.msg == "Extra data":
            end = LineIndex(text).position(len(text[: error.pos].rstrip()) - 1)[0]
            message = (
                f"more text after the end of the JSON document on line {end}: a map file "
                "holds one JSON object; remove what follows it"
            )
            raise InputError(
                Code.SYNTAX.finding(message, Location(file, error.lineno, error.colno))
            ) from None
        raise InputError(failure(error, file)) from None
    return data, json_locator(text)


def _find_key(text: str, key: str) -> tuple[str, tuple[int, int], int]:
    """The first key written twice in one object: where it is again, and the line it was first."""
    try:
        found = _second_key(text)
    except (ValueError, IndexError):
        found = None
    if found is None:  # the scan failed; the best guess is a second "key"
        needle = json.dumps(key, ensure_ascii=False)
        first = max(text.find(needle), 0)
        second = text.find(needle, first + 1)
        found = key, second if second >= 0 else first, first
    lines = LineIndex(text)
    return found[0], lines.position(found[1]), lines.position(found[2])[0]


def _second_key(text: str) -> tuple[str, int, int] | None:
    """Find the first key, object by object, that its object already has; say where, twice."""
    decoder = json.JSONDecoder()
    pending = [_SPACE.match(text, 0).end()]  # type: ignore[union-attr]
    while pending:
        index = pending.pop()
        if text[index] not in "{[":
            continue
        is_object = text[index] == "{"
        keys: dict[str, int] = {}
        index = _SPACE.match(text, index + 1).end()  # type: ignore[union-attr]
        nested = []
        while text[index] not in "}]":
            if is_object:
                key, after = json.decoder.scanstring(text, index + 1)  # type: ignore[attr-defined]
                if key in keys:
                    return key, index, keys[key]
                keys[key] = index
                index = _SPACE.match(text, after).end() + 1  # type: ignore[union-attr]
                index = _SPACE.match(text, index).end()  # type: ignore[union-attr]
            nested.append(index)
            _, index = decoder.raw_decode(text, index)
            index = _SPACE.match(text, index).end()  # type: ignore[union-attr]
            if text[index] == ",":
                index = _SPACE.match(text, index + 1).end()  # type: ignore[union-attr]
        pending.extend(reversed(nested))
    return None


def dumps(data: Any) -> str:
    """JSON text for document data: indented, unicode as is, deterministic."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def read(text: str, *, file: str | None = None) -> Imported:
    """The map in argmap's JSON ``text``; :class:`~argmap.ParseError` lists every problem."""
    refuse_empty(text, file)
    data, locate = parse(text, file)
    return Imported(read_document(data, locate, file))


def write(amap: ArgumentMap) -> Exported:
    """The map as argmap's JSON, which carries everything."""
    return Exported(dumps(to_document(amap)))


def sniff(data: object) -> bool:
    """Whether parsed JSON is argmap's: it names the format, or holds its nodes by id.

    >>> sniff({"argmap": 1}), sniff({"nodes": [], "edges": []})
    (True, False)
    """
    return isinstance(data, dict) and ("argmap" in data or isinstance(data.get("nodes"), dict))
