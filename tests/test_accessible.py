"""Drawings for screen readers: the SVG's role, title and outline, node and edge titles,
links to sources, provenance marks (``show_sources``) and well-formed SVG."""

from __future__ import annotations

import html
import itertools
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap import ArgumentMap, Attack, Claim, Premise, Rebuttal, Recommendation, Source, Support
from argmap.cli import main
from argmap.render import RendererName
from argmap.render import engine as engine_module
from argmap.render.outline import DEEPEST, outline_lines

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


def small_map(**changes: Any) -> ArgumentMap:
    """Every kind of node and relation: a linked support, an undercut, an implicit one."""
    return ArgumentMap(
        "Small",
        nodes=[
            Claim("c", "The claim.", main=True),
            Premise("p1", "One reason.", basis="statistic"),
            Premise("p2", "Its co-premise.", implicit=True),
            Premise("p3", "A lone reason."),
            Rebuttal("r", "An objection."),
            Rebuttal("u", "The inference fails."),
            Recommendation("act", "Act now."),
            Premise("why", "Because."),
        ],
        relations=[
            Support(["p1", "p2"], "c"),
            Support(["p3"], "c"),
            Attack("r", "p3"),
            Attack("u", "p3->c", implicit=True),
            Support(["why"], "act"),
            Support(["p3"], "act"),
        ],
        **changes,
    )


SMALL_OUTLINE = [
    "1 Main claim c: The claim.",
    "  1.1 Supported by p1 and p2 together:",
    "    1.1.1 premise p1 (statistic): One reason.",
    "    1.1.2 premise p2 (implicit): Its co-premise.",
    "  1.2 Supported by premise p3: A lone reason.",
    "    1.2.1 Attacked by rebuttal r: An objection.",
    "    1.2.2 Undercut (implicit) of p3->c by rebuttal u: The inference fails.",
    "Not reached from a main claim:",
    "2 Recommendation act: Act now.",
    "  2.1 Supported by premise p3: see 1.2",
    "  2.2 Supported by premise why: Because.",
]


def chain(length: int) -> ArgumentMap:
    """A main claim, supported by a premise, supported by a premise, ... ``length`` nodes."""
    nodes: list[argmap.Node] = [Claim("n0", "Top.", main=True)]
    nodes += [Premise(f"n{i}", f"Reason {i}.") for i in range(1, length)]
    relations = [Support([f"n{i}"], f"n{i - 1}") for i in range(1, length)]
    return ArgumentMap("Deep", nodes=nodes, relations=relations)


def parts(svg: str | bytes) -> tuple[ET.Element, dict[str, str]]:
    """The SVG's root, and each node's and edge's title by the name Graphviz gave it."""
    comments = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))
    root = ET.fromstring(svg, comments)
    titles = {}
    for parent in root.iter():
        children = list(parent)
        for name, group in itertools.pairwise(children):
            # Graphviz writes the name in a comment before each node's and edge's group
            if callable(name.tag) and group.get("class") in ("node", "edge"):
                title = group.find(f"{SVG}title")
                assert title is not None
                titles[html.unescape((name.text or "").strip())] = title.text or ""
    return root, titles


# -- the outline -------------------------------------------------------------------------


def test_the_outline_reads_from_each_main_claim_down() -> None:
    assert outline_lines(small_map()) == SMALL_OUTLINE


def test_the_outline_has_every_node_and_relation() -> None:
    sejong = argmap.examples.load("sejong")
    text = "\n".join(outline_lines(sejong))
    for node in sejong.nodes:
        assert f" {node.id}" in text and node.text in text, node.id
    # one entry per relation: a line per support or attack, plus each linked co-premise
    entries = (
        len(sejong.relations)
        + 1
        + sum(len(r.by) for r in sejong.relations if isinstance(r, Support) and len(r.by) > 1)
    )
    assert len(outline_lines(sejong)) == entries


def test_without_a_main_claim_the_outline_starts_at_the_conclusions() -> None:
    amap = ArgumentMap(
        "T",
        nodes=[Premise("p", "P."), Claim("c", "C."), Rebuttal("r", "R.")],
        relations=[Support(["p"], "c"), Attack("r", "p")],
    )
    assert outline_lines(amap) == [
        "1 Claim c: C.",
        "  1.1 Supported by premise p: P.",
        "    1.1.1 Attacked by rebuttal r: R.",
    ]


def test_a_cycle_is_written_once() -> None:
    amap = ArgumentMap(
        "T",
        nodes=[Claim("a", "A."), Claim("b", "B.")],
        relations=[Support(["a"], "b"), Support(["b"], "a")],
    )
    assert outline_lines(amap) == [
        "1 Claim a: A.",
        "  1.1 Supported by claim b: B.",
        "    1.1.1 Supported by claim a: see 1",
    ]


def test_a_deep_branch_goes_on_in_an_entry_of_its_own() -> None:
    lines = outline_lines(chain(20))
    assert max(len(line) - len(line.lstrip()) for line in lines) == 2 * (DEEPEST - 1)
    assert lines[DEEPEST - 1].endswith("premise n7: Reason 7. (continued at 2)")
    assert lines[DEEPEST] == "2 Continued from 1.1.1.1.1.1.1.1: premise n7: Reason 7."
    assert all(f"Reason {i}." in "\n".join(lines) for i in range(1, 20))


def test_an_outline_of_a_50000_deep_chain_is_quick_and_linear() -> None:
    start = time.perf_counter()
    lines = outline_lines(chain(50_000))
    assert time.perf_counter() - start < 10
    assert len(lines) < 60_000 and max(map(len, lines)) < 100


def test_the_outline_is_deterministic_across_processes() -> None:
    code = (
        "import argmap; from argmap.render.outline import outline_lines; "
        "print('\\n'.join(outline_lines(argmap.examples.load('taihe'))))"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PYTHONIOENCODING": "utf-8"},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(runs) == 1


def test_the_outline_names_speakers_and_with_marks_paragraphs() -> None:
    taihe = argmap.examples.load("taihe")
    assert "(speaker " in outline_lines(taihe)[0]
    sejong = argmap.examples.load("sejong")
    assert outline_lines(sejong, marks=True)[0].startswith(
        "1 Main claim thesis (¶1, 9): China and the ROK"
    )


# -- the SVG -----------------------------------------------------------------------------


def test_the_svg_is_an_image_with_the_title_and_the_outline_first(
    renderer: RendererName,
) -> None:
    amap = small_map(sources=[Source("s", "The source", outlet="Daily", date="2024")])
    root, _ = parts(argmap.to_svg(amap, renderer=renderer))
    assert root.get("role") == "img"
    title, desc, *_ = list(root)
    assert (title.tag, title.text) == (f"{SVG}title", "Small")
    assert desc.tag == f"{SVG}desc"
    assert (desc.text or "").splitlines() == [*SMALL_OUTLINE, "Source s: The source. Daily, 2024"]
    assert root.findtext(f"{SVG}g/{SVG}title") == "Small"  # the graph's own, as before


def test_each_node_and_edge_title_says_what_it_is(renderer: RendererName) -> None:
    _, titles = parts(argmap.to_svg(small_map(), renderer=renderer))
    assert titles["c"] == "main claim: The claim."
    assert titles["p1"] == "premise (statistic): One reason."
    assert titles["p2"] == "premise (implicit): Its co-premise."
    assert titles["act"] == "recommendation: Act now."
    assert titles["junction 1"] == "junction: p1 and p2 together support c"
    assert titles["junction 1->p2"] == "p1 and p2 together support c"
    assert titles["c->junction 1"] == "p1 and p2 together support c"
    assert titles["junction 2"] == "junction: p3 supports c"
    assert titles["p3->r"] == "r attacks p3"
    assert titles["junction 2->u"] == "u undercuts p3->c (implicit)"
    assert titles["act->why"] == "why supports act"
    assert titles["legend premise"] == "legend premise"  # what is no part of the map is as it was


def test_edges_between_the_same_nodes_are_titled_in_turn(renderer: RendererName) -> None:
    amap = ArgumentMap(
        "T",
        nodes=[Claim("c", "C."), Premise("p", "P.")],
        relations=[Support(["p"], "c"), Attack("p", "c", id="p-against-c")],
    )
    svg = argmap.to_svg(amap, renderer=renderer, legend=False)
    edges = re.findall(r'class="edge">\s*<title>([^<]*)</title>', svg)
    assert sorted(edges) == ["p attacks c", "p supports c"]


def test_only_titles_role_and_description_change(
    renderer: RendererName, monkeypatch: pytest.MonkeyPatch
) -> None:
    sejong = argmap.examples.load("sejong")
    made = argmap.render_bytes(sejong, "svg", renderer=renderer)
    assert made == argmap.render_bytes(sejong, "svg", renderer=renderer)  # byte for byte
    monkeypatch.setattr(engine_module, "accessible_svg", lambda svg, amap, **_: svg)
    drawn = argmap.render_bytes(sejong, "svg", renderer=renderer)

    def untitled(svg: bytes) -> bytes:
        return re.sub(rb"<title>[^<]*</title>", b"<title/>", svg)

    added = rb'<svg role="img"([^>]*>)\n<title>[^<]*</title>\n<desc>[^<]*</desc>'
    assert untitled(re.sub(added, rb"<svg\1", made)) == untitled(drawn)


@pytest.mark.parametrize("theme", sorted(argmap.THEMES))
@pytest.mark.parametrize("name", argmap.examples.names())
def test_every_example_is_well_formed_svg_in_every_theme(
    renderer: RendererName, name: str, theme: str
) -> None:
    amap = argmap.examples.load(name)
    options = argmap.examples.drawing_options(name)
    root, titles = parts(argmap.to_svg(amap, renderer=renderer, theme=theme, **options))
    assert root.get("role") == "img"
    assert root.findtext(f"{SVG}desc", "").startswith("1 ")
    for node in amap.nodes:
        assert titles[node.id].endswith(f": {node.text}"), node.id


def test_the_svg_of_a_part_outlines_the_part(renderer: RendererName) -> None:
    sejong = argmap.examples.load("sejong")
    root, _ = parts(argmap.to_svg(sejong, renderer=renderer, focus="geopolitics", depth=1))
    desc = root.findtext(f"{SVG}desc", "")
    assert desc.startswith("1 Claim geopolitics: Geopolitics poses")
    assert "thesis" not in desc


# -- links to sources --------------------------------------------------------------------


def linked_map(url: str | None) -> ArgumentMap:
    return ArgumentMap(
        "T",
        nodes=[Claim("c", "C.", source=argmap.SourceRef("s", (2,)))],
        sources=[Source("s", 'The "source" & more', outlet="Daily", url=url)],
    )


def test_a_citation_links_to_its_source(renderer: RendererName) -> None:
    url = "https://example.org/a b?x=1&y=<2>"
    root, _ = parts(argmap.to_svg(linked_map(url), renderer=renderer))
    links = list(root.iter(f"{SVG}a"))
    assert [a.get(f"{XLINK}href") for a in links] == ["https://example.org/a%20b?x=1&y=%3C2%3E"]
    assert links[0].get(f"{XLINK}title") == 'The "source" & more'
    assert [text.text for text in links[0].iter(f"{SVG}text")] == ["Daily"]


def test_a_source_group_links_its_caption(renderer: RendererName) -> None:
    svg = argmap.to_svg(linked_map("http://example.org/s"), renderer=renderer, group_by="source")
    hrefs = [a.get(f"{XLINK}href") for a in parts(svg)[0].iter(f"{SVG}a")]
    assert hrefs == ["http://example.org/s", "http://example.org/s"]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "example.org"])
def test_only_web_addresses_are_links(url: str) -> None:
    for group_by in (None, "source"):
        source = argmap.to_dot(linked_map(url), group_by=group_by)
        assert source == argmap.to_dot(linked_map(None), group_by=group_by)


def test_a_map_without_links_draws_as_before() -> None:
    sejong = argmap.examples.load("sejong")
    assert "<TABLE" not in argmap.to_dot(sejong)


# -- provenance marks --------------------------------------------------------------------


def test_show_sources_marks_each_node_with_its_paragraphs() -> None:
    sejong = argmap.examples.load("sejong")
    plain, marked = argmap.to_dot(sejong), argmap.to_dot(sejong, show_sources=True)
    assert "¶" not in plain
    assert "MAIN CLAIM · ¶1, 9</FONT>" in marked
    assert "CLAIM · ¶2\u20133, 8</FONT>" in marked  # ties-deepened: paragraphs 2, 3 and 8
    changed = [
        line.split(" [")[0].strip().strip('"')
        for old, line in zip(plain.splitlines(), marked.splitlines(), strict=True)
        if old != line
    ]
    assert changed == [node.id for node in sejong.nodes if node.source and node.source.paragraphs]


def test_with_several_sources_marks_and_citations_name_the_source() -> None:
    amap = ArgumentMap(
        "T",
        nodes=[Claim("c", "C.", source=argmap.SourceRef("a", (5,))), Premise("p", "P.")],
        sources=[Source("a", "A", outlet="Daily"), Source("b", "B", outlet="Weekly")],
        relations=[Support(["p"], "c")],
    )
    source = argmap.to_dot(amap, show_sources=True)
    assert "CLAIM · a ¶5</FONT>" in source
    citations = '<FONT POINT-SIZE="9">a: Daily</FONT><BR/><FONT POINT-SIZE="9">b: Weekly</FONT>'
    assert citations in source
    assert "a: Daily" not in argmap.to_dot(amap)


def test_show_sources_marks_the_svg_titles_and_outline(renderer: RendererName) -> None:
    root, titles = parts(argmap.to_svg(linked_map("x"), renderer=renderer, show_sources=True))
    assert titles["c"] == "claim (¶2): C."
    assert root.findtext(f"{SVG}desc", "").startswith("1 Claim c (¶2): C.")


def test_the_cli_draws_provenance_marks(tmp_path: Path) -> None:
    output = tmp_path / "sejong.svg"
    argv = ["render", "--example", "sejong", "-o", str(output), "--renderer", "graphviz-pure"]
    assert main([*argv, "--show-sources"]) == 0
    shown = [text.text for text in ET.parse(output).getroot().iter(f"{SVG}text")]
    assert "MAIN CLAIM · ¶1, 9" in shown
    assert main(argv) == 0
    assert "MAIN CLAIM" in [text.text for text in ET.parse(output).getroot().iter(f"{SVG}text")]


def test_draw_takes_show_sources() -> None:
    drawing = argmap.draw(small_map(), show_sources=True, renderer="graphviz-pure")
    assert drawing.options == {"show_sources": True, "renderer": "graphviz-pure"}
    assert 'role="img"' in drawing._repr_svg_()
