"""Line and column of a document path, computed lazily from the text only when asked."""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable

from argmap.findings import DocPath

__all__ = ["LineIndex", "json_locator"]

_NEWLINE = re.compile(r"\n")
_SPACE = re.compile(r"[ \t\r\n]*")


class LineIndex:
    r"""Turns a character offset into a 1-based (line, column).

    >>> LineIndex("ab\ncd").position(4)
    (2, 2)
    """

    def __init__(self, text: str) -> None:
        self._starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]

    def position(self, offset: int) -> tuple[int, int]:
        """The (line, column) of the character at ``offset``."""
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1


def json_locator(text: str) -> Callable[[DocPath], tuple[int, int] | None]:
    r"""A function from a document path to the (line, column) where it is written in ``text``.

    A mapping key's position is that of the key; a list item's, that of the item. Each
    container on the way is scanned once (with the C scanner) and remembered.

    >>> locate = json_locator('{"nodes": {\n  "p1": {"claim": "C."}}}')
    >>> locate(("nodes", "p1", "claim"))
    (2, 10)
    """
    decoder = json.JSONDecoder()
    members: dict[int, dict[str | int, tuple[int, int]]] = {}
    lines: list[LineIndex] = []

    def scan(start: int) -> dict[str | int, tuple[int, int]]:
        """Members of the container at ``start``: key/index → (key offset, value offset)."""
        found: dict[str | int, tuple[int, int]] = {}
        is_object = text[start] == "{"
        index = _SPACE.match(text, start + 1).end()  # type: ignore[union-attr]
        position = 0
        while index < len(text) and text[index] not in "}]":
            key_at = index
            if is_object:
                key, index = json.decoder.scanstring(text, index + 1)  # type: ignore[attr-defined]
                index = _SPACE.match(text, index).end() + 1  # type: ignore[union-attr]
                index = _SPACE.match(text, index).end()  # type: ignore[union-attr]
                found.setdefault(key, (key_at, index))
            else:
                found[position] = (key_at, index)
                position += 1
            _, index = decoder.raw_decode(text, index)
            index = _SPACE.match(text, index).end()  # type: ignore[union-attr]
            if index < len(text) and text[index] == ",":
                index = _SPACE.match(text, index + 1).end()  # type: ignore[union-attr]
        return found

    def locate(path: DocPath) -> tuple[int, int] | None:
        try:
            at = _SPACE.match(text, 0).end()  # type: ignore[union-attr]
            if text.startswith("\ufeff", at):
                at += 1
            key_at = at
            for step in path:
                if text[at] not in "{[":
                    break
                if at not in members:
                    members[at] = scan(at)
                if step not in members[at]:
                    break
                key_at, at = members[at][step]
        except (ValueError, IndexError):
            return None
        if not lines:
            lines.append(LineIndex(text))
        return lines[0].position(key_at)

    return locate
