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
_HEADING = re.compile(r"(#+) ")
_NUMBER = re.compile(r"[ \t]*\((\d+)\)")
_INFERENCE = re.compile(r"[ \t]*--")
_INFERENCE_END = re.compile(r"-{2,}")
_RELATION = re.compile(r"([ \t]*)(\+>|->|<?\+|<?-|><|_>|<_|_(?=\s))")
_LIST = re.compile(r"([ \t]*)(?:\d+\.|\*)(?=\s)")
_BLANK = re.compile(r"[ \t]*(?:\n|$)")
_SPACES = re.compile(r"[ \t]*")
#: The tokens inside a line, by kind, in the order they are tried at a place. A token's
#: value is its one group if it has one (a title, a link's text), else all it matched.
#: A character that starts none of them starts plain text, up to the next such character.
_INLINE_RULES = {
    "LITERAL": r"\\[\s\S]?",
    "DATA": DATA.pattern,
    "MENTION": r"@(?:\[.+?\]|<.+?>)",
    "TAG": r"#(?:\([^)]+\)|[\w\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+)",
    "LINK": r"\[([^\]]+?)\]\([^)]+?\)",
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
        end = self.marker(pos)
        return _SPACES.match(self.text, end).end()  # type: ignore[union-attr]

    def marker(self, pos: int) -> int:
        """Past the empty lines and the marker a line starts with, if any."""
        pos = self.empty_lines(pos)
        if pos >= len(self.text):
            return pos
        end = self.numbered(pos)
        if end is None:
            end = self.nested(pos)
        if end is not None:
            return end
        if self.tokens and self.tokens[-1].kind not in ("EMPTYLINE", "FRONTMATTER"):
            self.emit("NEWLINE", None, pos)
        return pos

    def empty_lines(self, pos: int) -> int:
        """Past the empty lines at ``pos``; an ``EMPTYLINE`` for them ends any indentation."""
        text, blank = self.text, 0
        while pos < len(text) and (match := _BLANK.match(text, pos)) and match.end() > pos:
            pos, blank = match.end(), blank + 1
        last = self.tokens[-1].kind if self.tokens else None
        if pos >= len(text):
            return pos
        if blank and last not in (None, "EMPTYLINE", "FRONTMATTER"):
            self.dedent_all(pos)
            self.emit("EMPTYLINE", None, pos)
        elif last in ("FRONTMATTER",):
            self.emit("EMPTYLINE", None, pos)
        return pos

    def numbered(self, pos: int) -> int | None:
        """A statement number or an inference bar, which end any indentation."""
        text = self.text
        if (match := _NUMBER.match(text, pos)) is not None:
            self.dedent_all(pos)
            self.emit("NUMBER", int(match.group(1)), match.end() - len(match.group(1)) - 2)
            return match.end()
        if (match := _INFERENCE.match(text, pos)) is not None:
            self.dedent_all(pos)
            return self.inference(match.end(), match.end() - 2)
        return None

    def nested(self, pos: int) -> int | None:
        """A relation marker or a list item (indented), or a heading."""
        text = self.text
        if (match := _RELATION.match(text, pos)) is not None:
            self.indent(len(match.group(1)), pos)
            self.emit("RELATION", match.group(2), match.start(2))
            return match.end()
        if (match := _LIST.match(text, pos)) is not None:
            self.indent(len(match.group(1)) + 1, pos)
            self.emit("LIST", None, pos + len(match.group(1)))
            return match.end()
        if (match := _HEADING.match(text, pos)) is not None and self.where(pos)[1] == 1:
            self.emit("HEADING", len(match.group(1)), pos)
            return match.end()
        return None

    def inline(self, pos: int) -> int:
        """Tokens up to the end of the line (or of a data block that runs on)."""
        text, emit, size = self.text, self.emit, len(self.text)
        while pos < size:
            if text[pos] == "\n":
                return pos + 1
            match = _INLINE.match(text, pos)
            assert match is not None  # plain text matches any character but a line break
            kind, end = match.lastgroup, match.end()
            if kind == "TEXT":
                # Spaces that end a line are no text.
                if (end < size and text[end] != "\n") or not text[pos:end].isspace():
                    emit("TEXT", match.group(), pos)
            elif kind == "LITERAL":
                emit("LITERAL", match.group()[1:] or "\\", pos)
            elif kind == "TAG":
                value = match.group()
                emit("TAG", (value[2:-1] if value[1] == "(" else value[1:], value), pos)
            elif kind in _TITLED:  # a link's text, or a statement's or argument's title
                emit(kind, match.group(cast(int, match.lastindex) + 1), pos)
            else:  # data, or a mention, which is text
                emit("DATA" if kind == "DATA" else "TEXT", match.group(), pos)
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
