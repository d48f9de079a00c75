"""DOT text for synthetic maps: ``argmap.to_dot`` against a minimal hand-written emitter.

Run ``python -m benchmarks.dot_emit [--sizes N ...] [--repeat R] [--profile]``.
The maps come from ``benchmarks.generate.synthetic_map`` (building them is not timed).
Every time is the best of ``--repeat`` runs (default 3) by ``time.perf_counter``, each after
``gc.collect()``, with the garbage collector left on while timing, as in a user's program;
short timings run again until they add up to ``--min-time`` seconds (default 1).
``--clock cpu`` uses ``time.process_time``, steadier when other processes share the CPUs.

The minimal emitter writes ``digraph {``, one line per node (quoted id and its text as a
quoted label, ``"`` and ``\\`` escaped), one line per edge (one per co-premise of a support,
one per attack) and ``}``, joined into one string: the least work any Python library that
writes DOT text from a map can do. ``--profile`` runs ``cProfile`` on ``to_dot`` for the
largest size and prints the top 25 functions by cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import gc
import io
import itertools
import os
import platform
import pstats
import sys
import time
from collections.abc import Callable, Sequence

import attrs

import argmap
from argmap import ArgumentMap, Attack
from benchmarks.generate import DEFAULT_SIZES, synthetic_map

__all__ = ["Row", "best_of", "main", "measure", "minimal_dot", "profile"]

#: The issue's target: ``to_dot`` within this many times the minimal emitter.
TARGET_RATIO = 2.0

_ESCAPE = str.maketrans({"\\": "\\\\", '"': '\\"'})


def minimal_dot(amap: ArgumentMap) -> str:
    """The least DOT text for ``amap``: nodes with their texts as labels, then the edges.

    Ids are quoted, since argmap ids may hold ``-``, ``+``, ``.``, ``>`` and non-ASCII
    letters, which DOT only accepts quoted (they hold no ``"`` nor ``\\``, so need no
    escaping). Texts have ``\\`` and ``"`` escaped. An undercut's target is the support's id.
    """
    lines = ["digraph {"]
    append = lines.append
    escape = _ESCAPE
    for node in amap.nodes:
        append(f'"{node.id}" [label="{node.text.translate(escape)}"]')
    for relation in amap.relations:
        if isinstance(relation, Attack):
            append(f'"{relation.by}" -> "{relation.target}"')
        else:
            target = relation.target
            for by in relation.by:
                append(f'"{by}" -> "{target}"')
    append("}")
    return "\n".join(lines) + "\n"


@attrs.frozen
class Row:
    """The measurements for one map (times in seconds)."""

    nodes: int
    relations: int
    edges: int
    minimal: float
    to_dot: float
    to_dot_no_legend: float
    minimal_chars: int
    to_dot_chars: int

    @property
    def ratio(self) -> float:
        """``to_dot`` over the minimal emitter."""
        return self.to_dot / self.minimal


def best_of(
    function: Callable[[], object],
    repeat: int,
    min_time: float = 1.0,
    max_runs: int = 100,
    clock: Callable[[], float] = time.perf_counter,
) -> float:
    """The shortest of at least ``repeat`` timed calls, each after a full collection.

    The collector stays on while timing. Short calls run again, up to ``max_runs``, until
    the runs add up to ``min_time`` seconds, so the small maps get enough tries to find a
    quiet moment. What a call returns is dropped after the clock stops.
    """
    times: list[float] = []
    while len(times) < repeat or (sum(times) < min_time and len(times) < max_runs):
        gc.collect()
        started = clock()
        result = function()
        elapsed = clock() - started
        del result
        times.append(elapsed)
    return min(times)


def measure(
    amap: ArgumentMap,
    repeat: int,
    min_time: float = 1.0,
    clock: Callable[[], float] = time.perf_counter,
) -> Row:
    """Time the minimal emitter and ``to_dot`` (with and without the legend) on ``amap``."""
    minimal = best_of(lambda: minimal_dot(amap), repeat, min_time, clock=clock)
    full = best_of(lambda: argmap.to_dot(amap), repeat, min_time, clock=clock)
    no_legend = best_of(lambda: argmap.to_dot(amap, legend=False), repeat, min_time, clock=clock)
    edges = sum(1 if isinstance(r, Attack) else len(r.by) for r in amap.relations)
    return Row(
        len(amap.nodes),
        len(amap.relations),
        edges,
        minimal,
        full,
        no_legend,
        len(minimal_dot(amap)),
        len(argmap.to_dot(amap)),
    )


def profile(amap: ArgumentMap, top: int = 25) -> str:
    """``cProfile`` of one ``to_dot(amap)``: the ``top`` functions by cumulative time."""
    profiler = cProfile.Profile()
    gc.collect()
    profiler.enable()
    argmap.to_dot(amap)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def print_table(rows: Sequence[Row]) -> None:
    """The Markdown table of the measurements."""
    print(
        "\n| nodes | relations | edges | minimal s | to_dot s | ratio "
        "| to_dot legend=False s | ratio | minimal Mchar | to_dot Mchar |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row.nodes:,} | {row.relations:,} | {row.edges:,} | {row.minimal:.3f} "
            f"| {row.to_dot:.3f} | {row.ratio:.1f}x | {row.to_dot_no_legend:.3f} "
            f"| {row.to_dot_no_legend / row.minimal:.1f}x "
            f"| {row.minimal_chars / 1e6:.2f} | {row.to_dot_chars / 1e6:.2f} |"
        )


def print_growth(rows: Sequence[Row]) -> None:
    """Growth from one size to the next (linear growth is the ratio of the sizes)."""
    for small, large in itertools.pairwise(rows):
        scale = large.nodes / small.nodes
        print(
            f"\ngrowth {small.nodes:,} -> {large.nodes:,} nodes ({scale:.0f}x): "
            f"minimal {large.minimal / small.minimal:.1f}x, "
            f"to_dot {large.to_dot / small.to_dot:.1f}x, "
            f"to_dot legend=False {large.to_dot_no_legend / small.to_dot_no_legend:.1f}x"
        )


def print_verdict(rows: Sequence[Row]) -> None:
    """Whether ``to_dot`` is within the target ratio at the largest size."""
    large = rows[-1]
    met = "MET" if large.ratio <= TARGET_RATIO else "NOT MET"
    print(
        f"\ntarget: to_dot of {large.nodes:,} nodes within {TARGET_RATIO:.0f}x the minimal "
        f"emitter: {met} ({large.ratio:.1f}x)"
    )


def main(argv: list[str] | None = None) -> None:
    """Measure and print the table (and the profile with ``--profile``)."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.dot_emit",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--sizes",
        nargs="+",
        type=int,
        default=list(DEFAULT_SIZES),
        help="numbers of nodes (default: %(default)s)",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per timing, best kept (default: %(default)s)"
    )
    parser.add_argument(
        "--min-time",
        type=float,
        default=1.0,
        help="run short timings again until they add up to this many seconds "
        "(default: %(default)s)",
    )
    parser.add_argument(
        "--clock",
        choices=("wall", "cpu"),
        default="wall",
        help="wall: time.perf_counter (default); cpu: time.process_time, "
        "steadier when other processes share the CPUs",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="also profile to_dot on the largest size (top 25 by cumulative time)",
    )
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    sizes = sorted(set(args.sizes))
    clock = time.perf_counter if args.clock == "wall" else time.process_time
    print(
        f"argmap {argmap.__version__}, Python {platform.python_version()} "
        f"({platform.python_implementation()}), {platform.machine()}, "
        f"{os.cpu_count()} CPUs, {datetime.date.today().isoformat()}"
    )
    print(
        f"best of {args.repeat} runs (more until they add up to {args.min_time} s) by "
        f"time.{clock.__name__}; garbage collector on while timing, collected before each run; "
        "building the maps is not timed"
    )
    rows = []
    amap = None
    for n in sizes:
        print(f"  building and measuring {n:,} ...", file=sys.stderr, flush=True)
        amap = None  # free the previous map before building the next
        gc.collect()
        amap = synthetic_map(n)
        rows.append(measure(amap, args.repeat, args.min_time, clock))
    print_table(rows)
    print_growth(rows)
    print_verdict(rows)
    if args.profile and amap is not None:
        print(f"\n### cProfile of to_dot, {len(amap.nodes):,} nodes\n")
        print(profile(amap))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
