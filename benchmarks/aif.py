"""Reading AIF nodesets: argmap's reader + validate, against ``json.loads`` and arguebuf.

Run ``python -m benchmarks.aif [--sizes N ...] [--repeat R] [--arguebuf PYTHON]``. The
nodesets are the synthetic maps of ``benchmarks.generate`` written by argmap's AIF writer,
into ``benchmarks/data/synthetic-N.aif.json``. The floor is
:func:`benchmarks.aif_floor.unchecked_read` then ``validate``: the same objects made with
no check by the reader. Each time is the best of ``--repeat`` runs
(see :func:`benchmarks.timing.best_of`), the collector on. arguebuf, if a Python with it
installed is given (a separate venv, never the project's), loads the same file in a
subprocess, which reports its own best time, timed the same way.
"""

from __future__ import annotations

import argparse
import json
import subprocess
from functools import partial
from itertools import pairwise
from pathlib import Path

import argmap
from argmap.formats.aif import write
from benchmarks.aif_floor import unchecked_read
from benchmarks.generate import DATA, synthetic_map
from benchmarks.timing import add_timing_options, best_of, machine, timing_from

#: What the arguebuf subprocess runs: best of N loads of the file, in seconds.
_ARGUEBUF = """
import gc, json, sys, time
import arguebuf
path, repeat = sys.argv[1], int(sys.argv[2])
text = open(path, encoding="utf-8").read()
best = float("inf")
for _ in range(repeat):
    gc.collect()
    start = time.perf_counter()
    graph = arguebuf.load.aif(json.loads(text))
    best = min(best, time.perf_counter() - start)
    del graph
print(best)
"""


def aif_file(n: int) -> Path:
    """The nodeset of the synthetic map of ``n`` statements, written if it is not there."""
    path = DATA / f"synthetic-{n}.aif.json"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(write(synthetic_map(n)).text, "utf-8")
    return path


def _loads(text: str, name: str) -> argmap.ArgumentMap:
    return argmap.loads(text, format="aif", file=name, max_bytes=None)


def _floor(text: str) -> object:
    amap = unchecked_read(text)
    return amap, argmap.validate(amap)


def _loads_validate(text: str, name: str) -> object:
    # The map is returned, as arguebuf's graph is kept: freeing it is no part of reading.
    amap = _loads(text, name)
    return amap, argmap.validate(amap)


def main(argv: list[str] | None = None) -> None:
    """Print the table, the growth from one size to the next and the targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_timing_options(parser, repeat=3)
    parser.set_defaults(sizes=[10_000, 100_000])
    parser.add_argument("--arguebuf", help="a Python that has arguebuf installed")
    args = parser.parse_args(argv)
    timing = timing_from(parser, args)
    print(machine())
    print(f"best of {timing.repeat}, collector on, argmap.loads(text, format='aif') + validate")
    print()
    print(
        "| statements | file MB | json.loads s | loads s | loads+validate s | /json.loads "
        "| floor s | /floor | arguebuf s | arguebuf/argmap | findings |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    rows: list[tuple[int, float, float, float]] = []
    for n in args.sizes:
        path = aif_file(n)
        text = path.read_text("utf-8")
        name = str(path)
        bare = best_of(partial(json.loads, text), timing)
        alone = best_of(partial(_loads, text, name), timing)
        full = best_of(partial(_loads_validate, text, name), timing)
        floor = best_of(partial(_floor, text), timing)
        findings = len(argmap.validate(_loads(text, name)))
        other = float("nan")
        if args.arguebuf:
            done = subprocess.run(
                [args.arguebuf, "-c", _ARGUEBUF, str(path), str(timing.repeat)],
                capture_output=True,
                text=True,
                check=True,
            )
            other = float(done.stdout.split()[0])
        rows.append((n, bare, full, other))
        print(
            f"| {n:,} | {len(text.encode()) / 1e6:.1f} | {bare:.3f} | {alone:.3f} | {full:.3f} "
            f"| {full / bare:.1f}x | {floor:.3f} | {full / floor:.1f}x | {other:.3f} "
            f"| {other / full:.1f}x | {findings} |"
        )
    for (n0, bare0, full0, other0), (n1, bare1, full1, other1) in pairwise(rows):
        print(
            f"\nGrowth {n0:,} -> {n1:,} ({n1 / n0:.0f}x the statements): json.loads "
            f"{bare1 / bare0:.1f}x, loads+validate {full1 / full0:.1f}x, arguebuf "
            f"{other1 / other0:.1f}x"
        )
    n, bare, full, other = rows[-1]
    print(
        f"Targets at {n:,}: arguebuf/argmap {other / full:.1f}x (>= 5x, aim 10x); "
        f"loads+validate/json.loads {full / bare:.1f}x (<= 5x)"
    )


if __name__ == "__main__":
    main()
