"""SVG drawings for screen readers: ``role="img"``, a title, an outline as ``<desc>``, titles."""

from __future__ import annotations

import html
import re
from collections import deque
from collections.abc import Mapping
from typing import Any

from argmap.analysis.focus import focus
from argmap.analysis.framework import Label, Labelling
from argmap.argument_map import ArgumentMap
from argmap.relations import Attack, Support
from argmap.render.outline import describe, outline_lines, relation_title, source_lines

__all__ = ["accessible_svg", "drawn_map", "svg_titles"]

# Graphviz writes the root element on a line of its own, and a node's or edge's group
# as ``<g id="node3" class="node">`` followed by its ``<title>`` (the node's name, or
# ``tail->head``), both escaped.
_ROOT = re.compile(rb"^<svg\b[^>]*>", re.MULTILINE)
_TITLED = re.compile(rb'(<g id="[^"]*" class="(node|edge)">\s*<title>)([^<]*)(</title>)')
# Links: system Graphviz 2.43 writes an ``&`` of an address as it is, which is no XML.
_HREF = re.compile(rb'(?<=\shref=")[^"]*|(?<=\sxlink:href=")[^"]*')
_BARE_AMPERSAND = re.compile(rb"&(?!(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#x[0-9A-Fa-f]+);)")


def accessible_svg(
    svg: bytes, amap: ArgumentMap, *, marks: bool = False, labelling: Labelling | None = None
) -> bytes:
    """The SVG drawing of ``amap`` made readable by screen readers; nothing else changes.

    The root element gets ``role="img"`` and, as its first children, the map's title in a
    ``<title>`` and an outline of the argument (:func:`outline_lines`, then the sources)
    in a ``<desc>``. Each node's ``<title>`` (which Graphviz makes the node's name) gives
    its kind and text instead, each edge's what it says (``trade supports thesis``), and
    an ``&`` in a link's address is escaped. ``marks``: the nodes' provenance marks too.
    ``labelling`` (the drawing's ``evaluation``): each node's title says its label, and the
    description which semantics gave them.

    >>> import argmap
    >>> m = argmap.MapBuilder("T").claim("c", "A claim.", main=True).build()
    >>> svg = argmap.render_bytes(m, "svg", renderer="graphviz-pure")
    >>> b'<svg role="img"' in svg, b"<title>main claim: A claim.</title>" in svg
    (True, True)
    """
    root = _ROOT.search(svg)
    if root is None:  # no SVG, as far as can be told: leave it be
        return svg
    titles = svg_titles(amap, marks=marks, labelling=labelling)

    def retitle(match: re.Match[bytes]) -> bytes:
        name = html.unescape(match[3].decode("utf-8"))
        waiting = titles.get((match[2].decode("ascii"), name))
        if not waiting:  # the legend's samples, a stub: as Graphviz named them
            return match[0]
        return match[1] + _escape(waiting.popleft() if len(waiting) > 1 else waiting[0]) + match[4]

    about = "\n".join([*outline_lines(amap, marks=marks), *source_lines(amap)])
    if labelling is not None:
        about += f"\nEvaluated under {labelling.semantics} semantics: each node's title says "
        about += "whether it is accepted (IN), rejected (OUT) or undecided (UNDEC)."
    head = (
        b'<svg role="img"'
        + root[0][len(b"<svg") :]
        + b"\n<title>"
        + _escape(amap.title)
        + b"</title>\n<desc>"
        + _escape(about)
        + b"</desc>"
    )
    body = _TITLED.sub(retitle, svg[root.end() :])
    body = _HREF.sub(lambda match: _BARE_AMPERSAND.sub(b"&amp;", match[0]), body)
    return svg[: root.start()] + head + body


def _escape(text: str) -> bytes:
    """``text`` as XML character data, UTF-8."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").encode("utf-8")


def svg_titles(
    amap: ArgumentMap, *, marks: bool = False, labelling: Labelling | None = None
) -> dict[tuple[str, str], deque[str]]:
    """The titles for the ``node`` and ``edge`` names Graphviz draws for ``amap``.

    Nodes are named by their ids and junctions ``junction N``; an edge is named
    ``tail->head``, the conclusion (or junction) first. Edges that share a name are
    titled in turn, as :func:`~argmap.to_graphviz` writes them. With a ``labelling``, a
    labelled node's title says its label after its kind (``claim, accepted (IN): C.``).

    >>> from argmap import MapBuilder
    >>> m = MapBuilder("T").claim("c", "C.").premise("p", "P.", supports="c").build()
    >>> for (kind, name), titles in svg_titles(m).items():
    ...     print(kind, name, list(titles))
    node c ['claim: C.']
    node p ['premise: P.']
    edge c->p ['p supports c']
    """
    titles: dict[tuple[str, str], deque[str]] = {}

    def add(name: str, title: str, kind: str = "edge") -> None:
        titles.setdefault((kind, name), deque()).append(title)

    labels = {} if labelling is None else labelling.labels
    for node in amap.nodes:
        kind = describe(amap, node, with_id=False, marks=marks)
        label = labels.get(node.id)
        said = kind if label is None else f"{kind}, {_LABEL_WORDS[label]} ({label.name})"
        add(node.id, f"{said}: {node.text}", "node")
    supports = {r.id for r in amap.relations if isinstance(r, Support)}
    undercut = {r.target for r in amap.relations if isinstance(r, Attack)} & supports
    # As to_graphviz names them: a junction for each linked or undercut support.
    points = {
        r.id: f"junction {place}"
        for place, r in enumerate(amap.relations, 1)
        if isinstance(r, Support) and (len(r.by) > 1 or r.id in undercut)
    }
    for relation in amap.relations:
        said = relation_title(amap, relation)
        point = points.get(relation.id)
        if isinstance(relation, Attack):
            add(f"{points.get(relation.target, relation.target)}->{relation.attacker}", said)
        elif point is None:
            add(f"{relation.target}->{relation.by[0]}", said)
        else:
            add(point, f"junction: {said}", "node")
            for ident in relation.by:
                add(f"{point}->{ident}", said)
            add(f"{relation.target}->{point}", said)
    return titles


#: What a screen reader hears of each label.
_LABEL_WORDS = {Label.IN: "accepted", Label.OUT: "rejected", Label.UNDEC: "undecided"}


def drawn_map(amap: ArgumentMap, options: Mapping[str, Any]) -> ArgumentMap:
    """The map that the drawing options draw: ``amap``, or the part ``focus`` names."""
    if options.get("focus") is None:
        return amap
    return focus(amap, options["focus"], depth=options.get("depth")).map
