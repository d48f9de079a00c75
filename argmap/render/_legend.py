"""The legend: a sample of each mark a drawing uses, laid out apart so it never moves the map.

Graphviz lays out each connected component of a graph on its own when the graph has a
``pack`` attribute, then places the components side by side (``packmode``). The legend is
a component of its own, so the map's layout is the same with and without it, up to where
the whole map sits. Three things keep it so, with system Graphviz and with graphviz-pure:

- the map is one component: separate pieces of it are tied by invisible links that
  constrain no rank (:func:`tie_pieces`);
- a drawing without a legend still has a second component, one invisible point (the
  bundled renderer lays out a lone component differently from one of several);
- no edge of the legend has a label (an edge label anywhere makes Graphviz set every rank
  of the graph twice as far apart, with a rank between for the labels).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

import attrs

from argmap.analysis.focus import Focus
from argmap.analysis.framework import Label, Labelling
from argmap.argument_map import ArgumentMap
from argmap.nodes import Premise
from argmap.relations import Attack, Support
from argmap.render._text import escape
from argmap.render.theme import Theme, edge_style, label_style, node_style
from argmap.render.writer import Block, attribute_list, quote

__all__ = [
    "LABELS",
    "LINES",
    "MARKS",
    "SHAPES",
    "add_legend",
    "add_placeholder",
    "keep_apart",
    "legend_marks",
    "pack_attributes",
    "tie_pieces",
]

#: The boxes a legend can show, in its order: the node kinds, each followed by its look
#: with the border that marks some nodes of it (a main claim's, an implicit premise's),
#: the stub of a part of a map (``focus``), and the marks of an evaluation's labels
#: (:data:`LABELS`). Each is shown if some node looks so.
SHAPES = (
    "claim",
    "main claim",
    "premise",
    "implicit premise",
    "rebuttal",
    "recommendation",
    "stub",
    "labelled in",
    "labelled out",
    "labelled undec",
)
#: The legend's mark of each label an evaluation gives (``DrawingOptions.evaluation``).
LABELS = {Label.IN: "labelled in", Label.OUT: "labelled out", Label.UNDEC: "labelled undec"}
#: The lines a legend can show, in its order: the relation kinds, the double line of an
#: implicit relation (the analyst's reading), the dot where linked premises meet and the
#: arrow of a stub.
LINES = ("support", "attack", "undercut", "implicit", "linked", "stub arrow")
#: Every mark a legend can explain, in the order it shows them.
MARKS = SHAPES + LINES

#: Space between the map and the legend, in points (Graphviz ``pack``).
_GAP = 12
#: The name of the invisible point a drawing without a legend has in its place.
_PLACEHOLDER = "no legend"
#: The weight of a line of the legend: heavy, so that its caption stands in line with it.
_STRAIGHT = "100"
_POINT: Mapping[str, str | None] = {"shape": "point", "style": "invis", "width": "0"}
_PLAIN: Mapping[str, str | None] = {"shape": "plaintext", "height": "0", "margin": "0.02,0"}


def legend_marks(
    amap: ArgumentMap, part: Focus | None = None, evaluation: Labelling | None = None
) -> tuple[str, ...]:
    """The marks that a drawing of ``amap`` uses, in the legend's order (see :data:`MARKS`).

    ``part``: the map is that part of a larger map, drawn with its stubs. ``evaluation``:
    the labels drawn, of which those the map's nodes have are shown.

    >>> import argmap
    >>> m = (argmap.MapBuilder("T").claim("c", "C.", main=True)
    ...      .premise("p", "P.", supports="c").rebuttal("r", "R.", attacks="p->c").build())
    >>> legend_marks(m)
    ('main claim', 'premise', 'rebuttal', 'support', 'undercut')
    """
    used: set[str] = set()
    for node in amap.nodes:  # a node of a kind, or of its kind with a border of its own
        if getattr(node, "main", False):
            used.add("main claim")
        elif isinstance(node, Premise) and node.implicit:
            used.add("implicit premise")
        else:
            used.add(node.kind)
    supports = {r.id for r in amap.relations if isinstance(r, Support)}
    for relation in amap.relations:
        if isinstance(relation, Attack):
            used.add("undercut" if relation.target in supports else "attack")
        else:
            used.add("support")
            if len(relation.by) > 1:
                used.add("linked")
        if relation.implicit:
            used.add("implicit")
    if part is not None and part.stubs:
        used.update(("stub", "stub arrow"))
    if evaluation is not None:
        labels = evaluation.labels
        used.update(LABELS[labels[node.id]] for node in amap.nodes if node.id in labels)
    return tuple(mark for mark in MARKS if mark in used)


def pack_attributes(direction: str) -> dict[str, str]:
    """The graph attributes that lay the legend out on its own and place it by the map.

    Graphviz packs components before it turns the drawing to ``direction``. In one
    column (``array_1``), largest first, the legend comes under a map drawn top to
    bottom and over one drawn bottom to top. Across (``LR``, ``RL``), one row
    (``array_c1``) turns into a column: the legend comes over the map, at its left
    (the row's top, ``t``, or bottom, ``b``, as the turn goes).

    >>> pack_attributes("LR")
    {'pack': '12', 'packmode': 'array_ct1'}
    """
    mode = {"LR": "array_ct1", "RL": "array_cb1"}.get(direction, "array_1")
    return {"pack": str(_GAP), "packmode": mode}


def keep_apart(
    graph: Block,
    amap: ArgumentMap,
    look: Theme,
    *,
    direction: str,
    part: Focus | None,
    legend: bool,
    evaluation: Labelling | None = None,
) -> None:
    """What keeps the map's layout its own: the ties of its pieces, then the legend or its place."""
    tie_pieces(graph, amap)
    if legend:
        add_legend(graph, legend_marks(amap, part, evaluation), look, direction=direction)
    else:
        add_placeholder(graph)


def tie_pieces(graph: Block, amap: ArgumentMap) -> None:
    """Tie the map's separate pieces into one, left to right, by invisible links.

    The links constrain no rank: each piece is ranked as if alone. Without them, Graphviz
    would pack each piece as a component of its own, and the legend might come between.
    """
    firsts = _pieces(amap)
    for before, after in itertools.pairwise(firsts):
        graph.add(f"{quote(before)} -> {quote(after)} [constraint=false style=invis]")


def add_placeholder(graph: Block) -> None:
    """The invisible point that stands in for the legend, so the map is laid out the same."""
    graph.node(_PLACEHOLDER, "", {"shape": "point", "style": "invis", "width": "0"})


def add_legend(graph: Block, marks: Sequence[str], look: Theme, *, direction: str) -> None:
    """A box with a sample of each of ``marks`` (from :func:`legend_marks`), in their order.

    The boxes stand in a row (a column, across); under it (beside it), each line is drawn
    as the map draws it, from its caption on the next row to an end on this one, so that
    it points the map's way. Samples are named ``legend MARK``, a line's end ``... to``.
    """
    shapes = [mark for mark in marks if mark in SHAPES]
    lines = [mark for mark in marks if mark in LINES]
    # Legend names hold a space, which no argmap id may: they never clash with the map's.
    with graph.subgraph("cluster_legend") as box:
        # The drawing's caption is at its foot (``labelloc=b``), the legend's at its head:
        # Graphviz turns the top of a cluster over with a drawing that goes bottom to top.
        box.set(
            {
                "label": f"<{escape(look.legend_title)}>",
                "labelloc": "b" if direction == "BT" else "t",
                "fontsize": look.fontsize,
                "color": look.ink,
                "style": "rounded",
            }
        )
        # Boxes as small as their captions: Graphviz makes a node at least this big.
        box.defaults(
            "node",
            {
                "fontsize": look.caption_fontsize,
                "margin": "0.06,0.03",
                "width": "0",
                "height": "0.3",
            },
        )
        for mark in shapes:
            box.node(f"legend {mark}", f"<{escape(_shape_caption(look, mark))}>", _box(look, mark))
        for mark in lines:
            name = f"legend {mark}"
            box.node(f"{name} to", "", _head(look, mark))
            box.node(name, f"<{escape(_line_caption(look, mark))}>", _PLAIN)
            if mark == "linked":  # two lines meet at the dot, its caption between them
                for end in (f"{name} by", f"{name} with"):
                    box.node(end, "", _POINT)
        if direction in ("LR", "RL"):
            _lay_out_across(box, look, shapes, lines, direction=direction)
        else:
            _lay_out_down(box, look, shapes, lines)


def _lay_out_down(box: Block, look: Theme, shapes: Sequence[str], lines: Sequence[str]) -> None:
    """Ranks top to bottom: a row of boxes, then the lines from their ends to their captions."""
    with box.subgraph() as row:
        row.set({"rank": "same"})
        names = [f"legend {mark}" for mark in shapes]
        for name in names:
            row.node(name)
        _order(row, names, upright=False)
    if not lines:
        return
    heads = [f"legend {mark} to" for mark in lines]
    with box.subgraph() as row:
        row.set({"rank": "same"})
        for head in heads:
            row.node(head)
        _order(row, heads, upright=False)
    captions: list[str] = []
    with box.subgraph() as row:
        row.set({"rank": "same"})
        for mark in lines:
            name = f"legend {mark}"
            ends = [f"{name} by", name, f"{name} with"] if mark == "linked" else [name]
            for end in ends:
                row.node(end)
            captions.extend(ends)
        _order(row, captions, upright=False)
    box.edge(f"legend {shapes[0]}", heads[0], {"style": "invis"})  # lines after the boxes
    for mark in lines:
        _add_line(box, look, mark)


def _lay_out_across(
    box: Block, look: Theme, shapes: Sequence[str], lines: Sequence[str], *, direction: str
) -> None:
    """Ranks left to right (right to left): the legend as a strip of two rows, not a column.

    Each box, each line's end and each caption is a rank of its own, chained by invisible
    links; the boxes' row over the lines'. A drawing across is wider than tall, so a strip
    over it costs far less room than a column of the legend's marks would.
    """
    backwards = direction == "RL"  # ranks go right to left: chain the reading order reversed
    boxes = [f"legend {mark}" for mark in shapes]
    steps: list[tuple[str, str]] = []  # (the rank's node, the line it is the end of, or "")
    for mark in lines:
        # Read left to right: a line's end, then its caption (its caption first, in RL).
        pair = [(f"legend {mark} to", ""), (f"legend {mark}", mark)]
        steps.extend(pair[::-1] if backwards else pair)
    if backwards:
        boxes.reverse()
        steps.reverse()
    for before, after in itertools.pairwise(boxes):
        box.edge(before, after, {"style": "invis"})
    for (before, _), (after, mark) in itertools.pairwise(steps):
        if mark and before == f"legend {mark} to":
            _add_line(box, look, mark)
        else:
            box.edge(before, after, {"style": "invis"})
    for mark in lines:
        if mark == "linked":  # the caption between the two lines, in the same rank
            name = f"legend {mark}"
            with box.subgraph() as rank:
                rank.set({"rank": "same"})
                ends = [f"{name} by", name, f"{name} with"]
                for end in ends:
                    rank.node(end)
                _order(rank, ends, upright=True)
    if boxes and steps:  # the boxes' row over the lines': their first ranks side by side
        first_box, first_step = boxes[0], steps[0][0]
        with box.subgraph() as rank:
            rank.set({"rank": "same"})
            rank.node(first_box)
            rank.node(first_step)
            _order(rank, [first_box, first_step], upright=True)


def _add_line(box: Block, look: Theme, mark: str) -> None:
    """The sample of the line ``mark``, from its end to its caption, drawn the map's way."""
    name = f"legend {mark}"
    head = quote(f"{name} to")
    if mark == "linked":
        line = _line(look, "support", arrowhead="none")
        for end in (f"{name} by", f"{name} with"):
            box.add(f"{head} -> {quote(end)} [{line}]")
        box.add(f"{head} -> {quote(name)} [style=invis weight={_STRAIGHT}]")
    else:
        box.add(f"{head} -> {quote(name)} [{_line(look, mark)} weight={_STRAIGHT}]")


def _shape_caption(look: Theme, mark: str) -> str:
    if mark == "main claim":
        return f"MAIN {look.claim.caption}"
    if mark == "implicit premise":
        return f"{look.premise.caption} · implicit"
    if mark == "stub":
        return look.stub_caption
    if mark in _LABEL_OF:
        marks = label_style(look, _LABEL_OF[mark])
        return f"{marks.badge} {marks.caption}"
    return node_style(look, mark).caption


_LABEL_OF = {mark: label for label, mark in LABELS.items()}


def _line_caption(look: Theme, mark: str) -> str:
    captions = {
        "implicit": look.implicit_caption,
        "linked": look.linked_caption,
        "stub arrow": look.stub_arrow_caption,
    }
    return captions.get(mark) or edge_style(look, mark).caption


def _box(look: Theme, mark: str) -> dict[str, str | None]:
    """The attributes of a box of the legend, drawn as the map draws such nodes."""
    if mark == "stub":
        return {
            "shape": "box",
            "style": f"rounded,{look.stub_style}",
            "color": look.stub_ink,
            "fontcolor": look.stub_ink,
        }
    if mark in _LABEL_OF:  # a plain box with the label's marks
        marks = label_style(look, _LABEL_OF[mark])
        return {
            "shape": "box",
            "style": ",".join(("filled", marks.style)) if marks.style else "filled",
            "fillcolor": marks.fill or look.background,
            "color": marks.border or look.ink,
            "fontcolor": marks.font or look.ink,
            "peripheries": marks.peripheries,
            "penwidth": marks.penwidth,
        }
    kind = {"main claim": "claim", "implicit premise": "premise"}.get(mark, mark)
    style = node_style(look, kind)
    line_style = style.style
    if mark == "main claim":
        line_style += "," + look.main_style
    elif mark == "implicit premise":
        line_style += "," + look.implicit_style
    return {
        "shape": style.shape,
        "style": line_style,
        "fillcolor": style.fill,
        "color": style.border,
        "fontcolor": style.font,
        "penwidth": look.main_penwidth if mark == "main claim" else None,
    }


def _head(look: Theme, mark: str) -> Mapping[str, str | None]:
    """The end a line of the legend points at: nothing, or the dot where linked lines meet."""
    if mark == "linked":
        return {
            "shape": "point",
            "width": "0.08",
            "height": "0.08",
            "color": edge_style(look, "support").color,
        }
    return _POINT


def _line(look: Theme, mark: str, *, arrowhead: str | None = None) -> str:
    """A line of the legend, written as the map writes its arrows: head first, ``dir=back``."""
    style = edge_style(look, mark if mark in ("attack", "undercut") else "support")
    color = f"{style.color}:{style.color}" if mark == "implicit" else style.color
    if mark == "stub arrow":  # as a stub of reasons is joined to its node
        color, style = look.stub_ink, attrs.evolve(style, style=look.stub_style, penwidth="1")
    return attribute_list(
        {
            "arrowtail": style.arrowhead if arrowhead is None else arrowhead,
            "color": color,
            "dir": "back",
            "style": style.style,
            "penwidth": None if style.penwidth == "1" else style.penwidth,
        }
    )


def _order(row: Block, names: Sequence[str], *, upright: bool) -> None:
    """Invisible links that fix the order of a row, so every renderer lays it out alike."""
    for before, after in itertools.pairwise(names):
        row.edge(*((after, before) if upright else (before, after)), {"style": "invis"})


def _pieces(amap: ArgumentMap) -> list[str]:
    """The first node of each separate piece of the map (joined by relations), in map order."""
    parent = {node.id: node.id for node in amap.nodes}

    def root(ident: str) -> str:
        while parent[ident] != ident:
            parent[ident] = parent[parent[ident]]
            ident = parent[ident]
        return ident

    supports = {r.id: r for r in amap.relations if isinstance(r, Support)}
    for relation in amap.relations:
        if isinstance(relation, Support):
            ends = [*relation.by, relation.target]
        else:  # an undercut joins its attacker to the ends of the support it attacks
            undercut = supports.get(relation.target)
            ends = [relation.attacker, *(undercut.by if undercut else (relation.target,))]
        for end in ends[1:]:
            parent[root(end)] = root(ends[0])
    firsts: dict[str, str] = {}
    for node in amap.nodes:
        firsts.setdefault(root(node.id), node.id)
    return list(firsts.values())
