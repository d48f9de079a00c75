"""The ICCMA 2023 format (``p af N``, then one ``a b`` attack per line) and its id table."""

from __future__ import annotations

from collections.abc import Sequence

from argmap.analysis._af_common import (
    Field,
    Problems,
    check_line_name,
    is_number,
    numbered_attacks,
    numbered_lines,
)
from argmap.analysis.framework import Framework
from argmap.codes import Code

#: The most arguments a header may declare: more would not fit in memory as names anyway.
MAX_ARGUMENTS = 10_000_000


def to_iccma(framework: Framework) -> tuple[str, tuple[str, ...]]:
    """``framework`` in the ICCMA 2023 format, and the id table: argument ``i`` is ``table[i - 1]``.

    The arguments are numbered in the framework's order; the attacks are sorted.

    >>> text, table = to_iccma(Framework(("a", "b", "c"), {("b", "c"), ("a", "b")}))
    >>> print(text, end="")
    p af 3
    1 2
    2 3
    >>> table
    ('a', 'b', 'c')
    """
    lines = [f"p af {len(framework.arguments)}"]
    lines.extend(f"{a} {b}" for a, b in numbered_attacks(framework))
    return "\n".join(lines) + "\n", framework.arguments


def from_iccma(
    text: str, *, file: str | None = None, names: Sequence[str] | None = None
) -> Framework:
    r"""Read a framework in the ICCMA 2023 format; its arguments are ``"1"``..``"N"``, or ``names``.

    Lines starting with ``#`` are comments; blank lines are skipped; an attack given twice
    is one attack. ``names`` (an id table, see :func:`from_id_table`) names argument ``i``
    ``names[i - 1]``. Every problem found is raised at once, as a :class:`~argmap.ParseError`.

    >>> from_iccma("p af 3\n# b attacks c\n2 3\n", names=["a", "b", "c"])
    Framework(arguments=('a', 'b', 'c'), attacks=frozenset({('b', 'c')}))
    >>> from_iccma("p af 2\n1 3\n", file="x.af")
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: x.af:2:3: AM202 argument 3 is out of range: the header declares 1..2
    """
    problems = Problems(file)
    count: int | None = None
    header: tuple[int, int] | None = None  # the line and column of N
    seen_header = False
    attacks: set[tuple[int, int]] = set()
    for line_number, line, fields in numbered_lines(text):
        first, column = fields[0]
        if first.startswith("#"):
            continue
        if first == "p":
            if seen_header:
                message = "a second header: a file has one 'p af N'"
                problems.add(Code.SYNTAX, message, line_number, column)
            else:
                seen_header = True
                count = _header(fields, line_number, problems)
                header = (line_number, fields[-1][1])
            continue
        if not seen_header:
            seen_header = True
            problems.add(
                Code.SYNTAX,
                f"expected the header 'p af N' before the attacks, got {line.strip()!r}",
                line_number,
                column,
            )
        attack = _attack(fields, count, line_number, problems)
        if attack is not None:
            attacks.add(attack)
    if not seen_header:
        problems.add(Code.SYNTAX, "missing the header 'p af N'", 1, 1)
    if names is not None and count is not None and header is not None and len(names) != count:
        problems.add(
            Code.INVALID_VALUE,
            f"the header declares {count} arguments, but the id table names {len(names)}",
            *header,
        )
    problems.check()
    assert count is not None  # a file without a readable count raised above
    arguments = tuple(names) if names is not None else tuple(str(i) for i in range(1, count + 1))
    return Framework(arguments, ((arguments[a - 1], arguments[b - 1]) for a, b in attacks))


def _header(fields: list[Field], line: int, problems: Problems) -> int | None:
    """The number of arguments a ``p af N`` line declares, or ``None`` (and a problem)."""
    shape = "the header must read 'p af N'"
    if len(fields) != 3 or fields[1][0] != "af":
        where = fields[1][1] if len(fields) > 1 else fields[0][1]
        got = " ".join(token for token, _ in fields)
        problems.add(Code.SYNTAX, f"{shape}, got {got!r}", line, where)
        return None
    token, column = fields[2]
    if not is_number(token):
        problems.add(Code.SYNTAX, f"{shape} with N a whole number, got {token!r}", line, column)
        return None
    count = int(token)
    if count > MAX_ARGUMENTS:
        problems.add(
            Code.TOO_LARGE,
            f"the header declares {count} arguments; argmap reads at most {MAX_ARGUMENTS}",
            line,
            column,
        )
        return None
    return count


def _attack(
    fields: list[Field], count: int | None, line: int, problems: Problems
) -> tuple[int, int] | None:
    """The attack an ``a b`` line gives, or ``None`` (and its problems)."""
    if len(fields) != 2:
        got = " ".join(token for token, _ in fields)
        problems.add(
            Code.SYNTAX,
            f"an attack is two argument numbers 'ATTACKER TARGET', got {got!r}",
            line,
            fields[0][1],
        )
        return None
    numbers = []
    for token, column in fields:
        if not is_number(token):
            problems.add(Code.SYNTAX, f"expected an argument number, got {token!r}", line, column)
        elif count is not None and not 1 <= int(token) <= count:
            declared = f"1..{count}" if count else "no arguments"
            problems.add(
                Code.UNKNOWN_REFERENCE,
                f"argument {int(token)} is out of range: the header declares {declared}",
                line,
                column,
            )
        else:
            numbers.append(int(token))
    if len(numbers) != 2 or count is None:
        return None
    return numbers[0], numbers[1]


def to_id_table(table: Sequence[str]) -> str:
    """The id table as text: one ``NUMBER NAME`` line per argument.

    The lines are also the node lines of TGF. Names must be non-empty and hold no line
    break or white space at either end (argmap's ids never do); else a ``ValueError``.

    >>> print(to_id_table(("thesis", "p1->thesis")), end="")
    1 thesis
    2 p1->thesis
    """
    for name in table:
        check_line_name(name, "an id table")
    return "".join(f"{number} {name}\n" for number, name in enumerate(table, 1))


def from_id_table(text: str, *, file: str | None = None) -> tuple[str, ...]:
    r"""Read an id table (``NUMBER NAME`` lines): the names, argument 1's first.

    The numbers run 1..N, each once, in any order; a name is the rest of its line, with
    the white space around it dropped. Lines starting with ``#`` are comments.

    >>> from_id_table("2 b\n1 a\n")
    ('a', 'b')
    """
    problems = Problems(file)
    entries: dict[int, str] = {}
    first_line: dict[int, int] = {}
    first_name: dict[str, int] = {}
    places: list[tuple[int, int, int]] = []  # number, line, column
    for line_number, line, fields in numbered_lines(text):
        token, column = fields[0]
        if token.startswith("#"):
            continue
        if not is_number(token) or len(fields) < 2:
            got = line.strip()
            problems.add(Code.SYNTAX, f"expected 'NUMBER NAME', got {got!r}", line_number, column)
            continue
        number, name = int(token), line[fields[1][1] - 1 :].strip()
        if number in first_line:
            problems.add(
                Code.DUPLICATE_ID,
                f"number {number} is given twice (first on line {first_line[number]})",
                line_number,
                column,
            )
        elif name in first_name:
            problems.add(
                Code.DUPLICATE_ID,
                f"name {name!r} is given twice (first on line {first_name[name]})",
                line_number,
                fields[1][1],
            )
        else:
            first_line[number], first_name[name] = line_number, line_number
            entries[number] = name
            places.append((number, line_number, column))
    size = len(entries)
    for number, line_number, column in places:
        if not 1 <= number <= size:
            problems.add(
                Code.SYNTAX,
                f"number {number} is out of range: the table's {size} names are numbered 1..{size}",
                line_number,
                column,
            )
    problems.check()
    return tuple(entries[number] for number in range(1, size + 1))
