"""Why a node is IN, OUT or UNDEC: a short chain of reasons in words, from the fixpoint.

Each reason names the decisive neighbour and says its label; the next reason says why that
neighbour has it, and so on, joined by colons. Each element is named once with its kind
("the premise 'p'"), then by its id alone. The decisive neighbour is chosen so that the
chain only goes back to things settled earlier (it never goes round a cycle of decided
labels): for ``OUT``, the ``IN`` attacker settled first; for ``IN``, the attacker, premise
or support settled last. Ties go to the map's order, so an explanation is the same every
time. ``UNDEC`` chains follow an undecided attacker (or premise, or support) and stop when
they come back to an element already named: a cycle.

>>> import argmap
>>> from argmap.analysis.evaluation.support import Structure, settle
>>> m = (argmap.MapBuilder("T").claim("c", "C.").rebuttal("a", "A.", attacks="c")
...      .rebuttal("b", "B.", attacks="a").build())
>>> s = Structure.of(m)
>>> name, reason = because(s, settle(s, supports_count=False), "c", supports_count=False)
>>> print(f"{name} is IN because {reason}.")
the claim 'c' is IN because its only attacker, the rebuttal 'a', is OUT: the rebuttal 'b',
which attacks 'a', is IN: nothing attacks 'b'.
"""

from __future__ import annotations

from collections.abc import Mapping

from argmap.analysis.evaluation.assume import Assumption
from argmap.analysis.evaluation.support import Settled, Structure
from argmap.analysis.framework import Label

__all__ = ["because"]

#: How many reasons a chain gives at most.
STEPS = 5

#: A reason, and the element it leans on (explained next), if any.
_Reason = tuple[str, str | None]


def because(
    structure: Structure,
    settled: Settled,
    element: str,
    *,
    supports_count: bool,
    assume: Mapping[str, Assumption] | None = None,
) -> tuple[str, str]:
    """``element`` named with its kind, and why it has its label: reasons joined by colons."""
    teller = _Teller(structure, settled, supports_count, assume or {})
    name = teller.name(element)
    reasons: list[str] = []
    current, ref = element, "it"
    while len(reasons) < STEPS:
        reason, leaning = teller.reason(current, ref)
        if leaning is not None and leaning in teller.named_before:
            reason += " (a cycle)"
            leaning = None
        reasons.append(reason)
        if leaning is None:
            break
        current, ref = leaning, f"'{leaning}'"
    return name, ": ".join(reasons)


class _Teller:
    """Words for one chain: remembers who has been named, so that each is named once."""

    def __init__(
        self,
        structure: Structure,
        settled: Settled,
        supports_count: bool,
        assume: Mapping[str, Assumption],
    ) -> None:
        self.s = structure
        self.labels = settled.labels
        self.rank = settled.rank
        self.supports_count = supports_count
        self.assume = assume
        self.named: set[str] = set()
        #: Elements named before the reason being told (where a chain would go round).
        self.named_before: set[str] = set()

    def name(self, element: str, *, kind: bool = True) -> str:
        """``the premise 'p'`` the first time (``'p'`` if ``kind`` is false), then ``'p'``."""
        if element in self.named or not kind:
            self.named.add(element)
            return f"'{element}'"
        self.named.add(element)
        node = self.s.nodes.get(element)
        return f"the {node.kind if node is not None else 'support'} '{element}'"

    def reason(self, element: str, ref: str) -> _Reason:
        """Why ``element`` (called ``ref`` here: ``it`` or its id) has its label."""
        self.named_before = set(self.named)
        how = self.assume.get(element)
        if how is not None and how is not Assumption.QUESTIONED:
            return f"you assumed {ref} {how.value}", None
        label = self.labels[element]
        if label is Label.OUT:
            return self._out(element, ref)
        if label is Label.IN:
            return self._in(element, ref)
        return self._undec(element, ref)

    # -- the pieces -------------------------------------------------------------------

    def _with(self, elements: list[str], label: Label) -> list[str]:
        return [e for e in elements if self.labels[e] is label]

    def _first(self, elements: list[str]) -> str:
        return min(elements, key=self.rank.__getitem__)

    def _last(self, elements: list[str]) -> str:
        return max(elements, key=self.rank.__getitem__)

    def _premises(self, element: str) -> list[str]:
        support = self.s.supports.get(element)
        return list(support.by) if support is not None and self.supports_count else []

    def _supports(self, element: str) -> list[str]:
        return self.s.supports_of.get(element, []) if self.supports_count else []

    def _noun(self, element: str) -> str:
        return "undercutter" if element in self.s.supports else "attacker"

    def _verb(self, element: str) -> str:
        return "undercuts" if element in self.s.supports else "attacks"

    def _all_of(self, noun: str, found: list[str], label: Label, last: str) -> str:
        """``its only attacker, X, is OUT`` or ``all 3 of its attackers are OUT, the last ...``."""
        if len(found) == 1:
            return f"its only {noun}, {self.name(last)}, is {label.name}"
        fall = "fall" if label is Label.OUT else "stand"
        return (
            f"all {len(found)} of its {noun}s are {label.name}, "
            f"the last to {fall} being {self.name(last)}"
        )

    def _count(self, noun: str, found: list[str], label: Label, ref: str) -> str:
        """``nothing attacks it``, ``its only attacker is OUT``, ``its 2 attackers are OUT``."""
        if not found:
            return f"nothing {'undercuts' if noun == 'undercutter' else 'attacks'} {ref}"
        if len(found) == 1:
            return f"its only {noun} is {label.name}"
        return f"its {len(found)} {noun}s are {label.name}"

    # -- one reason per label -----------------------------------------------------------

    def _out(self, element: str, ref: str) -> _Reason:
        winners = self._with(self.s.attackers[element], Label.IN)
        if winners:
            winner = self._first(winners)
            return f"{self.name(winner)}, which {self._verb(element)} {ref}, is IN", winner
        failed = self._with(self._premises(element), Label.OUT)
        if failed:
            premise = self._first(failed)
            return f"{ref} rests on {self.name(premise)}, which is OUT", premise
        supports = self._supports(element)
        last = self._last(supports)
        if len(supports) == 1:
            failed = self._with(list(self.s.supports[last].by), Label.OUT)
            if failed and not self._with(self.s.attackers[last], Label.IN):
                premise = self._first(failed)
                return f"its only support rests on {self.name(premise)}, which is OUT", premise
            return f"its only support, {self.name(last, kind=False)}, is OUT", last
        return (
            f"all {len(supports)} of its supports are OUT, "
            f"the last to fall being {self.name(last, kind=False)}",
            last,
        )

    def _in(self, element: str, ref: str) -> _Reason:
        attackers = self.s.attackers[element]
        noun = self._noun(element)
        premises, holder = self._premises(element), "it"
        held = self._with(self._supports(element), Label.IN)
        if held and not self.s.attackers[held[0]]:  # nothing to say of the support itself:
            premises, holder = list(self.s.supports[held[0]].by), self._which(held[0])
        grounds = premises or held[:1]  # what it needs besides its attackers being OUT
        if not grounds:
            if not attackers:
                return f"nothing {self._verb(element)} {ref}", None
            last = self._last(attackers)
            return self._all_of(noun, attackers, Label.OUT, last), last
        last = self._last(grounds + attackers)
        if last in attackers:
            grounds_hold = self._grounds(premises, holder, held, ref)
            return f"{grounds_hold}, and {self._all_of(noun, attackers, Label.OUT, last)}", last
        defeated = self._count(noun, attackers, Label.OUT, ref)
        if not premises:
            return f"{defeated}, and {self._support_in(last)}", last
        if len(premises) == 1:
            return f"{defeated}, and {holder} rests on {self.name(last)}, which is IN", last
        return (
            f"{defeated}, and {holder} rests on {len(premises)} premises, all IN, "
            f"the last to stand being {self.name(last)}",
            last,
        )

    def _grounds(self, premises: list[str], holder: str, held: list[str], ref: str) -> str:
        """That the premises are IN, or a support holds (when an attacker is explained)."""
        holder = ref if holder == "it" else holder
        if len(premises) == 1:
            return f"{holder} rests on {self.name(premises[0])}, which is IN"
        if premises:
            return f"{holder} rests on {len(premises)} premises, all IN"
        return self._support_in(held[0])

    def _which(self, support: str) -> str:
        """``its only support`` or ``one of its supports``, for a support of a node."""
        several = len(self.s.supports_of[self.s.supports[support].target]) > 1
        return "one of its supports" if several else "its only support"

    def _support_in(self, support: str) -> str:
        return f"{self._which(support)}, {self.name(support, kind=False)}, is IN"

    def _undec(self, element: str, ref: str) -> _Reason:
        attackers = self.s.attackers[element]
        open_ = self._with(attackers, Label.UNDEC)
        if open_:
            return self._undec_attacker(element, ref, attackers, open_[0])
        waiting = self._with(self._premises(element), Label.UNDEC)
        if waiting:
            return f"{ref} rests on {self.name(waiting[0])}, which is UNDEC", waiting[0]
        supports = self._supports(element)
        waiting = self._with(supports, Label.UNDEC)
        if waiting:
            support = self.name(waiting[0], kind=False)
            if len(supports) == 1:
                return f"its only support, {support}, is UNDEC", waiting[0]
            return f"none of its {len(supports)} supports is IN, but {support} is UNDEC", waiting[0]
        if self.supports_count or not self.s.supports_of.get(element):
            return f"you questioned {ref}, and nothing supports it", None
        return f"you questioned {ref}, and supports do not count under Dung's semantics", None

    def _undec_attacker(
        self, element: str, ref: str, attackers: list[str], attacker: str
    ) -> _Reason:
        """Undecided because ``attacker`` is: it attacks itself, or the chain follows it."""
        verb = self._verb(element)
        if attacker == element:
            return f"{ref} {verb} itself", None
        if len(attackers) == 1:
            return f"{self.name(attacker)}, which {verb} {ref}, is UNDEC", attacker
        return (
            f"none of its {len(attackers)} {self._noun(element)}s is IN, "
            f"but {self.name(attacker)} is UNDEC",
            attacker,
        )
