"""An evaluation drawn: badges, borders, the legend and the caption; in outlines and the page."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import attrs
import pytest

import argmap
from argmap import ArgumentMap, Label, Labelling
from argmap._cli_write import evaluation_of
from argmap.render import RendererName
from argmap.render._legend import LABELS, legend_marks
from argmap.render.outline_export import OutlineFormat
from argmap.render.theme import label_style

BADGES = {Label.IN: "[IN]", Label.OUT: "[OUT]", Label.UNDEC: "[UNDEC]"}
CYCLE = (Label.IN, Label.OUT, Label.UNDEC)


def cycled(amap: ArgumentMap, semantics: str = "grounded") -> Labelling:
    """A hand-built labelling giving the map's nodes IN, OUT and UNDEC in turn."""
    return Labelling(semantics, {node.id: CYCLE[i % 3] for i, node in enumerate(amap.nodes)})


def node_lines(dot: str) -> dict[str, str]:
    """Each node statement of a DOT source, by the node's id (unquoted)."""
    found = {}
    for line in dot.splitlines():
        match = re.match(r'\t(?:"([^"]+)"|([\w.-]+)) \[label=<', line)
        if match:
            found[match[1] or match[2]] = line
    return found


def attributes(line: str) -> dict[str, str]:
    """The attributes after a node statement's label, by name."""
    tail = line.rsplit(">", 1)[1]
    return {key: value.strip('"') for key, value in re.findall(r'(\w+)=("[^"]*"|[^\s\]]+)', tail)}


@pytest.fixture(scope="module", params=argmap.examples.names())
def example(request: pytest.FixtureRequest) -> ArgumentMap:
    return argmap.examples.load(request.param)


# -- the drawing ---------------------------------------------------------------------------


def test_every_labelled_node_carries_its_badge_in_dot(example: ArgumentMap) -> None:
    labels = cycled(example)
    lines = node_lines(argmap.to_dot(example, evaluation=labels, legend=False))
    assert set(lines) == {node.id for node in example.nodes}
    for ident, label in labels.labels.items():
        badge = BADGES[label].replace("[", "&#91;").replace("]", "&#93;")
        assert f'<FONT POINT-SIZE="8">{badge} · ' in lines[ident], ident


@pytest.mark.parametrize("renderer", ["graphviz", "graphviz-pure"])
@pytest.mark.parametrize("theme", ["default", "print"])
def test_every_labelled_node_carries_its_badge_in_svg(renderer: RendererName, theme: str) -> None:
    amap = argmap.examples.load("sejong")
    labels = cycled(amap)
    svg = argmap.to_svg(amap, renderer=renderer, theme=theme, evaluation=labels)
    for label, badge in BADGES.items():
        count = sum(1 for value in labels.labels.values() if value is label)
        # Each node's caption line, and the legend's sample ("[IN] accepted").
        assert len(re.findall(rf">{re.escape(badge)} · ", svg)) == count, badge
        assert len(re.findall(rf">{re.escape(badge)} \w+<", svg)) == 1, badge
    assert "Evaluated under grounded semantics" in svg


def test_the_caption_names_the_semantics() -> None:
    amap = argmap.examples.load("asan")
    dot = argmap.to_dot(amap, evaluation=cycled(amap, "preferred"))
    assert "<I>Evaluated under preferred semantics</I>" in dot
    part = argmap.to_dot(amap, evaluation=cycled(amap, "stable"), focus=amap.nodes[0].id)
    assert "Part of: " in part and "Evaluated under stable semantics" in part


@pytest.mark.parametrize(
    "used",
    [(Label.IN,), (Label.OUT,), (Label.UNDEC,), (Label.IN, Label.UNDEC), CYCLE],
)
def test_the_legend_shows_exactly_the_labels_used(used: tuple[Label, ...]) -> None:
    amap = argmap.examples.load("sejong")
    labels = Labelling("grounded", {n.id: used[i % len(used)] for i, n in enumerate(amap.nodes)})
    marks = legend_marks(amap, evaluation=labels)
    assert [m for m in marks if m in LABELS.values()] == [
        LABELS[label] for label in CYCLE if label in used
    ]
    dot = argmap.to_dot(amap, evaluation=labels)
    for label, mark in LABELS.items():
        assert (f'"legend {mark}" [label=<' in dot) is (label in used)
    assert legend_marks(amap) == tuple(m for m in marks if m not in LABELS.values())


def test_the_legend_of_a_part_shows_only_the_labels_drawn() -> None:
    builder = argmap.MapBuilder("T").claim("c", "C.", main=True).premise("p", "P.", supports="c")
    amap = builder.rebuttal("r", "R.").build()
    labels = Labelling("grounded", {"c": Label.IN, "p": Label.IN, "r": Label.OUT})
    dot = argmap.to_dot(amap, evaluation=labels, focus="c")
    assert '"legend labelled in"' in dot
    assert '"legend labelled out"' not in dot and "&#91;OUT&#93;" not in dot


def test_a_map_with_no_labelled_node_gets_no_label_marks() -> None:
    amap = argmap.examples.load("seoul")
    dot = argmap.to_dot(amap, evaluation=Labelling("grounded", {}))
    assert "legend labelled" not in dot and "&#91;" not in dot


def _looks(theme: str) -> dict[tuple[str, Label | None], dict[str, str]]:
    """The attributes of a main claim, a premise and an implicit premise, by each label."""
    amap = ArgumentMap(
        "T",
        nodes=[
            argmap.Claim("m", "M.", main=True),
            argmap.Premise("p", "P."),
            argmap.Premise("i", "I.", implicit=True),
        ],
        relations=[argmap.Support(["p", "i"], "m")],
    )
    looks = {}
    for label in (None, *CYCLE):
        labels = Labelling("g", {} if label is None else dict.fromkeys(("m", "p", "i"), label))
        for ident, line in node_lines(argmap.to_dot(amap, theme=theme, evaluation=labels)).items():
            looks[ident, label] = attributes(line)
    return looks


def _luminance(colour: str) -> float:
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _greyscale(look: dict[str, str]) -> tuple[object, ...]:
    """What of a node's look survives greyscale: borders, line styles, the text's tone."""
    return (
        look.get("peripheries", "1"),
        frozenset(look["style"].split(",")) - {"filled", "rounded"},
        round(_luminance(look["fontcolor"]), 1),
    )


@pytest.mark.parametrize("theme", list(argmap.THEMES))
def test_every_label_looks_different_in_greyscale(theme: str) -> None:
    looks = _looks(theme)
    for ident in ("m", "p", "i"):
        seen = [_greyscale(looks[ident, label]) for label in (None, *CYCLE)]
        assert len(set(seen)) == len(seen), (ident, seen)
    # IN and UNDEC differ by the border's form, OUT by its text's tone, beyond hue alone.
    for ident in ("m", "p", "i"):
        plain = looks[ident, None]
        assert looks[ident, Label.IN]["peripheries"] == "2"
        assert "dotted" in looks[ident, Label.UNDEC]["style"].split(",")
        assert _luminance(plain["fontcolor"]) + 0.25 < _luminance(
            looks[ident, Label.OUT]["fontcolor"]
        )
    # A main claim keeps its heavy border, an implicit premise its italics and caption word.
    assert all(looks["m", label]["penwidth"] == "2.5" for label in (None, *CYCLE))


def test_label_marks_keep_apart_from_the_marks_of_kinds_in_greyscale() -> None:
    """No label's look is the look of a main claim, an implicit premise or a stub."""
    look = argmap.THEMES["print"]
    for label in CYCLE:
        marks = label_style(look, label)
        assert marks.style not in (look.main_style, look.implicit_style, look.stub_style)
        assert marks.penwidth != look.main_penwidth


def test_themes_set_the_label_marks() -> None:
    mine = attrs.evolve(
        argmap.THEMES["default"],
        label_in=attrs.evolve(argmap.THEMES["default"].label_in, badge="YES"),
    )
    amap = argmap.MapBuilder("T").claim("c", "C.").build()
    dot = argmap.to_dot(amap, theme=mine, evaluation=Labelling("g", {"c": Label.IN}))
    assert "YES · CLAIM" in dot and "YES accepted" in dot
    with pytest.raises(ValueError, match="no label 'maybe'; expected one of in, out, undec"):
        label_style(mine, "maybe")


def test_labels_outside_a_part_are_left_out() -> None:
    amap = argmap.examples.load("sejong")
    labels = cycled(amap)
    part = argmap.focus(amap, "uncertain", depth=1)
    lines = node_lines(argmap.to_dot(amap, evaluation=labels, focus="uncertain", depth=1))
    drawn = {ident: line for ident, line in lines.items() if not ident.startswith("stub ")}
    assert set(drawn) == {node.id for node in part.map.nodes} != set(labels.labels)
    assert all("&#93; · " in line for line in drawn.values())


def test_a_map_split_across_pages_draws_its_labels(tmp_path: Path) -> None:
    amap = argmap.examples.load("sejong")
    pages = argmap.render_pages(
        amap, tmp_path / "map.svg", renderer="graphviz-pure", page="a4", evaluation=cycled(amap)
    )
    svgs = [Path(page.path).read_text("utf-8") for page in pages]
    assert all("Evaluated under grounded semantics" in svg for svg in svgs)
    assert all("[IN] · " in svg or "[OUT] · " in svg or "[UNDEC] · " in svg for svg in svgs)


def test_no_evaluation_draws_as_before(example: ArgumentMap) -> None:
    assert argmap.to_dot(example, evaluation=None) == argmap.to_dot(example)
    assert "&#91;" not in argmap.to_dot(example)


# -- bad evaluations -----------------------------------------------------------------------


def test_a_label_for_an_id_the_map_lacks_is_a_value_error() -> None:
    amap = argmap.examples.load("sejong")
    labels = Labelling("grounded", {"thesis": Label.IN, "nowhere": Label.OUT, "gone": Label.IN})
    message = r"the evaluation labels 'nowhere' \(and 1 more\), which is not a node of map"
    with pytest.raises(ValueError, match=message):
        argmap.to_dot(amap, evaluation=labels)
    with pytest.raises(ValueError, match=message):
        argmap.to_dot(amap, evaluation=labels, focus="thesis")  # checked against the whole map
    with pytest.raises(ValueError, match=message):
        argmap.to_outline(amap, labelling=labels)
    with pytest.raises(ValueError, match=message):
        argmap.outline_html(amap, labelling=labels)
    with pytest.raises(ValueError, match=message):
        argmap.to_html(amap, renderer="graphviz-pure", evaluation=labels)


def test_an_evaluation_that_is_no_labelling_is_a_value_error() -> None:
    with pytest.raises(
        ValueError, match=r"evaluation must be None or a Labelling .*got \{'c': 'in'\}"
    ):
        argmap.DrawingOptions(evaluation={"c": "in"})  # type: ignore[arg-type]


# -- outlines and the page -----------------------------------------------------------------


@pytest.mark.parametrize("form", ["markdown", "text", "html"])
def test_outlines_carry_every_label(example: ArgumentMap, form: OutlineFormat) -> None:
    labels = cycled(example, "complete")
    text = argmap.to_outline(example, format=form, labelling=labels)
    assert "Evaluated under complete semantics." in text
    found = re.findall(r"\\?\[(IN|OUT|UNDEC)\\?\]", text)
    assert set(found) == {label.name for label in labels.labels.values()}
    assert argmap.to_outline(example, format=form) == argmap.to_outline(
        example, format=form, labelling=None
    )


def test_the_text_outline_puts_the_label_after_the_details() -> None:
    builder = argmap.MapBuilder("T").claim("c", "C.", main=True)
    amap = builder.premise("p", "P.", supports="c", basis="fact").build()
    labels = Labelling("grounded", {"c": Label.IN, "p": Label.UNDEC})
    text = argmap.to_outline(amap, format="text", labelling=labels)
    assert "1 Main claim c [IN]: C." in text
    assert "+ 1.1 Supported by premise p (fact) [UNDEC]: P." in text


def test_the_html_outline_marks_each_labelled_entry() -> None:
    amap = argmap.examples.load("sejong")
    labels = cycled(amap)
    html = argmap.outline_html(amap, labelling=labels)
    assert html.startswith('<section class="argmap-outline"')
    assert "<p>Evaluated under grounded semantics.</p>" in html
    for ident, label in labels.labels.items():
        assert f'id="outline-{ident}" data-node="{ident}" data-label="{label.value}"' in html
    assert '<span class="argmap-label argmap-label-undec">[UNDEC]</span>' in html


def test_the_page_shows_labels_in_its_drawing_data_and_outline() -> None:
    amap = argmap.examples.load("asan")
    labels = cycled(amap)
    page = argmap.to_html(amap, renderer="graphviz-pure", evaluation=labels)
    match = re.search(r'<script type="application/json" id="am-data">(.*?)</script>', page)
    assert match is not None
    data = json.loads(match[1])
    assert data["semantics"] == "grounded"
    assert {node["id"]: node["evaluation"] for node in data["nodes"]} == {
        ident: label.value for ident, label in labels.labels.items()
    }
    assert "[IN] · " in page and "Evaluated under grounded semantics" in page
    assert 'data-label="out"' in page  # the outline under the drawing
    plain = argmap.to_html(amap, renderer="graphviz-pure")
    assert '"evaluation"' not in plain and '"semantics"' not in plain


# -- the command line ------------------------------------------------------------------------


def test_evaluate_gives_render_the_labelling_of_the_semantics() -> None:
    amap = argmap.examples.load("sejong")
    labels = evaluation_of(amap, "grounded")
    assert labels.semantics == "grounded"
    assert set(labels.labels) == {node.id for node in amap.nodes}
    assert "Evaluated under grounded semantics" in argmap.to_dot(amap, evaluation=labels)
    with pytest.raises(ValueError, match="semantics must be one of"):
        evaluation_of(amap, "nonsense")


# -- told to screen readers ---------------------------------------------------------------


@pytest.mark.parametrize("renderer", ["graphviz", "graphviz-pure"])
def test_each_node_title_in_the_svg_says_its_label_for_screen_readers(
    renderer: RendererName,
) -> None:
    sejong = argmap.examples.load("sejong")
    labelling = cycled(sejong)
    svg = argmap.to_svg(sejong, renderer=renderer, evaluation=labelling)
    found = re.findall(r'<g id="[^"]*" class="node">\s*<title>([^<]*)</title>', svg)
    titles = [html.unescape(title) for title in found]
    words = {Label.IN: "accepted (IN)", Label.OUT: "rejected (OUT)", Label.UNDEC: "undecided"}
    for node in sejong.nodes:
        (said,) = [title for title in titles if title.endswith(f": {node.text}")]
        assert words[labelling.label(node.id)] in said, node.id
    assert "Evaluated under grounded semantics" in svg.split("</desc>")[0]
    plain = argmap.to_svg(sejong, renderer=renderer)
    assert "accepted (IN)" not in plain and "Evaluated under" not in plain


def test_the_interactive_page_finds_every_node_of_an_evaluated_drawing() -> None:
    sejong = argmap.examples.load("sejong")
    page = argmap.to_html(sejong, renderer="graphviz-pure", evaluation=cycled(sejong))
    marked = set(re.findall(r'data-node="([^"]*)"', page))
    assert marked == {node.id for node in sejong.nodes}
