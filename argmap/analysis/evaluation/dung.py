"""Dung's semantics on a framework: grounded, complete, preferred and stable labellings.

Grounded is the least fixpoint, found by propagation over the attacks alone: every
argument starts ``IN`` and every attacked one ``UNDEC``; an ``IN`` argument makes its targets
``OUT``, and an argument whose attackers are all ``OUT`` becomes ``IN``. Every attack is
looked at a bounded number of times and no argument is visited one by one in Python, so it
runs in time linear in the framework (see ``benchmarks/README.md``).

The others use a labelling-based backtracking search with propagation, in pure Python. Each
argument keeps the labels still possible for it; the rule of a complete labelling (``IN``
iff every attacker is ``OUT``, ``OUT`` iff some attacker is ``IN``) prunes them to a fixpoint
(arc consistency on each argument and its attackers), and the search branches on the first
argument, in the framework's order, that still has a choice, trying ``IN``, then ``OUT``,
then ``UNDEC``. It starts from the grounded labelling, which every complete labelling
extends. Why this and not SAT: it needs no solver (pure-Python SAT solvers are slow, and a
binary one is a download), propagation settles most of a map's arguments at once, and the
labels found are the answer in the form they are reported in. Stable labellings are the
search without ``UNDEC``; preferred ones are the complete labellings whose ``IN`` set no
other complete labelling strictly contains, which one more small search per candidate
checks. The search finds labellings in a fixed order, so results are deterministic.

>>> from argmap.analysis.framework import Framework
>>> af = Framework(("a", "b", "c"), {("a", "b"), ("b", "a"), ("b", "c")})
>>> grounded(af).undecided
('a', 'b', 'c')
>>> [labelling.accepted for labelling in preferred(af)]
[('a', 'c'), ('b',)]
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analysis.framework import Framework, Label, Labelling

__all__ = ["complete", "grounded", "preferred", "stable"]

#: The labels an argument may still take, as bits.
_IN, _OUT, _UNDEC = 1, 2, 4
_ANY = _IN | _OUT | _UNDEC
_LABELS = {_IN: Label.IN, _OUT: Label.OUT, _UNDEC: Label.UNDEC}
#: The bits of each grounded label, where the search starts from.
_START = {Label.IN: _IN, Label.OUT: _OUT}


def _graph(af: Framework) -> tuple[list[list[int]], list[list[int]]]:
    """Attackers and targets of each argument, by position in the framework."""
    index = {name: position for position, name in enumerate(af.arguments)}
    attackers: list[list[int]] = [[] for _ in af.arguments]
    targets: list[list[int]] = [[] for _ in af.arguments]
    for attacker, target in sorted(af.attacks):
        attackers[index[target]].append(index[attacker])
        targets[index[attacker]].append(index[target])
    return attackers, targets


def grounded_labels(af: Framework) -> dict[str, Label]:
    """The grounded label of every argument, in the framework's order.

    Only the attacks are looked at one by one: every argument starts ``IN``, the attacked
    ones ``UNDEC``, and an argument ``IN`` makes its targets ``OUT``, which may free others.
    """
    in_, out, undec = Label.IN, Label.OUT, Label.UNDEC  # locals: Label.X is slow on 3.11
    labels = dict.fromkeys(af.arguments, in_)
    live: dict[str, int] = {}  # attackers not yet OUT, of each attacked argument
    targets: dict[str, list[str]] = {}
    for attacker, target in af.attacks:
        live[target] = live.get(target, 0) + 1
        found = targets.get(attacker)
        if found is None:
            targets[attacker] = [target]
        else:
            found.append(target)
    labels.update(dict.fromkeys(live, undec))
    ready = [attacker for attacker in targets if attacker not in live]
    while ready:
        for beaten in targets[ready.pop()]:
            if labels[beaten] is not out:
                labels[beaten] = out
                for defended in targets.get(beaten, ()):
                    live[defended] -= 1
                    if not live[defended] and labels[defended] is undec:
                        labels[defended] = in_
                        if defended in targets:
                            ready.append(defended)
    return labels


def grounded(af: Framework) -> Labelling:
    """The grounded labelling: the least complete one, where only the certain is decided.

    >>> from argmap.analysis.framework import Framework
    >>> grounded(Framework(("a", "b", "c"), {("a", "b"), ("b", "c")})).accepted
    ('a', 'c')
    """
    return Labelling("grounded", grounded_labels(af))


class _Search:
    """Backtracking over the labels each argument may still take, with propagation."""

    def __init__(self, af: Framework) -> None:
        self.af = af
        self.attackers, self.targets = _graph(af)

    def start(self, allowed: int) -> list[int]:
        """Every argument may take the ``allowed`` labels, narrowed by the grounded ones."""
        return [_START.get(label, allowed) for label in grounded_labels(self.af).values()]

    def propagate(self, domains: list[int], changed: list[int]) -> bool:
        """Prune ``domains`` in place to arc consistency; False on a contradiction."""
        queue = list(dict.fromkeys(x for c in changed for x in (c, *self.targets[c])))
        queued = set(queue)
        while queue:
            head = queue.pop()
            queued.discard(head)
            for touched in self._revise(domains, head):
                if domains[touched] == 0:
                    return False
                for again in (touched, *self.targets[touched]):
                    if again not in queued:
                        queued.add(again)
                        queue.append(again)
        return True

    def _revise(self, domains: list[int], head: int) -> list[int]:
        """Narrow ``head`` and its attackers by the rule of a complete labelling."""
        attackers = self.attackers[head]
        size = len(attackers)
        can_in = sum(1 for a in attackers if domains[a] & _IN)
        can_out = sum(1 for a in attackers if domains[a] & _OUT)
        can_undec = sum(1 for a in attackers if domains[a] & _UNDEC)
        not_in = sum(1 for a in attackers if domains[a] & (_OUT | _UNDEC))
        feasible = (
            (_IN if can_out == size else 0)
            | (_OUT if can_in else 0)
            | (_UNDEC if not_in == size and can_undec else 0)
        )
        changed = []
        mine = domains[head] & feasible
        if mine != domains[head]:
            domains[head] = mine
            changed.append(head)
            if not mine:
                return changed
        for a in attackers:
            bits = domains[a]
            others_in = can_in - bool(bits & _IN)
            others_all_out = can_out - bool(bits & _OUT) == size - 1
            others_not_in = not_in - bool(bits & (_OUT | _UNDEC)) == size - 1
            others_undec = can_undec - bool(bits & _UNDEC)
            supported = (
                (_IN if mine & _OUT else 0)
                | (
                    _OUT
                    if (mine & _IN and others_all_out)
                    or (mine & _OUT and others_in)
                    or (mine & _UNDEC and others_not_in and others_undec)
                    else 0
                )
                | (
                    _UNDEC
                    if (mine & _OUT and others_in) or (mine & _UNDEC and others_not_in)
                    else 0
                )
            )
            if bits & supported != bits:
                domains[a] = bits & supported
                changed.append(a)
                if not domains[a]:
                    return changed
        return changed

    def solutions(self, domains: list[int]) -> Iterator[list[int]]:
        """Every complete labelling within ``domains``, as bits, in a fixed order."""
        if not self.propagate(domains, list(range(len(domains)))):
            return
        stack = [domains]
        while stack:
            current = stack.pop()
            choice = next((i for i, bits in enumerate(current) if bits & (bits - 1)), None)
            if choice is None:
                yield current
                continue
            branches = []
            for bit in (_IN, _OUT, _UNDEC):
                if current[choice] & bit:
                    trial = current.copy()
                    trial[choice] = bit
                    if self.propagate(trial, [choice]):
                        branches.append(trial)
            stack.extend(reversed(branches))

    def labelling(self, semantics: str, bits: list[int]) -> Labelling:
        return Labelling(
            semantics, dict(zip(self.af.arguments, (_LABELS[b] for b in bits), strict=True))
        )


def complete(af: Framework, *, limit: int | None = None) -> tuple[Labelling, ...]:
    """The complete labellings, at most ``limit`` of them (the grounded one among them).

    >>> from argmap.analysis.framework import Framework
    >>> af = Framework(("a", "b"), {("a", "b"), ("b", "a")})
    >>> [labelling.accepted for labelling in complete(af)]
    [('a',), ('b',), ()]
    """
    search = _Search(af)
    found = search.solutions(search.start(_ANY))
    return _take((search.labelling("complete", bits) for bits in found), limit)


def stable(af: Framework, *, limit: int | None = None) -> tuple[Labelling, ...]:
    """The stable labellings (no ``UNDEC``), at most ``limit``; there may be none.

    >>> from argmap.analysis.framework import Framework
    >>> stable(Framework(("a",), {("a", "a")}))
    ()
    """
    search = _Search(af)
    start = search.start(_IN | _OUT)
    found = search.solutions(start)
    return _take((search.labelling("stable", bits) for bits in found), limit)


def preferred(af: Framework, *, limit: int | None = None) -> tuple[Labelling, ...]:
    """The preferred labellings (the complete ones with a maximal ``IN`` set), at most ``limit``.

    >>> from argmap.analysis.framework import Framework
    >>> [p.accepted for p in preferred(Framework(("a", "b"), {("a", "b"), ("b", "a")}))]
    [('a',), ('b',)]
    """
    search = _Search(af)

    def maximal() -> Iterator[Labelling]:
        kept: list[frozenset[int]] = []
        for bits in search.solutions(search.start(_ANY)):
            accepted = frozenset(i for i, b in enumerate(bits) if b == _IN)
            if any(accepted <= other for other in kept) or _extendable(search, bits):
                continue
            kept.append(accepted)
            yield search.labelling("preferred", bits)

    return _take(maximal(), limit)


def _extendable(search: _Search, bits: list[int]) -> bool:
    """Whether some complete labelling accepts all that ``bits`` does, and more."""
    for position, label in enumerate(bits):
        if label != _UNDEC:
            continue
        trial = [b if b != _UNDEC else _ANY for b in bits]
        trial[position] = _IN
        if next(search.solutions(trial), None) is not None:
            return True
    return False


def _take(found: Iterator[Labelling], limit: int | None) -> tuple[Labelling, ...]:
    if limit is not None and limit < 1:
        raise ValueError(f"limit must be at least 1 or None, got {limit!r}")
    taken = []
    for labelling in found:
        taken.append(labelling)
        if limit is not None and len(taken) >= limit:
            break
    return tuple(taken)
