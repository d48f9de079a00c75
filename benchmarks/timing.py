"""What the benchmarks share: how a measurement is timed, the options that say so, and the
line describing the machine each table was measured on."""

from __future__ import annotations

import argparse
import datetime
import gc
import os
import platform
import time
from collections.abc import Callable

import attrs

import argmap
from benchmarks.generate import DEFAULT_SIZES

__all__ = ["Timing", "add_timing_options", "best_of", "machine", "timing_from"]


@attrs.frozen
class Timing:
    """How to time: runs per measurement, the collector's state, the clock."""

    repeat: int = 5
    gc_off: bool = False
    clock: Callable[[], float] = time.perf_counter
    #: Short measurements run again until their runs add up to this many seconds.
    min_time: float = 1.0
    max_runs: int = 200


def best_of(function: Callable[[], object], timing: Timing) -> float:
    """The shortest of at least ``timing.repeat`` timed calls, each after a full collection.

    Calls go on, up to ``timing.max_runs``, until they add up to ``timing.min_time``, so
    that a short measurement gets enough tries to find a quiet moment. The result of each
    call is dropped before the next collection, so every run starts from the same heap.
    """
    times: list[float] = []
    while len(times) < timing.repeat or (
        sum(times) < timing.min_time and len(times) < timing.max_runs
    ):
        gc.collect()
        if timing.gc_off:
            gc.disable()
        try:
            started = timing.clock()
            result = function()
            elapsed = timing.clock() - started
        finally:
            gc.enable()
        del result
        times.append(elapsed)
    return min(times)


def add_timing_options(parser: argparse.ArgumentParser, *, repeat: int) -> None:
    """``--sizes``, ``--repeat`` (default ``repeat``), ``--min-time`` and ``--clock``."""
    parser.add_argument(
        "--sizes",
        nargs="+",
        type=int,
        default=list(DEFAULT_SIZES),
        help="numbers of nodes (default: %(default)s)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=repeat,
        help="runs per timing, best kept (default: %(default)s)",
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


def timing_from(
    parser: argparse.ArgumentParser, args: argparse.Namespace, *, gc_off: bool = False
) -> Timing:
    """The Timing the options of :func:`add_timing_options` ask for (a usage error if bad)."""
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    clock = time.perf_counter if args.clock == "wall" else time.process_time
    return Timing(args.repeat, gc_off, clock, args.min_time)


def machine() -> str:
    """One line naming argmap, Python, the machine and the date, to head a table."""
    return (
        f"argmap {argmap.__version__}, Python {platform.python_version()} "
        f"({platform.python_implementation()}), {platform.machine()}, "
        f"{os.cpu_count()} CPUs, {datetime.date.today().isoformat()}"
    )
