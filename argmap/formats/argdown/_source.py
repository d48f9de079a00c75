"""The Argdown text to parse: fenced blocks of a Markdown file, and ``@include``s expanded.

Both keep every line's place: :class:`Source` maps a line of the text the lexer sees back
to the file and line it came from, so errors name ``file:line:col`` in the file itself.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs

from argmap.codes import Code
from argmap.findings import Finding, Location

__all__ = ["Source", "is_markdown", "prepare"]

_FENCE_OPEN = re.compile(r"^\s*```+\s*(argdown|argdown-map)\s*$")
_FENCE_CLOSE = re.compile(r"^\s*```+\s*$")
_INCLUDE = re.compile(r"^[ \t]*@include\(\s*([^)\s]+)\s*\)[ \t]*$")
_MARKDOWN = (".md", ".markdown", ".mdown", ".mkd")


@attrs.define
class Source:
    """The text to lex, where each of its lines came from, and what expanding it found."""

    lines: list[str] = attrs.Factory(list)
    places: list[tuple[str | None, int]] = attrs.Factory(list)
    findings: list[Finding] = attrs.Factory(list)
    errors: list[Finding] = attrs.Factory(list)

    @property
    def text(self) -> str:
        """The lines, joined."""
        return "\n".join(self.lines)

    def location(self, line: int, column: int) -> Location:
        """Where line ``line`` (from 1) of the text is in its own file."""
        if not self.places:
            return Location(None, line, column)
        file, own = self.places[min(max(line, 1), len(self.places)) - 1]
        return Location(file, own, column)


def is_markdown(text: str, file: str | None) -> bool:
    """Whether to read only the fenced Argdown blocks: a Markdown file, or fenced text."""
    if file is not None:
        return file.lower().endswith(_MARKDOWN)
    return any(_FENCE_OPEN.match(line) for line in text.splitlines())


def _fenced(lines: list[str]) -> list[str]:
    """The lines of a Markdown file with all but its Argdown fences' insides blanked."""
    kept: list[str] = []
    inside = False
    for line in lines:
        if inside and _FENCE_CLOSE.match(line):
            inside = False
            kept.append("")
        elif not inside and _FENCE_OPEN.match(line):
            inside = True
            kept.append("")
        else:
            kept.append(line if inside else "")
    return kept


def prepare(text: str, file: str | None) -> Source:
    """The Argdown text of ``text`` (read from ``file``), includes expanded."""
    source = Source()
    seen = {str(Path(file).resolve())} if file else set()
    _expand(text, file, source, seen)
    return source


def _expand(text: str, file: str | None, source: Source, seen: set[str]) -> None:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if is_markdown(text, file):
        lines = _fenced(lines)
    for number, line in enumerate(lines, start=1):
        match = _INCLUDE.match(line)
        if match is None:
            source.lines.append(line)
            source.places.append((file, number))
            continue
        where = Location(file, number, line.index("@") + 1)
        name = match.group(1)
        if file is None:
            source.findings.append(
                Code.NOT_CARRIED.finding(
                    f"@include({name}) needs the including file's name to find it; "
                    "read the file by name to follow includes: left out",
                    where,
                )
            )
            continue
        path = (Path(file).parent / name).resolve()
        if str(path) in seen:
            source.findings.append(
                Code.NOT_CARRIED.finding(
                    f"@include({name}) includes a file already included (a cycle or a "
                    "repeat): left out",
                    where,
                )
            )
            continue
        try:
            included = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            source.errors.append(
                Code.SYNTAX.finding(f"cannot include {name!r}: {error.__class__.__name__}", where)
            )
            continue
        seen.add(str(path))
        _expand(included, str(Path(file).parent / name), source, seen)
