"""Relations between nodes: supports (linked or convergent) and attacks (incl. undercuts)."""

from __future__ import annotations

from typing import Any, ClassVar

import attrs

from argmap.codes import Code
from argmap.invariants import check_id, check_ids, fail, to_tuple

__all__ = ["Attack", "Relation", "Support", "default_relation_id"]


def default_relation_id(by: str | tuple[str, ...], target: str) -> str:
    """The id a relation gets when none is given: its sources joined by ``+``, ``->``, its target.

    >>> default_relation_id(("p1", "p2"), "thesis")
    'p1+p2->thesis'
    >>> default_relation_id("r1", "p1")
    'r1->p1'
    """
    sources = by if isinstance(by, str) else "+".join(by)
    return f"{sources}->{target}"


def _default_id(instance: Any) -> str:
    return default_relation_id(instance.by, instance.target)


def _check_by(instance: Any, attribute: Any, value: tuple[str, ...]) -> None:
    if not value:
        fail(instance, "by", "a support needs at least one source node")
    check_ids(instance, attribute, value)


@attrs.frozen
class Support:
    """Nodes ``by`` support ``target``; several in one support are linked co-premises.

    Separate supports of one target are convergent reasons.

    >>> Support(("p1", "p2"), "thesis")
    Support(by=('p1', 'p2'), target='thesis', id='p1+p2->thesis')
    """

    kind: ClassVar[str] = "support"
    by: tuple[str, ...] = attrs.field(converter=to_tuple, validator=_check_by)
    target: str = attrs.field(validator=check_id)
    id: str = attrs.field(
        default=attrs.Factory(_default_id, takes_self=True), kw_only=True, validator=check_id
    )

    def __attrs_post_init__(self) -> None:
        if self.target in self.by:
            fail(self, "target", f"{self.target!r} cannot support itself", Code.SELF_REFERENCE)


@attrs.frozen
class Attack:
    """Node ``by`` attacks ``target``: a node (rebut, undermine) or a support (undercut).

    >>> Attack("r1", "p1->thesis").id
    'r1->p1->thesis'
    """

    kind: ClassVar[str] = "attack"
    by: str = attrs.field(validator=check_id)
    target: str = attrs.field(validator=check_id)
    id: str = attrs.field(
        default=attrs.Factory(_default_id, takes_self=True), kw_only=True, validator=check_id
    )

    def __attrs_post_init__(self) -> None:
        if self.target == self.by:
            fail(self, "target", f"{self.by!r} cannot attack itself", Code.SELF_REFERENCE)


#: Any relation.
Relation = Support | Attack
