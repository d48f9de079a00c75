"""Draw a map as a ``graphviz.Digraph``: a pure function, no files and no subprocesses."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import graphviz

from argmap.analysis.focus import Focus
from argmap.analysis.focus import focus as part_around
from argmap.analysis.framework import Label, Labelling
from argmap.argument_map import ArgumentMap
from argmap.nodes import Node
from argmap.relations import Attack, Support
from argmap.render._captions import caption, cluster_caption, group_of, source_mark
from argmap.render._evaluation import check_labelling, semantics_note, shown_labels
from argmap.render._legend import keep_apart, pack_attributes
from argmap.render._stubs import add_stubs, part_caption
from argmap.render._text import graph_name
from argmap.render.labels import measured_wrap, node_label
from argmap.render.options import Direction, DrawingOptions, GroupBy, drawing_options, theme_of
from argmap.render.theme import Theme, edge_style, label_style, node_style
from argmap.render.writer import Block, attribute_list, quote

__all__ = ["LARGE_MAP", "to_dot", "to_graphviz"]

#: A node's horizontal margin, inches (Graphviz ``margin``); see also the node defaults.
_MARGIN_X = 0.15


def to_graphviz(
    amap: ArgumentMap, *, options: DrawingOptions | None = None, **overrides: Any
) -> graphviz.Digraph:
    """The map as a Graphviz digraph; render it with graphviz (``.render()``, ``.pipe()``).

    The drawing options are a :class:`~argmap.DrawingOptions` (``options``), or its fields
    given as keywords (``theme="print"``), which override those of ``options``.

    Node names in the DOT source are the map's own ids, so the same map always gives the
    same source, and adding to a map only adds lines. A linked support and every support
    that is undercut gets a junction point, where co-premises meet and undercuts point:
    it is named ``junction N`` for the map's N-th relation (no id holds a space), so that
    the source grows with the map, not with the square of a long support's id. The graph
    is named by the map's title, which SVG drawings carry as their ``<title>``.
    ``label_width`` is from 1 to 1000 columns. ``show_sources`` adds where in its source
    each node is to its caption, as paragraph numbers (``¶5``), after the source's id
    when the map has several, whose citations then start with their ids.

    ``focus`` draws only the part of the map around that node (see :func:`~argmap.focus`),
    ``depth`` levels down (``None``: all), with a dashed stub, such as ``+2 more reasons``,
    wherever an arrow leaves the part; the caption says it is a part.

    ``evaluation``, a :class:`~argmap.Labelling` of the map's nodes (labels of nodes
    outside a part are left out), marks each labelled node with its label's badge
    (``[IN]``, ``[OUT]``, ``[UNDEC]``) and border (see :class:`~argmap.LabelStyle`);
    the caption names the semantics. A label for an id the map lacks is a ``ValueError``.

    The ``legend`` shows a sample of each mark the drawing uses. Graphviz lays it out
    apart and packs it under the map (over it, at the left, across), so the map's layout
    is the same with or without it; without it, an invisible point (``no legend``) takes
    its place, so that both renderers lay the map out alone in the same way.

    >>> from argmap import ArgumentMap, Claim, Premise, Support
    >>> m = ArgumentMap("T", nodes=[Claim("c", "A claim.", main=True), Premise("p", "Why.")],
    ...                 relations=[Support(["p"], "c")])
    >>> print(to_graphviz(m, legend=False).source)  # doctest: +ELLIPSIS
    digraph <T> {
    ...
        c -> p [arrowtail=normal color="#009E73" dir=back style=solid]
        "no legend" [label="" shape=point style=invis width=0]
    }
    """
    chosen = drawing_options(options, **overrides)
    look = theme_of(chosen)
    check_labelling(amap, chosen.evaluation)
    part = None if chosen.focus is None else part_around(amap, chosen.focus, depth=chosen.depth)
    drawn = amap if part is None else part.map
    lines = _body(
        drawn,
        part=part,
        look=look,
        direction=chosen.direction,
        group_by=chosen.group_by,
        label_width=chosen.label_width,
        legend=chosen.legend,
        show_ids=chosen.show_ids,
        show_sources=chosen.show_sources,
        evaluation=shown_labels(chosen.evaluation, drawn),
    )
    # The file name graphviz gives unnamed graphs, rather than one made of the title.
    return graphviz.Digraph(graph_name(amap.title), filename="Digraph.gv", body=lines)


def to_dot(amap: ArgumentMap, **options: Any) -> str:
    """The DOT source of the map; ``options`` are those of :func:`to_graphviz`.

    >>> from argmap import ArgumentMap, Claim
    >>> print(to_dot(ArgumentMap("T", nodes=[Claim("c", "A & B")]), legend=False))
    ... # doctest: +ELLIPSIS
    digraph <T> {
    ...
        c [label=<<FONT POINT-SIZE="8">CLAIM</FONT><BR/>A &amp; B> ...]
    }
    """
    source: str = to_graphviz(amap, **options).source
    return source


#: From this many nodes on, dot's layout passes are capped (see :func:`_large_map_limits`).
LARGE_MAP = 300


def _large_map_limits(nodes: int) -> dict[str, str]:
    """Graphviz limits that keep a large map's layout within seconds, or nothing.

    Uncapped, dot's ranking and placement passes grow far faster than the map: a dense
    2,000-node map does not finish in minutes. Capped (network simplex iterations at 0.2 x
    the nodes, crossing minimisation at a tenth of its passes), it lays out in seconds, a
    little less tidily. Maps under :data:`LARGE_MAP` nodes are laid out uncapped.
    """
    if nodes < LARGE_MAP:
        return {}
    return {"nslimit": "0.2", "nslimit1": "0.2", "mclimit": "0.1", "searchsize": "10"}


def _body(
    amap: ArgumentMap,
    *,
    part: Focus | None,
    look: Theme,
    direction: Direction,
    group_by: GroupBy | None,
    label_width: int,
    legend: bool,
    show_ids: bool,
    show_sources: bool = False,
    evaluation: Labelling | None = None,
) -> list[str]:
    """The statements of the map's digraph, one line each (what goes between the braces)."""
    fonts = ", ".join(look.fonts)
    note = None if evaluation is None else semantics_note(evaluation)
    graph = Block()
    graph.defaults(
        "graph",
        {
            "rankdir": direction,
            "bgcolor": look.background,
            "fontname": fonts,
            "fontcolor": look.ink,
            "label": (
                caption(amap, keyed=show_sources, note=note)
                if part is None
                else part_caption(part, note=note)
            ),
            "labelloc": "b",
            "nodesep": look.nodesep,
            "ranksep": look.ranksep,
            **(pack_attributes(direction) if amap.nodes else {}),
            **_large_map_limits(len(amap.nodes)),
        },
    )
    graph.defaults(
        "node", {"fontname": fonts, "fontsize": look.fontsize, "margin": f"{_MARGIN_X},0.08"}
    )
    graph.defaults("edge", {"fontname": fonts, "fontsize": look.caption_fontsize})

    draw = _NodeWriter(amap, look, label_width, show_ids, with_speaker=group_by != "speaker")
    draw.marks = show_sources
    draw.evaluation = evaluation
    if group_by is None:
        for node in amap.nodes:
            draw(graph, node)
    else:
        _add_groups(graph, amap, group_by, look, draw)

    # A part is drawn from its focused node down, with the stubs of what it supports above.
    mains = [node.id for node in amap.nodes if getattr(node, "main", False) and part is None]
    if mains:
        with graph.subgraph() as top:
            top.set({"rank": "min"})
            for ident in mains:
                top.node(ident)

    _add_relations(graph, amap, look)
    if amap.nodes:  # the legend, or its place, and what keeps it apart from the map
        keep_apart(
            graph, amap, look, direction=direction, part=part, legend=legend, evaluation=evaluation
        )
    if part is not None:  # after the legend: the part's source starts as the part map's
        add_stubs(graph, part, look)
    return graph.lines


class _NodeWriter:
    """Writes node statements; what all nodes of a kind share is formatted once."""

    def __init__(
        self, amap: ArgumentMap, look: Theme, width: int, show_ids: bool, *, with_speaker: bool
    ) -> None:
        self.amap = amap
        self.look = look
        self.width = width
        self.show_ids = show_ids
        self.with_speaker = with_speaker
        self.marks = False  # provenance marks (show_sources)
        self.evaluation: Labelling | None = None
        self.tails: dict[tuple[str, bool, bool, Label | None], str] = {}

    def _tail(self, kind: str, main: bool, implicit: bool, label: Label | None) -> str:
        """The attributes after the label, for nodes of ``kind`` (without ``width``).

        A node's evaluation ``label`` adds its marks to those of its kind: its line
        style takes the place of an implicit premise's dashes (which its italics and
        caption still tell), and a main claim keeps its border's width.
        """
        look = self.look
        style = node_style(look, kind)
        line_style = style.style
        attributes: dict[str, str | None] = {
            "shape": style.shape,
            "fillcolor": style.fill,
            "color": style.border,
            "fontcolor": style.font,
            "margin": style.margin,
        }
        if main:
            line_style += "," + look.main_style
            attributes["penwidth"] = look.main_penwidth
        marks = None if label is None else label_style(look, label)
        if marks is not None and marks.style:
            line_style += "," + marks.style
        elif implicit:
            line_style += "," + look.implicit_style
        attributes["style"] = line_style
        if marks is not None:
            attributes["fillcolor"] = marks.fill or style.fill
            attributes["color"] = marks.border or style.border
            attributes["fontcolor"] = marks.font or style.font
            attributes["peripheries"] = marks.peripheries
            if not main:
                attributes["penwidth"] = marks.penwidth
        return attribute_list(attributes)

    def __call__(self, into: Block, node: Node) -> None:
        look = self.look
        main = getattr(node, "main", False)
        verdict = None if self.evaluation is None else self.evaluation.labels.get(node.id)
        key = (node.kind, main, getattr(node, "implicit", False), verdict)
        tail = self.tails.get(key)
        if tail is None:
            tail = self.tails[key] = self._tail(*key)
        speaker = None
        if node.speaker is not None and self.with_speaker:
            speaker = self.amap.participant(node.speaker).name
        lines, ems = measured_wrap(node.text, self.width)
        label = node_label(
            node,
            node_style(look, node.kind).caption,
            show_id=self.show_ids,
            speaker=speaker,
            caption_fontsize=look.caption_fontsize,
            main_fontsize=look.main_fontsize,
            width=self.width,
            lines=lines,
            mark=source_mark(self.amap, node.source) if self.marks and node.source else None,
            badge=None if verdict is None else label_style(look, verdict).badge,
        )
        if ems:  # wide text: at least one em per character, whatever the font
            points = round(ems * float(look.main_fontsize if main else look.fontsize), 2)
            tail += f" width={points / 72 + 2 * _MARGIN_X + 0.05:.2f}"
        into.add(f"{quote(node.id)} [label={label} {tail}]")


def _add_groups(
    graph: Block,
    amap: ArgumentMap,
    group_by: GroupBy,
    look: Theme,
    draw: Callable[[Block, Node], None],
) -> None:
    """Ungrouped nodes first, then one cluster per group in order of first appearance."""
    groups: dict[str, tuple[str, list[Node]]] = {}
    for node in amap.nodes:
        group = group_of(amap, node, group_by)
        if group is None:
            draw(graph, node)
        else:
            groups.setdefault(group[0], (group[1], []))[1].append(node)
    for key, (text, members) in groups.items():
        with graph.subgraph(f"cluster_{group_by}_{key}") as cluster:
            source = amap.source(key) if group_by == "source" else None  # linked, if it can be
            label = cluster_caption(text, source)
            cluster.set({"label": label, "color": look.ink, "style": "rounded"})
            for node in members:
                draw(cluster, node)


def _arrow(look: Theme, kind: str, *, arrowhead: str | None = None, implicit: bool = False) -> str:
    """The attributes of an arrow of relation ``kind``, drawn from its head (``dir=back``).

    Graphviz ranks an edge's first node above its second: writing the conclusion first
    puts conclusions above their reasons (in the reading direction), while the arrow
    still points from reason to conclusion. An implicit relation (the analyst's reading)
    is drawn as a double line, which reads in greyscale too.
    """
    style = edge_style(look, kind)
    return attribute_list(
        {
            "arrowtail": style.arrowhead if arrowhead is None else arrowhead,
            "color": _double(style.color) if implicit else style.color,
            "dir": "back",
            "style": style.style,
            "penwidth": None if style.penwidth == "1" else style.penwidth,
        }
    )


def _double(color: str) -> str:
    """A Graphviz edge colour list that draws two parallel lines of ``color``.

    (With ``invis`` or another colour between them, renderers drop the arrowhead.)
    """
    return f"{color}:{color}"


def _add_relations(graph: Block, amap: ArgumentMap, look: Theme) -> None:
    supports = {r.id for r in amap.relations if isinstance(r, Support)}
    undercut = {r.target for r in amap.relations if isinstance(r, Attack)} & supports
    # Each linked or undercut support's junction, named by the support's place in the map.
    points = {
        r.id: f'"junction {place}"'
        for place, r in enumerate(amap.relations, 1)
        if isinstance(r, Support) and (len(r.by) > 1 or r.id in undercut)
    }
    arrows = {
        (kind, implicit): _arrow(look, kind, implicit=implicit)
        for kind in ("support", "attack", "undercut")
        for implicit in (False, True)
    }
    co_premises = {
        implicit: _arrow(look, "support", arrowhead="none", implicit=implicit)
        for implicit in (False, True)
    }
    junction = attribute_list(
        {
            "shape": "point",
            "width": "0.08",
            "height": "0.08",
            "color": edge_style(look, "support").color,
        },
        label="",
    )
    add = graph.add
    for relation in amap.relations:
        target = points.get(relation.target) or quote(relation.target)
        implicit = relation.implicit
        if isinstance(relation, Attack):
            kind = "undercut" if relation.target in supports else "attack"
            add(f"{target} -> {quote(relation.attacker)} [{arrows[kind, implicit]}]")
        elif relation.id in points:
            point = points[relation.id]
            add(f"{point} [{junction}]")
            for ident in relation.by:
                add(f"{point} -> {quote(ident)} [{co_premises[implicit]}]")
            add(f"{target} -> {point} [{arrows['support', implicit]}]")
        else:
            add(f"{target} -> {quote(relation.by[0])} [{arrows['support', implicit]}]")
