"""Assumptions: premises (or any nodes) the user marks accepted, rejected or questioned.

An assumption overrides what the map says of a node. ``accepted``: it is ``IN``, whatever
attacks it; ``rejected``: it is ``OUT``; ``questioned``: it no longer stands by default, so
it is ``IN`` only if its supports establish it (support-aware evaluation; never under
Dung's semantics) and ``OUT`` if an ``IN`` attacker attacks it.

For Dung's semantics the assumptions change the framework, so that every semantics gets
them the same way: an accepted argument loses its attackers, a rejected one gains an
attacker that nothing attacks, a questioned one attacks itself.

>>> from argmap.analysis.framework import Framework
>>> af = Framework(("a", "b"), {("a", "b")})
>>> sorted(assumed_framework(af, {"a": Assumption.REJECTED}).attacks)
[('a', 'b'), ('assumed-rejected:a', 'a')]
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Mapping

from argmap._suggest import closest, did_you_mean
from argmap.analysis.framework import Framework
from argmap.errors import UnknownIdError

__all__ = ["Assumption", "assumed_framework", "check_assumptions"]


class Assumption(enum.StrEnum):
    """What the user takes a node to be."""

    ACCEPTED = "accepted"
    REJECTED = "rejected"
    QUESTIONED = "questioned"


_NAMES = ", ".join(repr(a.value) for a in Assumption)


def check_assumptions(
    assume: Mapping[str, str] | None, node_ids: Collection[str]
) -> dict[str, Assumption]:
    """``assume`` as :class:`Assumption` values, in the order given; unknown ids refused.

    >>> check_assumptions({"p": "rejected"}, ["p", "q"])
    {'p': <Assumption.REJECTED: 'rejected'>}
    >>> try:
    ...     check_assumptions({"P": "rejected"}, ["p", "q"])
    ... except UnknownIdError as problem:
    ...     print(problem.args[0])
    cannot assume anything of 'P': no node has that id; did you mean 'p'?
    """
    checked: dict[str, Assumption] = {}
    for node, value in (assume or {}).items():
        if node not in node_ids:
            hint = did_you_mean(closest(node, node_ids)) if isinstance(node, str) else ""
            raise UnknownIdError(f"cannot assume anything of {node!r}: no node has that id{hint}")
        try:
            checked[node] = Assumption(value)
        except ValueError:
            hint = did_you_mean(closest(value, [a.value for a in Assumption]))
            raise ValueError(
                f"an assumption is one of {_NAMES}; got {value!r} for {node!r}{hint}"
            ) from None
    return checked


def assumed_framework(af: Framework, assume: Mapping[str, Assumption]) -> Framework:
    """``af`` changed so that every semantics gives each assumed argument its label."""
    if not assume:
        return af
    accepted = {a for a, how in assume.items() if how is Assumption.ACCEPTED}
    attacks = {(a, b) for a, b in af.attacks if b not in accepted}
    extra = []
    taken = set(af.arguments)
    for argument, how in assume.items():
        if how is Assumption.QUESTIONED:
            attacks.add((argument, argument))
        elif how is Assumption.REJECTED:
            name = f"assumed-rejected:{argument}"
            while name in taken:
                name += "'"
            taken.add(name)
            extra.append(name)
            attacks.add((name, argument))
    return Framework((*af.arguments, *extra), attacks)
