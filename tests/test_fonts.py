"""The same picture with either renderer: text in a sans font, centred in its box, SVG and PNG."""

from __future__ import annotations

import json
import struct
import xml.etree.ElementTree as ET
import zlib
from typing import Any

import attrs
import pytest

import argmap
from argmap.render import RendererName
from argmap.render._fonts import SVG_FAMILIES

SVG = "{http://www.w3.org/2000/svg}"

#: Advance widths of the printable ASCII characters (space to ``~``) in Arimo, per 2,048 em:
#: those of Arial and Liberation Sans too (metric-compatible fonts), and of graphviz-pure's
#: Helvetica table. Read from LiberationSans-Regular.ttf (its ``hmtx`` table).
ARIMO = (
    *(569, 569, 727, 1139, 1139, 1821, 1366, 391, 682, 682, 797, 1196, 569, 682, 569, 569),
    *(1139,) * 10,
    *(569, 569, 1196, 1196, 1196, 1139, 2079, 1366, 1366, 1479, 1479, 1366, 1251, 1593, 1479),
    *(569, 1024, 1366, 1139, 1706, 1479, 1593, 1366, 1593, 1479, 1366, 1251, 1479, 1366, 1933),
    *(1366, 1366, 1251, 569, 569, 569, 961, 1139, 682, 1139, 1139, 1024, 1139, 1139, 569, 1139),
    *(1139, 455, 455, 1024, 455, 1706, 1139, 1139, 1139, 1139, 682, 1024, 569, 1139, 1024),
    *(1479, 1024, 1024, 1024, 684, 532, 684, 1196),
)
#: How far (in points) a line's centre may be from its box's: a fraction of a letter.
TOLERANCE = 1.0
#: The same in a PNG, where the ink of the first and last letters stands for the line's
#: ends (side bearings, anti-aliasing): still well under the 13 pt, on average, that
#: graphviz-pure's PNG lines were off when it measured one font and drew another.
PNG_TOLERANCE = 3.0


#: Each test searches for a renderer afresh (see tests/conftest.py).
pytestmark = pytest.mark.usefixtures("fresh_search")


@pytest.fixture(scope="module")
def sejong() -> argmap.ArgumentMap:
    return argmap.examples.load("sejong")


def arimo_width(text: str, size: float) -> float | None:
    """The width of ``text`` in Arimo at ``size`` points; None if it is not all ASCII."""
    if not all(" " <= char <= "~" for char in text):
        return None
    return sum(ARIMO[ord(char) - 32] for char in text) * size / 2048


def measured(layout: dict[str, Any]) -> dict[tuple[str, float], float]:
    """Each line's width as the renderer measured it, by its text and its x."""
    widths = {}
    for item in layout["objects"]:
        for op in item.get("_ldraw_", []):
            if op["op"] == "T":
                widths[op["text"], round(op["pt"][0], 2)] = op["width"]
    return widths


def box_centre(group: ET.Element) -> float | None:
    """The x of the middle of a node's box (path or polygon), None for a junction's dot."""
    xs = []
    for shape in group:
        if shape.tag == f"{SVG}polygon":
            xs += [float(point.split(",")[0]) for point in (shape.get("points") or "").split()]
        elif shape.tag == f"{SVG}path":
            numbers = (shape.get("d") or "").replace("M", " ").replace("C", " ").split()
            xs += [float(point.split(",")[0]) for point in numbers]
    return (min(xs) + max(xs)) / 2 if xs else None


Pixel = tuple[int, int, int]


def paeth(left: int, up: int, corner: int) -> int:
    """PNG's Paeth predictor: of the three neighbours, the one nearest ``left + up - corner``."""
    guess = left + up - corner
    return min(
        (abs(guess - left), 0, left), (abs(guess - up), 1, up), (abs(guess - corner), 2, corner)
    )[2]


def png_rows(data: bytes) -> list[list[Pixel]]:
    """The pixels of an 8-bit RGB or RGBA PNG (alpha dropped), row by row."""
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    at, compressed, header = 8, b"", b""
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        header = body if kind == b"IHDR" else header
        compressed += body if kind == b"IDAT" else b""
        at += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert (depth, colour, interlace) in ((8, 2, 0), (8, 6, 0)), (depth, colour, interlace)
    step = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(compressed), width * step + 1
    rows, previous = [], bytearray(stride - 1)
    for y in range(height):
        kind, line = raw[y * stride], bytearray(raw[y * stride + 1 : (y + 1) * stride])
        for i, value in enumerate(line):
            left, up = line[i - step] if i >= step else 0, previous[i]
            corner = previous[i - step] if i >= step else 0
            guesses = (0, left, up, (left + up) // 2, paeth(left, up, corner))
            line[i] = (value + guesses[kind]) & 255
        rows.append([(line[x], line[x + 1], line[x + 2]) for x in range(0, stride - 1, step)])
        previous = line
    return rows


def ink_offsets(rows: list[list[Pixel]], fill: str) -> list[float]:
    """For each line of text in the box filled ``fill``: its ink's centre minus the box's, in px."""
    red, green, blue = bytes.fromhex(fill.lstrip("#"))
    inside = [
        (x, y)
        for y, row in enumerate(rows)
        for x, pixel in enumerate(row)
        if pixel == (red, green, blue)
    ]
    assert inside, f"no box filled {fill}"
    left, right = min(x for x, _ in inside), max(x for x, _ in inside)
    top, bottom = min(y for _, y in inside), max(y for _, y in inside)
    offsets, band = [], []
    for y in range(top, bottom + 2):
        ink = [
            x
            for x in range(left, right + 1)
            if y <= bottom and max(rows[y][x]) < 110 and max(rows[y][x]) - min(rows[y][x]) < 40
        ]
        if ink:
            band += ink
        elif band:
            offsets.append((min(band) + max(band)) / 2 - (left + right) / 2)
            band = []
    return offsets


def test_svg_text_is_centred_in_every_node_of_sejong(
    renderer: RendererName, sejong: argmap.ArgumentMap
) -> None:
    # Widths in the font that draws the text: graphviz-pure's PNG and its SVG's first
    # choice is Arimo; system Graphviz draws in the font it measured.
    options = argmap.examples.drawing_options("sejong")
    svg = ET.fromstring(argmap.to_svg(sejong, renderer=renderer, **options))
    layout = json.loads(argmap.render_bytes(sejong, "json", renderer=renderer, **options))
    widths = measured(layout)
    lines = 0
    for group in svg.iter(f"{SVG}g"):
        centre = box_centre(group)
        if group.get("class") != "node" or centre is None:
            continue
        for text in group.iter(f"{SVG}text"):
            assert text.get("text-anchor") == "start"
            line, x = text.text or "", float(text.get("x", 0))
            width = widths[line, x]
            if renderer == "graphviz-pure":
                width = arimo_width(line, float(text.get("font-size", 0))) or width
            assert abs(x + width / 2 - centre) <= TOLERANCE, (line, x + width / 2, centre)
            lines += 1
    assert lines > 3 * len(sejong.nodes)  # a caption and a few lines each, the legend's too


def test_graphviz_pure_measures_the_text_as_wide_as_it_draws_it(
    sejong: argmap.ArgumentMap,
) -> None:
    layout = json.loads(argmap.render_bytes(sejong, "json", renderer="graphviz-pure"))
    size = None
    checked = 0
    for item in layout["objects"]:
        assert item.get("fontname", "Arimo") == "Arimo", item["name"]
        for op in item.get("_ldraw_", []):
            if op["op"] == "F":
                size = op["size"]
            width = arimo_width(op.get("text", ""), size) if op["op"] == "T" and size else None
            if width is not None:
                assert op["width"] == pytest.approx(width, rel=0.002), op
                checked += 1
    assert checked > 100


@pytest.mark.parametrize(
    ("fonts", "family"),
    [
        (None, SVG_FAMILIES["Arimo"]),  # Noto Sans, CJK fallbacks, sans-serif
        (("DejaVu Sans",), SVG_FAMILIES["Arimo"]),  # measured, but drawn in a serif
        (("Georgia", "Times", "serif"), "Times"),
        (("Georgia", "serif"), SVG_FAMILIES["Tinos"]),
        (("Fira Mono", "monospace"), SVG_FAMILIES["Cousine"]),
        (("Helvetica",), "Helvetica,sans-Serif"),
    ],
)
def test_graphviz_pure_draws_a_theme_in_a_font_it_measures_and_draws_alike(
    fonts: tuple[str, ...] | None, family: str
) -> None:
    amap = argmap.MapBuilder("T").claim("c", "A claim.", main=True).build()
    theme = argmap.THEMES["default"]
    theme = theme if fonts is None else attrs.evolve(theme, fonts=fonts)
    svg = ET.fromstring(argmap.to_svg(amap, renderer="graphviz-pure", theme=theme))
    assert {text.get("font-family") for text in svg.iter(f"{SVG}text")} == {family}
    assert theme.fonts[0] in argmap.to_dot(amap, theme=theme)  # the theme itself is unchanged


def test_png_text_is_centred_in_its_box(renderer: RendererName) -> None:
    amap = (
        argmap.MapBuilder("T")
        .claim("c", "Schools should let pupils choose what they wear to class.", main=True)
        .premise("p", "A full set of uniforms costs a family about $200 every year.", supports="c")
        .build()
    )
    theme = argmap.THEMES["default"]
    # At 72 dots per inch, a pixel is a point.
    png = argmap.render_bytes(amap, "png", renderer=renderer, legend=False, dpi=72)
    rows = png_rows(png)
    for fill in (theme.claim.fill, theme.premise.fill):
        offsets = ink_offsets(rows, fill)
        assert offsets, fill  # lines whose letters touch are one band: system Graphviz's
        assert max(map(abs, offsets)) <= PNG_TOLERANCE, (fill, offsets)
