"""Reading and validating synthetic maps, against the bare parse of the same text.

Run ``python -m benchmarks.read_validate [--sizes N ...] [--formats json yaml] [--repeat R]``.
Missing data files are generated first (see ``benchmarks.generate``). Every time is the best
of ``--repeat`` runs (``time.perf_counter``; short timings run until they add up to
``--min-time`` seconds), each after ``gc.collect()`` with the garbage collector left on, as a
user's program has it (``--gc-off`` turns it off while timing).
Peak memory is measured in a fresh subprocess per file: its peak RSS after the work minus
the same after its imports (VmHWM on Linux, ``ru_maxrss`` elsewhere).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal

import attrs
import yaml

import argmap
from benchmarks.generate import DATA, data_path, write_files
from benchmarks.timing import Timing, add_timing_options, best_of, machine, timing_from

__all__ = ["Row", "main", "measure", "peak_memory"]

#: The target of the issue: read + validate within this many times the bare parse.
TARGET_RATIO = 3.0

LIBYAML = bool(getattr(yaml, "__with_libyaml__", False)) and hasattr(yaml, "CSafeLoader")
_YAML_LOADER: Any = yaml.CSafeLoader if LIBYAML else yaml.SafeLoader
_BASELINE_NAME = {
    "json": "json.loads(text)",
    "yaml": f"yaml.load(text, Loader=yaml.{_YAML_LOADER.__name__})",
}

# The child that measures peak memory: its RSS high-water mark after the imports, then after
# the work. On Linux it reads VmHWM from /proc/self/status: ru_maxrss would not do, because
# the kernel carries the parent's high-water mark over fork and exec into the child's
# ru_maxrss (and into RUSAGE_CHILDREN), so a child of a large benchmark process would report
# the parent's size. Elsewhere it falls back to ru_maxrss.
_CHILD = """
import json, resource, sys
import yaml
import argmap

def high_water():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale

work, fmt, path = sys.argv[1:4]
before = high_water()
if work == "argmap":
    result = argmap.validate(argmap.read(path, max_bytes=None))
else:
    with open(path, encoding="utf-8") as stream:
        text = stream.read()
    if fmt == "json":
        data = json.loads(text)
    else:
        loader = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
        data = yaml.load(text, Loader=loader)
print(before, high_water())
"""


@attrs.frozen
class Row:
    """The measurements for one file (times in seconds, sizes in bytes)."""

    nodes: int
    file_bytes: int
    parse: float
    loads: float
    read: float
    validate: float
    total: float
    peak: int | None
    parse_peak: int | None
    findings: int

    @property
    def ratio(self) -> float:
        """Read + validate over the bare parse."""
        return self.total / self.parse


def peak_memory(work: str, fmt: str, path: Path) -> int:
    """Peak RSS growth, in bytes, of a fresh interpreter doing only ``work`` on ``path``.

    ``work`` is ``"argmap"`` (``argmap.read`` + ``argmap.validate``) or ``"parse"``
    (reading the text and the bare parse).
    """
    root = Path(__file__).resolve().parent.parent
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, (str(root), os.environ.get("PYTHONPATH")))),
    }
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, work, fmt, str(path)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    before, after = (int(value) for value in result.stdout.split())
    return after - before


def _baseline(fmt: str, text: str) -> Callable[[], object]:
    if fmt == "json":
        return lambda: json.loads(text)
    return lambda: yaml.load(text, Loader=_YAML_LOADER)


def _read_and_validate(
    text: str, form: Literal["json", "yaml"]
) -> tuple[argmap.ArgumentMap, tuple[argmap.Finding, ...]]:
    """Read and validate; the map is returned too, so it is freed after the clock stops."""
    amap = argmap.loads(text, format=form, max_bytes=None)
    return amap, argmap.validate(amap)


def _time_validate(amap: argmap.ArgumentMap, timing: Timing) -> tuple[float, int]:
    """The time ``validate`` takes on ``amap``, and how many findings it has."""
    return best_of(lambda: argmap.validate(amap), timing), len(argmap.validate(amap))


def measure(
    n: int, fmt: str, timing: Timing, *, memory: bool = True, directory: Path = DATA
) -> Row:
    """Time the bare parse, ``loads``, ``read``, ``validate`` and both together on one file.

    Only the text is alive while the parse and the reads are timed: with the collector on,
    a full collection's cost grows with everything alive, so a map kept from an earlier
    step would slow the later ones down.
    """
    path = data_path(n, fmt, directory)
    if not path.exists():
        print(f"  (generating {path.name} ...)", file=sys.stderr)
        write_files(n, directory=directory, formats=(fmt,))
    text = path.read_text("utf-8")
    form: Literal["json", "yaml"] = "json" if fmt == "json" else "yaml"
    parse = best_of(_baseline(fmt, text), timing)
    loads = best_of(lambda: argmap.loads(text, format=form, max_bytes=None), timing)
    read = best_of(lambda: argmap.read(path, max_bytes=None), timing)
    total = best_of(lambda: _read_and_validate(text, form), timing)
    validate, findings = _time_validate(argmap.loads(text, format=form, max_bytes=None), timing)
    peak = peak_memory("argmap", fmt, path) if memory else None
    parse_peak = peak_memory("parse", fmt, path) if memory else None
    return Row(
        n, path.stat().st_size, parse, loads, read, validate, total, peak, parse_peak, findings
    )


# -- printing ---------------------------------------------------------------------------------

_COLUMNS = (
    ("nodes", 8),
    ("file MB", 8),
    ("parse ms", 9),
    ("loads ms", 9),
    ("read ms", 9),
    ("valid. ms", 9),
    ("total ms", 9),
    ("total/parse", 11),
    ("peak MiB", 9),
    ("parse MiB", 9),
    ("findings", 8),
)


def _mib(value: int | None) -> str:
    return "-" if value is None else f"{value / 2**20:.1f}"


def _cells(row: Row) -> tuple[str, ...]:
    return (
        f"{row.nodes:,}",
        f"{row.file_bytes / 1e6:.2f}",
        f"{row.parse * 1e3:.1f}",
        f"{row.loads * 1e3:.1f}",
        f"{row.read * 1e3:.1f}",
        f"{row.validate * 1e3:.1f}",
        f"{row.total * 1e3:.1f}",
        f"{row.ratio:.2f}x",
        _mib(row.peak),
        _mib(row.parse_peak),
        str(row.findings),
    )


def _line(cells: Sequence[str]) -> str:
    return "| " + " | ".join(c.rjust(w) for c, (_, w) in zip(cells, _COLUMNS, strict=True)) + " |"


def print_table(fmt: str, rows: Sequence[Row]) -> None:
    """The table for one format, as Markdown."""
    print(f"\n### {fmt.upper()} (baseline: {_BASELINE_NAME[fmt]})\n")
    print(_line([name for name, _ in _COLUMNS]))
    print("|" + "|".join("-" * (w + 1) + ":" for _, w in _COLUMNS) + "|")
    for row in rows:
        print(_line(_cells(row)))


def print_growth(rows: Sequence[Row]) -> None:
    """How each time grows from one size to the next (linear growth is the size ratio)."""
    for small, large in itertools.pairwise(rows):
        scale = large.nodes / small.nodes

        def grow(attribute: str, small: Row = small, large: Row = large) -> str:
            return f"{getattr(large, attribute) / getattr(small, attribute):.1f}x"

        memory = ""
        if small.peak and large.peak:
            memory = f", peak memory {large.peak / small.peak:.1f}x"
        print(
            f"\ngrowth {small.nodes:,} -> {large.nodes:,} nodes ({scale:.0f}x): "
            f"parse {grow('parse')}, loads {grow('loads')}, validate {grow('validate')}, "
            f"total {grow('total')}{memory}"
        )


def print_verdict(fmt: str, rows: Sequence[Row]) -> None:
    """Whether the issue's targets are met, for the JSON rows at 10k and 100k nodes."""
    by_size = {row.nodes: row for row in rows}
    if fmt != "json" or 100000 not in by_size:
        return
    large = by_size[100000]
    met = "MET" if large.ratio <= TARGET_RATIO else "NOT MET"
    print(
        f"\ntarget: read + validate of 100,000 nodes within {TARGET_RATIO:.0f}x json.loads: "
        f"{met} ({large.ratio:.2f}x)"
    )
    if 10000 in by_size:
        small = by_size[10000]
        growth = large.total / small.total
        parse_growth = large.parse / small.parse
        # Linear: no worse than 10x, with 25% slack for cache and collector effects.
        linear = "MET" if growth <= 12.5 else "NOT MET"
        print(
            f"target: linear growth 10,000 -> 100,000 (total <= 12.5x): {linear} "
            f"(total {growth:.1f}x); the bare parse itself grew {parse_growth:.1f}x, "
            f"total/parse went from {small.ratio:.2f}x to {large.ratio:.2f}x"
        )


def main(argv: list[str] | None = None) -> None:
    """Measure and print the tables."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.read_validate",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_timing_options(parser, repeat=5)
    parser.add_argument(
        "--formats",
        nargs="+",
        choices=("json", "yaml"),
        default=["json", "yaml"],
        help="formats (default: %(default)s)",
    )
    parser.add_argument(
        "--gc-off", action="store_true", help="disable the garbage collector while timing"
    )
    parser.add_argument(
        "--no-memory", dest="memory", action="store_false", help="skip the peak-memory subprocesses"
    )
    parser.add_argument(
        "--data", type=Path, default=DATA, help="data directory (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    timing = timing_from(parser, args, gc_off=args.gc_off)
    sizes = sorted(set(args.sizes))
    print(machine())
    print(
        f"PyYAML {yaml.__version__}, libyaml {'present' if LIBYAML else 'ABSENT'} "
        f"(baseline loader {_YAML_LOADER.__name__}; argmap reads the events of "
        f"{'libyaml' if LIBYAML else 'the pure-Python parser'}, no node tree)"
    )
    print(
        f"best of {args.repeat} runs by {timing.clock.__name__}; garbage collector "
        f"{'off' if args.gc_off else 'on'} while timing, collected before each run"
    )
    for fmt in args.formats:
        rows = []
        for n in sizes:
            print(f"  measuring {fmt} {n:,} ...", file=sys.stderr, flush=True)
            rows.append(measure(n, fmt, timing, memory=args.memory, directory=args.data))
        print_table(fmt, rows)
        print_growth(rows)
        print_verdict(fmt, rows)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
