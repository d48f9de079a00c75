"""Argdown's lexer: text to tokens, with Argdown's rules for comments and indentation.

It follows the token rules of the Argdown CLI's lexer (argdown-core ``src/lexer.ts``):
relation markers, statement numbers, inference bars, headings and list items count only
at the start of a line; an indentation stack gives ``INDENT``/``DEDENT`` tokens around
relations, cleared by an empty line, a statement number or an inference bar; comments
(``//``, ``/* */``, ``<!-- -->``) vanish, and a line holding only a comment vanishes
with it. A line that starts with no marker continues the text before it (``NEWLINE``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any, NamedTuple, cast

__all__ = ["DATA", "FRONTMATTER", "LINK", "LexError", "Token", "tokenize"]

DATA = re.compile(r"\{(?:(?!\}\s[^,}])[\s\S])*\}(?!\s*[,}])")
LINK = re.compile(r"\[([^\]]+?)\]\(([^)]+?)\)")
FRONTMATTER = re.compile(r"===+[ \t]*\n(.*?)\n[ \t]*===+[ \t]*(?=\n|$)", re.S)
_INFERENCE_END = re.compile(r"-{2,}")
#: Empty lines (spaces and tabs only), as many as there are.
_BLANKS = re.compile(r"(?:[ \t]*\n)*(?:[ \t]*\Z)?")
#: What a line may start with, in the order they are tried: a statement number, an
#: inference bar, a relation marker (its indentation counts), a list item, a heading.
_MARKER = re.compile(
    "|".join(
        (
            r"(?P<NUMBER>[ \t]*\((?P<digits>\d+)\))",
            r"(?P<INFERENCE>[ \t]*--)",
            r"(?P<RELATION>(?P<depth>[ \t]*)(?P<relation>\+>|->|<?\+|<?-|><|_>|<_|_(?=\s)))",
            r"(?P<LIST>(?P<item_depth>[ \t]*)(?P<item>\d+\.|\*)(?=\s))",
            r"(?P<HEADING>(?P<hashes>#+) )",
        )
    )
)
_SPACES = re.compile(r"[ \t]*")
#: The tokens inside a line, by kind, in the order they are tried at a place. A token's
#: value is its first group if it has one (a title, a link's text), else all it matched.
#: A character that starts none of them starts plain text, up to the next such character.
_INLINE_RULES = {
    "LITERAL": r"\\[\s\S]?",
    "DATA": DATA.pattern,
    "MENTION": r"@(?:\[.+?\]|<.+?>)",
    "TAG": r"#(?:\([^)]+\)|[\w\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+)",
    "LINK": LINK.pattern,
    "STMT_DEF": r"\[(.+?)\]:",
    "STMT_REF": r"\[([^-].*?)\]",
    "ARG_DEF": r"<(.+?)>:",
    "ARG_REF": r"<([^-].*?)>",
    "TEXT": r"[^\n][^\\@#\[<{\n]*",
}
_INLINE = re.compile("|".join(f"(?P<{kind}>{rule})" for kind, rule in _INLINE_RULES.items()))
#: The kinds whose value is their group.
_TITLED = frozenset(("LINK", "STMT_DEF", "STMT_REF", "ARG_DEF", "ARG_REF"))
_INFERENCE_SPECIAL = re.compile(r"[\\{,\n-]")


class Token(NamedTuple):
    """A token: its kind, its value, and where it starts in the lexed text (from 1)."""

    kind: str
    value: Any
    line: int
    column: int


_new = tuple.__new__


class LexError(Exception):
    """A place where the text cannot be tokenized: a message, a line and a column."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


class _Lexer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.tokens: list[Token] = []
        self.errors: list[LexError] = []
        self.stack = [0]

    def where(self, pos: int) -> tuple[int, int]:
        line = bisect_right(self.starts, pos)
        return line, pos - self.starts[line - 1] + 1

    def emit(self, kind: str, value: Any, pos: int) -> None:
        starts = self.starts
        line = bisect_right(starts, pos)
        self.tokens.append(_new(Token, (kind, value, line, pos - starts[line - 1] + 1)))

    def dedent_all(self, pos: int) -> None:
        while len(self.stack) > 1:
            self.stack.pop()
            self.emit("DEDENT", None, pos)

    def indent(self, width: int, pos: int) -> None:
        if width > self.stack[-1]:
            self.stack.append(width)
            self.emit("INDENT", None, pos)
        while len(self.stack) > 1 and width < self.stack[-1]:
            self.stack.pop()
            self.emit("DEDENT", None, pos)

    def run(self) -> list[Token]:
        text, pos = self.text, 0
        frontmatter = FRONTMATTER.match(text, len(text) - len(text.lstrip()))
        if frontmatter is not None:
            self.emit("FRONTMATTER", frontmatter.group(1), frontmatter.start())
            pos = frontmatter.end()
        while pos < len(text):
            pos = self.line_start(pos)
            pos = self.inline(pos)
        self.dedent_all(len(text))
        self.emit("EOF", None, len(text))
        return self.tokens

    def line_start(self, pos: int) -> int:
        """Past the empty lines, the marker a line starts with (if any) and the spaces after.

        Empty lines give an ``EMPTYLINE``, which ends any indentation; so do a statement
        number and an inference bar. A line with no marker continues the text (``NEWLINE``).
        """
        text, tokens = self.text, self.tokens
        end = _BLANKS.match(text, pos).end()  # type: ignore[union-attr]
        last = tokens[-1].kind if tokens else None
        if end >= len(text):
            return end
        if end > pos and last not in (None, "EMPTYLINE", "FRONTMATTER"):
            self.dedent_all(end)
            self.emit("EMPTYLINE", None, end)
        elif last == "FRONTMATTER":
            self.emit("EMPTYLINE", None, end)
        pos = end
        match = _MARKER.match(text, pos)
        kind = None if match is None else match.lastgroup
        marker = cast(re.Match[str], match)
        if kind == "NUMBER":
            self.dedent_all(pos)
            self.emit("NUMBER", int(marker["digits"]), marker.start("digits") - 1)
            end = marker.end()
        elif kind == "INFERENCE":
            self.dedent_all(pos)
            end = self.inference(marker.end(), marker.end() - 2)
        elif kind == "RELATION":
            self.indent(len(marker["depth"]), pos)
            self.emit("RELATION", marker["relation"], marker.start("relation"))
            end = marker.end()
        elif kind == "LIST":
            self.indent(len(marker["item_depth"]) + 1, pos)
            self.emit("LIST", None, marker.start("item"))
            end = marker.end()
        elif kind == "HEADING" and (pos == 0 or text[pos - 1] == "\n"):
            self.emit("HEADING", len(marker["hashes"]), pos)
            end = marker.end()
        elif tokens and tokens[-1].kind not in ("EMPTYLINE", "FRONTMATTER"):
            self.emit("NEWLINE", None, pos)
        return _SPACES.match(text, end).end()  # type: ignore[union-attr]

    def inline(self, pos: int) -> int:
        """Tokens up to the end of the line (or of a data block that runs on)."""
        text, size, starts, append = self.text, len(self.text), self.starts, self.tokens.append
        line = bisect_right(starts, pos)
        first = starts[line - 1] - 1  # a token's column is its place minus this
        while pos < size:
            if text[pos] == "\n":
                return pos + 1
            match = _INLINE.match(text, pos)
            assert match is not None  # plain text matches any character but a line break
            kind, end = match.lastgroup, match.end()
            if kind == "TEXT":  # never runs on: it holds no line break
                # Spaces that end a line are no text.
                if (end < size and text[end] != "\n") or not text[pos:end].isspace():
                    append(_new(Token, ("TEXT", match.group(), line, pos - first)))
                pos = end
                continue
            value = match.group()
            if kind == "TAG":
                tag = value[2:-1] if value[1] == "(" else value[1:]
                append(_new(Token, ("TAG", (tag, value), line, pos - first)))
            elif kind in _TITLED:  # a link's text, or a statement's or argument's title
                title = match.group(cast(int, match.lastindex) + 1)
                append(_new(Token, (kind, title, line, pos - first)))
            elif kind == "LITERAL":
                append(_new(Token, ("LITERAL", value[1:] or "\\", line, pos - first)))
            else:  # data, or a mention, which is text
                append(
                    _new(Token, ("DATA" if kind == "DATA" else "TEXT", value, line, pos - first))
                )
            if "\n" in value:  # it ran on to another line
                line = bisect_right(starts, end)
                first = starts[line - 1] - 1
            pos = end
        return pos

    def inference(self, pos: int, start: int) -> int:
        """An inference bar: ``----``, ``-- rules --``, or rules between two bars."""
        text = self.text
        rules: list[str] = []
        data: tuple[str, int] | None = None
        current: list[str] = []
        while pos < len(text):
            char = text[pos]
            end_match = _INFERENCE_END.match(text, pos)
            if end_match is not None:
                rules.append("".join(current))
                found = [r.strip() for r in rules if r.strip()]
                place = self.where(data[1]) if data else None
                self.emit("INFERENCE", (found, data[0] if data else None, place), start)
                return end_match.end()
            if char == "{" and (match := DATA.match(text, pos)) is not None:
                data = (match.group(), pos)
                pos = match.end()
            elif char == ",":
                rules.append("".join(current))
                current, pos = [], pos + 1
            elif char == "\\":
                current.append(text[pos + 1 : pos + 2])
                pos += 2
            else:
                current.append(" " if char == "\n" else char)
                pos += 1
        message = "an inference bar '--' is never closed by another"
        self.errors.append(LexError(message, *self.where(start)))
        return pos


def tokenize(text: str) -> tuple[list[Token], list[LexError]]:
    """The tokens of ``text`` (comments already stripped) and the errors met."""
    lexer = _Lexer(text)
    tokens = lexer.run()
    return tokens, lexer.errors
