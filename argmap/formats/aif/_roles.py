"""The kind rule: a statement's kind from its place among supports and attacks."""

from __future__ import annotations

from collections.abc import Iterable

from argmap.relations import Relation, Support

__all__ = ["Role", "roles"]

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
    attackers: set[str] = set()
    premises: set[str] = set()
    supported: set[str] = set()
    targets: set[str] = set()
    for relation in relations:
        targets.add(relation.target)
        if isinstance(relation, Support):
            premises.update(relation.by)
            supported.add(relation.target)
        else:
            attackers.add(relation.attacker)
    result: dict[str, Role] = {}
    for ident in node_ids:
        if ident in attackers:
            result[ident] = ("rebuttal", False)
        elif ident in premises:
            result[ident] = ("claim" if ident in supported else "premise", False)
        else:
            result[ident] = ("claim", ident in targets)
    return result
