"""What the framework formats share: numbering, line fields, and collecting located findings."""

from __future__ import annotations

import re
from collections.abc import Iterator

from argmap.analysis.framework import Framework
from argmap.codes import Code
from argmap.errors import ParseError
from argmap.findings import Finding, Location

_FIELD = re.compile(r"\S+")
#: A whole decimal number as the solver formats write one: ASCII digits only.
_NUMBER = re.compile(r"[0-9]+")
#: What ``str.splitlines`` breaks a line at: no name written on a line may hold one.
_LINE_BREAK = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")

#: A field of a line and the (1-based) column it starts at.
Field = tuple[str, int]


def numbered_attacks(framework: Framework) -> list[tuple[int, int]]:
    """The attacks as 1-based argument numbers, sorted by attacker, then target."""
    number = {name: index for index, name in enumerate(framework.arguments, 1)}
    return sorted((number[a], number[b]) for a, b in framework.attacks)


def check_line_name(name: str, format_name: str) -> None:
    """Raise a ``ValueError`` if ``name`` cannot stand alone at the end of a line."""
    if not name or name != name.strip() or _LINE_BREAK.search(name):
        raise ValueError(
            f"{format_name} cannot carry the argument name {name!r}: names there must be "
            "non-empty, without line breaks or white space at either end (APX carries any name)"
        )


def numbered_lines(text: str) -> Iterator[tuple[int, str, list[Field]]]:
    """Each non-blank line of ``text``: its number, itself, and its fields with columns."""
    for line_number, line in enumerate(text.splitlines(), 1):
        fields = [(m.group(), m.start() + 1) for m in _FIELD.finditer(line)]
        if fields:
            yield line_number, line, fields


def is_number(token: str) -> bool:
    """Whether ``token`` is a whole number written in ASCII digits."""
    return _NUMBER.fullmatch(token) is not None


class Problems:
    """The findings met while reading one text, each placed at a line and column."""

    def __init__(self, file: str | None) -> None:
        self.file = file
        self.findings: list[Finding] = []

    def add(self, code: Code, message: str, line: int, column: int) -> None:
        """Note one problem at ``line``:``column`` (both 1-based)."""
        self.findings.append(code.finding(message, Location(self.file, line, column)))

    def check(self) -> None:
        """Raise a :class:`ParseError` with every problem noted, if there is one."""
        if self.findings:
            raise ParseError(self.findings)
