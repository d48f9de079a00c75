"""Writing a worksheet and its answer key: PDF, SVG or one offline HTML page each."""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import attrs

from argmap._files import replace_file
from argmap.render import page as pages
from argmap.render._fonts import pure_theme
from argmap.render._worksheet_dot import blanked_map, instructions, worksheet_graph
from argmap.render.accessible import accessible_svg
from argmap.render.engine import (
    Renderer,
    RendererName,
    RenderError,
    _check_timeout,
    _pipe,
    _renderer,
    _unsupported,
)
from argmap.render.options import theme_of
from argmap.render.worksheet import Worksheet

__all__ = ["write_worksheet"]

#: The formats a worksheet is written in, by OUT's extension.
WORKSHEET_EXTENSIONS = {".pdf": "pdf", ".svg": "svg", ".html": "html", ".htm": "html"}
_PROLOGUE = re.compile(rb"\A(?:<\?xml[^>]*>|<!DOCTYPE[^>]*>|<!--.*?-->|\s)*", re.DOTALL)
#: The root's namespaces, which HTML gives inline SVG by itself: without them the page
#: names no web address at all but the map's own sources.
_NAMESPACES = re.compile(rb'\sxmlns(?::xlink)?="[^"]*"')


def key_path(path: str | os.PathLike[str]) -> str:
    """Where the answer key of a worksheet written to ``path`` goes: ``OUT-key.EXT``.

    >>> key_path("trees.pdf")
    'trees-key.pdf'
    """
    name = os.fspath(path)
    stem, extension = os.path.splitext(name)
    return f"{stem}-key{extension}"


def write_worksheet(
    sheet: Worksheet,
    path: str | os.PathLike[str],
    *,
    page: str | None = None,
    landscape: bool = False,
    min_font_pt: float = pages.MIN_TEXT,
    renderer: Renderer | RendererName | None = None,
    timeout: float = 60,
) -> tuple[str, str]:
    """Write the worksheet to ``path`` and its answer key beside it; both paths.

    The format is the one the extension names: ``.pdf``, ``.svg`` or ``.html`` (one
    offline page: the drawing inline, the word bank as a list, a print stylesheet).
    The key, ``OUT-key.EXT`` (:func:`key_path`), is the whole map with each blank's
    number (and word-bank letter) by its text. ``page`` and ``landscape`` fit both to a
    page, never below ``min_font_pt``: a map too big is refused with what to do instead.
    Both files are written, or neither.

    >>> import argmap, pathlib, tempfile
    >>> m = argmap.MapBuilder("T").claim("c", "Claim.").premise("p", "P.", supports="c").build()
    >>> out = pathlib.Path(tempfile.mkdtemp(), "t.svg")
    >>> written = write_worksheet(argmap.worksheet(m), out, renderer="graphviz-pure")
    >>> [pathlib.Path(p).name for p in written]
    ['t.svg', 't-key.svg']
    """
    name = os.fspath(path)
    extension = os.path.splitext(name)[1].lower()
    if extension not in WORKSHEET_EXTENSIONS:
        raise ValueError(
            f"cannot tell the worksheet format of {name!r} from its extension {extension!r}; "
            f"use one of {', '.join(WORKSHEET_EXTENSIONS)}"
        )
    key = key_path(name)
    sheet_data, key_data = worksheet_bytes(
        sheet,
        WORKSHEET_EXTENSIONS[extension],
        page=page,
        landscape=landscape,
        min_font_pt=min_font_pt,
        renderer=renderer,
        timeout=timeout,
    )
    before = Path(key).read_bytes() if os.path.isfile(key) else None
    replace_file(key, key_data)
    try:
        replace_file(name, sheet_data)
    except BaseException:  # put the key back as it was: both files or neither
        if before is None:
            os.remove(key)
        else:
            replace_file(key, before)
        raise
    return name, key


def worksheet_bytes(
    sheet: Worksheet,
    format: str,
    *,
    page: str | None = None,
    landscape: bool = False,
    min_font_pt: float = pages.MIN_TEXT,
    renderer: Renderer | RendererName | None = None,
    timeout: float = 60,
) -> tuple[bytes, bytes]:
    """The worksheet and its key in ``format`` (``pdf``, ``svg`` or ``html``)."""
    _check_timeout(timeout)
    paper = pages.sheet(page=page, landscape=landscape, min_font_pt=min_font_pt)
    tool = _renderer(renderer)
    drawn = "svg" if format == "html" else format
    if drawn not in tool.formats:
        raise RenderError(_unsupported(tool, drawn))
    bank = format != "html"  # a page lists the word bank in HTML, under the drawing
    pictures = [_draw(sheet, tool, drawn, paper, timeout, key=key, bank=bank) for key in (0, 1)]
    if format != "html":
        return pictures[0], pictures[1]
    return _page(sheet, pictures[0], paper, key=False), _page(sheet, pictures[1], paper, key=True)


def _draw(
    sheet: Worksheet,
    tool: Renderer,
    format: str,
    paper: pages.Sheet | None,
    timeout: float,
    *,
    key: int,
    bank: bool,
) -> bytes:
    options = sheet.options
    look = theme_of(options)
    if tool.name == "graphviz-pure":  # a font it measures as wide as it draws it
        options = attrs.evolve(options, theme=pure_theme(look))
    graph = worksheet_graph(
        sheet.map,
        sheet.blanks,
        sheet.word_bank,
        sheet.hints,
        options,
        build=sheet.variant == "build",
        key=bool(key),
        with_bank=bank,
    )
    if paper is not None:
        layout = pages.read_layout(_pipe(tool, graph.source, "json", timeout))
        frame = pages.PDF_FRAME if format == "pdf" else 0
        fitted = pages.fit(paper, layout, text_size=float(look.fontsize), frame=frame)
        if fitted.problem is not None:
            raise RenderError(_too_big(fitted.problem, paper, options.direction, bool(key)))
        graph.graph_attr.update(fitted.attributes)
    drawing = _pipe(tool, graph.source, format, timeout)
    if format == "svg":
        shown = sheet.map if key else blanked_map(sheet.map, sheet.blanks, sheet.hints)
        drawing = accessible_svg(drawing, shown)
    return drawing


def _too_big(problem: str, paper: pages.Sheet, direction: str, key: bool) -> str:
    """Why the worksheet (or its key) does not fit, and what to do: worksheets do not split."""
    said = problem.split("; ", 1)[0]
    if key:
        said = said.replace("the drawing", "the answer key", 1)
    ways = []
    if not paper.landscape:
        ways.append("turn the page (--landscape)")
    if paper.page != "a3":
        ways.append("take a bigger page (--page a3)")
    ways.append(f"lay it out {'TB' if direction in ('LR', 'RL') else 'LR'} (--direction)")
    ways.append("wrap texts narrower (--label-width)")
    ways.append("allow smaller text (--min-text PT; min_font_pt in Python)")
    ways.append("or write SVG or HTML without --page, to print scaled")
    return f"{said}; {', '.join(ways)}"


_STYLE = """\
body { font-family: "Noto Sans", Arial, sans-serif; margin: 1.5em; color: #000; background: #fff; }
h1 { font-size: 1.3em; margin: 0 0 .3em; }
.name { margin: .5em 0 1em; }
figure { margin: 0; }
figure svg { max-width: 100%; height: auto; }
ol.bank { list-style: none; padding: 0; columns: 2 22em; }
ol.bank li { margin: 0 0 .5em; break-inside: avoid; }
ol.bank b { display: inline-block; min-width: 2em; }
@media print {
  body { margin: 0; }
  figure { break-after: page; }
  figure svg { max-height: 100vh; }
}
"""


def _page(sheet: Worksheet, svg: bytes, paper: pages.Sheet | None, *, key: bool) -> bytes:
    """One self-contained HTML page: the drawing inline, then the word bank or the answers."""
    title = sheet.map.title + (" - answer key" if key else " - worksheet")
    build = sheet.variant == "build"
    size = "" if paper is None else f"@page {{ size: {paper.width:g}pt {paper.height:g}pt; }}\n"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        f"<style>\n{size}{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{html.escape(title)}</h1>",
    ]
    if not key:
        said = instructions(build=build, bank=bool(sheet.word_bank))
        parts.append(f"<p>{html.escape(said)}</p>")
        parts.append('<p class="name">Name: ____________________ Date: __________</p>')
    inline = _PROLOGUE.sub(b"", svg)
    root = inline.index(b">") + 1  # the namespaces are declared on the root only
    inline = _NAMESPACES.sub(b"", inline[:root]) + inline[root:]
    parts.append(f"<figure>\n{inline.decode('utf-8')}</figure>")
    if key:
        parts.append("<h2>Answers</h2>")
        parts.append('<ol class="bank">')
        for blank in sheet.blanks:
            letter = f" = {blank.letter}" if blank.letter else ""
            parts.append(
                f"<li><b>{blank.number}{letter}</b> {html.escape(blank.text)}"
                f" <small>({html.escape(blank.node)})</small></li>"
            )
        parts.append("</ol>")
    elif sheet.word_bank:
        parts.append(f"<h2>{'Statements' if build else 'Word bank'}</h2>")
        parts.append('<ol class="bank">')
        for letter, text in sheet.word_bank:
            parts.append(f"<li><b>{letter}.</b> {html.escape(text)}</li>")
        parts.append("</ol>")
    parts.extend(["</body>", "</html>", ""])
    return "\n".join(parts).encode("utf-8")
