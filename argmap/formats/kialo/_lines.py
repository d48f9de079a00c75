r"""The lines of a Kialo text export, as numbered entries with their text, links and sources.

Both layouts are read by one scanner: an entry starts at a line ``1.2.3.`` (any
indentation), with a label ``Pro``, ``Con`` or ``Thesis`` or none, and its text on the same
line after ``:`` (the one-line layout) or on the lines below (the indented layout); a line
``-> See 1.2.`` makes it a link; a line ``Sources:`` starts the list of its sources.

>>> entries = scan("Discussion Title: Q?\n\n1. T.\n1.1. Pro: P.\n1.2. Con: -> See 1.1.")[1]
>>> [(e.number, e.label, e.text, e.link) for e in entries]
[('1', None, 'T.', None), ('1.1', 'Pro', 'P.', None), ('1.2', 'Con', '', '1.1')]
"""

from __future__ import annotations

import re

import attrs

from argmap.formats._foreign import clean_text

__all__ = ["Entry", "scan", "unescape"]

_HEADER = re.compile(r"(\d+(?:\.\d+)*)\.(?:\s+(.*))?")
_LABEL = re.compile(r"(Pro|Con|Thesis)(?:\s*:\s*(.*))?", re.IGNORECASE)
_LINK = re.compile(r"->\s*See\s+(\d+(?:\.\d+)*)\.?", re.IGNORECASE)
_TITLE = re.compile(r"Discussion Title:\s*(.*)", re.IGNORECASE)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")


def unescape(text: str) -> str:
    r"""Kialo's Markdown escapes undone: ``\(`` is ``(``.

    >>> unescape(r"Joshua 6:20 \(NIV\)")
    'Joshua 6:20 (NIV)'
    """
    return _ESCAPE.sub(r"\1", text)


@attrs.define
class Entry:
    """One numbered entry: its number (``1.2``), label, text, link and source lines."""

    number: str
    label: str | None
    line: int
    parts: list[str] = attrs.Factory(list)
    link: str | None = None
    sources: list[tuple[int, str]] = attrs.Factory(list)
    indented: bool = False

    @property
    def text(self) -> str:
        return clean_text(unescape(" ".join(self.parts)))

    @property
    def parent(self) -> str | None:
        return self.number.rpartition(".")[0] or None


def scan(text: str) -> tuple[str | None, list[Entry], list[tuple[int, str]]]:
    """The discussion's title, its entries, and the lines that belong to no entry."""
    title: str | None = None
    entries: list[Entry] = []
    stray: list[tuple[int, str]] = []
    in_sources = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        header = _HEADER.fullmatch(line)
        if header:
            entries.append(_entry(header, number, raw != raw.lstrip()))
            in_sources = False
            continue
        current = entries[-1] if entries else None
        heading = _TITLE.fullmatch(line)
        if current is None:
            if heading and title is None:
                title = clean_text(unescape(heading.group(1)))
            else:
                stray.append((number, line))
        elif line.rstrip(":").lower() == "sources" and line.endswith(":"):
            in_sources = True
        elif in_sources:
            current.sources.append((number, line))
        elif (link := _LINK.fullmatch(line)) is not None:
            current.link = link.group(1)
        else:
            current.parts.append(line)
    return title, entries, stray


def _entry(header: re.Match[str], line: int, indented: bool) -> Entry:
    rest = header.group(2) or ""
    label = _LABEL.fullmatch(rest)
    entry = Entry(header.group(1), None, line, indented=indented)
    if label:
        entry.label = label.group(1).capitalize()
        rest = label.group(2) or ""
    link = _LINK.fullmatch(rest.strip())
    if link:
        entry.link = link.group(1)
    elif rest.strip():
        entry.parts.append(rest.strip())
    return entry
