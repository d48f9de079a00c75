"""Argdown's grammar: a recursive-descent parser from tokens to a :class:`Document`.

The rules, after argdown-core's ``parser.ts`` (``?`` optional, ``*`` repeated)::

    argdown    = FRONTMATTER? block (EMPTYLINE block)* EOF
    block      = heading | pcs | list | argument | statement
    heading    = HEADING content DATA?
    pcs        = (NUMBER statement)+ (inference NUMBER statement (NUMBER statement)*)+
    inference  = INFERENCE relations?
    list       = INDENT (LIST (argument | statement))+ DEDENT
    argument   = (ARG_DEF content | ARG_REF TAG* NEWLINE?) DATA? relations?
    statement  = (STMT_DEF content | STMT_REF TAG* NEWLINE? | content) DATA? relations?
    relations  = INDENT (RELATION (argument | statement))+ DEDENT
    content    = (TEXT | LITERAL | TAG | LINK | NEWLINE | ...)+

An error is recorded with its place and the parser skips to the next empty line, so one
read reports every broken block, not only the first.
"""

from __future__ import annotations

from typing import Any

import yaml

from argmap.formats.argdown import _model as m
from argmap.formats.argdown._data import load_yaml
from argmap.formats.argdown._lexer import LexError, Token
from argmap.formats.argdown._text import describe, piece, text_of

__all__ = ["parse"]

_CONTENT = frozenset(("TEXT", "LITERAL", "TAG", "LINK", "NEWLINE", "STMT_REF", "ARG_REF"))
_CONTENT_ANYWHERE = _CONTENT | {"STMT_DEF", "ARG_DEF"}
_STATEMENT_START = _CONTENT | {"STMT_DEF"}
# Relation markers: (type, child is the source).
_MARKERS = {
    "+": (m.SUPPORT, True),
    "<+": (m.SUPPORT, True),
    "-": (m.ATTACK, True),
    "<-": (m.ATTACK, True),
    "_": (m.UNDERCUT, True),
    "<_": (m.UNDERCUT, True),
    "+>": (m.SUPPORT, False),
    "->": (m.ATTACK, False),
    "_>": (m.UNDERCUT, False),
    "><": (m.CONTRADICTORY, False),
}


class _BlockError(Exception):
    """A syntax error, recorded already: skip to the next block."""


class _Parser:
    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.last = len(tokens) - 1
        #: The token at ``pos``: the next one to take.
        self.token = tokens[0]
        self.doc = m.Document()
        self.errors: list[LexError] = []
        self.untitled = 0
        self.last_argument: str | None = None
        self.section: list[int] = []
        self.tags: list[str] = []

    # --- helpers
    def take(self) -> Token:
        """The next token; the parser stays on the last (``EOF``) once there."""
        token = self.token
        if self.pos < self.last:
            self.pos += 1
            self.token = self.tokens[self.pos]
        return token

    def fail(self, message: str, token: Token | None = None) -> _BlockError:
        token = token or self.token
        self.errors.append(LexError(message, token.line, token.column))
        return _BlockError()

    def fresh_title(self) -> str:
        self.untitled += 1
        return f"Untitled {self.untitled}"

    def skip_space(self) -> None:
        while self.token.kind == "TEXT" and not self.token.value.strip():
            self.take()

    def data(self, token: Token | None = None) -> dict[str, Any]:
        token = token or self.take()
        try:
            value = load_yaml(token.value)
        except yaml.YAMLError as error:
            why = str(getattr(error, "problem", None) or error).splitlines()[0]
            raise self.fail(f"the data {token.value[:40]!r} is not YAML: {why}", token) from None
        if not isinstance(value, dict):
            raise self.fail("data in braces must be a YAML mapping", token)
        return value

    # --- rules
    def document(self) -> m.Document:
        if self.token.kind == "FRONTMATTER":
            token = self.take()
            try:
                front = load_yaml(token.value)
            except yaml.YAMLError as error:
                self.fail(f"the frontmatter is not YAML: {error}", token)
                front = None
            self.doc.frontmatter = front if isinstance(front, dict) else {}
        while self.token.kind != "EOF":
            if self.token.kind == "EMPTYLINE":
                self.take()
                continue
            try:
                self.block()
                if self.token.kind not in ("EMPTYLINE", "EOF"):
                    raise self.fail(f"unexpected {describe(self.token)}; a block ends here")
            except _BlockError:
                while self.token.kind not in ("EMPTYLINE", "EOF"):
                    self.take()
        self.doc.settle()
        return self.doc

    def block(self) -> None:
        if self.token.kind == "HEADING":
            self.heading()
        elif self.token.kind == "NUMBER":
            self.pcs()
        elif self.token.kind == "INDENT" and self.tokens[self.pos + 1].kind == "LIST":
            self.list_block()
        elif self.token.kind in ("ARG_DEF", "ARG_REF"):
            self.last_argument = self.argument()
            return
        elif self.token.kind in _STATEMENT_START:
            self.statement()
        else:
            raise self.fail(
                f"unexpected {describe(self.token)}: a block starts with a statement, an "
                "argument, a heading or a numbered premise; relations must be indented "
                "under a statement or an argument"
            )
        self.last_argument = None

    def heading(self) -> None:
        level = self.take().value
        pieces = self.content()
        if self.token.kind == "DATA":
            self.data()
        self.doc.sections.append(m.Section(text_of(pieces) or "Untitled", level))
        del self.section[level - 1 :]
        self.section.append(len(self.doc.sections) - 1)

    def content(self, allowed: frozenset[str] = _CONTENT_ANYWHERE) -> list[tuple[str, str]]:
        pieces: list[tuple[str, str]] = []
        while self.token.kind in allowed:
            token = self.take()
            if token.kind == "TAG":
                self.tags.append(token.value[0])
            pieces.append(piece(token))
        return pieces

    def ref_tags(self) -> None:
        """The tags after a reference (``[title] #tag``), and a line break after them."""
        self.skip_space()
        while self.token.kind == "TAG":
            self.tags.append(self.take().value[0])
            self.skip_space()
        if self.token.kind == "NEWLINE" and self.tokens[self.pos + 1].kind not in _CONTENT:
            self.take()

    def member_end(self, member: m.Statement | m.Argument, kind: str) -> None:
        """A statement's or argument's tags, optional data, section and relations."""
        member.tags.extend(tag for tag in self.tags if tag not in member.tags)
        self.skip_space()
        if self.token.kind == "NEWLINE" and self.tokens[self.pos + 1].kind == "DATA":
            self.take()
        if self.token.kind == "DATA":
            member.data.update(self.data())
        if self.section and self.section[-1] not in member.sections:
            member.sections.append(self.section[-1])
        if self.token.kind == "INDENT":
            self.relations(kind, member.title)

    def statement(self) -> str:
        first = self.token
        self.tags = []
        pieces: list[tuple[str, str]] = []
        if first.kind == "STMT_DEF":
            title = str(self.take().value)
            pieces = self.content()
        elif first.kind == "STMT_REF":
            title = str(self.take().value)
            self.ref_tags()
        else:
            title = self.fresh_title()
            pieces = self.content()
        statement = self.doc.statements.get(title)
        if statement is None:
            statement = m.Statement(title, line=first.line, column=first.column)
            self.doc.statements[title] = statement
        text = text_of(pieces)
        if text:
            statement.texts.append(text)
        self.member_end(statement, m.STATEMENT)
        return title

    def argument(self) -> str:
        first = self.take()
        self.tags = []
        title = str(first.value)
        argument = self.doc.arguments.get(title)
        if argument is None:
            argument = m.Argument(title, line=first.line, column=first.column)
            self.doc.arguments[title] = argument
        if first.kind == "ARG_DEF":
            description = text_of(self.content())
            if description:
                argument.descriptions.append(description)
        else:
            self.ref_tags()
        self.member_end(argument, m.ARGUMENT)
        return title

    def child(self) -> tuple[str, str]:
        if self.token.kind in ("ARG_DEF", "ARG_REF"):
            return m.ARGUMENT, self.argument()
        if self.token.kind in _STATEMENT_START:
            return m.STATEMENT, self.statement()
        raise self.fail(f"expected a statement or an argument, found {describe(self.token)}")

    def relations(self, kind: str, title: str) -> None:
        self.take()  # INDENT
        while self.token.kind == "RELATION":
            marker = self.take()
            kind_of, title_of = self.child()
            relation_type, child_first = _MARKERS[marker.value]
            if child_first:
                ends = (kind_of, title_of, kind, title)
            else:
                ends = (kind, title, kind_of, title_of)
            self.doc.add_relation(
                m.Relation(relation_type, *ends, line=marker.line, column=marker.column)
            )
        if self.token.kind == "DEDENT":
            self.take()
        elif self.token.kind not in ("EMPTYLINE", "EOF"):
            raise self.fail(f"unexpected {describe(self.token)} in a list of relations")

    def list_block(self) -> None:
        self.take()  # INDENT
        while self.token.kind == "LIST":
            self.take()
            self.child()
        if self.token.kind == "DEDENT":
            self.take()

    def pcs(self) -> None:
        title = self.last_argument
        if title is None or self.doc.arguments[title].steps:
            title = self.fresh_title()
            token = self.token
            self.doc.arguments[title] = m.Argument(title, line=token.line, column=token.column)
        argument = self.doc.arguments[title]
        premises: list[str] = []
        inference: Token | None = None
        rules: list[str] = []
        while self.token.kind in ("NUMBER", "INFERENCE"):
            if self.token.kind == "INFERENCE":
                if inference is not None or not premises:
                    raise self.fail("an inference needs premises before it", self.token)
                inference = self.take()
                rules = list(inference.value[0])
                if inference.value[1] is not None:
                    line, column = inference.value[2]
                    self.data(Token("DATA", inference.value[1], line, column))
                if self.token.kind == "INDENT":
                    self.relations(m.ARGUMENT, title)
                continue
            self.take()
            statement = self.statement()
            if inference is None:
                premises.append(statement)
            else:
                argument.steps.append(m.Step(premises, statement, rules))
                premises, inference = [statement], None
        if inference is not None:
            raise self.fail("an inference bar must be followed by a numbered conclusion")
        if not argument.steps:
            raise self.fail("numbered statements need an inference bar ('----') and a conclusion")
        if len(premises) > 1:
            raise self.fail("numbered statements after the last conclusion infer nothing")


def parse(tokens: list[Token]) -> tuple[m.Document, list[LexError]]:
    """The document the tokens make, and every syntax error found."""
    parser = _Parser(tokens)
    return parser.document(), parser.errors
