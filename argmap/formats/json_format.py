"""JSON, the same document for tools: parsed by the standard library's C scanner."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from argmap.findings import DocPath, Finding, Location, Severity
from argmap.formats.document import SYNTAX, InputProblem
from argmap.formats.positions import json_locator

__all__ = ["dumps", "parse"]


class _DuplicateKey(Exception):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def parse(text: str, file: str | None) -> tuple[Any, Callable[[DocPath], tuple[int, int] | None]]:
    """Parse ``text`` to document data and a locator; a problem with a location if it can't."""
    try:
        data = json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant)
    except json.JSONDecodeError as error:
        raise InputProblem(
            Finding(SYNTAX, Severity.ERROR, f"invalid JSON: {error.msg}",
                    Location(file, error.lineno, error.colno))
        ) from None
    except _DuplicateKey as error:
        key = error.args[0]
        line, column = _find_key(text, key)
        raise InputProblem(
            Finding("AM111", Severity.ERROR,
                    f"duplicate key {key!r}: each key may appear once in an object",
                    Location(file, line, column))
        ) from None
    except (ValueError, RecursionError) as error:
        raise InputProblem(
            Finding(SYNTAX, Severity.ERROR, f"invalid JSON: {error}", Location(file, 1, 1))
        ) from None
    return data, json_locator(text)


def _find_key(text: str, key: str) -> tuple[int, int]:
    """Where ``key`` is written the second time in one object (a best effort)."""
    needle = json.dumps(key, ensure_ascii=False)
    first = text.find(needle)
    second = text.find(needle, first + 1) if first >= 0 else -1
    offset = second if second >= 0 else max(first, 0)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def dumps(data: Any) -> str:
    """JSON text for document data: indented, unicode as is, deterministic."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
