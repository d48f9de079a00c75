"""The APX format of ASPARTIX and ICCMA 2015-2021: ``arg(a).`` and ``att(a,b).`` facts."""

from __future__ import annotations

import bisect
import re

from argmap.analysis._af_common import Problems
from argmap.analysis.framework import Framework
from argmap.codes import Code

#: A name written bare: an ASP constant (lower-case first) or a whole number.
_PLAIN = re.compile(r"[a-z][A-Za-z0-9_]*|0|[1-9][0-9]*")
#: A name read bare: letters, digits and underscores, as other tools write them.
_BARE = re.compile(r"\w+")
_QUOTED = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
_ESCAPES = {"\\": "\\", '"': '"', "n": "\n"}
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_SPACE = re.compile(r"(?:\s|%[^\n]*)*")
_GOT = re.compile(r"[^\s(),.%]+|\S")


def _name(name: str) -> str:
    if _PLAIN.fullmatch(name):
        return name
    escaped = name.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def to_apx(framework: Framework) -> str:
    r"""``framework`` in the APX format: its ``arg`` facts, then its ``att`` facts, sorted.

    A name that is not a plain ASP constant (lower-case ASCII letter first, then letters,
    digits and ``_``) or a whole number is quoted, with ``\``, ``"`` and line breaks
    escaped: every name comes back from :func:`from_apx` as it was.

    >>> print(to_apx(Framework(("a", "p1->thesis", "무역"), {("a", "무역")})), end="")
    arg(a).
    arg("p1->thesis").
    arg("무역").
    att(a,"무역").
    """
    names = [_name(name) for name in framework.arguments]
    number = {name: index for index, name in enumerate(framework.arguments)}
    attacks = sorted((number[a], number[b]) for a, b in framework.attacks)
    lines = [f"arg({name})." for name in names]
    lines.extend(f"att({names[a]},{names[b]})." for a, b in attacks)
    return "".join(f"{line}\n" for line in lines)


class _StatementError(Exception):
    """A statement that cannot be read: where, and why."""

    def __init__(self, position: int, message: str) -> None:
        super().__init__(message)
        self.position, self.message = position, message


class _Reader:
    """Reads the facts of one APX text, noting each problem with its line and column."""

    def __init__(self, text: str, problems: Problems) -> None:
        self.text, self.problems, self.position = text, problems, 0
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def where(self, position: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, position)
        return line, position - self._starts[line - 1] + 1

    def recover(self, start: int, error: int) -> None:
        """Go on after a fact that failed to read, at the next line that may hold another.

        That is the error's own line if a later one than the fact's first (a fact missing
        its end), else the line after the error.
        """
        line_start = self._starts[self.where(error)[0] - 1]
        if line_start > start:
            self.position = line_start
        else:
            end = self.text.find("\n", error)
            self.position = len(self.text) if end < 0 else end

    def add(self, code: Code, message: str, position: int) -> None:
        self.problems.add(code, message, *self.where(position))

    def skip(self) -> None:
        match = _SPACE.match(self.text, self.position)
        self.position = match.end() if match else self.position

    def got(self) -> str:
        match = _GOT.match(self.text, self.position)
        return repr(match.group()) if match else "the end of the text"

    def expect(self, symbol: str) -> None:
        self.skip()
        if not self.text.startswith(symbol, self.position):
            raise _StatementError(self.position, f"expected {symbol!r}, got {self.got()}")
        self.position += len(symbol)

    def name(self) -> tuple[str, int]:
        self.skip()
        start = self.position
        quoted = _QUOTED.match(self.text, start)
        if quoted:
            self.position = quoted.end()
            return _ESCAPE.sub(lambda m: self._unescape(m, start), quoted.group(1)), start
        if self.text.startswith('"', start):
            raise _StatementError(start, "a quoted name that does not end on its line")
        bare = _BARE.match(self.text, start)
        if not bare:
            raise _StatementError(start, f"expected an argument name, got {self.got()}")
        self.position = bare.end()
        return bare.group(), start

    def _unescape(self, match: re.Match[str], start: int) -> str:
        if match.group(1) not in _ESCAPES:
            raise _StatementError(start, f"unknown escape {match.group()!r} in a quoted name")
        return _ESCAPES[match.group(1)]

    def statement(self) -> tuple[str, list[tuple[str, int]]]:
        """One fact: its predicate and its names with their positions."""
        start = self.position
        predicate = _BARE.match(self.text, start)
        if not predicate or predicate.group() not in ("arg", "att"):
            raise _StatementError(start, f"expected 'arg(...).' or 'att(...).', got {self.got()}")
        self.position = predicate.end()
        self.expect("(")
        names = [self.name()]
        if predicate.group() == "att":
            self.expect(",")
            names.append(self.name())
        self.expect(")")
        self.expect(".")
        return predicate.group(), names


def from_apx(text: str, *, file: str | None = None) -> Framework:
    r"""Read a framework in the APX format; the arguments in the order of their ``arg`` facts.

    Names may be bare (letters, digits, ``_``) or quoted (``"p1->thesis"``, with ``\\``,
    ``\"`` and ``\n`` escapes); ``%`` starts a comment. An ``att`` fact may come before
    the ``arg`` facts of its arguments; an attack given twice is one attack. Every problem
    found is raised at once, as a :class:`~argmap.ParseError`.

    >>> from_apx('arg(a). arg("p1->thesis").\natt(a, "p1->thesis").')
    Framework(arguments=('a', 'p1->thesis'), attacks=frozenset({('a', 'p1->thesis')}))
    >>> from_apx("arg(a).\narg(a).\n")
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: <string>:2:5: AM201 argument 'a' is declared twice (first on line 1)
    """
    problems = Problems(file)
    reader = _Reader(text, problems)
    arguments: dict[str, int] = {}  # each name, and where it was declared
    attacks: list[tuple[str, int, str, int]] = []
    reader.skip()
    while reader.position < len(text):
        start = reader.position
        try:
            predicate, names = reader.statement()
        except _StatementError as stop:
            reader.add(Code.SYNTAX, stop.message, stop.position)
            reader.recover(start, stop.position)
        else:
            if predicate == "att":
                (attacker, at), (target, tt) = names
                attacks.append((attacker, at, target, tt))
            elif names[0][0] in arguments:
                name, position = names[0]
                first, _ = reader.where(arguments[name])
                message = f"argument {name!r} is declared twice (first on line {first})"
                reader.add(Code.DUPLICATE_ID, message, position)
            else:
                arguments[names[0][0]] = names[0][1]
        reader.skip()
    for attacker, at, target, tt in attacks:
        for name, position in ((attacker, at), (target, tt)):
            if name not in arguments:
                message = f"an attack names {name!r}, which no 'arg' fact declares"
                reader.add(Code.UNKNOWN_REFERENCE, message, position)
    problems.findings.sort(key=lambda f: (f.location.line or 0, f.location.column or 0))
    problems.check()
    return Framework(arguments, ((a, t) for a, _, t, _ in attacks))
