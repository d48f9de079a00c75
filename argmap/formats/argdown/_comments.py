"""Argdown comments (``//``, ``/* */``, ``<!-- -->``) stripped before lexing, lines kept."""

from __future__ import annotations

import re

from argmap.formats.argdown._lexer import DATA, FRONTMATTER, LINK, LexError

__all__ = ["strip_comments"]

_COMMENT = re.compile(r"<!--.*?-->|/\*.*?\*/|//[^\n]*", re.S)
#: Where something other than plain text may start: text between is copied in one piece.
_SPECIAL = re.compile(r"[\\{\[]|<!--|/\*|//")


def strip_comments(lines: list[str]) -> tuple[list[str], list[int], list[LexError]]:
    """The lines without comments, and the number of each kept line.

    Lines that held only comments are dropped; data blocks, links and escapes are left alone.
    """
    text = "\n".join(lines)
    out: list[str] = []
    touched: set[int] = set()
    errors: list[LexError] = []
    pos, line = 0, 0
    frontmatter = FRONTMATTER.match(text, len(text) - len(text.lstrip()))
    if frontmatter is not None:
        out.append(text[: frontmatter.end()])
        pos, line = frontmatter.end(), text.count("\n", 0, frontmatter.end())
    while pos < len(text):
        special = _SPECIAL.search(text, pos)
        if special is None or special.start() > pos:  # plain text up to the next special
            end = len(text) if special is None else special.start()
            line += text.count("\n", pos, end)
            out.append(text[pos:end])
            pos = end
            continue
        char = text[pos]
        match = None
        if char == "\\":
            out.append(text[pos : pos + 2])
            pos += 2
            continue
        if char == "{":
            match = DATA.match(text, pos)
        elif char == "[":
            match = LINK.match(text, pos)
        elif text.startswith(("<!--", "/*", "//"), pos):
            match = _COMMENT.match(text, pos)
            if match is None:
                errors.append(LexError("unterminated comment", line + 1, _column(text, pos)))
                match = re.compile(r"[\s\S]*").match(text, pos)
            assert match is not None
            blanked = re.sub(r"[^\n]", " ", match.group())
            touched.update(range(line, line + blanked.count("\n") + 1))
            out.append(blanked)
            line += blanked.count("\n")
            pos = match.end()
            continue
        end = match.end() if match else pos + 1
        chunk = text[pos:end]
        line += chunk.count("\n")
        out.append(chunk)
        pos = end
    kept, numbers = _kept("".join(out), touched)
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
