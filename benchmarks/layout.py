"""How the worked examples lay out, and how fast dot lays out a large map.

Run ``python -m benchmarks.layout [--renderer graphviz|graphviz-pure] [--repeat R]``.

For each example, drawn with the options it is best drawn with
(``argmap.examples.drawing_options``) and laid out once with ``-Tjson``:

- **aspect**: the drawing's width over its height (legend and caption included);
- **crossings**: pairs of relation edges whose splines cross, counted on the polylines
  through each spline's control points; edges that share an end are not counted, nor the
  legend's sample arrows;
- **A4 text**: the size in points of the statements' text and of the smallest text (the
  kind captions), ``statements / captions``, once the whole drawing is scaled to fit an
  A4 page, portrait and landscape, with 1.5 cm margins; the drawing is never enlarged;
- **A4 pages**: how many pages ``argmap render --split --page a4`` prints the example on,
  portrait and landscape, with every statement at 8 pt or more.

Then the layout time of a generated 1,000-node map (``benchmarks.generate``): argmap's DOT
against the plainest DOT of the same graph (only ``a -> b`` lines, no attributes), each the
best of ``--repeat`` runs of ``dot -Tplain`` (or graphviz-pure) as a subprocess; the ratio
is argmap's over the plainest (the issue's target: within 2x).
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from argmap.render import RendererName

import argmap
from benchmarks.generate import synthetic_map
from benchmarks.timing import machine

__all__ = ["Layout", "crossings", "layout", "main"]

#: A4 in points, and the margin on each side (1.5 cm).
A4 = (595.3, 841.9)
MARGIN = 1.5 / 2.54 * 72
#: The size of statements' text in the default theme, points (the captions' is smaller).
STATEMENT = float(argmap.THEMES["default"].fontsize)
_FONT = re.compile(r"fontsize=\"?([0-9.]+)")

Point = tuple[float, float]
Segment = tuple[Point, Point]


def _tool(renderer: str) -> str:
    path = shutil.which("dot") if renderer == "graphviz" else shutil.which("graphviz-pure")
    if path is None:
        raise SystemExit(f"benchmarks.layout: no {renderer} renderer on PATH")
    return path


def layout(source: str, tool: str) -> dict[str, object]:
    """The renderer's JSON layout of a DOT source."""
    done = subprocess.run([tool, "-Tjson"], input=source.encode(), capture_output=True, check=True)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def _points(pos: str) -> list[Point]:
    """The control points of an edge's ``pos`` (``e,x,y`` / ``s,x,y`` ends dropped)."""
    points = []
    for part in pos.split():
        fields = part.split(",")
        if fields[0] in ("e", "s"):
            continue
        points.append((float(fields[0]), float(fields[1])))
    return points


def _cross(a: Segment, b: Segment) -> bool:
    def turn(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    d1, d2 = turn(b[0], b[1], a[0]), turn(b[0], b[1], a[1])
    d3, d4 = turn(a[0], a[1], b[0]), turn(a[0], a[1], b[1])
    return d1 * d2 < 0 and d3 * d4 < 0


def crossings(drawn: dict[str, object]) -> int:
    """Pairs of edges (not the legend's, not sharing an end) whose splines cross."""
    objects = drawn.get("objects", [])
    assert isinstance(objects, list)
    names = {item["_gvid"]: item.get("name", "") for item in objects}
    edges = []
    for edge in drawn.get("edges", []):  # type: ignore[attr-defined]
        ends = (names.get(edge["tail"], ""), names.get(edge["head"], ""))
        if any(str(end).startswith("legend ") for end in ends) or "pos" not in edge:
            continue
        points = _points(edge["pos"])
        edges.append((set(ends), list(itertools.pairwise(points))))
    count = 0
    for (ends_a, segs_a), (ends_b, segs_b) in itertools.combinations(edges, 2):
        if ends_a & ends_b:
            continue
        if any(_cross(a, b) for a in segs_a for b in segs_b):
            count += 1
    return count


class Layout:
    """The measurements of one drawing."""

    def __init__(self, source: str, drawn: dict[str, object]) -> None:
        box = [float(v) for v in str(drawn["bb"]).split(",")]
        self.width, self.height = box[2] - box[0], box[3] - box[1]
        self.aspect = self.width / self.height
        self.crossings = crossings(drawn)
        self.smallest = min(float(size) for size in _FONT.findall(source))

    def printed(self, page: Point) -> float:
        """The smallest text size, in points, with the drawing fitted to ``page``."""
        usable = (page[0] - 2 * MARGIN, page[1] - 2 * MARGIN)
        scale = min(usable[0] / self.width, usable[1] / self.height, 1.0)
        return self.smallest * scale


def _plainest(amap: argmap.ArgumentMap) -> str:
    """The same graph with nothing but its edges: every node id, every relation's ends."""
    lines = ["digraph {"]
    lines.extend(f'  "{node.id}"' for node in amap.nodes)
    ids = {node.id for node in amap.nodes}
    for relation in amap.relations:
        target = relation.target if relation.target in ids else relation.by[0]
        lines.extend(f'  "{target}" -> "{ident}"' for ident in relation.by)
    lines.append("}")
    return "\n".join(lines)


def _best(command: Sequence[str], source: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, input=source.encode(), capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return min(times)


def _pages(name: str, renderer: str, *, landscape: bool) -> int:
    """How many A4 pages ``argmap render --split`` prints the example on, at 8 pt or more."""
    amap = argmap.examples.load(name)
    options = argmap.examples.drawing_options(name)
    with tempfile.TemporaryDirectory() as folder:
        drawn = argmap.render_pages(
            amap,
            Path(folder, "page.svg"),
            page="a4",
            landscape=landscape,
            renderer=cast("RendererName", renderer),
            **options,
        )
    return len(drawn)


def _rows(tool: str, renderer: str) -> Iterator[str]:
    for name in argmap.examples.names():
        source = argmap.to_dot(argmap.examples.load(name), **argmap.examples.drawing_options(name))
        measured = Layout(source, layout(source, tool))
        fonts = [measured.printed(page) for page in (A4, (A4[1], A4[0]))]
        statements = [size / measured.smallest * STATEMENT for size in fonts]
        split = [_pages(name, renderer, landscape=turn) for turn in (False, True)]
        yield (
            f"| {name} | {measured.width / 72:.1f} x {measured.height / 72:.1f} in | "
            f"{measured.aspect:.2f} | {measured.crossings} | "
            f"{statements[0]:.1f} / {fonts[0]:.1f} pt | {statements[1]:.1f} / {fonts[1]:.1f} pt | "
            f"{split[0]} / {split[1]} |"
        )


def main(argv: list[str] | None = None) -> None:
    """Print the layout table of the examples and the 1k-node layout timing."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.layout")
    parser.add_argument("--renderer", choices=("graphviz", "graphviz-pure"), default="graphviz")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    tool = _tool(args.renderer)
    print(machine())
    print(f"renderer: {args.renderer} ({tool})\n")
    print(
        "| example | size | aspect (w/h) | crossings | A4 portrait text | A4 landscape text "
        "| A4 pages (portrait / landscape) |"
    )
    print("|---|---|---|---|---|---|---|")
    for row in _rows(tool, args.renderer):
        print(row)
    amap = synthetic_map(1000)
    ours = _best([tool, "-Tplain"], argmap.to_dot(amap, legend=False), args.repeat)
    floor = _best([tool, "-Tplain"], _plainest(amap), args.repeat)
    print(
        f"\n1,000-node map, layout with -Tplain: argmap's DOT {ours:.2f} s, plainest DOT "
        f"{floor:.2f} s, ratio {ours / floor:.2f}x"
    )


if __name__ == "__main__":
    main()
