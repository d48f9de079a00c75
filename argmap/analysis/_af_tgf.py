"""The Trivial Graph Format: node lines ``ID [LABEL]``, a ``#`` line, edge lines ``FROM TO``."""

from __future__ import annotations

from argmap.analysis._af_common import (
    Field,
    Problems,
    check_line_name,
    numbered_attacks,
    numbered_lines,
)
from argmap.analysis.framework import Framework
from argmap.codes import Code


def to_tgf(framework: Framework) -> str:
    """``framework`` in TGF: node ``i`` labelled with argument ``i``'s name, then the attacks.

    The node lines are the id table (:func:`to_id_table`) and the edge lines the attacks of
    :func:`to_iccma`, so the three agree on the numbers. Names must be non-empty and hold no
    line break or white space at either end (argmap's ids never do); else a ``ValueError``.

    >>> print(to_tgf(Framework(("a", "b"), {("b", "a"), ("b", "b")})), end="")
    1 a
    2 b
    #
    2 1
    2 2
    """
    lines = []
    for number, name in enumerate(framework.arguments, 1):
        check_line_name(name, "TGF")
        lines.append(f"{number} {name}")
    lines.append("#")
    lines.extend(f"{a} {b}" for a, b in numbered_attacks(framework))
    return "".join(f"{line}\n" for line in lines)


def from_tgf(text: str, *, file: str | None = None) -> Framework:
    r"""Read a framework in TGF: each node is an argument, named by its label (else its id).

    A line whose first field is ``#`` ends the nodes; each later line is an edge
    ``FROM TO``, and any label after the two node ids is ignored. An edge given twice is
    one attack. Every problem found is raised at once, as a :class:`~argmap.ParseError`.

    >>> from_tgf("1 thesis\n2 p1->thesis\n#\n2 1\n")
    Framework(arguments=('thesis', 'p1->thesis'), attacks=frozenset({('p1->thesis', 'thesis')}))
    >>> from_tgf("1 a\n#\n1 2\n", file="g.tgf")
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: g.tgf:3:3: AM202 an edge names node '2', which no node line declares
    """
    problems = Problems(file)
    names: dict[str, str] = {}  # node id -> argument name
    node_line: dict[str, int] = {}
    name_line: dict[str, int] = {}
    attacks: set[tuple[str, str]] = set()
    in_edges = False
    for line_number, line, fields in numbered_lines(text):
        node, column = fields[0]
        if node == "#":
            if in_edges:
                message = "a second '#' line: one ends the nodes"
                problems.add(Code.SYNTAX, message, line_number, column)
            in_edges = True
        elif in_edges:
            attack = _edge(fields, line, names, line_number, problems)
            if attack is not None:
                attacks.add(attack)
        else:
            name = line[fields[1][1] - 1 :].strip() if len(fields) > 1 else node
            if node in node_line:
                message = f"node {node!r} is declared twice (first on line {node_line[node]})"
                problems.add(Code.DUPLICATE_ID, message, line_number, column)
            elif name in name_line:
                message = f"argument {name!r} is declared twice (first on line {name_line[name]})"
                where = fields[1][1] if len(fields) > 1 else column
                problems.add(Code.DUPLICATE_ID, message, line_number, where)
            else:
                names[node], node_line[node], name_line[name] = name, line_number, line_number
    problems.check()
    return Framework(names.values(), attacks)


def _edge(
    fields: list[Field], line: str, names: dict[str, str], line_number: int, problems: Problems
) -> tuple[str, str] | None:
    """The attack an edge line gives, or ``None`` (and its problems)."""
    if len(fields) < 2:
        message = f"expected an edge 'FROM TO', got {line.strip()!r}"
        problems.add(Code.SYNTAX, message, line_number, fields[0][1])
        return None
    ends = []
    for token, column in fields[:2]:
        if token in names:
            ends.append(names[token])
        else:
            message = f"an edge names node {token!r}, which no node line declares"
            problems.add(Code.UNKNOWN_REFERENCE, message, line_number, column)
    return (ends[0], ends[1]) if len(ends) == 2 else None
