"""The interactive page's text alternative: the map's outline, as HTML lists."""

from __future__ import annotations

from argmap.analysis.framework import Labelling
from argmap.argument_map import ArgumentMap
from argmap.render.outline_html import outline_html

__all__ = ["outline_section"]


def outline_section(amap: ArgumentMap, labelling: Labelling | None = None) -> str:
    """The text alternative the page shows under the drawing: the outline, with the sources.

    It is :func:`argmap.outline_html`, its ids prefixed ``am-outline-`` (the page's own
    names) and its headings one level under the page's; with a ``labelling``, each
    node's label.

    >>> from argmap import MapBuilder
    >>> 'id="am-outline-c"' in outline_section(MapBuilder("T").claim("c", "C.", main=True).build())
    True
    """
    return outline_html(amap, id_prefix="am-outline-", heading_level=3, labelling=labelling)
