"""Relations between nodes: supports (linked or convergent) and attacks (incl. undercuts).

A relation may say where the text makes it (``source``), and whether it is the analyst's
reading rather than the text's own (``implicit``, best explained in ``note``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

import attrs

from argmap.codes import Code
from argmap.invariants import (
    COLUMN_CHECKS,
    check_bool,
    check_id,
    check_ids,
    check_note,
    column_check,
    fail,
    to_tuple,
)
from argmap.provenance import SourceRef

__all__ = ["Attack", "Relation", "Support", "default_relation_id"]


def default_relation_id(by: str | tuple[str, ...], target: str) -> str:
    """The id a relation gets when none is given: its sources joined by ``+``, ``->``, its target.

    >>> default_relation_id(("p1", "p2"), "thesis")
    'p1+p2->thesis'
    >>> default_relation_id("r1", "p1")
    'r1->p1'
    """
    sources = by if isinstance(by, str) else "+".join(by)  # an attack's by holds one id
    return f"{sources}->{target}"


def _check_source(instance: Any, attribute: Any, value: Any) -> None:
    if value is not None and type(value) is not SourceRef:
        fail(instance, "source", f"source must be a SourceRef, got {value!r}")


def _default_id(instance: Any) -> str:
    return default_relation_id(instance.by, instance.target)


@column_check(lambda values: all(values) and COLUMN_CHECKS[check_ids](values))
def _check_by(instance: Any, attribute: Any, value: tuple[str, ...]) -> None:
    if not value:
        fail(instance, "by", "a support needs at least one source node")
    check_ids(instance, attribute, value)


@attrs.frozen
class Support:
    """Nodes ``by`` support ``target``; several in one support are linked co-premises.

    Separate supports of one target are convergent reasons.

    ``source`` cites where the text gives the reason; ``implicit`` marks a support the
    analyst reads into the text, which ``note`` should explain.

    >>> linked = Support(("p1", "p2"), "thesis", implicit=True, note="The author implies it.")
    >>> linked.id, linked.implicit
    ('p1+p2->thesis', True)
    """

    kind: ClassVar[str] = "support"
    by: tuple[str, ...] = attrs.field(converter=to_tuple, validator=_check_by)
    target: str = attrs.field(validator=check_id)
    id: str = attrs.field(
        default=attrs.Factory(_default_id, takes_self=True), kw_only=True, validator=check_id
    )
    source: SourceRef | None = attrs.field(default=None, kw_only=True, validator=_check_source)
    implicit: bool = attrs.field(default=False, kw_only=True, validator=check_bool)
    note: str | None = attrs.field(default=None, kw_only=True, validator=check_note)

    def __attrs_post_init__(self) -> None:
        if self.target in self.by:
            fail(self, "target", f"{self.target!r} cannot support itself", Code.SELF_REFERENCE)


def _one_attacker(value: str | Iterable[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else to_tuple(value)


@column_check(lambda values: set(map(len, values)) <= {1} and COLUMN_CHECKS[check_ids](values))
def _check_attacker(instance: Any, attribute: Any, value: tuple[str, ...]) -> None:
    if len(value) != 1:
        fail(instance, "by", f"an attack has exactly one attacker, got {len(value)}: {value!r}")
    check_ids(instance, attribute, value)


@attrs.frozen
class Attack:
    """Node ``by`` attacks ``target``: a node (rebut, undermine) or a support (undercut).

    ``by`` is a tuple, as a support's is, holding the one attacker; give it as an id or a
    one-item list. :attr:`attacker` is that id.

    >>> undercut = Attack("r1", "p1->thesis")
    >>> undercut.by, undercut.attacker, undercut.id
    (('r1',), 'r1', 'r1->p1->thesis')
    """

    kind: ClassVar[str] = "attack"
    by: tuple[str, ...] = attrs.field(converter=_one_attacker, validator=_check_attacker)
    target: str = attrs.field(validator=check_id)
    id: str = attrs.field(
        default=attrs.Factory(_default_id, takes_self=True), kw_only=True, validator=check_id
    )
    source: SourceRef | None = attrs.field(default=None, kw_only=True, validator=_check_source)
    implicit: bool = attrs.field(default=False, kw_only=True, validator=check_bool)
    note: str | None = attrs.field(default=None, kw_only=True, validator=check_note)

    @property
    def attacker(self) -> str:
        """The id of the node that attacks."""
        return self.by[0]

    def __attrs_post_init__(self) -> None:
        if self.target in self.by:
            fail(self, "target", f"{self.target!r} cannot attack itself", Code.SELF_REFERENCE)


#: Any relation.
Relation = Support | Attack
