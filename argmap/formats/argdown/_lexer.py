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
from typing import Any

import attrs

__all__ = ["DATA", "FRONTMATTER", "LINK", "LexError", "Token", "tokenize"]

DATA = re.compile(r"\{(?:(?!\}\s[^,}])[\s\S])*\}(?!\s*[,}])")
LINK = re.compile(r"\[([^\]]+?)\]\(([^)]+?)\)")
_STMT_DEF = re.compile(r"\[(.+?)\]:")
_STMT_REF = re.compile(r"\[([^-].*?)\]")
_ARG_DEF = re.compile(r"<(.+?)>:")
_ARG_REF = re.compile(r"<([^-].*?)>")
_MENTION = re.compile(r"@(?:\[.+?\]|<.+?>)")
_TAG = re.compile(r"#(?:\(([^)]+)\)|([\w\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+))")
FRONTMATTER = re.compile(r"===+[ \t]*\n(.*?)\n[ \t]*===+[ \t]*(?=\n|$)", re.S)
_HEADING = re.compile(r"(#+) ")
_NUMBER = re.compile(r"[ \t]*\((\d+)\)")
_INFERENCE = re.compile(r"[ \t]*--")
_INFERENCE_END = re.compile(r"-{2,}")
_RELATION = re.compile(r"([ \t]*)(\+>|->|<?\+|<?-|><|_>|<_|_(?=\s))")
_LIST = re.compile(r"([ \t]*)(?:\d+\.|\*)(?=\s)")
_BLANK = re.compile(r"[ \t]*(?:\n|$)")
_SPACES = re.compile(r"[ \t]*")
_SPECIAL = re.compile(r"[\\@#\[<{\n]")
_INFERENCE_SPECIAL = re.compile(r"[\\{,\n-]")


@attrs.frozen
class Token:
    """A token: its kind, its value, and where it starts in the lexed text (from 1)."""

    kind: str
    value: Any
    line: int
    column: int


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
        self.tokens.append(Token(kind, value, *self.where(pos)))

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
        text = self.text
        while pos < len(text):
            char = text[pos]
            if char == "\n":
                return pos + 1
            if char == "\\":
                self.emit("LITERAL", text[pos + 1 : pos + 2] or "\\", pos)
                pos += 2
                continue
            found = self.special(pos)
            if found is not None:
                kind, value, end = found
                self.emit(kind, value, pos)
                pos = end
                continue
            match = _SPECIAL.search(text, pos + 1)
            end = match.start() if match else len(text)
            if text[pos:end].strip() or not (end == len(text) or text[end] == "\n"):
                self.emit("TEXT", text[pos:end], pos)
            pos = end
        return pos

    def special(self, pos: int) -> tuple[str, Any, int] | None:
        text, char = self.text, self.text[pos]
        rules: tuple[tuple[str, re.Pattern[str]], ...] = ()
        if char == "{":
            rules = (("DATA", DATA),)
        elif char == "@":
            rules = (("MENTION", _MENTION),)
        elif char == "#":
            rules = (("TAG", _TAG),)
        elif char == "[":
            rules = (("LINK", LINK), ("STMT_DEF", _STMT_DEF), ("STMT_REF", _STMT_REF))
        elif char == "<":
            rules = (("ARG_DEF", _ARG_DEF), ("ARG_REF", _ARG_REF))
        for kind, pattern in rules:
            match = pattern.match(text, pos)
            if match is None:
                continue
            if kind == "DATA":
                return kind, match.group(), match.end()
            if kind == "TAG":
                return kind, (match.group(1) or match.group(2), match.group()), match.end()
            if kind in ("MENTION",):
                return "TEXT", match.group(), match.end()
            return kind, match.group(1), match.end()
        return None

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
