"""The four node kinds: claims, premises, rebuttals and recommendations."""

from __future__ import annotations

import enum
from typing import Any, ClassVar

import attrs

from argmap._suggest import closest, did_you_mean
from argmap.invariants import (
    check_bool,
    check_id,
    check_ids,
    check_note,
    check_optional_id,
    check_text,
    fail,
    to_tuple,
)
from argmap.provenance import SourceRef

__all__ = ["NODE_KINDS", "Basis", "Claim", "Node", "Premise", "Rebuttal", "Recommendation"]


class Basis(enum.StrEnum):
    """What kind of ground a premise is.

    >>> Basis("statistic")
    <Basis.STATISTIC: 'statistic'>
    """

    FACT = "fact"
    STATISTIC = "statistic"
    EXAMPLE = "example"
    TESTIMONY = "testimony"
    EXPERT_OPINION = "expert-opinion"
    PRINCIPLE = "principle"
    ASSUMPTION = "assumption"
    DEFINITION = "definition"
    ANALOGY = "analogy"


_BASES = {basis.value: basis for basis in Basis}


def _to_basis(value: Basis | str | None) -> Basis | str | None:
    """Turn a basis name into a :class:`Basis`; anything else is left for the validator."""
    if value is None or type(value) is Basis:
        return value
    return _BASES.get(value, value) if isinstance(value, str) else value


def _check_basis(instance: Any, attribute: Any, value: Any) -> None:
    if value is not None and type(value) is not Basis:
        allowed = ", ".join(_BASES)
        hint = did_you_mean(closest(value, _BASES)) if isinstance(value, str) else ""
        fail(instance, "basis", f"basis must be one of {allowed}; got {value!r}{hint}")


def _check_source(instance: Any, attribute: Any, value: Any) -> None:
    if value is not None and type(value) is not SourceRef:
        fail(instance, "source", f"source must be a SourceRef, got {value!r}")


@attrs.frozen
class _NodeFields:
    """Fields every node has."""

    kind: ClassVar[str]
    id: str = attrs.field(validator=check_id)
    text: str = attrs.field(validator=check_text)
    speaker: str | None = attrs.field(default=None, kw_only=True, validator=check_optional_id)
    source: SourceRef | None = attrs.field(default=None, kw_only=True, validator=_check_source)
    tags: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, converter=to_tuple, validator=check_ids
    )
    note: str | None = attrs.field(default=None, kw_only=True, validator=check_note)


@attrs.frozen
class Claim(_NodeFields):
    """A claim; ``main=True`` marks the thesis (a map may have several).

    >>> Claim("thesis", "Both sides gain from steady ties.", main=True).main
    True
    """

    kind: ClassVar[str] = "claim"
    main: bool = attrs.field(default=False, kw_only=True, validator=check_bool)


@attrs.frozen
class Premise(_NodeFields):
    """A premise: a ground offered for something, with an optional basis.

    ``implicit=True`` marks a premise the analyst added because the argument needs it.

    >>> Premise("p1", "Trade grew about seventy-fold.", basis="statistic").basis
    <Basis.STATISTIC: 'statistic'>
    """

    kind: ClassVar[str] = "premise"
    basis: Basis | None = attrs.field(
        default=None, kw_only=True, converter=_to_basis, validator=_check_basis
    )
    implicit: bool = attrs.field(default=False, kw_only=True, validator=check_bool)


@attrs.frozen
class Rebuttal(_NodeFields):
    """An objection, challenge or counter-view; it attacks what it threatens.

    >>> Rebuttal("r1", "Tourism never recovered.").kind
    'rebuttal'
    """

    kind: ClassVar[str] = "rebuttal"


@attrs.frozen
class Recommendation(_NodeFields):
    """A course of action the author urges (a "should").

    >>> Recommendation("rec1", "Restart the 2+2 dialogue.").kind
    'recommendation'
    """

    kind: ClassVar[str] = "recommendation"


#: Any node.
Node = Claim | Premise | Rebuttal | Recommendation

#: Node classes by kind name, in the order the docs list them.
NODE_KINDS: dict[str, type[Node]] = {
    cls.kind: cls for cls in (Claim, Premise, Rebuttal, Recommendation)
}
