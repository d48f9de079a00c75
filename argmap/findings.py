"""Findings: what a check or a reader has to say about a map, and where."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping

import attrs

__all__ = ["Finding", "Location", "Origin", "Severity", "format_path"]

#: A place in a map document: keys and list indexes from the root.
DocPath = tuple[str | int, ...]


class Severity(enum.StrEnum):
    """How bad a finding is: ``error``, ``warning`` or ``info``.

    >>> Severity("warning")
    <Severity.WARNING: 'warning'>
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for infos: sorts the worst first.

        >>> Severity.ERROR.rank < Severity.INFO.rank
        True
        """
        return _RANKS[self]


_RANKS = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def format_path(path: DocPath) -> str:
    """Write a document path the way error messages show it.

    >>> format_path(("nodes", "p1", "supports", 0))
    '$.nodes.p1.supports[0]'
    """
    parts = ["$"]
    for step in path:
        parts.append(f"[{step}]" if isinstance(step, int) else f".{step}")
    return "".join(parts)


def _to_path(steps: Iterable[str | int]) -> DocPath:
    return tuple(steps)


@attrs.frozen
class Location:
    """Where a finding applies: an element of the map and, if known, a place in a file.

    >>> str(Location(file="m.yaml", line=3, column=5, element="p1"))
    'm.yaml:3:5'
    >>> str(Location(element="p1"))
    "'p1'"
    """

    file: str | None = None
    line: int | None = None
    column: int | None = None
    element: str | None = None
    path: DocPath = attrs.field(default=(), converter=_to_path)

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.file or '<string>'}:{self.line}:{self.column or 1}"
        where = f"'{self.element}'" if self.element else format_path(self.path)
        if self.file:
            return self.file if where == "$" else f"{self.file}: {where}"
        return where


@attrs.frozen
class Finding:
    """One thing a check or a reader found: a stable code, a severity, a message, a place.

    >>> f = Finding("AM303", Severity.WARNING, "node 'x' is connected to nothing",
    ...             Location(element="x"))
    >>> str(f)
    "'x': AM303 node 'x' is connected to nothing"
    """

    code: str
    severity: Severity = attrs.field(converter=Severity)
    message: str
    location: Location = attrs.field(factory=Location)

    def __str__(self) -> str:
        return f"{self.location}: {self.code} {self.message}"


@attrs.frozen(eq=False)
class Origin:
    """Where a map was read from: the file, and how to find an element's line in it.

    It is not part of the map's value: two maps that differ only in origin are equal.
    """

    file: str | None
    paths: Mapping[str, DocPath] = attrs.field(repr=False)
    locate: Callable[[DocPath], tuple[int, int] | None] = attrs.field(repr=False)

    def location(self, element: str | None = None, path: DocPath | None = None) -> Location:
        """The location of an element (by id) or of a document path, with line and column."""
        if path is None:
            path = self.paths.get(element, ()) if element is not None else ()
        position = self.locate(path)
        line, column = position if position is not None else (None, None)
        return Location(self.file, line, column, element, path)
