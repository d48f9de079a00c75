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
import gc
import io
import itertools
import pstats
import sys
from collections.abc import Sequence

import attrs

import argmap
from argmap import ArgumentMap, Attack
from benchmarks.generate import synthetic_map
from benchmarks.timing import Timing, add_timing_options, best_of, machine, timing_from

__all__ = ["Row", "main", "measure", "minimal_dot", "profile"]

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


def measure(amap: ArgumentMap, timing: Timing) -> Row:
    """Time the minimal emitter and ``to_dot`` (with and without the legend) on ``amap``."""
    minimal = best_of(lambda: minimal_dot(amap), timing)
    full = best_of(lambda: argmap.to_dot(amap), timing)
    no_legend = best_of(lambda: argmap.to_dot(amap, legend=False), timing)
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
    add_timing_options(parser, repeat=3)
    parser.add_argument(
        "--profile",
        action="store_true",
        help="also profile to_dot on the largest size (top 25 by cumulative time)",
    )
    args = parser.parse_args(argv)
    timing = timing_from(parser, args)
    sizes = sorted(set(args.sizes))
    print(machine())
    print(
        f"best of {args.repeat} runs (more until they add up to {args.min_time} s) by "
        f"time.{timing.clock.__name__}; garbage collector on while timing, collected before "
        "each run; building the maps is not timed"
    )
    rows = []
    amap = None
    for n in sizes:
        print(f"  building and measuring {n:,} ...", file=sys.stderr, flush=True)
        amap = None  # free the previous map before building the next
        gc.collect()
        amap = synthetic_map(n)
        rows.append(measure(amap, timing))
    print_table(rows)
    print_growth(rows)
    print_verdict(rows)
    if args.profile and amap is not None:
        print(f"\n### cProfile of to_dot, {len(amap.nodes):,} nodes\n")
        print(profile(amap))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
