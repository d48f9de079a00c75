"""Parse arg-microtexts XML safely, keeping each element's line and column.

The parser is the standard library's expat, driven directly so that every element keeps
its place in the file. A document type declaration with an internal subset, and any entity
declaration, is refused (no entity expansion at all, and no external DTD is ever fetched).

>>> [e.tag for e in parse("<arggraph id='g'><edu id='e1'>Hi.</edu></arggraph>", None)]
['arggraph', 'edu']
"""

from __future__ import annotations

from typing import Any
from xml.parsers import expat

import attrs

from argmap.codes import Code
from argmap.errors import ParseError
from argmap.findings import Location

__all__ = ["Element", "parse"]


@attrs.define
class Element:
    """One element: its tag, attributes, text and place in the file."""

    tag: str
    attrs: dict[str, str]
    line: int
    column: int
    text: str = ""


class _RefusedError(Exception):
    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.line, self.column = line, column


def parse(text: str, file: str | None) -> list[Element]:
    """The elements of ``text`` in document order; :class:`ParseError` (AM101) if unreadable."""
    parser = expat.ParserCreate()
    elements: list[Element] = []
    open_: list[Element] = []

    def where() -> tuple[int, int]:
        return parser.CurrentLineNumber, parser.CurrentColumnNumber + 1

    def doctype(name: str, sysid: Any, pubid: Any, has_internal_subset: int) -> None:
        if has_internal_subset:
            raise _RefusedError(
                "a DOCTYPE with an internal subset is not read (entities could "
                "expand without bound)",
                *where(),
            )

    def entity(*args: Any) -> None:
        raise _RefusedError("entity declarations are not read", *where())

    def start(tag: str, attributes: dict[str, str]) -> None:
        element = Element(tag, attributes, *where())
        elements.append(element)
        open_.append(element)

    def end(tag: str) -> None:
        open_.pop()

    def data(chunk: str) -> None:
        if open_:
            open_[-1].text += chunk

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = entity
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    try:
        parser.Parse(text, True)
    except expat.ExpatError as error:
        message = f"not well-formed XML: {expat.errors.messages[error.code]}"
        raise _fail(message, file, error.lineno, error.offset + 1) from None
    except _RefusedError as refused:
        raise _fail(str(refused), file, refused.line, refused.column) from None
    return elements


def _fail(message: str, file: str | None, line: int, column: int) -> ParseError:
    return ParseError([Code.SYNTAX.finding(message, Location(file, line, column))])
