"""A map too big for one page, drawn across pages: an overview, then a page per branch."""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from argmap._files import replace_file
from argmap.argument_map import ArgumentMap
from argmap.render import page as pages
from argmap.render._captions import CAPTION_WIDTH, caption
from argmap.render._evaluation import semantics_note, shown_labels
from argmap.render._split_plan import Page, Planner
from argmap.render._stubs import add_stubs
from argmap.render._text import escape, isolated_lines
from argmap.render.engine import (
    Renderer,
    RendererName,
    RenderError,
    _drawing,
    _format_of,
    _renderer,
    _unsupported,
)
from argmap.render.labels import wrap
from argmap.render.options import Direction, DrawingOptions, drawing_options, theme_of
from argmap.render.writer import Block

__all__ = ["SplitPage", "render_pages"]


@attrs.frozen
class SplitPage:
    """One page of a map drawn across pages by :func:`render_pages`.

    ``shows`` is what its caption says it shows, after ``page N of M:``; ``node`` is the
    node a branch is drawn around (None for the overview, or a map that fits one page),
    ``depth`` how many levels below it (None: all); ``nodes`` are the ids drawn, in the
    map's order; ``text_size`` is the size its statements print at, in points; ``path``
    the file it is in.
    """

    number: int
    shows: str
    node: str | None
    depth: int | None
    nodes: tuple[str, ...]
    text_size: float
    path: str


def _say(number: int, count: int, shows: str, notes: Sequence[str]) -> str:
    """``Page N of M: WHAT (NOTE; NOTE)``."""
    said = f" ({'; '.join(notes)})" if notes else ""
    return f"Page {number} of {count}: {shows}{said}"


def _measured(page: Page) -> str:
    """How a page is captioned while the pages are chosen: numbers as wide as they come."""
    return _say(88, 88, page.shows, ["from page 88", "continued on pages 88-88"])


def _headings(plan: Sequence[Page]) -> list[str]:
    """Each page's ``Page N of M: WHAT (from page P; continued on pages A-B, C)``."""
    headings = []
    for index, page in enumerate(plan):
        notes = [] if page.parent is None else [f"from page {page.parent + 1}"]
        below = [n for n in range(index + 1, len(plan)) if _descends(plan, n, index)]
        if below:
            notes.append(f"continued on page{'s' if len(below) > 1 else ''} {_spans(below)}")
        headings.append(_say(index + 1, len(plan), page.shows, notes))
    return headings


def _spans(indices: Sequence[int]) -> str:
    """The page numbers of these page indices, runs joined: ``3-5, 8``."""
    runs: list[list[int]] = []
    for number in (index + 1 for index in indices):
        if runs and runs[-1][1] == number - 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


def _descends(plan: Sequence[Page], index: int, ancestor: int) -> bool:
    parent = plan[index].parent
    while parent is not None and parent != ancestor:
        parent = plan[parent].parent
    return parent == ancestor


def _columns(paper: pages.Sheet, text_size: float) -> int:
    """How wide a caption line may be, in columns, to fit ``paper`` at its smallest text."""
    widest = (paper.width - 2 * paper.margin) * text_size / paper.min_text
    return max(20, min(CAPTION_WIDTH, int(widest / _CAPTION_COLUMN)))


#: The way a page is drawn turned, if it does not fit the drawing's own way: the main
#: claim stays at the start, at the top instead of the left (and back).
_TURNED: dict[Direction, Direction] = {"LR": "TB", "TB": "LR", "RL": "BT", "BT": "RL"}

#: About the width of a column of the caption (14 points, Graphviz's default), in points.
_CAPTION_COLUMN = 8.0


def _job(
    amap: ArgumentMap, page: Page, heading: str, options: DrawingOptions, columns: int
) -> tuple[ArgumentMap, DrawingOptions, list[str]]:
    """What to draw for ``page``: a map, its drawing options, and more lines for its body.

    A page around one node is the map's part around it (``focus``); the overview, or a
    page of several branches, is the part itself with its stubs added. Only the overview
    has the legend. The caption is the map's, with ``heading`` under its title.
    """
    if page.direction is not None:
        options = attrs.evolve(options, direction=page.direction)
    if page.part is None:
        return amap, options, []
    shown = attrs.evolve(amap, title=f"{amap.title} · {heading}")  # the SVG's <title>
    body = Block()
    if page.overview or page.fan or len(page.roots) > 1:
        add_stubs(body, page.part, theme_of(options))
        shown = attrs.evolve(page.part.map, title=shown.title)
        drawn = attrs.evolve(
            options, legend=page.legend, evaluation=shown_labels(options.evaluation, shown)
        )
    else:
        part = page.part
        drawn = attrs.evolve(options, focus=part.node, depth=part.depth, legend=False)
    keyed = options.show_sources
    note = None if options.evaluation is None else semantics_note(options.evaluation)
    label = caption(page.part.map, keyed=keyed, note=note)
    under = "<BR/>".join(escape(line) for line in isolated_lines(wrap(heading, columns)))
    body.add(f"label={label.replace('</B>', f'</B><BR/>{under}', 1)}")
    return shown, drawn, body.lines


def render_pages(
    amap: ArgumentMap,
    path: str | os.PathLike[str],
    *,
    page: str | None = None,
    landscape: bool = False,
    size: tuple[float, float] | str | None = None,
    min_font_pt: float = pages.MIN_TEXT,
    format: str | None = None,
    renderer: Renderer | RendererName | None = None,
    timeout: float = 60,
    dpi: int | None = None,
    options: DrawingOptions | None = None,
    **overrides: Any,
) -> tuple[SplitPage, ...]:
    """Draw the map across as many pages as it takes for no statement to print too small.

    A map that fits its ``page`` (or ``size``) at ``min_font_pt`` or more is one page.
    Otherwise the first page is an overview: the main claims (or, in a map without, the
    nodes that bear on nothing) with their direct reasons and objections, or several main
    claims alone if those do not fit. Then, in reading order, each branch the overview
    cuts off gets a page: whole, several small ones sharing a page; else as many levels
    as fit, and what those cut off the pages after it; a node with too many reasons and
    objections for one page, a few of them at a time. Last come pages for what bears on
    no main claim. A page that does not fit drawn in ``direction`` is tried turned a
    quarter (``LR`` as ``TB``, ``RL`` as ``BT``, and back), its root still at its start.
    Dashed stubs show where arrows leave a page, and each page's caption
    says ``Page N of M``, what it shows, and which pages it continues and is continued
    on. Every node is on at least one page; no page is drawn below ``min_font_pt``.

    A PDF is one file of all the pages (this needs ``pypdf``: ``pip install
    'argmap[pdf]'``); other formats are one file per page, numbered: ``map.svg`` is drawn
    as ``map-1.svg``, ``map-2.svg``, ... The options are those of :func:`render_file`;
    only the overview has the legend. The pages are returned, in order.

    >>> import argmap, pathlib, tempfile
    >>> sejong = argmap.examples.load("sejong")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     drawn = render_pages(sejong, pathlib.Path(folder, "sejong.svg"), page="a4",
    ...                          landscape=True, direction="LR", renderer="graphviz-pure")
    >>> drawn[0].number, drawn[0].shows, pathlib.Path(drawn[0].path).name
    (1, 'overview: the main claim and its reasons and objections', 'sejong-1.svg')
    """
    paper = pages.sheet(page=page, landscape=landscape, size=size, min_font_pt=min_font_pt)
    if "ratio" in overrides or paper is None:
        raise ValueError(
            "render_pages splits a map across pages of a fixed size: give page "
            "(page='a4') or size, not ratio, which never shrinks a drawing"
        )
    chosen = drawing_options(options, **overrides)
    if chosen.focus is not None or chosen.depth is not None:
        raise ValueError("render_pages draws the whole map: leave out focus and depth")
    look = theme_of(chosen)
    name = os.fspath(path)
    fmt = format or _format_of(name)
    if fmt in ("dot", "gv"):
        raise ValueError("a DOT file has no pages: split into .pdf, .svg, .png or .jpg")
    pages.check_dpi(dpi, fmt)
    tool = _renderer(renderer)
    if fmt not in tool.formats:
        raise RenderError(_unsupported(tool, fmt))
    pdf = _pypdf() if fmt == "pdf" else None
    frame = pages.PDF_FRAME if fmt == "pdf" else 0
    columns = _columns(paper, float(look.fontsize))

    def scale(trial: Page) -> tuple[float, Direction | None] | None:
        # The drawing's own way first; a page that does not fit so is tried turned.
        ways: tuple[Direction | None, ...] = (None, _TURNED[chosen.direction])
        for way in ways:
            turned = attrs.evolve(trial, direction=way)
            shown, drawn, body = _job(amap, turned, _measured(turned), chosen, columns)
            laid = _drawing(shown, "json", tool, timeout, drawn, body=body)[0]
            fit = pages.fit(
                paper,
                pages.read_layout(laid),
                text_size=float(look.fontsize),
                direction=drawn.direction,
                frame=frame,
            )
            if fit.problem is None:
                return fit.scale, way
        return None

    plan = Planner(amap, scale, legend=chosen.legend).plan()
    headings = _headings(plan) if plan[0].part is not None else ["the whole map"]
    drawings = []
    for each, heading in zip(plan, headings, strict=True):
        shown, drawn, body = _job(amap, each, heading, chosen, columns)
        data = _drawing(shown, fmt, tool, timeout, drawn, paper=paper, dpi=dpi, body=body)[0]
        drawings.append(data)
    where = Path(name)
    if pdf is not None:
        files = [name] * len(plan)
        replace_file(name, _one_pdf(pdf, amap.title, drawings, headings))
    else:
        files = [
            str(where.with_name(f"{where.stem}-{n}{where.suffix}")) for n in range(1, len(plan) + 1)
        ]
        for file, data in zip(files, drawings, strict=True):
            replace_file(file, data)
    return tuple(
        SplitPage(
            number,
            each.shows,
            None if each.part is None or each.overview else each.part.node,
            None if each.part is None or each.overview else each.part.depth,
            tuple(n.id for n in (amap if each.part is None else each.part.map).nodes),
            round(float(look.fontsize) * each.scale, 2),
            file,
        )
        for number, (each, file) in enumerate(zip(plan, files, strict=True), 1)
    )


def _pypdf() -> Any:
    """The pypdf module, which joins the pages into one PDF; an error naming the extra if none."""
    try:
        import pypdf  # noqa: PLC0415 (optional: only a split PDF needs it)
    except ImportError:
        raise RenderError(
            "a PDF of several pages needs pypdf to join them: pip install 'argmap[pdf]' "
            "(or write .svg or .png, one file per page)"
        ) from None
    return pypdf


def _one_pdf(pypdf: Any, title: str, drawings: Sequence[bytes], headings: Sequence[str]) -> bytes:
    """The pages' PDFs as one, with the map's title and a bookmark per page."""
    writer = pypdf.PdfWriter()
    for data, heading in zip(drawings, headings, strict=True):
        for sheet in pypdf.PdfReader(io.BytesIO(data)).pages:
            writer.add_page(sheet)
        writer.add_outline_item(title=heading, page_number=len(writer.pages) - 1)
    writer.add_metadata({"/Title": title, "/Creator": "argmap"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
