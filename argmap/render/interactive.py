"""An interactive map in one self-contained web page: the drawing, its script and styles."""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import importlib.resources
from typing import Any

from argmap.argument_map import ArgumentMap
from argmap.render._evaluation import check_labelling, shown_labels
from argmap.render._interactive_data import map_data, script_json
from argmap.render._interactive_outline import outline_section
from argmap.render._interactive_svg import inline_svg
from argmap.render.accessible import drawn_map
from argmap.render.engine import Renderer, RendererName, to_svg
from argmap.render.options import DrawingOptions, drawing_options

__all__ = ["to_html"]


@functools.cache
def _asset(name: str) -> str:
    """The text of ``argmap/render/assets/NAME``, as shipped in the package."""
    return importlib.resources.files("argmap.render").joinpath("assets", name).read_text("utf-8")


def _policy(script: str) -> str:
    """The page's Content-Security-Policy: nothing loaded from anywhere, its one script run.

    The script is allowed by its SHA-256 hash, so nothing else (say, markup that got into
    a text) could run; styles are inline (the drawing's own and the page's).
    """
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (
        f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


_PAGE = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="argmap">
<title>{title}</title>
<style>
{css}</style>
</head>
<body>
<div class="am-app">
<header class="am-bar">
<h1>{title}</h1>
<div class="am-tools" role="toolbar" aria-label="Map tools">
<div class="am-search" role="search">
<label for="am-search">Search</label>
<input id="am-search" type="search" autocomplete="off" spellcheck="false" \
placeholder="text or id" aria-describedby="am-status">
<span id="am-status" class="am-status" role="status"></span>
</div>
<button type="button" id="am-zoom-in" aria-label="Zoom in" title="Zoom in">+</button>
<button type="button" id="am-zoom-out" aria-label="Zoom out" title="Zoom out">\u2212</button>
<button type="button" id="am-fit" title="Show the whole map">Fit</button>
<button type="button" id="am-print">Print this view</button>
</div>
</header>
<main class="am-stage">
<div class="am-view" id="am-view">
{svg}
</div>
<aside class="am-panel" id="am-panel" hidden aria-labelledby="am-panel-kind">
<div class="am-panel-head">
<h2 id="am-panel-kind" tabindex="-1"></h2>
<button type="button" id="am-close" aria-label="Close the panel" title="Close (Escape)">\
\u00d7</button>
</div>
<p class="am-text" id="am-panel-text"></p>
<dl class="am-facts" id="am-panel-facts"></dl>
<button type="button" id="am-branch" aria-pressed="false">Highlight its branch</button>
<div id="am-panel-links"></div>
</aside>
</main>
</div>
<section class="am-outline" aria-labelledby="am-outline-title">
<h2 id="am-outline-title">The argument as an outline</h2>
<p><button type="button" id="am-outline-toggle" aria-expanded="true" \
aria-controls="am-outline-body">Hide the outline</button></p>
<div id="am-outline-body">
{outline}
</div>
</section>
<script type="application/json" id="am-data">{data}</script>
<script>{js}</script>
</body>
</html>
"""


def to_html(
    amap: ArgumentMap,
    *,
    renderer: Renderer | RendererName | None = None,
    timeout: float = 60,
    options: DrawingOptions | None = None,
    **overrides: Any,
) -> str:
    """The map as one self-contained, interactive web page; options as in :func:`~argmap.to_svg`.

    The page holds the SVG drawing, its script, its styles and the map's data: it loads
    nothing from anywhere and works opened from a file. Drag or use the mouse wheel to pan
    and zoom; click a node, or Tab to it and press Enter, for a panel with its full text,
    source and neighbours; search by text or id; an outline of the argument follows the
    drawing, for screen readers. The page is the same for the same map and options.
    With ``evaluation`` (a :class:`~argmap.Labelling`), nodes are drawn with their
    labels' badges and borders, and the panel, the outline and the page's data give
    each node's label and the semantics.

    >>> import argmap
    >>> m = argmap.MapBuilder("Trees").claim("c", "Plant trees.", main=True).build()
    >>> page = to_html(m, renderer="graphviz-pure")
    >>> page.startswith("<!DOCTYPE html>"), "<title>Trees</title>" in page
    (True, True)
    """
    chosen = drawing_options(options, **overrides)
    check_labelling(amap, chosen.evaluation)
    shown = drawn_map(amap, {"focus": chosen.focus, "depth": chosen.depth})
    labels = shown_labels(chosen.evaluation, shown)
    svg = to_svg(amap, renderer=renderer, timeout=timeout, options=chosen)
    script = _asset("map.js")
    if "</script" in script.lower():  # would end the element early
        raise ValueError("argmap's page script must not hold '</script'")
    title = html.escape(amap.title, quote=False)
    return _PAGE.format(
        policy=html.escape(_policy(script)),
        title=title,
        css=_asset("map.css"),
        svg=inline_svg(svg, shown, marks=chosen.show_sources, labelling=chosen.evaluation),
        outline=outline_section(shown, labels),
        data=script_json(map_data(shown, labels)),
        js=script,
    )
