"""Drawing maps: map → ``graphviz.Digraph`` (pure), and running a renderer for files and SVG."""

from argmap.render.dot import to_dot, to_graphviz
from argmap.render.engine import (
    EXTENSIONS,
    Drawing,
    Renderer,
    RendererName,
    RenderError,
    RenderWarning,
    draw,
    find_renderer,
    render_bytes,
    render_file,
    to_svg,
)
from argmap.render.labels import display_width, escape, node_label, wrap
from argmap.render.options import DrawingOptions
from argmap.render.split import SplitPage, render_pages
from argmap.render.theme import (
    THEMES,
    EdgeStyle,
    LabelStyle,
    NodeStyle,
    Theme,
    edge_style,
    label_style,
    node_style,
)

__all__ = [
    "Drawing",
    "DrawingOptions",
    "EXTENSIONS",
    "EdgeStyle",
    "LabelStyle",
    "NodeStyle",
    "RenderError",
    "RenderWarning",
    "Renderer",
    "RendererName",
    "SplitPage",
    "THEMES",
    "Theme",
    "display_width",
    "draw",
    "edge_style",
    "escape",
    "find_renderer",
    "label_style",
    "node_label",
    "node_style",
    "render_bytes",
    "render_file",
    "render_pages",
    "to_dot",
    "to_graphviz",
    "to_svg",
    "wrap",
]
