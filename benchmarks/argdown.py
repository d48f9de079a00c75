"""Reading Argdown, whole process: argmap against the Argdown CLI's ``json`` command.

Run ``python -m benchmarks.argdown [--sizes N ...] [--repeat R] [--argdown PATH]``. The files
are the synthetic maps of ``benchmarks.generate`` written by argmap's Argdown writer, into
``benchmarks/data/synthetic-N.argdown``. Each whole-process time is the best of ``--repeat``
runs of a fresh process, by the wall clock around it (start-up and imports included, as a
user running a command sees it):

- argmap read: ``python -c "argmap.read(FILE, format='argdown')"``, which also prints the
  number of nodes read, checked against N (so every timed run checks the file reads back);
- argmap read+validate: the same, then ``argmap.validate`` on the map;
- Argdown CLI: ``argdown json FILE OUTDIR`` (parses and writes the JSON export), given by
  ``--argdown`` (e.g. ``/tmp/argdown-cli/node_modules/.bin/argdown``, installed with
  ``npm install --prefix /tmp/argdown-cli @argdown/cli``; never into the project). Without
  it that column is skipped. It runs as ``node --stack-size=KB CLI`` with
  ``--node-stack-size`` (default 4000 KB, inside Linux's default 8 MB stack): with node's
  default (about 984 KB) the CLI's parser overflows the stack on the 100k file
  (``RangeError: Maximum call stack size exceeded``). ``--node-stack-size 0`` runs the CLI
  as it is installed.

The floor is in-process: reading the file's text and splitting it into lines, which any
reader of a line-based syntax must do at least (``json.loads`` of the CLI's output would
measure another, ten times larger text). ``--timeout`` stops a process that runs longer and
reports the time as "> T".
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

from argmap.formats.argdown import write
from benchmarks.generate import DATA, synthetic_map
from benchmarks.timing import Timing, add_timing_options, best_of, machine, timing_from

__all__ = ["argdown_file", "main"]

#: What the argmap subprocess runs: read (and validate with "validate"), print the node count.
_CHILD = """
import sys
import argmap
path, work = sys.argv[1:3]
amap = argmap.read(path, format="argdown", max_bytes=None)
if work == "validate":
    argmap.validate(amap)
print(len(amap.nodes))
"""


def argdown_file(n: int, directory: Path = DATA) -> Path:
    """The Argdown text of the synthetic map of ``n`` nodes, written if it is not there."""
    path = directory / f"synthetic-{n}.argdown"
    if not path.exists():
        print(f"  (writing {path.name} ...)", file=sys.stderr, flush=True)
        directory.mkdir(parents=True, exist_ok=True)
        exported = write(synthetic_map(n))
        part = path.with_suffix(".argdown.part")
        part.write_text(exported.text, "utf-8")
        part.replace(path)
    return path


#: The commands that failed, one line each, printed under the table.
FAILURES: list[str] = []


def _env() -> dict[str, str]:
    root = str(Path(__file__).resolve().parent.parent)
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, (root, os.environ.get("PYTHONPATH")))),
    }


def _run(command: list[str], timeout: float) -> tuple[float, str]:
    """Wall-clock seconds of one run of ``command`` (inf past ``timeout``), and its stdout."""
    started = time.perf_counter()
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, check=True, timeout=timeout, env=_env()
        )
    except subprocess.TimeoutExpired:
        return float("inf"), ""
    except subprocess.CalledProcessError as failed:  # reported under the table, not fatal
        said = (failed.stderr or failed.stdout or "").strip().splitlines()
        FAILURES.append(
            f"{Path(command[0]).name} {' '.join(command[1:2])} on {command[2:3]}: "
            f"exit {failed.returncode}, {said[0] if said else 'no message'}"
        )
        return -1.0, ""
    return time.perf_counter() - started, done.stdout


def _best(command: list[str], repeat: int, timeout: float, expect: int | None = None) -> float:
    """The best of ``repeat`` runs; stops after a run that timed out."""
    best = float("inf")
    for _ in range(repeat):
        elapsed, out = _run(command, timeout)
        if elapsed == float("inf"):
            break
        if elapsed < 0:  # the command failed
            return -1.0
        if expect is not None and int(out.split()[-1]) != expect:
            sys.exit(f"{command}: read {out.split()[-1]} nodes, expected {expect}")
        best = min(best, elapsed)
    return best


def _script(cli: str) -> str:
    """The JavaScript file an ``argdown`` executable (often a link to it) runs."""
    return str(Path(shutil.which(cli) or cli).resolve())


def _floor(path: Path, timing: Timing) -> float:
    def split() -> list[str]:
        return path.read_text("utf-8").splitlines()

    return best_of(split, timing)


def _seconds(value: float, timeout: float) -> str:
    if value == float("inf"):
        return f"> {timeout:.0f}"
    if value < 0:
        return "failed"
    if math.isnan(value):  # not measured
        return "-"
    return f"{value:.2f}"


def _ratio(top: float, bottom: float) -> str:
    if math.isnan(top) or math.isnan(bottom) or math.isinf(top) or math.isinf(bottom):
        return "-"
    if top < 0 or bottom < 0:
        return "-"
    return f"{top / bottom:.2f}x"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_timing_options(parser, repeat=3)
    parser.set_defaults(sizes=[10_000, 100_000])
    parser.add_argument("--argdown", help="the Argdown CLI (its `argdown` executable)")
    parser.add_argument(
        "--node-stack-size",
        type=int,
        default=4000,
        metavar="KB",
        help="run the CLI as `node --stack-size=KB CLI`; 0 runs it as it is (default: %(default)s)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=1800.0,
        help="give up on a process after this many seconds (default: %(default)s)",
    )
    parser.add_argument(
        "--no-validate",
        dest="validate",
        action="store_false",
        help="skip the read+validate column",
    )
    parser.add_argument(
        "--data", type=Path, default=DATA, help="data directory (default: %(default)s)"
    )
    return parser


def _cli_command(parser: argparse.ArgumentParser, cli: str | None, stack: int) -> list[str]:
    """How to run the Argdown CLI (empty without one), printed with its version."""
    if cli is None:
        print("Argdown CLI: not given (--argdown PATH), its column is skipped")
        return []
    if shutil.which(cli) is None:
        parser.error(f"--argdown {cli}: not an executable")
    version = subprocess.run([cli, "--version"], check=False, capture_output=True, text=True)
    print(f"Argdown CLI: {cli} {version.stdout.strip()}")
    if not stack:
        return [cli]
    node = shutil.which("node")
    if node is None:
        parser.error("--node-stack-size needs `node` on the PATH (or pass 0)")
    command = [node, f"--stack-size={stack}", _script(cli)]
    print(f"run as: {' '.join(command)}")
    return command


def main(argv: list[str] | None = None) -> None:
    """Print the table, the growth from one size to the next and the target."""
    parser = _parser()
    args = parser.parse_args(argv)
    timing = timing_from(parser, args)
    print(machine())
    print(f"best of {timing.repeat} whole-process runs, wall clock; floor in-process")
    cli = _cli_command(parser, args.argdown, args.node_stack_size)
    start_up, _ = _run([sys.executable, "-c", "import argmap"], args.timeout)
    print(f"python -c 'import argmap' alone: {start_up:.2f} s")
    print()
    print(
        "| nodes | file MB | floor s | argmap read s | argmap read+validate s "
        "| Argdown CLI s | CLI/argmap read |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    rows: list[tuple[int, float, float, float]] = []
    nan = float("nan")
    for n in sorted(set(args.sizes)):
        path = argdown_file(n, args.data)
        floor = _floor(path, timing)
        print(f"  timing {path.name} ...", file=sys.stderr, flush=True)
        child = [sys.executable, "-c", _CHILD, str(path)]
        read = _best([*child, "read"], timing.repeat, args.timeout, n)
        full = _best([*child, "validate"], timing.repeat, args.timeout, n) if args.validate else nan
        other = nan
        if cli:
            with tempfile.TemporaryDirectory() as out:
                other = _best([*cli, "json", str(path), out], timing.repeat, args.timeout)
        rows.append((n, read, full, other))
        print(
            f"| {n:,} | {path.stat().st_size / 1e6:.2f} | {floor:.3f} "
            f"| {_seconds(read, args.timeout)} | {_seconds(full, args.timeout)} "
            f"| {_seconds(other, args.timeout)} | {_ratio(other, read)} |",
            flush=True,
        )
    _summary(rows)


def _summary(rows: list[tuple[int, float, float, float]]) -> None:
    """The growth from each size to the next, the failures, and the target."""
    for (n0, read0, full0, other0), (n1, read1, full1, other1) in pairwise(rows):
        print(
            f"\nGrowth {n0:,} -> {n1:,} ({n1 / n0:.3g}x the nodes): argmap read "
            f"{_ratio(read1, read0)}, read+validate {_ratio(full1, full0)}, Argdown CLI "
            f"{_ratio(other1, other0)}"
        )
    for failure in FAILURES:
        print(f"Failed: {failure}")
    n, read, _, other = rows[-1]
    if other < 0:
        print(f"Target at {n:,}: the Argdown CLI failed on the file; argmap read it")
    elif not math.isnan(other):
        met = "MET" if read < other else "NOT MET"
        print(
            f"Target at {n:,}: argmap read faster than the Argdown CLI: {met} ({other / read:.2f}x)"
        )


if __name__ == "__main__":
    main()
