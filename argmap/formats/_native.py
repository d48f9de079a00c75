"""argmap's own YAML and JSON as formats of the registry: what they carry, and one reader."""

from __future__ import annotations

from collections.abc import Callable

from argmap.argument_map import ArgumentMap
from argmap.codes import Code
from argmap.errors import ParseError
from argmap.findings import DocPath, Finding, Location
from argmap.formats.document import from_document
from argmap.formats.registry import PARTS

__all__ = ["CARRIES", "read_document", "refuse_empty"]

#: argmap's own formats carry every part of a map.
CARRIES = PARTS


def refuse_empty(text: str, file: str | None) -> None:
    """A :class:`ParseError` for a text with nothing in it."""
    if not text.strip():
        finding = Code.EMPTY_FILE.finding(
            "the input is empty; expected a map with 'title' and 'nodes'", Location(file, 1, 1)
        )
        raise ParseError([finding])


def read_document(
    data: object,
    locate: Callable[[DocPath], tuple[int, int] | None],
    file: str | None,
    cut: tuple[Finding, ...] = (),
) -> ArgumentMap:
    """The map in parsed document data; texts ``cut`` by comments join every other problem."""
    try:
        amap = from_document(data, file=file, locate=locate)
    except ParseError as error:
        if not cut:
            raise
        raise ParseError(_in_file_order([*cut, *error.findings])) from None
    if cut:
        raise ParseError(cut)
    release = getattr(locate, "release", None)
    if release is not None:
        release()
    return amap


def _in_file_order(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.location.line or 0, f.location.column or 0))
