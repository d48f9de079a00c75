"""Pages, slides and bitmaps: canvas sizes, the minimum text size, the print theme, the CLI."""

from __future__ import annotations

import math
import os
import re
import shutil
import struct
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.cli import main
from argmap.render import RendererName, edge_style, node_style

ROOT = Path(__file__).resolve().parent.parent
SEJONG = ROOT / "examples" / "sejong.yaml"
#: The paper sizes in points, portrait: ISO 216 A4 and A3 (in millimetres), US Letter.
PAPER = {"a4": (210 / 25.4 * 72, 297 / 25.4 * 72), "a3": (297 / 25.4 * 72, 420 / 25.4 * 72)}
PAPER["letter"] = (8.5 * 72, 11 * 72)
#: A map small enough for any page at full size.
TINY = """\
title: Uniforms
nodes:
  optional: {claim: School uniforms should be optional., main: true}
  cost: {premise: A set costs $200 a year., supports: optional}
"""
#: A map with every kind of arrow.
SMALL = """\
title: Uniforms
nodes:
  optional: {claim: School uniforms should be optional., main: true}
  cost: {premise: A full set costs families about $200 a year., supports: optional}
  belong: {rebuttal: Uniforms give pupils a sense of belonging., attacks: optional}
  anyway: {rebuttal: Families would buy those clothes anyway., attacks: cost->optional}
"""


#: Each test searches for a renderer afresh (see tests/conftest.py).
pytestmark = pytest.mark.usefixtures("fresh_search")


@pytest.fixture(scope="module")
def sejong() -> argmap.ArgumentMap:
    return argmap.read(SEJONG)


@pytest.fixture(scope="module")
def small() -> argmap.ArgumentMap:
    return argmap.loads(SMALL)


@pytest.fixture(scope="module")
def tiny() -> argmap.ArgumentMap:
    return argmap.loads(TINY)


@pytest.fixture
def dot() -> RendererName:
    """System Graphviz, the renderer that writes PDF."""
    if shutil.which("dot") is None:
        if os.environ.get("ARGMAP_REQUIRE_GRAPHVIZ") == "1":
            pytest.fail("ARGMAP_REQUIRE_GRAPHVIZ=1 but Graphviz 'dot' is not on PATH")
        pytest.skip("Graphviz 'dot' is not on PATH (CI installs it and runs these)")
    return "graphviz"


def svg_size(svg: bytes) -> tuple[float, float]:
    """The width and height an SVG asks for, in points."""
    found = re.search(rb'<svg[^>]*? width="([\d.]+)pt" height="([\d.]+)pt"', svg)
    assert found is not None, svg[:500]
    return float(found[1]), float(found[2])


def png_size(png: bytes) -> tuple[int, int]:
    """A PNG's width and height in pixels, from its header."""
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def pdf_media_box(pdf: bytes) -> tuple[float, float]:
    """The width and height of a one-page PDF's media box, in points."""
    boxes = re.findall(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert len(boxes) == 1, boxes
    left, bottom, right, top = map(float, boxes[0])
    return right - left, top - bottom


def paper(name: str, landscape: bool) -> tuple[float, float]:
    width, height = PAPER[name]
    return (height, width) if landscape else (width, height)


def close(got: tuple[float, float], expected: tuple[float, float], within: float = 1) -> bool:
    """Equal up to the renderers' rounding to whole points (or pixels)."""
    return all(abs(a - b) <= within for a, b in zip(got, expected, strict=True))


# -- the canvas is the page ------------------------------------------------------------------

PAGES = [("a4", False), ("a4", True), ("letter", False), ("a3", True)]


@pytest.mark.parametrize(("name", "landscape"), PAGES)
def test_a_pdf_media_box_is_the_page(
    dot: RendererName, name: str, landscape: bool, tiny: argmap.ArgumentMap
) -> None:
    pdf = argmap.render_bytes(tiny, "pdf", renderer=dot, page=name, landscape=landscape)
    assert close(pdf_media_box(pdf), paper(name, landscape))


@pytest.mark.parametrize(("name", "landscape"), PAGES)
def test_an_svg_is_the_size_of_the_page(
    renderer: RendererName, name: str, landscape: bool, tiny: argmap.ArgumentMap
) -> None:
    svg = argmap.render_bytes(tiny, "svg", renderer=renderer, page=name, landscape=landscape)
    assert close(svg_size(svg), paper(name, landscape))


@pytest.mark.parametrize("dpi", [72, 150, 300])
def test_a_png_has_the_pixels_of_the_page_at_its_dpi(
    renderer: RendererName, dpi: int, tiny: argmap.ArgumentMap
) -> None:
    png = argmap.render_bytes(tiny, "png", renderer=renderer, page="a4", dpi=dpi)
    width, height = PAPER["a4"]
    assert close(png_size(png), (width / 72 * dpi, height / 72 * dpi), within=2)


def test_a_png_of_a_paper_page_is_150_dpi_unless_told_and_other_canvases_96(
    renderer: RendererName, tiny: argmap.ArgumentMap
) -> None:
    png = argmap.render_bytes(tiny, "png", renderer=renderer, page="a4")
    width, height = PAPER["a4"]
    assert close(png_size(png), (width / 72 * 150, height / 72 * 150), within=2)
    png = argmap.render_bytes(tiny, "png", renderer=renderer, size="8,5")
    assert close(png_size(png), (8 * 96, 5 * 96), within=2)


def test_a_map_too_big_for_the_page_shrinks_onto_it_when_allowed(
    renderer: RendererName, sejong: argmap.ArgumentMap
) -> None:
    options: dict[str, Any] = {"page": "a4", "landscape": True, "min_font_pt": 1}
    svg = argmap.render_bytes(sejong, "svg", renderer=renderer, **options)
    assert close(svg_size(svg), paper("a4", True))
    png = argmap.render_bytes(sejong, "png", renderer=renderer, dpi=100, **options)
    width, height = paper("a4", True)
    assert close(png_size(png), (width / 72 * 100, height / 72 * 100), within=2)


def test_a_pdf_of_a_map_too_big_for_the_page_is_one_page_of_its_size(
    dot: RendererName, sejong: argmap.ArgumentMap
) -> None:
    pdf = argmap.render_bytes(sejong, "pdf", renderer=dot, page="a3", min_font_pt=1)
    assert close(pdf_media_box(pdf), PAPER["a3"])


def test_a_slide_size_is_the_canvas_in_inches(
    renderer: RendererName, sejong: argmap.ArgumentMap, tiny: argmap.ArgumentMap
) -> None:
    svg = argmap.render_bytes(sejong, "svg", renderer=renderer, size=(13.33, 7.5), min_font_pt=2)
    assert close(svg_size(svg), (13.33 * 72, 7.5 * 72))
    png = argmap.render_bytes(tiny, "png", renderer=renderer, size="8,5", dpi=100)
    assert close(png_size(png), (800, 500), within=2)


@pytest.mark.parametrize("ratio", ["16:9", "4:3", (1, 2), 2.5])
def test_a_ratio_pads_the_drawing_to_its_proportions_without_scaling(
    renderer: RendererName, ratio: Any, small: argmap.ArgumentMap
) -> None:
    plain = svg_size(argmap.render_bytes(small, "svg", renderer=renderer))
    width, height = svg_size(argmap.render_bytes(small, "svg", renderer=renderer, ratio=ratio))
    if isinstance(ratio, str):
        wide, high = map(float, ratio.split(":"))
    else:
        wide, high = ratio if isinstance(ratio, tuple) else (ratio, 1)
    assert abs(width / height - wide / high) < 0.02
    assert width >= plain[0] and height >= plain[1]
    assert min(width - plain[0], height - plain[1]) < 20  # padded one way only


# -- the minimum text size -------------------------------------------------------------------


def refusal(sejong: argmap.ArgumentMap, **options: Any) -> str:
    with pytest.raises(argmap.RenderError) as caught:
        argmap.render_bytes(sejong, "svg", **{"renderer": "graphviz-pure", **options})
    return str(caught.value)


def test_a_map_that_would_print_too_small_is_refused_with_what_to_do(
    sejong: argmap.ArgumentMap,
) -> None:
    message = refusal(sejong, page="a4")
    assert re.fullmatch(
        r"the drawing is too big for A4 portrait: shrunk to fit it \(\d+%\), its statements "
        r"would print at \d\.\d pt \(its captions at \d\.\d pt\), below the minimum of 8 pt; "
        r"turn the page \(--landscape\), take a bigger page \(--page a3\), split it across "
        r"pages \(--split; render_pages in Python\), draw one branch at a time \(--focus NODE "
        r"--depth K\), lay it out LR \(--direction\) or allow smaller text \(--min-text PT; "
        r"min_font_pt in Python\)",
        message,
    )


def test_the_advice_leaves_out_what_is_already_done(sejong: argmap.ArgumentMap) -> None:
    message = refusal(sejong, page="a3", landscape=True, direction="LR")
    assert "too big for A3 landscape" in message
    assert "--landscape" not in message and "--page a3" not in message
    assert "lay it out TB (--direction)" in message
    assert "too big for 10 by 7.5 in:" in refusal(sejong, size="10,7.5")


def test_the_minimum_is_for_the_statements_as_printed(sejong: argmap.ArgumentMap) -> None:
    message = refusal(sejong, page="a4", landscape=True)
    found = re.search(r"its statements would print at (\d\.\d) pt", message)
    assert found is not None
    printed = float(found[1])
    options: dict[str, Any] = {"page": "a4", "landscape": True, "renderer": "graphviz-pure"}
    assert argmap.render_bytes(sejong, "svg", min_font_pt=printed - 0.1, **options)
    assert "below the minimum of" in refusal(sejong, min_font_pt=printed + 0.1, **options)


def test_a_refused_drawing_leaves_no_file(tmp_path: Path, sejong: argmap.ArgumentMap) -> None:
    with pytest.raises(argmap.RenderError, match="too big for A4 portrait"):
        argmap.render_file(sejong, tmp_path / "m.svg", page="a4", renderer="graphviz-pure")
    assert os.listdir(tmp_path) == []


def test_a_map_that_fits_is_never_enlarged(tiny: argmap.ArgumentMap) -> None:
    plain = argmap.render_bytes(tiny, "svg", renderer="graphviz-pure")
    paged = argmap.render_bytes(tiny, "svg", renderer="graphviz-pure", page="a3")
    scale = re.compile(rb'transform="scale\(([\d.]+) ([\d.]+)\)')
    assert scale.findall(plain) == scale.findall(paged) == [(b"1", b"1")]


# -- bad values ------------------------------------------------------------------------------

SIZE = "size must be a width and a height in inches, each from 1 to 200, as 'W,H'"
RATIO = "ratio must be width:height, two numbers above 0 ('16:9', (4, 3)) or their quotient"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"page": "a5"}, "page must be one of a4, letter, a3; got 'a5'"),
        ({"page": "A4"}, "page must be one of a4, letter, a3; got 'A4'"),
        ({"landscape": True}, "landscape turns a page: give a page too (page='a4')"),
        ({"page": "a4", "landscape": "yes"}, "landscape must be True or False; got 'yes'"),
        ({"page": "a4", "size": (5, 5)}, "give one of page, size and ratio, not page and size"),
        ({"size": "5,5", "ratio": "16:9"}, "give one of page, size and ratio, not size and ratio"),
        ({"size": (0, 3)}, f"{SIZE} (13.33,7.5 for a 16:9 slide); got (0, 3)"),
        ({"size": "5x3"}, f"{SIZE} (13.33,7.5 for a 16:9 slide); got '5x3'"),
        ({"size": "5,3,1"}, f"{SIZE} (13.33,7.5 for a 16:9 slide); got '5,3,1'"),
        ({"size": (201, 3)}, f"{SIZE} (13.33,7.5 for a 16:9 slide); got (201, 3)"),
        ({"size": (math.nan, 3)}, f"{SIZE} (13.33,7.5 for a 16:9 slide); got (nan, 3)"),
        ({"ratio": "16/9"}, f"{RATIO}, from 1:10 to 10:1; got '16/9'"),
        ({"ratio": "0:1"}, f"{RATIO}, from 1:10 to 10:1; got '0:1'"),
        ({"ratio": "100:1"}, f"{RATIO}, from 1:10 to 10:1; got '100:1'"),
        ({"ratio": True}, f"{RATIO}, from 1:10 to 10:1; got True"),
        ({"min_font_pt": 0}, "min_font_pt must be a number of points from 1 to 72; got 0"),
        ({"min_font_pt": 73}, "min_font_pt must be a number of points from 1 to 72; got 73"),
        ({"min_font_pt": "8"}, "min_font_pt must be a number of points from 1 to 72; got '8'"),
        ({"dpi": 10}, "dpi must be a whole number of dots per inch from 36 to 600; got 10"),
        ({"dpi": 300.0}, "dpi must be a whole number of dots per inch from 36 to 600; got 300.0"),
        ({"dpi": True}, "dpi must be a whole number of dots per inch from 36 to 600; got True"),
    ],
)
def test_bad_page_options_are_refused_before_anything_runs(
    options: dict[str, Any], message: str, tmp_path: Path, small: argmap.ArgumentMap
) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        argmap.render_file(small, tmp_path / "m.png", **options)
    with pytest.raises(ValueError, match=re.escape(message)):
        argmap.draw(small, **options)
    assert os.listdir(tmp_path) == []


def test_dpi_is_for_bitmaps_only(small: argmap.ArgumentMap) -> None:
    message = "dpi applies to PNG and JPEG drawings only, not 'svg'"
    with pytest.raises(ValueError, match=re.escape(message)):
        argmap.render_bytes(small, "svg", dpi=300)
    with pytest.raises(ValueError, match=re.escape(message)):
        argmap.draw(small, dpi=300)


def test_the_dot_source_has_no_page(small: argmap.ArgumentMap) -> None:
    with pytest.raises(ValueError, match=r"^page, size, ratio and dpi are for drawings; the DOT"):
        argmap.render_bytes(small, "dot", page="a4")


# -- the print theme -------------------------------------------------------------------------

PRINT = argmap.THEMES["print"]
DEFAULT = argmap.THEMES["default"]


def test_print_theme_tells_every_two_marks_apart_without_colour() -> None:
    arrows = [edge_style(PRINT, kind) for kind in ("support", "attack", "undercut")]
    assert len({(a.style, a.arrowhead) for a in arrows}) == 3
    assert len({a.arrowhead for a in arrows}) == 3
    nodes = [node_style(PRINT, kind) for kind in ("claim", "premise", "rebuttal")]
    assert len({(n.shape, n.style) for n in nodes}) == 3
    assert PRINT.undercut.arrowhead == "obox" and PRINT.attack.arrowhead == "tee"


@pytest.mark.parametrize("kind", ["support", "attack", "undercut"])
def test_print_theme_lines_are_heavier_than_on_screen(kind: str) -> None:
    printed, screen = edge_style(PRINT, kind), edge_style(DEFAULT, kind)
    assert float(printed.penwidth) > float(screen.penwidth)
    assert float(printed.penwidth) >= 1.5
    assert printed.color == "#000000"


def test_print_theme_draws_and_explains_the_undercut_mark(small: argmap.ArgumentMap) -> None:
    source = argmap.to_dot(small, theme="print")
    assert re.search(r'"junction \d+" -> anyway \[arrowtail=obox [^]]*penwidth=2\.5', source)
    assert re.search(r"optional -> belong \[arrowtail=tee [^]]*penwidth=2 ", source)
    assert re.search(r'"legend undercut to" -> "legend undercut" \[arrowtail=obox ', source)


# -- the command line ------------------------------------------------------------------------


def test_cli_draws_on_a_landscape_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "small.yaml"
    source.write_text(TINY, encoding="utf-8")
    output = tmp_path / "small.png"
    argv = ["render", str(source), "-o", str(output), "--renderer", "graphviz-pure"]
    assert main([*argv, "--page", "a4", "--landscape", "--dpi", "150", "--theme", "print"]) == 0
    assert capsys.readouterr().err.startswith(f"argmap: wrote {str(output)!r} with graphviz")
    width, height = PAPER["a4"]
    assert close(png_size(output.read_bytes()), (height / 72 * 150, width / 72 * 150), within=2)


def test_cli_size_ratio_min_text_and_timeout_reach_the_drawing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "sejong.svg"
    argv = ["render", str(SEJONG), "-o", str(output), "--renderer", "graphviz-pure"]
    assert main([*argv, "--size", "13.33,7.5", "--min-text", "2", "--timeout", "120"]) == 0
    assert close(svg_size(output.read_bytes()), (13.33 * 72, 7.5 * 72))
    assert main([*argv, "--ratio", "16:9"]) == 0
    width, height = svg_size(output.read_bytes())
    assert abs(width / height - 16 / 9) < 0.01


def test_cli_refuses_a_map_that_would_print_too_small(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "sejong.svg"
    argv = ["render", str(SEJONG), "-o", str(output), "--renderer", "graphviz-pure"]
    assert main([*argv, "--page", "a4"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        f"argmap: error: cannot draw {str(output)!r}: the drawing is too big for A4 portrait"
    )
    assert "--focus NODE --depth K" in err and "--min-text PT" in err
    assert not output.exists()


@pytest.mark.parametrize(
    ("flags", "output", "said"),
    [
        (["--landscape"], "m.svg", "--landscape turns a page: give --page too"),
        (["--dpi", "300"], "m.svg", "--dpi is for PNG and JPEG drawings; {out} is SVG"),
        (["--page", "a4"], "m.dot", "--page is for drawings; {out} is the DOT source"),
        (
            ["--dpi", "30"],
            "m.png",
            "argument --dpi: expected a whole number from 36 to 600, got 30",
        ),
        (
            ["--dpi", "x"],
            "m.png",
            "argument --dpi: expected a whole number from 36 to 600, got 'x'",
        ),
        (["--page", "a5"], "m.svg", "argument --page: invalid choice: 'a5'"),
        (["--size", "0,3"], "m.svg", "argument --size: size must be a width and a height in"),
        (["--ratio", "16"], "m.svg", "argument --ratio: ratio must be width:height"),
        (["--page", "a4", "--size", "5,5"], "m.svg", "argument --size: not allowed with"),
        (["--min-text", "0"], "m.svg", "expected a number of points from 1 to 72, got '0'"),
        (["--timeout", "0"], "m.svg", "expected a number of seconds above 0 and at most 86,400"),
        (["--timeout", "inf"], "m.svg", "expected a number of seconds above 0 and at most"),
        (["--timeout", "86401"], "m.svg", "at most 86,400, got '86401'"),
    ],
)
def test_cli_page_options_out_of_range_are_usage_errors(
    flags: list[str], output: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / output)
    assert main(["render", str(SEJONG), "-o", out, *flags]) == 2
    assert said.format(out=repr(out)) in capsys.readouterr().err
    assert os.listdir(tmp_path) == []


@pytest.mark.skipif(os.name != "posix", reason="the fake renderer is a shell script")
def test_the_time_limit_says_what_to_do_and_the_cli_sets_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "slow-dot"
    script.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = -V ]; then echo "dot - graphviz version 9.9.9 (0)" >&2; exit 0; fi\n'
        'if [ "$1" = "-T?" ]; then echo \'Use one of: svg\' >&2; exit 1; fi\n'
        "exec sleep 5\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    monkeypatch.setenv("ARGMAP_DOT", str(script))
    output = tmp_path / "m.svg"
    assert main(["render", str(SEJONG), "-o", str(output), "--timeout", "0.2"]) == 1
    assert capsys.readouterr().err == (
        f"argmap: error: cannot draw {str(output)!r}: {str(script)!r} did not finish within "
        "0.2 seconds; draw less of the map at once (one branch: --focus NODE --depth K; "
        "across pages: --page a4 --split), wrap texts narrower (a smaller --label-width), "
        "try the other renderer (--renderer graphviz-pure or graphviz: graphviz-pure lays "
        "out very deep maps faster), or allow more time (--timeout SECONDS; timeout= in "
        "Python)\n"
    )
