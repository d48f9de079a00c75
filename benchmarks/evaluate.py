"""Evaluation speed: grounded on the generated maps against a hand-written floor and
formal-argumentation, and preferred and stable on random frameworks of a few hundred
arguments.

Run ``python -m benchmarks.evaluate [--sizes N ...] [--repeat R]``.
"""

from __future__ import annotations

import argparse
import functools
import random
from collections.abc import Callable
from types import ModuleType

from argmap.analysis.evaluation import framework_of, grounded, preferred, stable
from argmap.analysis.framework import Framework, Label, Labelling
from benchmarks.generate import synthetic_map
from benchmarks.timing import Timing, add_timing_options, best_of, machine, timing_from

formal: ModuleType | None
try:
    from argumentation.core import dung as formal
except ImportError:  # a test-only dependency: the column is left empty without it
    formal = None

_IN, _OUT, _UNDEC = Label.IN, Label.OUT, Label.UNDEC


def floor(af: Framework) -> dict[str, Label]:
    """The grounded label of every argument, hand-written: what ``grounded`` must at least do.

    The same output as ``grounded(af).labels`` (a dict of labels, in the framework's order)
    by the leanest linear-time loop found: a dict of every argument, then work on the
    attacks only.
    """
    labels = dict.fromkeys(af.arguments, _IN)
    live: dict[str, int] = {}
    targets: dict[str, list[str]] = {}
    for a, b in af.attacks:
        live[b] = live.get(b, 0) + 1
        if a in targets:
            targets[a].append(b)
        else:
            targets[a] = [b]
    labels.update(dict.fromkeys(live, _UNDEC))
    ready = [a for a in targets if a not in live]
    while ready:
        for b in targets[ready.pop()]:
            if labels[b] is not _OUT:
                labels[b] = _OUT
                for d in targets.get(b, ()):
                    live[d] -= 1
                    if not live[d] and labels[d] is _UNDEC:
                        labels[d] = _IN
                        if d in targets:
                            ready.append(d)
    return labels


def random_framework(size: int, seed: int = 0, density: float = 1.5) -> Framework:
    """``size`` arguments and about ``density * size`` attacks drawn at random."""
    rng = random.Random(seed)
    names = [f"a{i}" for i in range(size)]
    return Framework(
        names, {(rng.choice(names), rng.choice(names)) for _ in range(int(density * size))}
    )


def _formal_grounded(af: Framework) -> Callable[[], object] | None:
    """formal-argumentation's grounded extension of ``af``, ready to time (None if absent)."""
    if formal is None:
        return None
    reference = formal.ArgumentationFramework(frozenset(af.arguments), af.attacks)
    return functools.partial(formal.grounded_extension, reference)


def grounded_rows(sizes: list[int], timing: Timing) -> None:
    """One row per generated map: ours, the floor, formal-argumentation, and the ratios."""
    print(
        "| nodes | arguments | attacks | grounded ms | floor ms | grounded/floor "
        "| formal-argumentation ms | formal/grounded |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in sizes:
        af = framework_of(synthetic_map(size))
        ours = grounded(af)
        if dict(ours.labels) != floor(af):
            raise AssertionError("grounded and the floor disagree")
        mine = best_of(functools.partial(grounded, af), timing)
        low = best_of(functools.partial(floor, af), timing)
        reference = _formal_grounded(af)
        other, speedup = "-", "-"
        if reference is not None:
            if reference() != frozenset(ours.accepted):
                raise AssertionError("grounded and formal-argumentation disagree")
            theirs = best_of(reference, timing)
            other, speedup = f"{theirs * 1e3:,.1f}", f"{theirs / mine:.1f}"
        print(
            f"| {size:,} | {len(af.arguments):,} | {len(af.attacks):,} | {mine * 1e3:,.1f} "
            f"| {low * 1e3:,.1f} | {mine / low:.2f} | {other} | {speedup} |"
        )


def search_rows(timing: Timing) -> None:
    """Preferred and stable labellings (all of them, up to 1,000) of random frameworks."""
    print("| arguments | attacks/arg | preferred ms (found) | stable ms (found) |")
    print("|---:|---:|---:|---:|")
    for size in (100, 200, 400):
        for density in (1.0, 1.5, 2.0):
            af = random_framework(size, size, density)
            found: dict[str, tuple[Labelling, ...]] = {}
            cells = []
            for name, search in (("preferred", preferred), ("stable", stable)):
                run = functools.partial(search, af, limit=1000)
                found[name] = run()
                cells.append(f"{best_of(run, timing) * 1e3:,.1f} ({len(found[name])})")
            print(f"| {size} | {density} | {cells[0]} | {cells[1]} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    add_timing_options(parser, repeat=5)
    args = parser.parse_args()
    timing = timing_from(parser, args)
    print(machine())
    grounded_rows(args.sizes, timing)
    print()
    search_rows(timing)


if __name__ == "__main__":
    main()
