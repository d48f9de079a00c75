"""The kind rule: a statement's kind from its place among supports and attacks."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain
from typing import Any

from argmap.nodes import NODE_KINDS
from argmap.relations import Relation, Support

__all__ = ["Role", "hinted_role", "roles", "roles_of"]

#: A kind, and whether it is a main claim.
Role = tuple[str, bool]


def roles(node_ids: Iterable[str], relations: Iterable[Relation]) -> dict[str, Role]:
    """Each node's kind by the rule AIF readers use, since AIF has no node kinds.

    An attacker is a rebuttal; a premise of a support is a premise, or a claim if it is
    supported too; a node that is supported or attacked and supports or attacks nothing is a
    main claim; a node in no support or attack is a claim.

    >>> from argmap import Attack, Support
    >>> rels = [Support(["p"], "c"), Support(["c"], "t"), Attack("r", "p")]
    >>> for ident, role in roles(["p", "c", "t", "r", "x"], rels).items():
    ...     print(ident, *role)
    p premise False
    c claim False
    t claim True
    r rebuttal False
    x claim False
    """
    supports = [relation for relation in relations if isinstance(relation, Support)]
    attacks = [relation for relation in relations if not isinstance(relation, Support)]
    return roles_of(
        node_ids,
        premises=chain.from_iterable(support.by for support in supports),
        supported=(support.target for support in supports),
        attackers=(attack.by[0] for attack in attacks),
        attacked=(attack.target for attack in attacks),
    )


def roles_of(
    node_ids: Iterable[str],
    *,
    premises: Iterable[str],
    supported: Iterable[str],
    attackers: Iterable[str],
    attacked: Iterable[str],
) -> dict[str, Role]:
    """The rule of :func:`roles`, given the ids at each end of the supports and attacks.

    >>> roles_of(["p", "c"], premises=["p"], supported=["c"], attackers=[], attacked=[])
    {'p': ('premise', False), 'c': ('claim', True)}
    """
    attacking, premise, supported = set(attackers), set(premises), set(supported)
    targets = supported.union(attacked)
    result: dict[str, Role] = {}
    for ident in node_ids:
        if ident in attacking:
            result[ident] = ("rebuttal", False)
        elif ident in premise:
            result[ident] = ("claim" if ident in supported else "premise", False)
        else:
            result[ident] = ("claim", ident in targets)
    return result


def hinted_role(hint: Any) -> Role | None:
    """The role argmap's writer recorded in a statement's ``argmap`` key; None if it names none.

    >>> hinted_role({"kind": "premise"}), hinted_role({"kind": "claim", "main": True})
    (('premise', False), ('claim', True))
    >>> hinted_role({"kind": ["claim"]}), hinted_role("claim")
    (None, None)
    """
    if not isinstance(hint, dict):
        return None
    kind, main = hint.get("kind"), hint.get("main", False)
    if not isinstance(kind, str) or kind not in NODE_KINDS or main not in (True, False):
        return None
    return kind, kind == "claim" and main is True
