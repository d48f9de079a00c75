"""Drawing maps: map → ``graphviz.Digraph``, with themes as data and CJK-aware labels."""

from argmap.render.dot import to_dot, to_graphviz
from argmap.render.labels import display_width, escape, node_label, wrap
from argmap.render.theme import THEMES, EdgeStyle, NodeStyle, Theme, edge_style, node_style

__all__ = [
    "THEMES",
    "EdgeStyle",
    "NodeStyle",
    "Theme",
    "display_width",
    "edge_style",
    "escape",
    "node_label",
    "node_style",
    "to_dot",
    "to_graphviz",
    "wrap",
]
