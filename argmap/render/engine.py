"""Running a renderer: the map's DOT through Graphviz ``dot`` or ``graphviz-pure`` to files."""

from __future__ import annotations

import functools
import html
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import attrs

from argmap._files import replace_file
from argmap.analysis.focus import focus
from argmap.argument_map import ArgumentMap
from argmap.errors import ArgmapError
from argmap.render import page as pages
from argmap.render._fonts import pure_svg, pure_theme
from argmap.render.accessible import accessible_svg, drawn_map
from argmap.render.dot import to_dot, to_graphviz
from argmap.render.options import DrawingOptions, drawing_options, theme_of

__all__ = [
    "EXTENSIONS",
    "Drawing",
    "RenderError",
    "RenderWarning",
    "Renderer",
    "RendererName",
    "draw",
    "find_renderer",
    "render_bytes",
    "render_file",
    "to_svg",
]

#: The two programs argmap can run: system Graphviz ``dot``, or the ``graphviz-pure`` wheel.
RendererName = Literal["graphviz", "graphviz-pure"]

#: The file extensions :func:`render_file` knows, and the format each names.
EXTENSIONS: Mapping[str, str] = {
    ".svg": "svg",
    ".png": "png",
    ".pdf": "pdf",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".dot": "dot",
    ".gv": "dot",
}

#: Formats that are the DOT source itself: written as text, with no renderer.
_SOURCE_FORMATS = frozenset({"dot", "gv"})
_NAMES = ("graphviz", "graphviz-pure")
_GRAPHVIZ_HELP = (
    "install Graphviz (apt-get install graphviz, brew install graphviz, "
    "or https://graphviz.org/download/)"
)
#: What graphviz-pure 0.2.2 writes, for advice when a Graphviz built without them cannot.
_PURE_FORMATS = frozenset({"svg", "png", "jpeg", "jpg", "json", "xdot", "plain"})
_VERSION = re.compile(r"version\s+(\S+)")
#: The longest a renderer may run: ``timeout`` is a number of seconds above 0 and up to this.
_LONGEST_RUN = 86_400


class RenderError(ArgmapError, RuntimeError):
    """No renderer, a format it cannot write, or a failed run; the message says what to do.

    >>> import argmap
    >>> m = argmap.MapBuilder("T").claim("c", "A claim.").build()
    >>> argmap.render_file(m, "map.txt")
    Traceback (most recent call last):
    ...
    argmap.render.engine.RenderError: cannot tell the image format of 'map.txt' from its \
extension '.txt'; use one of .svg, .png, .pdf, .jpg, .jpeg, .dot, .gv
    """


class RenderWarning(UserWarning):
    """The drawing was written but may not show everything: e.g. scripts a renderer lacks."""


@attrs.frozen
class Renderer:
    """A renderer program found on this machine: its name, path, version and output formats.

    >>> Renderer("graphviz-pure", "/bin/graphviz-pure", "0.2.2", frozenset({"svg"})).name
    'graphviz-pure'
    """

    name: RendererName
    path: str
    version: str
    formats: frozenset[str]

    def __str__(self) -> str:
        return f"{self.name} {self.version} ({self.path})"


def find_renderer(prefer: RendererName | None = None) -> Renderer:
    """The renderer to run: ``$ARGMAP_DOT``, else ``dot`` on PATH, else ``graphviz-pure``.

    ``prefer`` insists on one of the two programs. The answer is cached per ``prefer``,
    ``ARGMAP_DOT`` and ``PATH``.

    >>> find_renderer("graphviz-pure").name
    'graphviz-pure'
    """
    if prefer is not None and prefer not in _NAMES:
        raise ValueError(f"renderer must be None or one of {', '.join(_NAMES)}; got {prefer!r}")
    return _find(prefer, os.environ.get("ARGMAP_DOT"), os.environ.get("PATH"))


@functools.lru_cache(maxsize=16)
def _find(prefer: RendererName | None, override: str | None, search: str | None) -> Renderer:
    if override:
        if not (os.path.isfile(override) and os.access(override, os.X_OK)):
            raise RenderError(
                f"ARGMAP_DOT is {override!r}, which is not an executable file; "
                "point it at Graphviz 'dot' or 'graphviz-pure', or unset it"
            )
        found = _identify(override)
        if prefer is not None and found.name != prefer:
            raise RenderError(
                f"ARGMAP_DOT is {override!r}, which is {found.name}, but {prefer} was asked "
                "for; unset ARGMAP_DOT or ask for no renderer in particular"
            )
        return found
    if prefer in (None, "graphviz"):
        dot = shutil.which("dot", path=search)
        if dot is not None:
            return _identify(dot)
        if prefer == "graphviz":
            raise RenderError(f"Graphviz 'dot' is not on PATH; {_GRAPHVIZ_HELP}")
    places = [search, sysconfig.get_path("scripts"), str(Path(sys.executable).parent)]
    for place in places:
        pure = shutil.which("graphviz-pure", path=place)
        if pure is not None:
            return _identify(pure)
    if prefer == "graphviz-pure":
        raise RenderError(
            "graphviz-pure is not installed (not on PATH nor beside Python); "
            "pip install graphviz-pure"
        )
    raise RenderError(
        "no renderer found: pip install graphviz-pure (SVG and PNG), or "
        f"{_GRAPHVIZ_HELP} for every format including PDF; "
        "or set ARGMAP_DOT to the path of a 'dot' program"
    )


def _identify(path: str) -> Renderer:
    """Ask the program at ``path`` who it is (``-V``) and what it writes (``-T?``)."""
    about = _run([path, "-V"], path)
    first = (about.stderr or about.stdout).decode("utf-8", "replace").strip()
    if first.startswith("graphviz-pure"):
        name: RendererName = "graphviz-pure"
    elif "graphviz version" in first:
        name = "graphviz"
    else:
        raise RenderError(f"{path!r} is not Graphviz: '{path} -V' printed {first[:200]!r}")
    version = _VERSION.search(first)
    listing = _run([path, "-T?"], path).stderr.decode("utf-8", "replace")
    _, _, names = listing.partition("Use one of:")
    formats = frozenset(token.split(":")[0] for token in names.split())
    if not formats:
        raise RenderError(f"cannot tell the formats of {path!r}: '-T?' printed {listing!r}")
    return Renderer(name, path, version[1] if version else "unknown", formats)


#: What to do when drawing takes longer than allowed.
_TIME_ADVICE = (
    "; draw less of the map at once (one branch: --focus NODE --depth K; across pages: "
    "--page a4 --split), wrap texts narrower (a smaller --label-width), try the other "
    "renderer (--renderer graphviz-pure or graphviz: graphviz-pure lays out very deep "
    "maps faster), or allow more time (--timeout SECONDS; timeout= in Python)"
)


def _run(
    argv: list[str], path: str, data: bytes = b"", timeout: float = 60, advice: str = ""
) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(argv, input=data, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise RenderError(f"{path!r} did not finish within {timeout:g} seconds{advice}") from None
    except OSError as error:
        raise RenderError(f"cannot run {path!r}: {error.strerror or error}") from None


def _renderer(renderer: Renderer | RendererName | None) -> Renderer:
    return renderer if isinstance(renderer, Renderer) else find_renderer(renderer)


def render_bytes(
    amap: ArgumentMap,
    format: str,
    *,
    renderer: Renderer | RendererName | None = None,
    timeout: float = 60,
    page: str | None = None,
    landscape: bool = False,
    size: tuple[float, float] | str | None = None,
    ratio: str | tuple[float, float] | float | None = None,
    dpi: int | None = None,
    min_font_pt: float = pages.MIN_TEXT,
    options: DrawingOptions | None = None,
    **overrides: Any,
) -> bytes:
    """The drawing in ``format`` (``svg``, ``png``, ``pdf``, ...); options as in to_graphviz.

    ``dot`` and ``gv`` give the DOT source (UTF-8) and need no renderer. ``timeout`` is
    how many seconds each run of the renderer may take, above 0 and up to 86,400 (a day).

    ``page`` (``a4``, ``letter``, ``a3``; ``landscape=True`` to turn it) or ``size``
    (``(width, height)`` in inches, or ``"W,H"``) is the canvas: the drawing is centred
    on it, shrunk to fit (never enlarged), but never so far that its smallest text
    prints below ``min_font_pt`` points (a :class:`RenderError` says what to do instead).
    ``ratio`` (``"16:9"``, or width / height) pads the canvas to those proportions
    without scaling. ``dpi`` is for PNG and JPEG: the pixels per inch.

    >>> import argmap
    >>> m = argmap.MapBuilder("T").claim("c", "A claim.").build()
    >>> render_bytes(m, "svg", renderer="graphviz-pure")[:5]
    b'<?xml'
    >>> b'width="595pt"' in render_bytes(m, "svg", page="a4", renderer="graphviz-pure")
    True
    """
    paper = pages.sheet(
        page=page, landscape=landscape, size=size, ratio=ratio, min_font_pt=min_font_pt
    )
    chosen = drawing_options(options, **overrides)
    return _drawing(amap, format, renderer, timeout, chosen, paper=paper, dpi=dpi)[0]


def _drawing(
    amap: ArgumentMap,
    format: str,
    renderer: Renderer | RendererName | None,
    timeout: float,
    options: DrawingOptions,
    *,
    paper: pages.Sheet | None = None,
    dpi: int | None = None,
    body: Sequence[str] = (),
) -> tuple[bytes, Renderer | None]:
    """The drawing's bytes and the renderer that drew them (None for DOT source).

    The options are checked before any program is looked for; the source is made once,
    in a font graphviz-pure measures and draws alike when that is the renderer
    (:func:`argmap.render._fonts.pure_theme`). A drawing for a
    ``paper`` is laid out twice: once to measure it, once to draw it fitted. ``body``
    holds more lines for the graph's body, after the map's own (a split page's caption
    and stubs: :mod:`argmap.render.split`).
    """
    _check_timeout(timeout)
    if format in _SOURCE_FORMATS:
        if paper is not None or dpi is not None:
            raise ValueError(
                "page, size, ratio and dpi are for drawings; the DOT source has no page "
                "(write .svg, .png, .pdf or .jpg)"
            )
        return to_dot(amap, options=options).encode("utf-8"), None
    pages.check_dpi(dpi, format)
    look = theme_of(options)
    tool = _renderer(renderer)
    if tool.name == "graphviz-pure":  # a font it measures as wide as it draws it
        options = attrs.evolve(options, theme=pure_theme(look))
    graph = to_graphviz(amap, options=options)
    graph.body.extend(body)
    if paper is not None:
        if format not in tool.formats:  # before the layout run: fail first for what fails
            raise RenderError(_unsupported(tool, format))
        layout = pages.read_layout(_pipe(tool, graph.source, "json", timeout))
        way = options.direction
        frame = pages.PDF_FRAME if format == "pdf" else 0
        fitted = pages.fit(
            paper, layout, text_size=float(look.fontsize), direction=way, frame=frame
        )
        if fitted.problem is not None:
            raise RenderError(fitted.problem)
        graph.graph_attr.update(fitted.attributes)
    if dpi is None and paper is not None and paper.page and format in pages.BITMAP_FORMATS:
        dpi = pages.PAGE_DPI  # a printed page: 96 dpi would blur its 8 pt text
    if dpi is not None:
        graph.graph_attr["dpi"] = str(dpi)
    drawing = _pipe(tool, graph.source, format, timeout)
    if format == "svg":  # for screen readers: a title, an outline, named nodes and edges
        shown = drawn_map(amap, {"focus": options.focus, "depth": options.depth})
        drawing = accessible_svg(
            drawing, shown, marks=options.show_sources, labelling=options.evaluation
        )
    return drawing, tool


def _check_timeout(timeout: object) -> None:
    """Refuse a ``timeout`` that is no number of seconds from above 0 to a day."""
    if (
        not isinstance(timeout, int | float)
        or isinstance(timeout, bool)
        or not 0 < timeout <= _LONGEST_RUN
    ):
        raise ValueError(
            f"timeout must be a number of seconds above 0 and at most {_LONGEST_RUN:,}, "
            f"got {timeout!r}"
        )


def _with_fallbacks(tool: Renderer, format: str, drawing: bytes) -> bytes:
    """An SVG from graphviz-pure naming fallbacks for its measuring font; anything else as is."""
    if tool.name != "graphviz-pure" or format != "svg":
        return drawing
    return pure_svg(drawing)


def _pipe(tool: Renderer, source: str, format: str, timeout: float) -> bytes:
    """Run ``tool`` on the DOT ``source``: the drawing's bytes."""
    if format not in tool.formats:
        raise RenderError(_unsupported(tool, format))
    _warn_unshowable(tool, format, source)
    data = source.encode("utf-8")
    result = _run([tool.path, "-q", f"-T{format}"], tool.path, data, timeout, _TIME_ADVICE)
    if result.returncode != 0 or not result.stdout:
        said = result.stderr.decode("utf-8", "replace").strip() or "(nothing on stderr)"
        raise RenderError(
            f"{tool.name} failed to draw {format!r} (exit code {result.returncode}): {said}"
        )
    return _with_fallbacks(tool, format, result.stdout)


#: graphviz-pure's bitmaps have glyphs for Latin, Greek and Cyrillic only; from Hebrew on
#: (Arabic, Hangul, Hanzi, Kana, emoji, ...) characters come out as empty boxes.
_PURE_BITMAP_LIMIT = 0x0590


def _warn_unshowable(tool: Renderer, format: str, source: str) -> None:
    """Warn when graphviz-pure is to draw a bitmap holding characters it has no glyphs for."""
    if tool.name != "graphviz-pure" or format not in ("png", "jpeg", "jpg"):
        return
    missing = sorted({char for char in source if ord(char) >= _PURE_BITMAP_LIMIT})
    if missing:
        shown = "".join(missing[:8]) + ("..." if len(missing) > 8 else "")
        warnings.warn(
            f"graphviz-pure draws some characters of this map ({shown}) as empty boxes in "
            f"{format.upper()}; write SVG instead, or {_GRAPHVIZ_HELP} for {format.upper()}",
            RenderWarning,
            stacklevel=4,
        )


def _unsupported(tool: Renderer, format: str) -> str:
    writes = ", ".join(sorted(tool.formats))
    if tool.name == "graphviz-pure" or format not in _PURE_FORMATS:
        fix = _GRAPHVIZ_HELP
    else:
        fix = "pip install graphviz-pure and ask for renderer 'graphviz-pure'"
    return f"{tool} cannot write {format!r}; it writes {writes}. For {format.upper()}, {fix}"


def _format_of(path: str) -> str:
    suffix = Path(path).suffix.lower()
    try:
        return EXTENSIONS[suffix]
    except KeyError:
        raise RenderError(
            f"cannot tell the image format of {path!r} from its extension {suffix!r}; "
            f"use one of {', '.join(EXTENSIONS)}"
        ) from None


def render_file(
    amap: ArgumentMap,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    renderer: Renderer | RendererName | None = None,
    timeout: float = 60,
    page: str | None = None,
    landscape: bool = False,
    size: tuple[float, float] | str | None = None,
    ratio: str | tuple[float, float] | float | None = None,
    dpi: int | None = None,
    min_font_pt: float = pages.MIN_TEXT,
    options: DrawingOptions | None = None,
    **overrides: Any,
) -> Renderer | None:
    """Draw the map into a file, in the format its extension names; the renderer used.

    ``.dot`` and ``.gv`` files get the DOT source, with no renderer (the result is None).
    ``page``, ``landscape``, ``size``, ``ratio``, ``dpi`` and ``min_font_pt`` are as in
    :func:`render_bytes`; the other options as in :func:`~argmap.to_graphviz`.
    The file is replaced whole or not at all; OS errors (an unwritable place) are
    raised as ``OSError``, as by :func:`~argmap.write`.

    >>> import argmap
    >>> m = argmap.MapBuilder("T").claim("c", "A claim.").build()
    >>> render_file(m, "map.svg", renderer="graphviz-pure").name  # doctest: +SKIP
    'graphviz-pure'
    """
    name = os.fspath(path)
    paper = pages.sheet(
        page=page, landscape=landscape, size=size, ratio=ratio, min_font_pt=min_font_pt
    )
    chosen = drawing_options(options, **overrides)
    fmt = format or _format_of(name)
    data, tool = _drawing(amap, fmt, renderer, timeout, chosen, paper=paper, dpi=dpi)
    replace_file(name, data)
    return tool


def to_svg(
    amap: ArgumentMap, *, renderer: Renderer | RendererName | None = None, **options: Any
) -> str:
    """The drawing as SVG text; options as in :func:`render_bytes`.

    >>> import argmap
    >>> m = argmap.MapBuilder("T").claim("c", "A claim.").build()
    >>> "<svg" in to_svg(m, renderer="graphviz-pure")
    True
    """
    return render_bytes(amap, "svg", renderer=renderer, **options).decode("utf-8")


@attrs.frozen
class Drawing:
    """A map with drawing options that Jupyter shows as SVG; make one with :func:`draw`.

    >>> import argmap
    >>> m = argmap.MapBuilder("T").claim("c", "A claim.").build()
    >>> list(draw(m, renderer="graphviz-pure")._repr_mimebundle_())
    ['image/svg+xml']
    """

    amap: ArgumentMap
    options: Mapping[str, Any] = attrs.field(factory=dict, converter=dict)

    def _repr_svg_(self) -> str:
        return to_svg(self.amap, **self.options)

    def to_html(self) -> str:
        """The interactive page of the map (:func:`argmap.to_html`), drawn with these options.

        Page options (``page``, ``size``, ...) are for printing, and left out.
        """
        from argmap.render.interactive import to_html  # noqa: PLC0415 (it imports this module)

        kept = {k: v for k, v in self.options.items() if k not in pages.OPTIONS}
        return to_html(self.amap, **kept)

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None, **kwargs: Any
    ) -> dict[str, str]:
        """SVG; and the interactive page, in a sandboxed frame, only when asked for.

        ``display(argmap.draw(m), include=["text/html"])`` shows the interactive page.
        """
        shown: dict[str, str] = {}
        for kind in ("image/svg+xml", "text/html"):
            wanted = kind in include if include is not None else kind == "image/svg+xml"
            if not wanted or (exclude and kind in exclude):
                continue
            if kind == "image/svg+xml":
                shown[kind] = self._repr_svg_()
            else:  # a frame of its own: the page's styles and keys stay out of the notebook
                page = html.escape(self.to_html(), quote=True)
                shown[kind] = (
                    f'<iframe srcdoc="{page}" sandbox="allow-scripts allow-modals allow-popups" '
                    f'title="{html.escape(self.amap.title, quote=True)}" '
                    'style="width:100%;height:600px;border:0"></iframe>'
                )
        return shown


def draw(amap: ArgumentMap, **options: Any) -> Drawing:
    """The map as a :class:`Drawing`, shown as SVG in Jupyter; options as in to_svg.

    Drawing options are checked here, so a bad one fails in the cell that passes it.

    >>> import argmap
    >>> draw(argmap.MapBuilder("T").claim("c", "A claim.").build(), direction="LR").options
    {'direction': 'LR'}
    """
    renderer = options.get("renderer")
    if "timeout" in options:
        _check_timeout(options["timeout"])
    pages.sheet(**{k: v for k, v in options.items() if k in pages.OPTIONS and k != "dpi"})
    pages.check_dpi(options.get("dpi"), "svg")
    engine_only = ("renderer", "timeout", "options", *pages.OPTIONS)
    chosen = drawing_options(
        options.get("options"), **{k: v for k, v in options.items() if k not in engine_only}
    )
    if renderer is not None and not isinstance(renderer, Renderer) and renderer not in _NAMES:
        raise ValueError(f"renderer must be None or one of {', '.join(_NAMES)}; got {renderer!r}")
    if chosen.focus is not None:  # a node the map lacks fails here, not when shown
        focus(amap, chosen.focus, depth=chosen.depth)
    return Drawing(amap, options)
