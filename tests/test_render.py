"""Rendering: DOT from maps (deterministic, additive), themes, labels and CJK-aware wrapping."""

from __future__ import annotations

import difflib
import itertools
import os
import re
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, Attack, Claim, Premise, Rebuttal, Recommendation, Support
from argmap.render import THEMES, display_width, node_label, to_dot, to_graphviz, wrap
from argmap.render.dot import LARGE_MAP
from argmap.render.labels import CLOSING

SEJONG = Path(__file__).parent.parent / "examples" / "sejong.yaml"


@pytest.fixture(scope="module")
def sejong() -> ArgumentMap:
    return argmap.read(SEJONG)


def small_map(*extra_nodes: argmap.Node, extra: tuple[argmap.Relation, ...] = ()) -> ArgumentMap:
    return ArgumentMap(
        "Small",
        nodes=[
            Claim("c", "The claim.", main=True),
            Premise("p1", "One reason.", basis="statistic"),
            Premise("p2", "Its co-premise.", implicit=True),
            Premise("p3", "A lone reason."),
            Rebuttal("r", "An objection."),
            Rebuttal("u", "The inference fails."),
            *extra_nodes,
        ],
        relations=[
            Support(["p1", "p2"], "c"),
            Support(["p3"], "c"),
            Attack("r", "p3"),
            Attack("u", "p3->c"),
            *extra,
        ],
    )


def attributes_of(source: str, name: str) -> str:
    """The attribute list of the node statement for ``name`` (quoted as DOT needs)."""
    match = re.search(rf"^\t{re.escape(name)} \[(.*)\]$", source, re.MULTILINE)
    assert match is not None, name
    return match.group(1)


# --- determinism and stability ---------------------------------------------------------


def test_the_same_map_gives_byte_identical_dot(sejong: ArgumentMap) -> None:
    assert to_dot(sejong) == to_dot(sejong)
    assert to_dot(sejong) == to_dot(argmap.read(SEJONG))


def test_dot_is_identical_across_processes_with_other_hash_seeds(sejong: ArgumentMap) -> None:
    script = (
        "import sys, argmap; from argmap.render import to_dot;"
        "sys.stdout.write(to_dot(argmap.read(sys.argv[1]), group_by='tag'))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script, str(SEJONG)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            check=True,
            text=True,
            encoding="utf-8",
        ).stdout
        for seed in ("1", "2", "12345")
    }
    assert outputs == {to_dot(sejong, group_by="tag")}


def test_adding_a_node_only_adds_lines() -> None:
    before = to_dot(small_map()).splitlines()
    after = to_dot(
        small_map(Premise("p4", "Another reason."), extra=(Support(["p4"], "c"),))
    ).splitlines()
    opcodes = difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes()
    assert {tag for tag, *_ in opcodes} == {"equal", "insert"}
    added = [line for tag, _, _, j1, j2 in opcodes if tag == "insert" for line in after[j1:j2]]
    assert len(added) == 2
    assert added[1] == '\tc -> p4 [arrowtail=normal color="#009E73" dir=back style=solid]'


def test_ids_are_the_maps_own_ids_quoted_when_needed() -> None:
    source = to_dot(small_map())
    assert "\tp1 [" in source
    assert '\tr -> "p3->c"' not in source  # an undercut points at the support's junction
    assert '\t"junction 2" [' in source  # the junction of the map's second relation


# --- nodes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("node", "caption", "shape"),
    [
        (Claim("x", "A claim."), "CLAIM", "box"),
        (Premise("x", "A premise."), "PREMISE", "box"),
        (Rebuttal("x", "A rebuttal."), "REBUTTAL", "octagon"),
        (Recommendation("x", "Do this."), "RECOMMENDATION", "hexagon"),
    ],
)
def test_each_node_kind_gets_its_caption_and_shape(
    node: argmap.Node, caption: str, shape: str
) -> None:
    attributes = attributes_of(to_dot(ArgumentMap("T", nodes=[node]), legend=False), "x")
    assert f'<FONT POINT-SIZE="8">{caption}</FONT>' in attributes
    assert f"shape={shape}" in attributes


def test_claims_are_rounded_and_premises_are_not() -> None:
    source = to_dot(small_map(), legend=False)
    assert 'style="rounded,filled,bold"' in attributes_of(source, "c")
    assert "rounded" not in attributes_of(source, "p1")


def test_main_claims_stand_out_and_are_ranked_first() -> None:
    source = to_dot(small_map())
    assert "penwidth=2.5" in attributes_of(source, "c")
    assert '>MAIN CLAIM</FONT><BR/><FONT POINT-SIZE="13">The claim.</FONT>' in attributes_of(
        source, "c"
    )
    assert "\t{\n\t\trank=min\n\t\tc\n\t}\n" in source


def test_implicit_premises_are_dashed_and_say_so() -> None:
    attributes = attributes_of(to_dot(small_map()), "p2")
    assert 'style="filled,dashed"' in attributes
    assert "PREMISE · implicit" in attributes


def test_a_premise_caption_names_its_basis_and_optionally_its_id() -> None:
    assert "PREMISE · statistic</FONT>" in attributes_of(to_dot(small_map()), "p1")
    with_ids = to_dot(small_map(), show_ids=True)
    assert "PREMISE · statistic · #p1</FONT>" in attributes_of(with_ids, "p1")


def test_label_text_is_wrapped_at_label_width() -> None:
    amap = ArgumentMap("T", nodes=[Claim("c", "aaa bbb ccc ddd")])
    assert "aaa bbb<BR/>ccc ddd" in attributes_of(to_dot(amap, label_width=7), "c")


def test_special_characters_in_texts_are_escaped() -> None:
    text = 'a <b>x</b> & "q" {braces} a|b [c] back\\slash it\'s'
    amap = ArgumentMap(
        "Title <&>", nodes=[Claim("c", text)], sources=[argmap.Source("s", "S", date="<1>")]
    )
    source = to_dot(amap, label_width=200)
    expected = (
        "a &lt;b&gt;x&lt;/b&gt; &amp; &quot;q&quot; &#123;braces&#125; a&#124;b "
        "&#91;c&#93; back&#92;&#92;slash it&#39;s"
    )
    assert expected in attributes_of(source, "c")
    assert "<B>Title &lt;&amp;&gt;</B>" in source
    assert "&lt;1&gt;" in source
    for forbidden in ('"q"', "{braces}", "a|b", "<b>x", "back\\slash"):
        assert forbidden not in source


def test_speakers_are_named_in_captions_unless_grouped_by_speaker() -> None:
    amap = ArgumentMap(
        "T",
        nodes=[Claim("c", "Said.", speaker="wang"), Claim("d", "Unsaid.")],
        participants=[argmap.Participant("wang", "Wang Wei", country="China")],
    )
    assert "CLAIM · Wang Wei</FONT>" in attributes_of(to_dot(amap), "c")
    grouped = to_dot(amap, group_by="speaker")
    assert "subgraph cluster_speaker_wang {" in grouped
    assert "label=<<B>Wang Wei (China)</B>>" in grouped
    assert "Wang Wei</FONT>" not in grouped
    # The ungrouped node stays outside every cluster.
    assert grouped.index("\td [") < grouped.index("subgraph")


# --- relations --------------------------------------------------------------------------


def test_a_linked_support_goes_through_one_junction() -> None:
    source = to_dot(small_map())
    junction = '"junction 1"'
    assert source.count(f"\t{junction} [") == 1
    assert "shape=point" in attributes_of(source, junction)
    assert f"\t{junction} -> p1 [arrowtail=none" in source
    assert f"\t{junction} -> p2 [arrowtail=none" in source
    assert f"\tc -> {junction} [arrowtail=normal" in source
    assert "\tc -> p1" not in source


def test_a_plain_support_is_one_edge() -> None:
    amap = ArgumentMap(
        "T", nodes=[Claim("c", "C."), Premise("p", "P.")], relations=[Support(["p"], "c")]
    )
    source = to_dot(amap)
    assert '\tc -> p [arrowtail=normal color="#009E73" dir=back style=solid]' in source
    assert "shape=point color" not in source


def test_an_undercut_points_at_the_supports_junction() -> None:
    source = to_dot(small_map())
    assert (
        '\t"junction 2" -> u [arrowtail=tee color="#AD7700" dir=back penwidth=1.5 style=dotted]'
        in source
    )
    assert '\t"junction 2" -> p3 [arrowtail=none' in source
    assert '\tc -> "junction 2" [arrowtail=normal' in source


def test_an_attack_on_a_node_is_dashed() -> None:
    assert '\tp3 -> r [arrowtail=tee color="#D55E00" dir=back style=dashed]' in to_dot(small_map())


def linked(count: int) -> ArgumentMap:
    """A claim with one support linking ``count`` premises, and an undercut of it."""
    premises = [Premise(f"p{i}", f"Reason {i}.") for i in range(count)]
    support = Support([p.id for p in premises], "c")
    return ArgumentMap(
        "T",
        nodes=[Claim("c", "C."), *premises, Rebuttal("u", "No.")],
        relations=[support, Attack("u", support.id)],
    )


def test_dot_grows_linearly_with_the_premises_a_support_links() -> None:
    small, large = len(to_dot(linked(200))), len(to_dot(linked(2000)))
    # about 10 (the ids grow by a character), against 100 if it grew with the square
    assert 9 <= large / small < 12
    source = to_dot(linked(2000), legend=False)
    # No line grows with the support (the graph's own attribute line is the same for any map).
    assert max(len(line) for line in source.splitlines() if not line.startswith("\tgraph [")) < 200
    assert source.count('"junction 1"') == 2000 + 3  # the point, its links and two arrows


def test_junctions_are_named_by_the_supports_place_among_the_relations() -> None:
    amap = small_map(Premise("p4", "More."), extra=(Support(["p4", "p3"], "c"),))
    source = to_dot(amap)
    assert re.findall(r'^\t("junction \d+") \[', source, re.MULTILINE) == [
        '"junction 1"',
        '"junction 2"',
        '"junction 5"',
    ]


# --- legend and caption -----------------------------------------------------------------


def legend_of(source: str) -> str:
    start = source.index("subgraph cluster_legend {")
    return source[start : source.index("\n\t}\n", start)]


def legend_samples(legend: str) -> list[str]:
    """The names of the legend's samples, in the order they are written."""
    return re.findall(r'^\t+"legend ([\w ]+?)" \[label=<(?!>)', legend, re.MULTILINE)


def test_the_legend_lists_only_the_marks_the_map_uses() -> None:
    legend = legend_of(to_dot(small_map()))
    assert legend_samples(legend) == [
        "main claim",
        "premise",
        "implicit premise",
        "rebuttal",
        "support",
        "attack",
        "undercut",
        "linked",
    ]
    assert "label=<supports>" in legend
    assert "label=<attacks>" in legend
    assert "label=<undercuts>" in legend
    assert "label=<MAIN CLAIM>" in legend
    assert "label=<PREMISE · implicit>" in legend


def test_the_legend_is_three_rows_in_a_fixed_order() -> None:
    legend = legend_of(to_dot(small_map()))
    assert legend.count("rank=same") == 3  # the boxes, the lines' ends, their captions
    links = re.findall(r'"legend ([\w ]+)" -> "legend ([\w ]+)" \[style=invis\]', legend)
    # invisible links chain each row from left to right, then lead from boxes to lines
    assert links == [
        ("main claim", "premise"),
        ("premise", "implicit premise"),
        ("implicit premise", "rebuttal"),
        ("support to", "attack to"),
        ("attack to", "undercut to"),
        ("undercut to", "linked to"),
        ("support", "attack"),
        ("attack", "undercut"),
        ("undercut", "linked by"),
        ("linked by", "linked"),
        ("linked", "linked with"),
        ("main claim", "support to"),
    ]
    # Each line is written as the map writes its arrows: the end it points at first.
    lines = re.findall(r'"legend (\w+) to" -> "legend [\w ]+" \[arrowtail=(\w+) ', legend)
    assert lines == [
        ("support", "normal"),
        ("attack", "tee"),
        ("undercut", "tee"),
        ("linked", "none"),
        ("linked", "none"),
    ]


def test_no_edge_of_the_legend_has_a_label(sejong: ArgumentMap) -> None:
    # One edge label anywhere sets every rank of the map twice as far apart.
    for direction in ("TB", "LR"):
        legend = legend_of(to_dot(sejong, direction=direction))
        edges = [line for line in legend.splitlines() if " -> " in line]
        assert edges and not [line for line in edges if "label=" in line]


def test_the_legend_leaves_out_unused_relation_kinds() -> None:
    amap = ArgumentMap(
        "T", nodes=[Claim("c", "C."), Premise("p", "P.")], relations=[Support(["p"], "c")]
    )
    legend = legend_of(to_dot(amap))
    assert "supports" in legend
    assert "attacks" not in legend
    assert "undercuts" not in legend
    assert "rebuttal" not in legend


def test_a_backslash_is_written_twice_in_every_drawn_text() -> None:
    # Renderers read \N as the node's name, \G as the graph's, ...; \\ as one backslash.
    amap = ArgumentMap(
        "T\\G",
        nodes=[Claim("c", "C:\\Nodes", speaker="a", source=argmap.SourceRef("s"))],
        sources=[argmap.Source("s", "S\\E", authors=("A\\L",), outlet="O\\T")],
        participants=[argmap.Participant("a", "N\\H", affiliation="\\\\")],
    )
    theme = attrs.evolve(
        THEMES["default"], claim=attrs.evolve(THEMES["default"].claim, caption="\\l")
    )
    source = to_dot(amap, theme=theme)
    for drawn in (
        "T&#92;&#92;G",
        "C:&#92;&#92;Nodes",
        "A&#92;&#92;L",
        "O&#92;&#92;T",
        "N&#92;&#92;H",
    ):
        assert drawn in source
    assert "label=<&#92;&#92;l>" in legend_of(source)
    by_speaker = to_dot(amap, group_by="speaker", theme=theme)
    assert "<B>N&#92;&#92;H (&#92;&#92;&#92;&#92;)</B>" in by_speaker
    assert "<B>S&#92;&#92;E</B>" in to_dot(amap, group_by="source")
    assert "\\" not in source.replace("digraph <T\\G>", "")


def test_the_digraph_is_named_by_the_title_as_typed() -> None:
    amap = ArgumentMap('C:\\ "a" & <b> -- \\N', nodes=[Claim("c", "C.")])
    assert to_dot(amap).startswith('digraph <C:\\ "a" &amp; &lt;b&gt; -- \\N> {\n')
    assert to_graphviz(amap).filename == "Digraph.gv"  # not a file name made of the title


def test_the_name_of_a_very_long_title_is_cut() -> None:
    source = to_dot(ArgumentMap("x" * 20_000, nodes=[Claim("c", "C.")]))
    assert source.startswith(f"digraph <{'x' * 999}…> {{\n")


RLO, FSI, PDI, LRM = "\u202e", "\u2068", "\u2069", "\u200e"


def test_each_name_in_a_caption_is_isolated_if_it_could_turn_the_line() -> None:
    amap = ArgumentMap(
        "Title",
        nodes=[
            Claim("c", "Said.", speaker="a", tags=["t"], source=argmap.SourceRef("s")),
            Claim("d", "Also said.", speaker="b"),
        ],
        sources=[
            argmap.Source("s", f"Report {RLO}x", authors=(f"Ahn {RLO}Ho", "Kim"), date="2022")
        ],
        participants=[
            argmap.Participant("a", f"Ana {RLO}Silva", country="Portugal"),
            argmap.Participant("b", "Ben Okafor", country="Nigeria"),
        ],
    )
    source = to_dot(amap)
    citation = f"{LRM}{FSI}Ahn {RLO}Ho{PDI}, Kim, 2022</FONT>"
    assert citation in source
    assert f"CLAIM · {FSI}Ana {RLO}Silva{PDI}</FONT>" in attributes_of(source, "c")
    assert "CLAIM · Ben Okafor</FONT>" in attributes_of(source, "d")  # nothing to isolate
    speakers = to_dot(amap, group_by="speaker")
    assert f"<B>{LRM}{FSI}Ana {RLO}Silva{PDI} (Portugal)</B>" in speakers
    assert "<B>Ben Okafor (Nigeria)</B>" in speakers
    assert f"<B>{LRM}{FSI}Report {RLO}x{PDI}</B>" in to_dot(amap, group_by="source")


def test_an_isolate_cut_by_a_line_break_is_closed_and_opened_again() -> None:
    name = f"{RLO}{'word ' * 30}end"
    amap = ArgumentMap(
        "T",
        nodes=[Claim("c", "Said.", speaker="a")],
        participants=[argmap.Participant("a", name, country="Portugal")],
    )
    source = to_dot(amap, group_by="speaker")
    caption = re.search(r"cluster_speaker_a \{\n.* label=<<B>(.*?)</B>>", source)
    assert caption is not None
    lines = caption[1].split("<BR/>")
    assert len(lines) == 3
    assert lines[0].startswith(f"{LRM}{FSI}{RLO}word") and lines[0].endswith(f"word{PDI}")
    assert lines[1].startswith(f"{LRM}{FSI}word") and lines[1].endswith(f"end{PDI}")
    assert lines[2] == "(Portugal)"


def test_an_isolate_typed_in_a_name_cannot_end_the_one_around_it() -> None:
    amap = ArgumentMap(
        "T",
        nodes=[Claim("c", "Said.", speaker="a")],
        participants=[argmap.Participant("a", f"A{PDI}{PDI}{RLO}b{FSI}")],
    )
    caption = f"{FSI * 3}A{PDI}{PDI}{RLO}b{FSI}{PDI * 2}</FONT>"
    assert caption in attributes_of(to_dot(amap), "c")


def test_no_legend_when_asked() -> None:
    assert "cluster_legend" not in to_dot(small_map(), legend=False)


def test_the_caption_has_the_title_and_the_source_citation(sejong: ArgumentMap) -> None:
    amap = attrs.evolve(
        sejong,
        sources=[attrs.evolve(sejong.sources[0], authors=("Ahn Ho-young", "Kim Min-ji"))],
    )
    source = to_dot(amap)
    assert (
        "label=<<B>China and the ROK should put long-term common interests before short-term "
        "gains</B><BR/>"
        '<FONT POINT-SIZE="9">Ahn Ho-young, Kim Min-ji, China Watch (China Daily), 2022</FONT>>'
    ) in source


# --- options ----------------------------------------------------------------------------


def test_direction_sets_rankdir(sejong: ArgumentMap) -> None:
    assert "rankdir=LR" in to_dot(sejong, direction="LR")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"direction": "up"}, "direction must be one of TB, LR, BT, RL; got 'up'"),
        ({"group_by": "colour"}, "group_by must be None or one of speaker, tag, source"),
        ({"theme": "neon"}, "theme must be a Theme or one of default, classic, print"),
        ({"label_width": 0}, "label_width must be a whole number of columns from 1 to 1000, got 0"),
        ({"label_width": 1001}, "label_width must be a whole number of columns from 1 to 1000"),
        ({"label_width": 2**40}, "from 1 to 1000, got 1099511627776"),
        ({"label_width": 30.0}, "from 1 to 1000, got 30.0"),
        ({"label_width": True}, "from 1 to 1000, got True"),
        ({"label_width": "30"}, "from 1 to 1000, got '30'"),
    ],
)
def test_bad_options_are_refused_with_the_allowed_values(
    sejong: ArgumentMap, options: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        to_dot(sejong, **options)


def test_group_by_tag_and_source_make_clusters(sejong: ArgumentMap) -> None:
    by_tag = to_dot(sejong, group_by="tag")
    assert 'subgraph "cluster_tag_people-to-people" {' in by_tag
    by_source = to_dot(sejong, group_by="source")
    assert 'subgraph "cluster_source_op-ed" {' in by_source


def test_to_graphviz_returns_a_digraph_whose_source_is_to_dot(sejong: ArgumentMap) -> None:
    graph = to_graphviz(sejong, theme="classic")
    assert graph.source == to_dot(sejong, theme="classic")
    assert graph.source.startswith(f"digraph <{sejong.title}> {{\n")


# --- themes -----------------------------------------------------------------------------

COLOUR = re.compile(r'(?:color|fillcolor|fontcolor|bgcolor)="?(#[0-9A-Fa-f]{6})"?')


def is_grey(colour: str) -> bool:
    red, green, blue = colour[1:3], colour[3:5], colour[5:7]
    return red.lower() == green.lower() == blue.lower()


def test_the_print_theme_uses_only_greys(sejong: ArgumentMap) -> None:
    source = to_dot(sejong, theme="print")
    colours = COLOUR.findall(source)
    assert colours
    assert all(map(is_grey, colours)), sorted(set(c for c in colours if not is_grey(c)))


def test_the_default_theme_uses_colour(sejong: ArgumentMap) -> None:
    assert not all(map(is_grey, COLOUR.findall(to_dot(sejong))))


@pytest.mark.parametrize("name", ["default", "classic", "print"])
def test_every_theme_tells_relations_apart_by_line_and_arrowhead(name: str) -> None:
    theme = THEMES[name]
    assert len({theme.support.style, theme.attack.style, theme.undercut.style}) == 3
    assert theme.support.arrowhead != theme.attack.arrowhead
    shapes = {
        (s.shape, s.style)
        for s in (theme.claim, theme.premise, theme.rebuttal, theme.recommendation)
    }
    assert len(shapes) == 4
    assert "Noto Sans CJK SC" in theme.fonts


def test_a_custom_theme_made_with_evolve_is_used() -> None:
    mine = attrs.evolve(
        THEMES["default"], name="mine", claim=attrs.evolve(THEMES["default"].claim, shape="ellipse")
    )
    assert "shape=ellipse" in attributes_of(to_dot(small_map(), theme=mine), "c")


# --- labels and wrapping ----------------------------------------------------------------


def test_node_label_is_an_html_like_label() -> None:
    label = node_label(Claim("c", "x & y", main=True), "CLAIM", show_id=True, speaker="Ahn")
    assert label == (
        '<<FONT POINT-SIZE="8">MAIN CLAIM · #c · Ahn</FONT><BR/>'
        '<FONT POINT-SIZE="13">x &amp; y</FONT>>'
    )


def test_wrap_breaks_chinese_between_characters() -> None:
    assert wrap("中华人民共和国和大韩民国", 8) == ["中华人民", "共和国和", "大韩民国"]


def test_wrap_never_breaks_a_latin_word_inside_cjk_text() -> None:
    assert wrap("中国和Korea的关系", 6) == ["中国和", "Korea", "的关系"]


def test_wrap_breaks_korean_only_at_spaces() -> None:
    assert wrap("한반도 평화를 위한 대화", 8) == ["한반도", "평화를", "위한", "대화"]


def test_wrap_keeps_closing_punctuation_off_the_start_of_a_line() -> None:
    assert wrap("中国韩国。", 10) == ["中国韩国。"]
    assert wrap("中国韩国。", 8) == ["中国韩", "国。"]
    assert wrap("中国韩国。日本", 8) == ["中国韩", "国。日本"]
    assert wrap("「中国」韩国", 4) == ["「中", "国」", "韩国"]


def test_a_word_longer_than_the_width_gets_its_own_line() -> None:
    assert wrap("a supercalifragilistic word", 5) == ["a", "supercalifragilistic", "word"]


def test_wrap_never_breaks_at_a_no_break_space() -> None:
    assert wrap("It is 100\u00a0km away", 3) == ["It", "is", "100\u00a0km", "away"]
    assert wrap("«\u202fOui\u202f» dit-il\u00a0: 1\u2007000", 1) == [
        "«\u202fOui\u202f»",
        "dit-il\u00a0:",
        "1\u2007000",
    ]
    assert wrap("中文\u00a0日本\u2060語", 2) == ["中", "文\u00a0日", "本\u2060語"]


def test_wrap_keeps_white_space_as_typed_within_a_line() -> None:
    assert wrap("two  spaces,   three", 30) == ["two  spaces,   three"]
    assert wrap("中文\u3000日本 thin\u2009space", 30) == ["中文\u3000日本 thin\u2009space"]


def test_a_line_break_replaces_the_breakable_space_it_is_at() -> None:
    assert wrap("中文\u3000日本", 4) == ["中文", "日本"]
    assert wrap("thin\u2009space  and", 5) == ["thin", "space", "and"]


@pytest.mark.parametrize(
    "word",
    [
        "a" * 20_000,
        "é" * 20_000,
        "e\u0301" * 10_000,
        "한" * 20_000,
        "a" + "\u0301" * 20_000,
        "🎉" * 20_000,
    ],
)
def test_an_unbroken_run_longer_than_80_columns_is_cut(word: str) -> None:
    lines = wrap(f"Before {word} after", 30)
    assert lines[0] == "Before"
    assert "".join(lines[1:])[: len(word)] == word
    assert all(display_width(line) <= 80 and len(line) <= 1000 for line in lines)


def test_a_word_of_up_to_80_columns_is_kept_whole() -> None:
    assert wrap(f"a {'x' * 80} b", 10) == ["a", "x" * 80, "b"]
    assert wrap(f"a {'x' * 81} b", 10) == ["a", "x" * 80, "x b"]
    assert wrap(f"a {'x' * 120}", 100) == ["a", "x" * 100, "x" * 20]


def test_a_long_caption_is_wrapped() -> None:
    amap = ArgumentMap(
        "T",
        nodes=[Claim("c", "Said.", speaker="a")],
        participants=[argmap.Participant("a", "N" * 20_000)],
    )
    caption = re.search(r'<FONT POINT-SIZE="8">(.*?)</FONT>', attributes_of(to_dot(amap), "c"))
    assert caption is not None
    lines = caption[1].split("<BR/>")
    assert lines[0] == "CLAIM ·"
    assert "".join(lines[1:]) == "N" * 20_000
    assert max(map(len, lines)) == 80


def test_a_very_long_id_is_written_in_parts_dot_can_read() -> None:
    ident = "p" * 10_000
    amap = ArgumentMap(
        "T", nodes=[Claim("c", "C."), Premise(ident, "P.")], relations=[Support([ident], "c")]
    )
    parts = f'"{"p" * 4000}" + "{"p" * 4000}" + "{"p" * 2000}"'
    source = to_dot(amap, legend=False)
    assert f"\t{parts} [label=" in source
    assert f"\tc -> {parts} [" in source


def test_wrap_refuses_a_width_below_one() -> None:
    with pytest.raises(ValueError, match="width must be at least 1, got 0"):
        wrap("x", 0)


_WORDS = ("word", "Latin", "a", "supercalifragilistic", "한국", "대화")
#: White space, breakable or not: ideographic, thin, no-break, narrow and figure spaces,
#: the word joiner.
_SPACES = (" ", " ", "  ", "\u3000", "\u2009", "\u00a0", "\u202f", "\u2007", "\u2060")
_PIECES = st.sampled_from((*_WORDS, *"中文字国。、」「.,!?)(ﾐé", "\uff0c", *_SPACES))
_TEXTS = st.lists(_PIECES, min_size=1, max_size=40).map("".join).filter(str.strip)
#: What a line may break at, and the break replaces: white space but the no-break spaces.
_BREAKABLE = "[^\\S\u00a0\u2007\u202f]"
_TIES = "\u00a0\u2007\u202f\u2060"


@given(_TEXTS, st.integers(min_value=1, max_value=30))
def test_wrapped_lines_fit_unless_they_cannot_be_broken(text: str, width: int) -> None:
    for line in wrap(text, width):
        if display_width(line) > width:
            assert wrap(line, 1) == [line]


@given(_TEXTS, st.integers(min_value=1, max_value=30))
def test_wrapped_lines_are_the_text_as_typed_cut_at_breakable_spaces(text: str, width: int) -> None:
    lines = wrap(text, width)
    gap = f"({_BREAKABLE}*)"
    typed = re.fullmatch(gap + gap.join(map(re.escape, lines)) + gap, text)
    assert typed is not None, lines
    for before, after, space in zip(lines, lines[1:], typed.groups()[1:], strict=False):
        if not space:  # a break between two characters: never beside a no-break space
            assert before[-1] not in _TIES and after[0] not in _TIES, (before, after)
    for line in lines:
        assert re.match(_BREAKABLE, line) is None
        assert re.search(f"{_BREAKABLE}$", line) is None


_SPACED_WORDS = st.lists(
    st.sampled_from(
        ("a", "word", "Latin", "été", "Ωmega", "supercalifragilistic", "한국", "대화를")
    ),
    min_size=1,
    max_size=30,
).map(" ".join)


@given(_SPACED_WORDS, st.integers(min_value=1, max_value=30))
def test_lines_are_filled_greedily(text: str, width: int) -> None:
    for line, after in itertools.pairwise(wrap(text, width)):
        # the next line's first word would not have fitted on this one
        assert display_width(f"{line} {after.split(' ')[0]}") > width


@given(_TEXTS, st.integers(min_value=1, max_value=30))
def test_no_line_but_the_first_starts_with_closing_punctuation(text: str, width: int) -> None:
    assert not any(line[0] in CLOSING for line in wrap(text, width)[1:])


@given(
    st.text(st.sampled_from("中华人民共和国大韩民国日本語ひらがなカタカナ"), min_size=1),
    st.integers(min_value=2, max_value=20),
)
def test_cjk_lines_are_full_up_to_one_character(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert "".join(lines) == text
    for line in lines[:-1]:
        assert width - 1 <= display_width(line) <= width


def test_a_large_map_is_laid_out_with_capped_passes_and_a_small_one_is_not() -> None:
    def chain(size: int) -> ArgumentMap:
        builder = argmap.MapBuilder("Chain").claim("n0", "Main.", main=True)
        for i in range(1, size):
            builder.premise(f"n{i}", f"P{i}.", supports=f"n{i - 1}")
        return builder.build()

    large = argmap.to_dot(chain(LARGE_MAP))
    (graph,) = [line for line in large.splitlines() if line.startswith("\tgraph [")]
    for limit in ("mclimit=0.1", "nslimit=0.2", "nslimit1=0.2", "searchsize=10"):
        assert re.search(rf" {re.escape(limit)}[ \]]", graph), limit
    assert "nslimit" not in argmap.to_dot(chain(LARGE_MAP - 1))
