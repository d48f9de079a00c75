"""Themes: how each node kind and relation kind looks, as frozen data."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs

from argmap.analysis.framework import Label

__all__ = [
    "THEMES",
    "EdgeStyle",
    "LabelStyle",
    "NodeStyle",
    "Theme",
    "edge_style",
    "label_style",
    "node_style",
]


@attrs.frozen
class NodeStyle:
    """How nodes of one kind look: Graphviz shape, style, colours and the caption above the text.

    >>> NodeStyle("box", fill="#FFFFFF", border="#000000", font="#000000", caption="CLAIM").shape
    'box'
    """

    shape: str
    fill: str = attrs.field(kw_only=True)
    border: str = attrs.field(kw_only=True)
    font: str = attrs.field(kw_only=True)
    caption: str = attrs.field(kw_only=True)
    #: Graphviz ``style`` of the node; ``filled`` is needed for the fill colour to show.
    style: str = attrs.field(default="filled", kw_only=True)
    #: Space around the text (Graphviz ``margin``, inches), if not the drawing's default.
    #: Octagons and hexagons already leave room at their corners, so need less.
    margin: str | None = attrs.field(default=None, kw_only=True)


@attrs.frozen
class EdgeStyle:
    """How arrows of one relation kind look: colour, line style and arrowhead.

    >>> EdgeStyle("#000000", style="dashed", arrowhead="tee").arrowhead
    'tee'
    """

    color: str
    style: str = attrs.field(default="solid", kw_only=True)
    arrowhead: str = attrs.field(default="normal", kw_only=True)
    #: The caption the legend gives the arrow.
    caption: str = attrs.field(default="", kw_only=True)
    #: Line width in points; dotted lines read better a little heavier.
    penwidth: str = attrs.field(default="1", kw_only=True)


@attrs.frozen
class LabelStyle:
    """How nodes an evaluation labels one way are marked, over their kind's look.

    Each label has a badge in the node's caption line and a border of its own that reads
    without colour: ``peripheries="2"`` draws a double border, ``style`` adds a line style
    (it takes the place of an implicit premise's dashes), and ``border``, ``font`` and
    ``fill`` (None: the kind's) grey a node out.

    >>> LabelStyle("[IN]", caption="accepted", peripheries="2").badge
    '[IN]'
    """

    badge: str
    #: What the legend says of the label, after its badge.
    caption: str = attrs.field(kw_only=True)
    style: str = attrs.field(default="", kw_only=True)
    peripheries: str | None = attrs.field(default=None, kw_only=True)
    border: str | None = attrs.field(default=None, kw_only=True)
    font: str | None = attrs.field(default=None, kw_only=True)
    fill: str | None = attrs.field(default=None, kw_only=True)
    #: Border width in points (a main claim keeps its own); dotted borders read better heavier.
    penwidth: str | None = attrs.field(default=None, kw_only=True)


# An evaluation's marks, differing without colour: IN a double border, OUT greyed out (grey
# border and text on a paler fill), UNDEC a dotted border. Badges are ASCII, which every
# renderer's fonts hold (graphviz-pure's bitmaps have no check mark).
_LABEL_IN = LabelStyle("[IN]", caption="accepted", peripheries="2")
_LABEL_OUT = LabelStyle(
    "[OUT]", caption="rejected", border="#8C8C8C", font="#595959", fill="#F2F2F2"
)
_LABEL_UNDEC = LabelStyle("[UNDEC]", caption="undecided", style="dotted", penwidth="1.5")


@attrs.frozen
class Theme:
    """A complete look for a drawing; derive your own with ``attrs.evolve``.

    >>> import attrs
    >>> mine = attrs.evolve(THEMES["default"], name="mine", background="#FAFAFA")
    >>> mine.background, mine.claim.caption
    ('#FAFAFA', 'CLAIM')
    """

    name: str
    claim: NodeStyle = attrs.field(kw_only=True)
    premise: NodeStyle = attrs.field(kw_only=True)
    rebuttal: NodeStyle = attrs.field(kw_only=True)
    recommendation: NodeStyle = attrs.field(kw_only=True)
    support: EdgeStyle = attrs.field(kw_only=True)
    attack: EdgeStyle = attrs.field(kw_only=True)
    undercut: EdgeStyle = attrs.field(kw_only=True)
    #: Font families, first choice first; CJK fallbacks keep Chinese, Japanese and Korean legible.
    #: graphviz-pure draws in one of its own fonts instead, by these (argmap.render._fonts).
    fonts: tuple[str, ...] = attrs.field(
        default=("Noto Sans", "Noto Sans CJK SC", "Noto Sans CJK KR", "sans-serif"),
        kw_only=True,
    )
    fontsize: str = attrs.field(default="11", kw_only=True)
    caption_fontsize: str = attrs.field(default="8", kw_only=True)
    #: Text size, extra border width and border style for main claims (theses).
    main_fontsize: str = attrs.field(default="13", kw_only=True)
    main_penwidth: str = attrs.field(default="2.5", kw_only=True)
    main_style: str = attrs.field(default="bold", kw_only=True)
    #: Border style added to implicit premises (the analyst's additions).
    implicit_style: str = attrs.field(default="dashed", kw_only=True)
    background: str = attrs.field(default="#FFFFFF", kw_only=True)
    #: Colour of junction points, cluster borders and the caption.
    ink: str = attrs.field(default="#000000", kw_only=True)
    #: Colour and line style of stubs, the boxes and arrows of a part of a map (``focus``)
    #: that stand for what is not drawn; their text is as small as captions.
    stub_ink: str = attrs.field(default="#666666", kw_only=True)
    stub_style: str = attrs.field(default="dashed", kw_only=True)
    #: Space between neighbours in a rank and between ranks, inches (Graphviz ``nodesep``
    #: and ``ranksep``): as close as the arrows between them stay easy to follow.
    nodesep: str = attrs.field(default="0.12", kw_only=True)
    ranksep: str = attrs.field(default="0.3", kw_only=True)
    #: What the legend is headed, and what it says of the marks that are not a kind's
    #: caption or an arrow's: an implicit relation, linked premises, a stub and its arrow.
    legend_title: str = attrs.field(default="Legend", kw_only=True)
    implicit_caption: str = attrs.field(default="implicit (analyst's reading)", kw_only=True)
    linked_caption: str = attrs.field(default="linked premises", kw_only=True)
    stub_caption: str = attrs.field(default="+N more (not drawn)", kw_only=True)
    stub_arrow_caption: str = attrs.field(default="to what is not drawn", kw_only=True)
    #: The marks of an evaluation's labels (``DrawingOptions.evaluation``), by label.
    label_in: LabelStyle = attrs.field(default=_LABEL_IN, kw_only=True)
    label_out: LabelStyle = attrs.field(default=_LABEL_OUT, kw_only=True)
    label_undec: LabelStyle = attrs.field(default=_LABEL_UNDEC, kw_only=True)


def node_style(theme: Theme, kind: str) -> NodeStyle:
    """The style of nodes of ``kind`` (``claim``, ``premise``, ``rebuttal``, ``recommendation``).

    >>> node_style(THEMES["print"], "rebuttal").shape
    'octagon'
    """
    styles = {
        "claim": theme.claim,
        "premise": theme.premise,
        "rebuttal": theme.rebuttal,
        "recommendation": theme.recommendation,
    }
    try:
        return styles[kind]
    except KeyError:
        raise ValueError(f"no node kind {kind!r}; expected one of {', '.join(styles)}") from None


def label_style(theme: Theme, label: Label | str) -> LabelStyle:
    """The marks of nodes labelled ``label`` (``in``, ``out`` or ``undec``).

    >>> label_style(THEMES["default"], "undec").style
    'dotted'
    """
    styles = {Label.IN: theme.label_in, Label.OUT: theme.label_out, Label.UNDEC: theme.label_undec}
    try:
        return styles[Label(label)]
    except ValueError:
        raise ValueError(f"no label {label!r}; expected one of {', '.join(styles)}") from None


def edge_style(theme: Theme, kind: str) -> EdgeStyle:
    """The style of arrows of ``kind`` (``support``, ``attack`` or ``undercut``).

    >>> edge_style(THEMES["default"], "attack").style
    'dashed'
    """
    styles = {"support": theme.support, "attack": theme.attack, "undercut": theme.undercut}
    try:
        return styles[kind]
    except KeyError:
        raise ValueError(
            f"no relation kind {kind!r}; expected one of {', '.join(styles)}"
        ) from None


# Shapes are the same in every built-in theme, so kinds stay apart even without colour.
_SHAPES = {
    "claim": ("box", "rounded,filled", None),
    "premise": ("box", "filled", None),
    "rebuttal": ("octagon", "filled", "0.02,0.04"),
    "recommendation": ("hexagon", "filled", "0.02,0.04"),
}


# Line styles too: supports solid, attacks dashed with a bar, undercuts dotted (heavier,
# so they stay visible) with a bar.
_LINES = {
    "support": {"style": "solid", "arrowhead": "normal", "caption": "supports"},
    "attack": {"style": "dashed", "arrowhead": "tee", "caption": "attacks"},
    "undercut": {"style": "dotted", "arrowhead": "tee", "caption": "undercuts", "penwidth": "1.5"},
}


# For paper: every line heavier, so that it survives a photocopy, and an open box ending
# undercuts, which a bar (attacks) and the junction's dot cannot be mistaken for.
_PRINT_LINES = {
    "support": {**_LINES["support"], "penwidth": "1.5"},
    "attack": {**_LINES["attack"], "penwidth": "2"},
    "undercut": {**_LINES["undercut"], "arrowhead": "obox", "penwidth": "2.5"},
}


def _theme(
    name: str,
    colours: Mapping[str, tuple[str, str, str]],
    arrows: Mapping[str, str],
    lines: Mapping[str, Mapping[str, str]] = _LINES,
    *,
    label_out: LabelStyle = _LABEL_OUT,
    label_undec: LabelStyle = _LABEL_UNDEC,
) -> Theme:
    """A theme from node colours ``kind: (fill, border, font)``, arrow colours and lines by kind."""
    nodes = {
        kind: NodeStyle(
            _SHAPES[kind][0],
            style=_SHAPES[kind][1],
            margin=_SHAPES[kind][2],
            fill=fill,
            border=border,
            font=font,
            caption=kind.upper(),
        )
        for kind, (fill, border, font) in colours.items()
    }
    edges = {kind: EdgeStyle(colour, **lines[kind]) for kind, colour in arrows.items()}
    return Theme(
        name,
        claim=nodes["claim"],
        premise=nodes["premise"],
        rebuttal=nodes["rebuttal"],
        recommendation=nodes["recommendation"],
        support=edges["support"],
        attack=edges["attack"],
        undercut=edges["undercut"],
        label_out=label_out,
        label_undec=label_undec,
    )


# Okabe & Ito (2008), "Color Universal Design": blue #0072B2, bluish green #009E73,
# vermillion #D55E00, reddish purple #CC79A7, orange #E69F00; fills are light tints of them.
_DEFAULT = _theme(
    "default",
    {
        "claim": ("#D9EAF5", "#0072B2", "#000000"),
        "premise": ("#D6F0E7", "#009E73", "#000000"),
        "rebuttal": ("#F9E0CC", "#D55E00", "#000000"),
        "recommendation": ("#F6E3EE", "#CC79A7", "#000000"),
    },
    # The undercut's is Okabe-Ito orange darkened (#E69F00 at 75%): a dotted line in
    # the orange itself is hard to see on white.
    {"support": "#009E73", "attack": "#D55E00", "undercut": "#AD7700"},
)

# Rationale and MindMup: reasons green, objections red, rebuttals (attacks on an
# inference, here undercuts) orange.
_CLASSIC = _theme(
    "classic",
    {
        "claim": ("#E3F2FD", "#1565C0", "#000000"),
        "premise": ("#C8E6C9", "#2E7D32", "#000000"),
        "rebuttal": ("#FFCDD2", "#C62828", "#000000"),
        "recommendation": ("#FFF9C4", "#F9A825", "#000000"),
    },
    {"support": "#2E7D32", "attack": "#C62828", "undercut": "#EF6C00"},
)

# Greys only: kinds differ by shape, relations by line style and arrowhead; black lines,
# heavier than on screen.
_PRINT = _theme(
    "print",
    {
        "claim": ("#FFFFFF", "#000000", "#000000"),
        "premise": ("#F0F0F0", "#000000", "#000000"),
        "rebuttal": ("#D0D0D0", "#000000", "#000000"),
        "recommendation": ("#FFFFFF", "#000000", "#000000"),
    },
    {"support": "#000000", "attack": "#000000", "undercut": "#000000"},
    _PRINT_LINES,
    # Heavier, as its lines are; OUT on white, so that its grey text stays clear on paper.
    label_out=attrs.evolve(_LABEL_OUT, border="#808080", font="#4D4D4D", fill="#FFFFFF"),
    label_undec=attrs.evolve(_LABEL_UNDEC, penwidth="2"),
)

#: The built-in themes by name: ``default`` (colour-blind safe), ``classic``, ``print``.
THEMES: Mapping[str, Theme] = MappingProxyType(
    {theme.name: theme for theme in (_DEFAULT, _CLASSIC, _PRINT)}
)
