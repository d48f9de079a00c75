"""Collecting located findings while reading an AIF file, and the checks of its values."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from argmap.codes import Code
from argmap.errors import ParseError
from argmap.findings import DocPath, Finding, Location
from argmap.formats.positions import json_locator
from argmap.invariants import is_paragraph

__all__ = ["Context", "as_paragraph", "is_id_value", "is_text", "plain_id"]


def is_id_value(value: Any) -> bool:
    """Whether ``value`` can be an AIF id: a string or an integer (not a boolean)."""
    return isinstance(value, str | int) and not isinstance(value, bool)


def is_text(value: Any) -> bool:
    r"""Whether ``value`` is text a node (or a participant's name) can hold: one paragraph.

    It applies the model's own rule, :func:`~argmap.invariants.is_paragraph`.

    >>> is_text("Tea is warm."), is_text(" Tea."), is_text("two\nlines"), is_text(7)
    (True, False, False, False)
    """
    return type(value) is str and is_paragraph(value)


def as_paragraph(text: str) -> str:
    r"""``text`` as one paragraph: unprintable characters made spaces, white space collapsed.

    >>> as_paragraph(" two\n lines\x00 "), as_paragraph("Kept as it is.")
    ('two lines', 'Kept as it is.')
    """
    if is_text(text):
        return text
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def plain_id(value: Any) -> str:
    """An AIF id as a string: ``7`` and ``"7"`` are the same id."""
    return value if isinstance(value, str) else str(value)


class Context:
    """Where a reader is (the file, the path of the nodeset in it) and what it found."""

    def __init__(self, text: str, file: str | None, prefix: DocPath = ()) -> None:
        self.file = file
        self.prefix = prefix
        self.findings: list[Finding] = []
        self._text = text
        self._locate: Callable[[DocPath], tuple[int, int] | None] | None = None

    def add(
        self, code: Code, message: str, *, element: str | None = None, path: DocPath = ()
    ) -> None:
        """Report ``message`` about ``element`` (an AIF id) written at ``path`` in the nodeset."""
        full = (*self.prefix, *path)
        line = column = None
        if path:
            if self._locate is None:
                self._locate = json_locator(self._text)
            found = self._locate(full)
            if found is not None:
                line, column = found
        self.findings.append(
            code.finding(message, Location(self.file, line, column, element, full))
        )

    def fail(self, code: Code, message: str, *, path: DocPath = ()) -> ParseError:
        """A :class:`ParseError` for a file that is no AIF at all."""
        self.add(code, message, path=path)
        return ParseError(self.findings[-1:])
