"""Argdown comments (``//``, ``/* */``, ``<!-- -->``) stripped before lexing, lines kept."""

from __future__ import annotations

import re

from argmap.formats.argdown._lexer import DATA, FRONTMATTER, LINK, LexError

__all__ = ["strip_comments"]

_BLANK = re.compile(r"[^\n]")

#: What the comment stripper looks for: escapes, data blocks and links, which it steps
#: over whole (a ``//`` in a link's address is no comment), and comments, closed or not.
#: Only the comment alternatives have named groups, so ``lastgroup`` tells them apart.
#: Each alternative starts with a plain character, so the search skips in C to where one
#: of these characters is.
_SKIP = re.compile(
    "|".join(
        (
            r"\\[\s\S]?",
            DATA.pattern,
            LINK.pattern,
            r"<(?P<html>!--[\s\S]*?-->)",
            r"/(?P<block>\*[\s\S]*?\*/)",
            r"/(?P<line>/[^\n]*)",
            r"<(?P<open_html>!--)",
            r"/(?P<open_block>\*)",
        )
    )
)
_UNTERMINATED = frozenset(("open_html", "open_block"))


def strip_comments(lines: list[str]) -> tuple[list[str], list[int], list[LexError]]:
    """The lines without comments, and the number of each kept line.

    Lines that held only comments are dropped; data blocks, links and escapes are left alone.
    """
    text = "\n".join(lines)
    pieces: list[str] = []
    touched: set[int] = set()
    errors: list[LexError] = []
    copied, line = 0, 0  # the text is copied up to ``copied``, which is on line ``line``
    frontmatter = FRONTMATTER.match(text, len(text) - len(text.lstrip()))
    for match in _SKIP.finditer(text, 0 if frontmatter is None else frontmatter.end()):
        if match.lastgroup is None:
            continue  # an escape, data or a link: kept as it is
        start, end = match.span()
        line += text.count("\n", copied, start)
        if match.lastgroup in _UNTERMINATED:
            errors.append(LexError("unterminated comment", line + 1, _column(text, start)))
            end = len(text)
        breaks = text.count("\n", start, end)
        touched.update(range(line, line + breaks + 1))
        pieces += (text[copied:start], _BLANK.sub(" ", text[start:end]))
        copied, line = end, line + breaks
        if end == len(text):
            break
    if not pieces:  # nothing commented out
        return lines, list(range(len(lines))), errors
    pieces.append(text[copied:])
    kept, numbers = _kept("".join(pieces), touched)
    return kept, numbers, errors


def _kept(text: str, touched: set[int]) -> tuple[list[str], list[int]]:
    """The lines of ``text`` but those a comment left blank, and the number of each."""
    kept: list[str] = []
    numbers: list[int] = []
    for number, stripped in enumerate(text.split("\n")):
        if number in touched and not stripped.strip():
            continue
        kept.append(stripped)
        numbers.append(number)
    return kept, numbers


def _column(text: str, pos: int) -> int:
    return pos - text.rfind("\n", 0, pos)
