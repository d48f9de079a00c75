"""Argdown tokens as words: the text of a statement or argument, and a token in a message.

>>> text_of([("text", "**Taxes**  should"), ("literal", "#"), ("text", " rise "), ("tag", "t")])
'Taxes should# rise'
"""

from __future__ import annotations

import re

from argmap.formats.argdown._lexer import Token

__all__ = ["describe", "piece", "text_of"]

_STRONG = re.compile(r"(?<![\w\\])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?!\w)")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_SPACE = re.compile(r"[ \t\n\r]+")
#: Spacing that ``_SPACE`` would change: two spaces, or a tab or line break.
_SPACE_TO_MERGE = re.compile(r"  |[\t\n\r]")


def piece(token: Token) -> tuple[str, str]:
    """A content token as a piece of text: ``("text" | "literal" | "tag", its text)``."""
    kind = token.kind
    if kind == "LITERAL":
        return "literal", token.value
    if kind == "TAG":
        return "tag", token.value[1]
    if kind == "NEWLINE":
        return "text", " "
    if kind in ("STMT_REF", "STMT_DEF"):
        return "text", f"[{token.value}]" + (":" if kind == "STMT_DEF" else "")
    if kind in ("ARG_REF", "ARG_DEF"):
        return "text", f"<{token.value}>" + (":" if kind == "ARG_DEF" else "")
    return "text", token.value


def text_of(pieces: list[tuple[str, str]]) -> str:
    """One text from content pieces (``text``, ``literal`` or ``tag``).

    Markdown emphasis markers are dropped, runs of spaces and line breaks made one space,
    trailing tags left out; escaped characters are kept as they are.
    """
    while pieces and (pieces[-1][0] == "tag" or not pieces[-1][1].strip()):
        if pieces[-1][0] == "literal":
            break
        pieces = pieces[:-1]
    out: list[str] = []
    for kind, value in pieces:
        if kind == "literal":
            out.append(value)
        else:
            plain = value
            if "*" in plain or "_" in plain:
                plain = _EMPHASIS.sub(r"\2", _STRONG.sub(r"\2", plain))
            out.append(_SPACE.sub(" ", plain) if _SPACE_TO_MERGE.search(plain) else plain)
    text = "".join(out)
    if pieces and pieces[0][0] != "literal":
        text = text.lstrip(" ")
    if pieces and pieces[-1][0] != "literal":
        text = text.rstrip(" ")
    return text


def describe(token: Token) -> str:
    """How an error message names ``token``."""
    names = {
        "EOF": "the end of the text",
        "RELATION": f"relation {token.value!r}",
        "INDENT": "an indented line",
        "DEDENT": "a line indented less",
        "DATA": "data in braces",
        "NUMBER": f"statement number ({token.value})",
        "INFERENCE": "an inference bar",
        "HEADING": "a heading",
        "LIST": "a list item",
        "NEWLINE": "a new line",
        "EMPTYLINE": "an empty line",
    }
    return names.get(token.kind, f"{token.kind.lower().replace('_', ' ')} {token.value!r}")
