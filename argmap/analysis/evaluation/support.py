"""The support-aware evaluation: a least fixpoint in which reasons count, as in Carneades.

Nodes and supports both get labels. A **support** is ``IN`` (it holds) when every premise
it links is ``IN`` and every undercut of it is ``OUT``; ``OUT`` when some premise is
``OUT`` or some undercutter is ``IN``. A **node with supports** is ``IN`` when one of its
supports is ``IN`` and every node attacking it is ``OUT``; ``OUT`` when an attacker is
``IN`` or every one of its supports is ``OUT``. A **node without supports** (a premise, or
a rebuttal or claim that stands alone) is taken as given: ``IN`` when every attacker is
``OUT``, ``OUT`` when an attacker is ``IN``. Whatever these rules do not settle, starting
from nothing and applying them until nothing changes, is ``UNDEC``: the least fixpoint,
grounded-style. Without supports it is Dung's grounded labelling.

The same engine, with ``supports_count=False``, gives Dung's grounded labelling of
:func:`~.reduction.framework_of` (a support holds unless undercut; a node ignores its
supports), with the rank of each decision for the explanations: the round in which it
was settled.

>>> import argmap
>>> m = (argmap.MapBuilder("T").claim("c", "C.").premise("p", "P.", supports="c")
...      .rebuttal("r", "R.", attacks="p").build())
>>> settle(Structure.of(m), supports_count=True).labels["c"]
<Label.OUT: 'out'>
>>> settle(Structure.of(m), supports_count=False).labels["c"]
<Label.IN: 'in'>
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping

import attrs

from argmap.analysis.evaluation.assume import Assumption
from argmap.analysis.framework import Label
from argmap.argument_map import ArgumentMap
from argmap.nodes import Node
from argmap.relations import Support

__all__ = ["Settled", "Structure", "settle"]


@attrs.frozen
class Structure:
    """A map's nodes and supports, and who depends on whom, by id, in the map's order."""

    nodes: dict[str, Node]
    supports: dict[str, Support]
    attackers: dict[str, list[str]]
    targets: dict[str, list[str]]
    supports_of: dict[str, list[str]]
    premise_of: dict[str, list[str]]

    @classmethod
    def of(cls, amap: ArgumentMap) -> Structure:
        """The structure of ``amap``."""
        nodes = {node.id: node for node in amap.nodes}
        supports = {r.id: r for r in amap.relations if type(r) is Support}
        elements = [*nodes, *supports]
        attackers: dict[str, list[str]] = {e: [] for e in elements}
        targets: dict[str, list[str]] = {e: [] for e in elements}
        supports_of: dict[str, list[str]] = {n: [] for n in nodes}
        premise_of: dict[str, list[str]] = {n: [] for n in nodes}
        for relation in amap.relations:
            if type(relation) is Support:
                supports_of[relation.target].append(relation.id)
                for premise in relation.by:
                    premise_of[premise].append(relation.id)
            else:
                attackers[relation.target].append(relation.by[0])
                targets[relation.by[0]].append(relation.target)
        return cls(nodes, supports, attackers, targets, supports_of, premise_of)


@attrs.frozen
class Settled:
    """Labels of nodes and supports, and the round in which each ``IN`` or ``OUT`` was settled."""

    labels: Mapping[str, Label]
    rank: Mapping[str, int]


def settle(
    structure: Structure,
    *,
    supports_count: bool,
    assume: Mapping[str, Assumption] | None = None,
) -> Settled:
    """The least fixpoint of the rules above (Dung's grounded one without ``supports_count``)."""
    fixpoint = _Fixpoint(structure, supports_count, assume or {})
    fixpoint.run()
    labels = {e: fixpoint.label.get(e, Label.UNDEC) for e in structure.attackers}
    return Settled(labels, fixpoint.rank)


class _Fixpoint:
    """The state of :func:`settle`: what is decided, in which round, and what each waits for."""

    def __init__(
        self, structure: Structure, supports_count: bool, assume: Mapping[str, Assumption]
    ) -> None:
        s = self.s = structure
        self.supports_count = supports_count
        self.assume = assume
        self.label: dict[str, Label] = {}
        self.rank: dict[str, int] = {}
        #: Attackers not yet OUT; premises not yet IN; supports not yet OUT.
        self.live = {e: len(attackers) for e, attackers in s.attackers.items()}
        self.missing = {i: len(u.by) if supports_count else 0 for i, u in s.supports.items()}
        self.alive = {n: len(found) for n, found in s.supports_of.items()}
        self.backed: set[str] = set()
        self.queue: deque[str] = deque()

    def decide(self, element: str, verdict: Label, round_: int) -> None:
        if element not in self.label:
            self.label[element] = verdict
            self.rank[element] = round_
            self.queue.append(element)

    def accept_if_ready(self, element: str, round_: int) -> None:
        """``element`` is IN if nothing it waits for is left."""
        if self.live[element]:
            return
        if element in self.s.supports:
            ready = not self.missing[element]
        elif self.supports_count and self.s.supports_of[element]:
            ready = element in self.backed
        else:
            ready = self.assume.get(element) is not Assumption.QUESTIONED
        if ready:
            self.decide(element, Label.IN, round_)

    def run(self) -> None:
        for node, how in self.assume.items():
            if how is not Assumption.QUESTIONED:
                self.decide(node, Label.IN if how is Assumption.ACCEPTED else Label.OUT, 0)
        for element in self.s.attackers:
            self.accept_if_ready(element, 0)
        while self.queue:
            element = self.queue.popleft()
            if self.label[element] is Label.IN:
                self._accepted(element, self.rank[element] + 1)
            else:
                self._rejected(element, self.rank[element] + 1)

    def _accepted(self, element: str, after: int) -> None:
        for target in self.s.targets[element]:
            self.decide(target, Label.OUT, after)
        if not self.supports_count:
            return
        for linked in self.s.premise_of.get(element, ()):
            self.missing[linked] -= 1
            self.accept_if_ready(linked, after)
        support = self.s.supports.get(element)
        if support is not None:
            self.backed.add(support.target)
            self.accept_if_ready(support.target, after)

    def _rejected(self, element: str, after: int) -> None:
        for target in self.s.targets[element]:
            self.live[target] -= 1
            self.accept_if_ready(target, after)
        if not self.supports_count:
            return
        for linked in self.s.premise_of.get(element, ()):
            self.decide(linked, Label.OUT, after)
        support = self.s.supports.get(element)
        if support is not None:
            self.alive[support.target] -= 1
            if not self.alive[support.target]:
                self.decide(support.target, Label.OUT, after)
