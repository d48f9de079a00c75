"""From Argdown text to Argdown's model: prepare the source, lex, parse, locate errors."""

from __future__ import annotations

from argmap.codes import Code
from argmap.errors import ParseError
from argmap.findings import Finding
from argmap.formats.argdown._comments import strip_comments
from argmap.formats.argdown._lexer import tokenize
from argmap.formats.argdown._model import Document
from argmap.formats.argdown._parser import parse
from argmap.formats.argdown._source import prepare

__all__ = ["parse_document"]


def parse_document(text: str, file: str | None = None) -> tuple[Document, list[Finding]]:
    """The Argdown model of ``text`` and the findings of reading it.

    Raises :class:`~argmap.ParseError` with every syntax error (``AM101``, located
    ``file:line:col`` in the file each came from).
    """
    source = prepare(text.removeprefix("\ufeff"), file)
    lines, numbers, errors = strip_comments(source.lines)
    tokens, lex_errors = tokenize("\n".join(lines))
    document, parse_errors = parse(tokens)
    problems = list(source.errors)
    for error in errors:  # placed before the lines that only held comments were dropped
        problems.append(
            Code.SYNTAX.finding(error.message, source.location(error.line, error.column))
        )
    for error in (*lex_errors, *parse_errors):
        index = numbers[min(error.line, len(numbers)) - 1] if numbers else 0
        problems.append(
            Code.SYNTAX.finding(error.message, source.location(index + 1, error.column))
        )
    if problems:
        raise ParseError(sorted(problems, key=_place))
    return document, list(source.findings)


def _place(finding: Finding) -> tuple[str, int, int]:
    where = finding.location
    return (where.file or "", where.line or 0, where.column or 0)
