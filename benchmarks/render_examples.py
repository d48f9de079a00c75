"""``argmap render`` of each example map to SVG, end to end, as the user runs it.

Run ``python -m benchmarks.render_examples [--repeat R] [FILE ...]`` (default: every
``examples/*.yaml`` that argmap reads as a map; other files, such as the tag vocabulary
``examples/tags.yaml``, are skipped and named). Each time is the best of ``--repeat``
runs (default 3) of ``argmap render FILE -o TMP/NAME.svg --renderer R`` as a subprocess,
from starting the process to its exit with the SVG written, by ``time.perf_counter``;
once with ``--renderer graphviz-pure`` and, if Graphviz ``dot`` is on PATH, once with
``--renderer graphviz``. The floor is ``python -c "import argmap"``, timed the same way.
The console script is the ``argmap`` beside ``sys.executable``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import argmap
from benchmarks.timing import machine

__all__ = ["EXAMPLES", "main", "renderers", "time_command"]

#: The example maps, at the root of the repository.
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def time_command(command: Sequence[str], repeat: int) -> float:
    """The shortest wall-clock time of ``repeat`` runs of ``command``; each must succeed."""
    times: list[float] = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = subprocess.run(command, capture_output=True, check=False)
        elapsed = time.perf_counter() - started
        if result.returncode != 0:
            raise RuntimeError(
                f"{' '.join(command)} exited with {result.returncode}: "
                f"{result.stderr.decode(errors='replace').strip()}"
            )
        times.append(elapsed)
    return min(times)


def renderers() -> list[str]:
    """The renderers to time: ``graphviz-pure`` always, ``graphviz`` if ``dot`` is on PATH."""
    names = ["graphviz-pure"]
    if shutil.which("dot") is not None:
        names.append("graphviz")
    return names


def _dot_version() -> str:
    dot = shutil.which("dot")
    if dot is None:
        return "Graphviz dot: not on PATH"
    result = subprocess.run([dot, "-V"], capture_output=True, text=True, check=False)
    return f"Graphviz: {(result.stderr or result.stdout).strip()} ({dot})"


def main(argv: list[str] | None = None) -> None:
    """Time the renders and print the table."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.render_examples",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files", nargs="*", type=Path, help="maps to render (default: examples/*.yaml)"
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per timing, best kept (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    # The worked examples by name, as the main job draws them (their own options);
    # or the files given.
    files: list[Path] = args.files or [argmap.examples.path(n) for n in argmap.examples.names()]
    console = Path(sys.executable).parent / "argmap"
    if not console.exists():
        parser.error(f"no argmap console script beside the interpreter: {console}")
    names = renderers()
    print(machine())
    print(_dot_version())
    print(
        f"best of {args.repeat} runs by time.perf_counter, process start to exit "
        f"({console} render --example NAME|FILE -o TMP/NAME.svg --renderer R)"
    )
    floor = time_command([sys.executable, "-c", "import argmap"], args.repeat)
    print("\n| example | nodes | renderer | seconds | SVG kB |")
    print("|---|---:|---|---:|---:|")
    print(f'| (python -c "import argmap") | - | - | {floor:.3f} | - |')
    skipped: list[str] = []
    with tempfile.TemporaryDirectory(prefix="argmap-bench-") as temporary:
        for path in files:
            try:
                nodes = len(argmap.read(path).nodes)
            except argmap.ArgmapError as error:
                # Not a map (examples/tags.yaml is the tag vocabulary), or a broken one.
                skipped.append(f"{path.name} ({str(error).splitlines()[0]})")
                continue
            for name in names:
                out = Path(temporary) / f"{path.stem}-{name}.svg"
                which = ["--example", path.stem] if not args.files else [str(path)]
                command = [str(console), "render", *which, "-o", str(out), "--renderer", name]
                seconds = time_command(command, args.repeat)
                size = out.stat().st_size / 1e3
                print(f"| {path.name} | {nodes:,} | {name} | {seconds:.3f} | {size:.1f} |")
    for note in skipped:
        print(f"\nskipped, not a readable map: {note}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
