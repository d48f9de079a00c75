"""Pages, slides and bitmaps: the canvas a drawing is fitted to, and the DOT that fits it."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from types import MappingProxyType

import attrs

__all__ = [
    "BITMAP_FORMATS",
    "DPI_RANGE",
    "Fit",
    "Layout",
    "MIN_TEXT",
    "MIN_TEXT_RANGE",
    "OPTIONS",
    "PAGES",
    "PAGE_DPI",
    "PDF_FRAME",
    "SIZE_RANGE",
    "Sheet",
    "check_dpi",
    "fit",
    "parse_ratio",
    "parse_size",
    "read_layout",
    "sheet",
]

#: The paper sizes ``page`` names, portrait, in points (1/72 inch): ISO A4 and A3, US Letter.
PAGES: Mapping[str, tuple[float, float]] = MappingProxyType(
    {"a4": (595.28, 841.89), "letter": (612.0, 792.0), "a3": (841.89, 1190.55)}
)
#: The white border a page keeps on every side, in points (half an inch, 12.7 mm).
_PAGE_MARGIN = 36.0
#: The border of a ``size`` or ``ratio`` canvas (a slide or a screen): an eighth of an inch.
_EDGE_MARGIN = 9.0
#: ``size``'s width and height, in inches: an index card to a wall poster.
SIZE_RANGE = (1.0, 200.0)
#: The steepest aspect ``ratio`` takes, either way round (10:1 to 1:10).
_STEEPEST = 10.0
#: ``dpi``: dots per inch of PNG and JPEG drawings, a whole number in this range.
DPI_RANGE = range(36, 601)
#: ``min_font_pt``: the smallest text size a fitted drawing may print at, in points;
#: by default that of captions in the built-in themes.
MIN_TEXT = 8.0
MIN_TEXT_RANGE = (1.0, 72.0)
#: The options of the engine's drawing functions that this module checks.
OPTIONS = ("page", "landscape", "size", "ratio", "dpi", "min_font_pt")
#: The border Graphviz leaves around a PDF drawing (its default ``margin``), points.
PDF_FRAME = 36.0
#: The pixels per inch of a PNG or JPEG of a paper page (``page``) when no ``dpi`` is given:
#: enough for its smallest text to print legibly; other bitmaps get Graphviz's 96.
PAGE_DPI = 150

#: The formats drawn in pixels, which ``dpi`` applies to.
BITMAP_FORMATS = frozenset({"png", "jpeg", "jpg"})


@attrs.frozen
class Sheet:
    """Where a drawing goes: a canvas of ``width`` by ``height`` points, or of their ratio only.

    >>> sheet(page="a4", landscape=True).name
    'A4 landscape'
    """

    name: str
    width: float
    height: float
    #: The border kept free on every side, points.
    margin: float
    #: True: the canvas is exactly width by height and the drawing shrinks to fit it;
    #: False: only the proportions count, and the drawing is never scaled.
    fixed: bool
    #: The smallest text the drawing may print at when it shrinks, points.
    min_text: float
    #: The paper size named (a key of :data:`PAGES`), if the canvas is a page, and its way.
    page: str | None = attrs.field(default=None, kw_only=True)
    landscape: bool = attrs.field(default=False, kw_only=True)


def sheet(
    *,
    page: str | None = None,
    landscape: bool = False,
    size: tuple[float, float] | str | None = None,
    ratio: str | tuple[float, float] | float | None = None,
    min_font_pt: float = MIN_TEXT,
) -> Sheet | None:
    """The canvas these options ask for, None for none; bad values are a ``ValueError``.

    >>> slide = sheet(size="13.33,7.5")
    >>> slide.name, slide.width, slide.height
    ('13.33 by 7.5 in', 959.76, 540.0)
    >>> sheet(page="a5")
    Traceback (most recent call last):
    ...
    ValueError: page must be one of a4, letter, a3; got 'a5'
    """
    choices = (("page", page), ("size", size), ("ratio", ratio))
    given = [name for name, value in choices if value is not None]
    if len(given) > 1:
        raise ValueError(f"give one of page, size and ratio, not {' and '.join(given)}")
    if not isinstance(landscape, bool):
        raise ValueError(f"landscape must be True or False; got {landscape!r}")
    if landscape and page is None:
        raise ValueError("landscape turns a page: give a page too (page='a4')")
    least = _min_text(min_font_pt)
    if page is not None:
        if page not in PAGES:
            raise ValueError(f"page must be one of {', '.join(PAGES)}; got {page!r}")
        width, height = PAGES[page]
        if landscape:
            width, height = height, width
        way = "landscape" if landscape else "portrait"
        name = "Letter" if page == "letter" else page.upper()
        margin = _PAGE_MARGIN
        return Sheet(
            f"{name} {way}", width, height, margin, True, least, page=page, landscape=landscape
        )
    if size is not None:
        inches = parse_size(size) if isinstance(size, str) else _size(size)
        wide, high = round(inches[0] * 72, 2), round(inches[1] * 72, 2)
        return Sheet(f"{inches[0]:g} by {inches[1]:g} in", wide, high, _EDGE_MARGIN, True, least)
    if ratio is not None:
        if isinstance(ratio, str):
            wide, high = parse_ratio(ratio)
        elif isinstance(ratio, tuple | list) and len(ratio) == 2:
            wide, high = _ratio(ratio[0], ratio[1], ratio)
        else:
            wide, high = _ratio(ratio, 1.0, ratio)
        return Sheet(f"{wide:g}:{high:g}", wide, high, _EDGE_MARGIN, False, least)
    return None


def _number(value: object) -> float | None:
    """``value`` as a finite float, if it is a number (not a bool)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)


def _min_text(value: object) -> float:
    low, high = MIN_TEXT_RANGE
    number = _number(value)
    if number is None or not low <= number <= high:
        raise ValueError(
            f"min_font_pt must be a number of points from {low:g} to {high:g}; got {value!r}"
        )
    return number


_SIZE_HELP = (
    f"size must be a width and a height in inches, each from {SIZE_RANGE[0]:g} to "
    f"{SIZE_RANGE[1]:g}, as 'W,H' (13.33,7.5 for a 16:9 slide)"
)


def parse_size(text: str) -> tuple[float, float]:
    """``W,H`` in inches, as ``--size`` takes it.

    >>> parse_size("10, 7.5")
    (10.0, 7.5)
    """
    parts = text.split(",")
    try:
        numbers = tuple(float(part) for part in parts)
    except ValueError:
        raise ValueError(f"{_SIZE_HELP}; got {text!r}") from None
    if len(numbers) != 2:
        raise ValueError(f"{_SIZE_HELP}; got {text!r}")
    return _size(numbers, text)


def _size(value: object, shown: object = None) -> tuple[float, float]:
    low, high = SIZE_RANGE
    if isinstance(value, tuple | list) and len(value) == 2:
        numbers = [_number(part) for part in value]
        if all(n is not None and low <= n <= high for n in numbers):
            return (float(value[0]), float(value[1]))
    raise ValueError(f"{_SIZE_HELP}; got {value if shown is None else shown!r}")


_RATIO_HELP = (
    f"ratio must be width:height, two numbers above 0 ('16:9', (4, 3)) or their quotient, "
    f"from 1:{_STEEPEST:g} to {_STEEPEST:g}:1"
)


def parse_ratio(text: str) -> tuple[float, float]:
    """``W:H``, as ``--ratio`` takes it.

    >>> parse_ratio("16:9")
    (16.0, 9.0)
    """
    parts = text.split(":")
    try:
        wide, high = (float(part) for part in parts)
    except ValueError:
        raise ValueError(f"{_RATIO_HELP}; got {text!r}") from None
    return _ratio(wide, high, text)


def _ratio(wide: object, high: object, shown: object = None) -> tuple[float, float]:
    first, second = _number(wide), _number(high)
    if (
        first is not None
        and second is not None
        and first > 0
        and second > 0
        and 1 / _STEEPEST <= first / second <= _STEEPEST
    ):
        return (first, second)
    raise ValueError(f"{_RATIO_HELP}; got {wide if shown is None else shown!r}")


def check_dpi(dpi: object, format: str) -> None:
    """Refuse a ``dpi`` out of :data:`DPI_RANGE`, or given for a format not drawn in pixels.

    >>> check_dpi(300, "svg")
    Traceback (most recent call last):
    ...
    ValueError: dpi applies to PNG and JPEG drawings only, not 'svg'
    """
    if dpi is None:
        return
    if type(dpi) is not int or dpi not in DPI_RANGE:
        raise ValueError(
            f"dpi must be a whole number of dots per inch from {DPI_RANGE[0]} to "
            f"{DPI_RANGE[-1]}; got {dpi!r}"
        )
    if format not in BITMAP_FORMATS:
        raise ValueError(f"dpi applies to PNG and JPEG drawings only, not {format!r}")


@attrs.frozen
class Layout:
    """A laid-out drawing at full size: its bounding box and its smallest text, in points."""

    width: float
    height: float
    smallest_text: float


def read_layout(data: bytes) -> Layout:
    """The layout of a renderer's ``-Tjson`` output.

    >>> read_layout(b'{"bb": "0,0,200,100", "_ldraw_": [{"op": "F", "size": 9.0}]}')
    Layout(width=200.0, height=100.0, smallest_text=9.0)
    """
    graph = json.loads(data)
    left, bottom, right, top = (float(part) for part in graph.get("bb", "0,0,1,1").split(","))
    sizes = [float(str(op["size"])) for op in _ops(graph) if op.get("op") == "F"]
    # Never nothing to scale: an empty drawing counts as a point square.
    return Layout(max(right - left, 1), max(top - bottom, 1), min(sizes, default=math.inf))


def _ops(value: object) -> Iterator[Mapping[str, object]]:
    """Every xdot drawing operation in the JSON, wherever it sits."""
    if isinstance(value, dict):
        if "op" in value:
            yield value
        for inner in value.values():
            yield from _ops(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _ops(inner)


@attrs.frozen
class Fit:
    """How a drawing fits its sheet: the scale, the DOT graph attributes, or why it cannot."""

    scale: float
    attributes: Mapping[str, str]
    #: Why the drawing may not shrink this far (its text would be too small), else None.
    problem: str | None = None


def _advice(paper: Sheet, direction: str) -> str:
    """What to do when a drawing would print too small on ``paper``, laid out ``direction``."""
    ways = []
    if paper.page is not None and not paper.landscape:
        ways.append("turn the page (--landscape)")
    if paper.page is not None and paper.page != "a3":
        ways.append("take a bigger page (--page a3)")
    ways.append("split it across pages (--split; render_pages in Python)")
    ways.append("draw one branch at a time (--focus NODE --depth K)")
    ways.append(f"lay it out {'TB' if direction in ('LR', 'RL') else 'LR'} (--direction)")
    ways.append("allow smaller text (--min-text PT; min_font_pt in Python)")
    return f"{', '.join(ways[:-1])} or {ways[-1]}"


def fit(
    paper: Sheet, layout: Layout, *, text_size: float, direction: str = "TB", frame: float = 0
) -> Fit:
    """The graph attributes that put the drawing in the middle of ``paper``, shrunk to fit.

    ``frame`` is the border the renderer adds outside the drawing itself, unscaled
    (:data:`PDF_FRAME` in PDF). ``text_size`` (the statements' size) and ``direction``
    (the layout's) are for the message when the drawing cannot fit.

    >>> dict(fit(sheet(ratio="2:1"), Layout(100, 100, 8), text_size=11).attributes)
    {'pad': '0.944444,0.125000'}
    >>> print(fit(sheet(page="a4"), Layout(1000, 500, 8), text_size=11).problem[:60])
    the drawing is too big for A4 portrait: shrunk to fit it (52
    """
    border = max(paper.margin, frame)
    if paper.fixed:
        width, height = paper.width, paper.height
        scale = min((width - 2 * border) / layout.width, (height - 2 * border) / layout.height, 1)
    else:
        scale = 1.0
        width, height = layout.width + 2 * border, layout.height + 2 * border
        aspect = paper.width / paper.height
        width, height = max(width, height * aspect), max(height, width / aspect)
    # The minimum is for the statements, which must stay readable; the kind captions above
    # them are smaller by design and may print below it.
    statements = text_size * scale
    if scale < 1 and statements < paper.min_text - 1e-9:
        problem = (
            f"the drawing is too big for {paper.name}: shrunk to fit it ({scale:.0%}), its "
            f"statements would print at {statements:.1f} pt (its captions at "
            f"{layout.smallest_text * scale:.1f} pt), below the minimum of "
            f"{paper.min_text:g} pt; {_advice(paper, direction)}"
        )
        return Fit(scale, {}, problem)
    # Renderers scale the padding with the drawing: pad it to fill the canvas within the
    # frame. (No ``margin``: clusters would inherit it, and the layout change.)
    inner_width, inner_height = width - 2 * frame, height - 2 * frame
    pad_x = (inner_width / scale - layout.width) / 2
    pad_y = (inner_height / scale - layout.height) / 2
    attributes = {"pad": f"{pad_x / 72:.6f},{pad_y / 72:.6f}"}
    if scale < 1:
        attributes["size"] = f"{inner_width / 72:.6f},{inner_height / 72:.6f}"
    return Fit(scale, MappingProxyType(attributes))
