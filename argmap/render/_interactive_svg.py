"""The SVG drawing made ready for a web page: its nodes named, focusable and clickable."""

from __future__ import annotations

import html
import re
from collections import defaultdict, deque

from argmap.analysis.framework import Labelling
from argmap.argument_map import ArgumentMap
from argmap.render.accessible import svg_titles
from argmap.render.outline import relation_title

__all__ = ["inline_svg"]

# What comes before the root element (the XML declaration, the DOCTYPE, comments), and
# the comments Graphviz writes before each group; an inline SVG needs none of them.
_PROLOG = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->\n?", re.DOTALL)
_ROOT = re.compile(r"<svg\b[^>]*>")
# Attributes of the root that a page sets itself: the size (the page fits the drawing to
# its window), the role (a picture with parts to visit is a group, not one image), and
# the namespaces, which HTML gives inline SVG by itself.
_ROOT_DROPPED = re.compile(r'\s(?:width|height|role|xmlns(?::xlink)?)="[^"]*"')
# What the page's root gets: its id, the role of a group of parts, and out of the Tab
# order (Chromium would stop on the drawing itself before its nodes).
_ROOT_ADDED = '<svg id="am-svg" role="group" aria-roledescription="map" tabindex="-1"'
# A node's or edge's group and its title, as accessible_svg leaves them.
_GROUP = re.compile(r'<g id="([^"]*)" class="(node|edge)">(\s*<title>)([^<]*)(</title>)')


def inline_svg(
    svg: str, amap: ArgumentMap, *, marks: bool = False, labelling: Labelling | None = None
) -> str:
    """``svg``, a drawing of ``amap`` by :func:`~argmap.to_svg`, ready to put in a page.

    Each node's group gets ``data-node`` (its id), ``tabindex="0"`` and the role of a
    button; each edge's group (and each junction of a linked support) ``data-rel``, the
    id of the relation it draws. Groups are found by the titles
    :func:`~argmap.render.accessible.accessible_svg` gives them (``marks`` and
    ``labelling`` as there);
    nodes with the same title are taken in the map's order. The prolog, the comments,
    the root's size and namespaces go; the root becomes a ``group`` labelled by its title.

    >>> import argmap
    >>> m = argmap.MapBuilder("T").claim("c", "A claim.", main=True).build()
    >>> page_svg = inline_svg(argmap.to_svg(m, renderer="graphviz-pure"), m)
    >>> page_svg.startswith('<svg id="am-svg" role="group"')
    True
    >>> '<g id="node1" class="node" data-node="c" tabindex="0" role="button">' in page_svg
    True
    """
    svg = _COMMENT.sub("", _PROLOG.sub("", svg, count=1))
    root = _ROOT.search(svg)
    if root is None:
        raise ValueError("no <svg> element in the drawing")
    head = _ROOT_DROPPED.sub("", root[0])
    head = head.replace("<svg", _ROOT_ADDED, 1)
    nodes = _node_names(amap, marks, labelling)
    edges = _relation_names(amap)

    def mark(match: re.Match[str]) -> str:
        title = html.unescape(match[4])
        if match[2] == "node" and nodes.get(title):
            ident = nodes[title].popleft()
            extra = f' data-node="{_attribute(ident)}" tabindex="0" role="button"'
        elif title in edges:
            extra = f' data-rel="{_attribute(edges[title])}"'
        else:  # the legend's samples, stubs: as they are
            return match[0]
        return f'<g id="{match[1]}" class="{match[2]}"{extra}>{match[3]}{match[4]}{match[5]}'

    return svg[: root.start()] + head + _GROUP.sub(mark, svg[root.end() :])


def _node_names(
    amap: ArgumentMap, marks: bool, labelling: Labelling | None
) -> dict[str, deque[str]]:
    """Node ids by the title their group has in the drawing, in the map's order."""
    titles = svg_titles(amap, marks=marks, labelling=labelling)
    named: defaultdict[str, deque[str]] = defaultdict(deque)
    for node in amap.nodes:
        named[titles[("node", node.id)][0]].append(node.id)
    return named


def _relation_names(amap: ArgumentMap) -> dict[str, str]:
    """Relation ids by the title of the edges (and junction) that draw them."""
    named: dict[str, str] = {}
    for relation in amap.relations:
        said = relation_title(amap, relation)
        named.setdefault(said, relation.id)
        named.setdefault(f"junction: {said}", relation.id)
    return named


def _attribute(text: str) -> str:
    """``text`` as the value of a double-quoted attribute."""
    return html.escape(text, quote=True)
