"""Draw a map as a ``graphviz.Digraph``: a pure function, no files and no subprocesses."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any, Literal

import graphviz

from argmap.argument_map import ArgumentMap
from argmap.nodes import NODE_KINDS, Node
from argmap.provenance import Source
from argmap.relations import Attack, Support
from argmap.render.labels import escape, node_label, text_width, wrap
from argmap.render.theme import THEMES, Theme, edge_style, node_style

__all__ = ["to_dot", "to_graphviz"]

Direction = Literal["TB", "LR", "BT", "RL"]
GroupBy = Literal["speaker", "tag", "source"]

_DIRECTIONS = ("TB", "LR", "BT", "RL")
_GROUPS = ("speaker", "tag", "source")
_CAPTION_WIDTH = 80
#: A node's horizontal margin, inches (Graphviz ``margin``); see also the node defaults.
_MARGIN_X = 0.15


def to_graphviz(
    amap: ArgumentMap,
    *,
    theme: str | Theme = "default",
    direction: Direction = "TB",
    group_by: GroupBy | None = None,
    label_width: int = 30,
    legend: bool = True,
    show_ids: bool = False,
) -> graphviz.Digraph:
    """The map as a Graphviz digraph; render it with graphviz (``.render()``, ``.pipe()``).

    Node names in the DOT source are the map's own ids, so the same map always gives the
    same source, and adding to a map only adds lines. A linked support and every support
    that is undercut gets a junction point, named by the support's id: co-premises meet
    there, and undercuts point at it.

    >>> from argmap import ArgumentMap, Claim, Premise, Support
    >>> m = ArgumentMap("T", nodes=[Claim("c", "A claim.", main=True), Premise("p", "Why.")],
    ...                 relations=[Support(["p"], "c")])
    >>> print(to_graphviz(m, legend=False).source)  # doctest: +ELLIPSIS
    digraph {
    ...
        c -> p [arrowtail=normal color="#009E73" dir=back style=solid]
    }
    """
    look = _resolve_theme(theme)
    if direction not in _DIRECTIONS:
        raise ValueError(f"direction must be one of {', '.join(_DIRECTIONS)}; got {direction!r}")
    if group_by is not None and group_by not in _GROUPS:
        raise ValueError(f"group_by must be None or one of {', '.join(_GROUPS)}; got {group_by!r}")
    if label_width < 1:
        raise ValueError(f"label_width must be at least 1, got {label_width!r}")

    fonts = ", ".join(look.fonts)
    graph = graphviz.Digraph()
    graph.attr(
        "graph",
        rankdir=direction,
        bgcolor=look.background,
        fontname=fonts,
        fontcolor=look.ink,
        label=_caption(amap),
        labelloc="b",
    )
    graph.attr("node", fontname=fonts, fontsize=look.fontsize, margin=f"{_MARGIN_X},0.08")
    graph.attr("edge", fontname=fonts, fontsize=look.caption_fontsize)

    def add(into: Any, node: Node) -> None:
        speaker = None
        if node.speaker is not None and group_by != "speaker":
            speaker = amap.participant(node.speaker).name
        _add_node(into, node, look, width=label_width, show_id=show_ids, speaker=speaker)

    if group_by is None:
        for node in amap.nodes:
            add(graph, node)
    else:
        _add_groups(graph, amap, group_by, look, add)

    mains = [node.id for node in amap.nodes if getattr(node, "main", False)]
    if mains:
        with graph.subgraph() as top:
            top.attr(rank="min")
            for ident in mains:
                top.node(ident)

    _add_relations(graph, amap, look)
    if legend and amap.nodes:
        _add_legend(graph, amap, look)
    return graph


def to_dot(amap: ArgumentMap, **options: Any) -> str:
    """The DOT source of the map; ``options`` are those of :func:`to_graphviz`.

    >>> from argmap import ArgumentMap, Claim
    >>> print(to_dot(ArgumentMap("T", nodes=[Claim("c", "A & B")]), legend=False))
    ... # doctest: +ELLIPSIS
    digraph {
    ...
        c [label=<<FONT POINT-SIZE="8">CLAIM</FONT><BR/>A &amp; B> ...]
    }
    """
    source: str = to_graphviz(amap, **options).source
    return source


def _resolve_theme(theme: str | Theme) -> Theme:
    if isinstance(theme, Theme):
        return theme
    try:
        return THEMES[theme]
    except (KeyError, TypeError):
        raise ValueError(
            f"theme must be a Theme or one of {', '.join(THEMES)}; got {theme!r}"
        ) from None


def _citation(source: Source) -> str:
    """``authors (or affiliation), outlet, date`` of a source."""
    who = ", ".join(source.authors) or source.affiliation
    return ", ".join(part for part in (who, source.outlet, source.date) if part)


def _caption(amap: ArgumentMap) -> str:
    """The graph's caption: the map's title in bold, then one citation line per source."""
    title = "<BR/>".join(escape(line) for line in wrap(amap.title, _CAPTION_WIDTH))
    lines = [f"<B>{title}</B>"]
    lines.extend(
        f'<FONT POINT-SIZE="9">{escape(citation)}</FONT>'
        for citation in map(_citation, amap.sources)
        if citation
    )
    return "<" + "<BR/>".join(lines) + ">"


def _add_node(
    into: Any, node: Node, look: Theme, *, width: int, show_id: bool, speaker: str | None
) -> None:
    style = node_style(look, node.kind)
    line_style = style.style
    attributes: dict[str, str] = {}
    if getattr(node, "main", False):
        line_style += "," + look.main_style
        attributes["penwidth"] = look.main_penwidth
    if getattr(node, "implicit", False):
        line_style += "," + look.implicit_style
    if style.margin is not None:
        attributes["margin"] = style.margin
    if not node.text.isascii():
        size = look.main_fontsize if getattr(node, "main", False) else look.fontsize
        points = text_width(wrap(node.text, width), float(size))
        if points is not None:  # wide text: at least one em per character, whatever the font
            attributes["width"] = f"{points / 72 + 2 * _MARGIN_X + 0.05:.2f}"
    into.node(
        node.id,
        label=node_label(
            node,
            style.caption,
            width=width,
            show_id=show_id,
            speaker=speaker,
            caption_fontsize=look.caption_fontsize,
            main_fontsize=look.main_fontsize,
        ),
        shape=style.shape,
        style=line_style,
        fillcolor=style.fill,
        color=style.border,
        fontcolor=style.font,
        **attributes,
    )


def _group_of(amap: ArgumentMap, node: Node, group_by: GroupBy) -> tuple[str, str] | None:
    """The key and the caption of the cluster ``node`` belongs in, or None."""
    if group_by == "speaker" and node.speaker is not None:
        participant = amap.participant(node.speaker)
        details = ", ".join(d for d in (participant.affiliation, participant.country) if d)
        return node.speaker, f"{participant.name} ({details})" if details else participant.name
    if group_by == "tag" and node.tags:
        return node.tags[0], node.tags[0]
    if group_by == "source" and node.source is not None:
        return node.source.doc, amap.source(node.source.doc).title
    return None


def _add_groups(
    graph: Any,
    amap: ArgumentMap,
    group_by: GroupBy,
    look: Theme,
    add: Callable[[Any, Node], None],
) -> None:
    """Ungrouped nodes first, then one cluster per group in order of first appearance."""
    groups: dict[str, tuple[str, list[Node]]] = {}
    for node in amap.nodes:
        group = _group_of(amap, node, group_by)
        if group is None:
            add(graph, node)
        else:
            groups.setdefault(group[0], (group[1], []))[1].append(node)
    for key, (caption, members) in groups.items():
        with graph.subgraph(name=f"cluster_{group_by}_{key}") as cluster:
            label = "<BR/>".join(escape(line) for line in wrap(caption, _CAPTION_WIDTH))
            cluster.attr(label=f"<<B>{label}</B>>", color=look.ink, style="rounded")
            for node in members:
                add(cluster, node)


def _edge(graph: Any, tail: str, head: str, look: Theme, kind: str, **extra: str) -> None:
    """An arrow from ``tail`` to ``head``, written head first with ``dir=back``.

    Graphviz ranks an edge's first node above its second: writing the conclusion first
    puts conclusions above their reasons (in the reading direction), while the arrow
    still points from reason to conclusion.
    """
    style = edge_style(look, kind)
    attributes = {
        "arrowtail": style.arrowhead,
        "color": style.color,
        "dir": "back",
        "style": style.style,
    }
    if style.penwidth != "1":
        attributes["penwidth"] = style.penwidth
    if "arrowhead" in extra:
        attributes["arrowtail"] = extra.pop("arrowhead")
    attributes.update(extra)
    graph.edge(head, tail, **attributes)


def _add_relations(graph: Any, amap: ArgumentMap, look: Theme) -> None:
    supports = {r.id for r in amap.relations if isinstance(r, Support)}
    undercut = {r.target for r in amap.relations if isinstance(r, Attack)} & supports
    for relation in amap.relations:
        if isinstance(relation, Attack):
            kind = "undercut" if relation.target in supports else "attack"
            _edge(graph, relation.by, relation.target, look, kind)
        elif len(relation.by) > 1 or relation.id in undercut:
            colour = edge_style(look, "support").color
            graph.node(
                relation.id,
                label="",
                shape="point",
                width="0.08",
                height="0.08",
                color=colour,
            )
            for ident in relation.by:
                _edge(graph, ident, relation.id, look, "support", arrowhead="none")
            _edge(graph, relation.id, relation.target, look, "support")
        else:
            _edge(graph, relation.by[0], relation.target, look, "support")


def _add_legend(graph: Any, amap: ArgumentMap, look: Theme) -> None:
    """A cluster naming the node kinds and relation kinds that the map uses, and only those."""
    used = {node.kind for node in amap.nodes}
    supports = {r.id for r in amap.relations if isinstance(r, Support)}
    relations = {
        ("undercut" if r.target in supports else "attack") if isinstance(r, Attack) else "support"
        for r in amap.relations
    }
    # Legend names hold a space, which no argmap id may: they never clash with the map's.
    with graph.subgraph(name="cluster_legend") as box:
        box.attr(label="Legend", color=look.ink, style="rounded")
        # One level row (a column, left to right or top to bottom by direction), its order
        # fixed by invisible links, so that every renderer lays it out the same way.
        with box.subgraph() as row:
            row.attr(rank="same")
            row.attr("node", fontsize=look.caption_fontsize, margin="0.06,0.03")
            order: list[str] = []
            for kind in NODE_KINDS:
                if kind in used:
                    style = node_style(look, kind)
                    name = f"legend {kind}"
                    row.node(
                        name,
                        label=f"<{escape(style.caption)}>",
                        shape=style.shape,
                        style=style.style,
                        fillcolor=style.fill,
                        color=style.border,
                        fontcolor=style.font,
                    )
                    order.append(name)
            for kind in ("support", "attack", "undercut"):
                if kind in relations:
                    arrow = edge_style(look, kind)
                    ends = (f"legend {kind} from", f"legend {kind} to")
                    for end in ends:
                        row.node(end, label="", shape="point", style="invis")
                    row.edge(
                        *ends,
                        arrowhead=arrow.arrowhead,
                        color=arrow.color,
                        style=arrow.style,
                        penwidth=arrow.penwidth,
                        label=f"<{escape(arrow.caption)}>",
                    )
                    order.extend(ends)
            for before, after in itertools.pairwise(order):
                if not before.endswith(" from"):  # a sample arrow links its own two ends
                    row.edge(before, after, style="invis")
