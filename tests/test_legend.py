"""The legend: it never moves the map, shows exactly the marks drawn, and points the map's way.

Positions come from each renderer's own layout (``-Tjson``), with and without the legend.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given

import argmap
from argmap import ArgumentMap, Attack, Claim, Premise, Rebuttal, Recommendation, Support
from argmap.render import RendererName
from argmap.render._legend import MARKS
from tests.strategies import maps

DIRECTIONS = ("TB", "LR", "BT", "RL")
#: How far apart two renderings of one position may be: the layout output's rounding.
ROUNDING = 0.25
#: The way a map's arrows point in each direction, in Graphviz coordinates (y up).
POINTING = {"TB": (0, 1), "BT": (0, -1), "LR": (-1, 0), "RL": (1, 0)}


@pytest.fixture(scope="module")
def sejong() -> ArgumentMap:
    return argmap.examples.load("sejong")


def small_map() -> ArgumentMap:
    """Every relation kind: a linked support, an undercut, an attack, an implicit support."""
    return ArgumentMap(
        "Small",
        nodes=[
            Claim("c", "The claim.", main=True),
            Premise("p1", "One reason."),
            Premise("p2", "Its co-premise.", implicit=True),
            Premise("p3", "A lone reason."),
            Rebuttal("r", "An objection."),
            Rebuttal("u", "The inference fails."),
            Recommendation("act", "Act on it."),
        ],
        relations=[
            Support(["p1", "p2"], "c"),
            Support(["p3"], "c"),
            Attack("r", "p3"),
            Attack("u", "p3->c"),
            Support(["c"], "act", implicit=True),
        ],
    )


def pieces() -> ArgumentMap:
    """A map in three separate pieces, one of them a lone node."""
    return ArgumentMap(
        "Pieces",
        nodes=[
            Claim("a", "First thesis.", main=True),
            Premise("a1", "Its reason."),
            Claim("b", "Second thesis."),
            Premise("b1", "A reason for it, at some length so that it wraps."),
            Premise("b2", "Another."),
            Recommendation("alone", "Unrelated advice."),
        ],
        relations=[Support(["a1"], "a"), Support(["b1", "b2"], "b")],
    )


MAPS: dict[str, tuple[Callable[[], ArgumentMap], dict[str, Any]]] = {
    "sejong": (lambda: argmap.examples.load("sejong"), {}),
    "sejong by source": (lambda: argmap.examples.load("sejong"), {"group_by": "source"}),
    "sejong, a part": (lambda: argmap.examples.load("sejong"), {"focus": "uncertain", "depth": 1}),
    "small": (small_map, {}),
    "pieces": (pieces, {}),
}


def layout(amap: ArgumentMap, renderer: RendererName, **options: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        argmap.render_bytes(amap, "json", renderer=renderer, **options)
    )
    return data


def point(text: str) -> tuple[float, float]:
    x, y = text.split(",")
    return float(x), float(y)


def map_positions(drawn: dict[str, Any]) -> dict[str, tuple[float, float]]:
    """Where the layout put each node of the map (junctions and stubs too), by name."""
    return {
        item["name"]: point(item["pos"])
        for item in drawn["objects"]
        if "pos" in item and not item["name"].startswith(("legend ", "no legend"))
    }


def legend_box(drawn: dict[str, Any]) -> tuple[float, float, float, float]:
    (box,) = [item["bb"] for item in drawn["objects"] if item["name"] == "cluster_legend"]
    left, bottom, right, top = map(float, box.split(","))
    return left, bottom, right, top


def translation(
    before: dict[str, tuple[float, float]], after: dict[str, tuple[float, float]]
) -> tuple[float, float]:
    """The one shift that takes every position ``before`` to ``after``; fails if none does."""
    assert before.keys() == after.keys()
    first = next(iter(before))
    dx, dy = after[first][0] - before[first][0], after[first][1] - before[first][1]
    moved = {
        name: (round(after[name][0] - x - dx, 2), round(after[name][1] - y - dy, 2))
        for name, (x, y) in before.items()
        if abs(after[name][0] - x - dx) > ROUNDING or abs(after[name][1] - y - dy) > ROUNDING
    }
    assert moved == {}, f"not one translation: {moved}"
    return dx, dy


# -- the legend never moves the map -------------------------------------------------------------


@pytest.mark.parametrize("direction", DIRECTIONS)
@pytest.mark.parametrize("name", MAPS)
def test_the_map_is_laid_out_the_same_with_and_without_the_legend(
    renderer: RendererName, direction: str, name: str
) -> None:
    make, options = MAPS[name]
    amap = make()
    without = layout(amap, renderer, direction=direction, legend=False, **options)
    with_legend = layout(amap, renderer, direction=direction, **options)
    translation(map_positions(without), map_positions(with_legend))


@given(maps(max_nodes=6))
def test_any_map_is_laid_out_the_same_with_and_without_the_legend(amap: ArgumentMap) -> None:
    if not amap.nodes:
        return
    for direction in ("TB", "LR"):
        without = layout(amap, "graphviz-pure", direction=direction, legend=False, label_width=12)
        drawn = layout(amap, "graphviz-pure", direction=direction, label_width=12)
        translation(map_positions(without), map_positions(drawn))


def test_a_map_in_pieces_is_tied_into_one_without_constraining_ranks() -> None:
    source = argmap.to_dot(pieces())
    assert re.findall(r"^\t(\w+) -> (\w+) \[constraint=false style=invis\]$", source, re.M) == [
        ("a", "b"),
        ("b", "alone"),
    ]
    assert "constraint=false" not in argmap.to_dot(small_map())


def test_without_a_legend_an_invisible_point_takes_its_place(renderer: RendererName) -> None:
    source = argmap.to_dot(small_map(), legend=False)
    assert '\t"no legend" [label="" shape=point style=invis width=0]\n' in source
    assert "cluster_legend" not in source
    svg = argmap.to_svg(small_map(), renderer=renderer, legend=False)
    assert "<title>no legend</title>" not in svg and "Legend" not in svg
    assert "no legend" not in argmap.to_dot(ArgumentMap("Empty"))


@pytest.mark.parametrize(
    ("direction", "where"), [("TB", "under"), ("BT", "over"), ("LR", "over"), ("RL", "over")]
)
def test_the_legend_stands_apart_under_or_over_the_map(
    renderer: RendererName, sejong: ArgumentMap, direction: str, where: str
) -> None:
    drawn = layout(sejong, renderer, direction=direction)
    left, bottom, _, top = legend_box(drawn)
    nodes = map_positions(drawn).values()
    if where == "under":
        assert top < min(y for _, y in nodes)
    else:
        assert bottom > max(y for _, y in nodes)
    if direction in ("LR", "RL"):  # at the map's left
        assert left <= min(x for x, _ in nodes)


@pytest.mark.parametrize("direction", ["LR", "RL"])
def test_across_the_legend_is_a_strip_that_reads_left_to_right(
    renderer: RendererName, sejong: ArgumentMap, direction: str
) -> None:
    drawn = layout(sejong, renderer, direction=direction)
    left, bottom, right, top = legend_box(drawn)
    assert right - left > 3 * (top - bottom)  # a strip over the map, not a column beside it
    places = {
        item["name"]: point(item["pos"])
        for item in drawn["objects"]
        if item["name"].startswith("legend ") and "pos" in item
    }
    boxes = ["legend claim", "legend main claim", "legend premise", "legend rebuttal"]
    lines = ["legend support", "legend attack", "legend implicit", "legend linked"]
    for row in (boxes, lines):
        assert sorted(row, key=lambda name: places[name][0]) == row
    assert min(places[name][1] for name in boxes) > max(places[name][1] for name in lines)


# -- the legend shows every mark drawn, and only those -----------------------------------------


def samples(source: str) -> list[str]:
    """The marks the legend of a DOT source shows, in its order."""
    if "cluster_legend" not in source:
        return []
    legend = source[source.index("subgraph cluster_legend {") :]
    return re.findall(r'^\t+"legend ([\w ]+?)" \[label=<(?!>)', legend, re.MULTILINE)


BASE = ArgumentMap(
    "T",
    nodes=[Claim("c", "C."), Premise("p", "P.")],
    relations=[Support(["p"], "c")],
)


def using(mark: str) -> ArgumentMap:
    """BASE with one more mark drawn."""
    nodes, relations = list(BASE.nodes), list(BASE.relations)
    if mark == "main claim":
        nodes.append(Claim("m", "M.", main=True))
        relations.append(Support(["c"], "m"))
    elif mark == "implicit premise":
        nodes.append(Premise("q", "Q.", implicit=True))
    elif mark in ("rebuttal", "attack"):
        nodes.append(Rebuttal("r", "R."))
        relations.append(Attack("r", "p"))
    elif mark == "recommendation":
        nodes.append(Recommendation("d", "D."))
    elif mark == "undercut":
        nodes.append(Rebuttal("r", "R."))
        relations.append(Attack("r", "p->c"))
    elif mark == "implicit":
        relations[0] = Support(["p"], "c", implicit=True)
    elif mark == "linked":
        nodes.append(Premise("q", "Q."))
        relations[0] = Support(["p", "q"], "c")
    return attrs.evolve(BASE, nodes=nodes, relations=relations)


def test_the_base_map_shows_its_kinds_and_its_arrow() -> None:
    assert samples(argmap.to_dot(BASE)) == ["claim", "premise", "support"]


@pytest.mark.parametrize(
    ("mark", "added"),
    [
        ("main claim", {"main claim"}),
        ("implicit premise", {"implicit premise"}),
        ("recommendation", {"recommendation"}),
        ("attack", {"rebuttal", "attack"}),
        ("undercut", {"rebuttal", "undercut"}),
        ("implicit", {"implicit"}),
        ("linked", {"linked"}),
    ],
)
def test_each_mark_is_in_the_legend_once_the_map_uses_it(mark: str, added: set[str]) -> None:
    shown = samples(argmap.to_dot(using(mark)))
    assert set(shown) == {"claim", "premise", "support", *added}
    assert shown == [known for known in MARKS if known in shown]  # in the legend's order


def test_a_kind_is_shown_plain_only_if_some_node_of_it_is_drawn_plain() -> None:
    amap = ArgumentMap("T", nodes=[Claim("c", "C.", main=True)])
    assert samples(argmap.to_dot(amap)) == ["main claim"]
    amap = ArgumentMap(
        "T",
        nodes=[Claim("c", "C."), Premise("p", "P.", implicit=True)],
        relations=[Support(["p"], "c")],
    )
    assert samples(argmap.to_dot(amap)) == ["claim", "implicit premise", "support"]


def test_a_part_shows_its_stubs_and_what_it_draws(sejong: ArgumentMap) -> None:
    shown = samples(argmap.to_dot(sejong, focus="uncertain", depth=1))
    assert shown == ["claim", "premise", "stub", "support", "attack", "stub arrow"]
    assert argmap.focus(sejong, "thesis").stubs == ()  # all of it: nothing left out
    assert "stub" not in samples(argmap.to_dot(sejong, focus="thesis"))


def drawn_marks(amap: ArgumentMap) -> set[str]:
    """The marks a drawing of ``amap`` uses, told from the model by this test's own rules."""
    main = {node.id for node in amap.nodes if getattr(node, "main", False)}
    implicit = {node.id for node in amap.nodes if getattr(node, "implicit", False)}
    marks = {node.kind for node in amap.nodes if node.id not in main | implicit}
    marks |= {"main claim"} if main else set()
    marks |= {"implicit premise"} if implicit else set()
    supports = {r.id: r for r in amap.relations if isinstance(r, Support)}
    for relation in amap.relations:
        if isinstance(relation, Support):
            marks.add("support")
            marks |= {"linked"} if len(relation.by) > 1 else set()
        else:
            marks.add("undercut" if relation.target in supports else "attack")
        marks |= {"implicit"} if relation.implicit else set()
    return marks


@given(maps(max_nodes=8))
def test_the_legend_shows_exactly_the_marks_any_map_uses(amap: ArgumentMap) -> None:
    shown = samples(argmap.to_dot(amap))
    assert len(shown) == len(set(shown))
    assert set(shown) == (drawn_marks(amap) if amap.nodes else set())


def test_the_drawn_legend_names_each_mark(renderer: RendererName) -> None:
    svg = argmap.to_svg(small_map(), renderer=renderer)
    texts = [text or "" for text in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]
    for caption in (
        "Legend",
        "MAIN CLAIM",
        "PREMISE",
        "PREMISE · implicit",
        "REBUTTAL",
        "RECOMMENDATION",
        "supports",
        "attacks",
        "undercuts",
        "implicit (analyst&#39;s reading)",
        "linked premises",
    ):
        assert caption in texts or caption.replace("&#39;", "'") in texts, caption


# -- the legend's arrows point the map's way ----------------------------------------------------


def arrow_at_tail(drawn: dict[str, Any], tail: str, head: str) -> tuple[float, float]:
    """Which way the arrowhead drawn at ``tail`` of the edge ``tail -> head`` points.

    Arrows are drawn from their head (``dir=back``): the edge's ``pos`` starts with the
    arrowhead's tip (``s,x,y``), then the spline, which leaves from next to it.
    """
    names = {item["_gvid"]: item["name"] for item in drawn["objects"]}
    for edge in drawn["edges"]:
        if (names[edge["tail"]], names[edge["head"]]) == (tail, head):
            tip, start = edge["pos"].split(" ")[:2]
            assert tip.startswith("s,"), edge["pos"]
            (x, y), (sx, sy) = point(tip[2:]), point(start)
            return x - sx, y - sy
    raise AssertionError(f"no edge {tail} -> {head}")


@pytest.mark.parametrize("direction", DIRECTIONS)
def test_the_legend_arrows_point_the_way_the_map_arrows_do(
    renderer: RendererName, direction: str
) -> None:
    drawn = layout(small_map(), renderer, direction=direction)
    way = POINTING[direction]
    along = 0 if way[0] else 1
    arrow = arrow_at_tail(drawn, "c", "junction 2")  # the map's arrow from p3 (undercut)
    assert arrow[along] * way[along] > 0, (arrow, direction)
    for mark in ("support", "attack", "undercut", "implicit"):
        dx, dy = arrow_at_tail(drawn, f"legend {mark} to", f"legend {mark}")
        assert (dx, dy)[along] * way[along] > 0, (mark, direction, dx, dy)
        assert abs((dx, dy)[along]) > 3 * abs((dx, dy)[1 - along]), (mark, direction)
