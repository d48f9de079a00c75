"""Outlines to hand out: ``argmap.to_outline`` in Markdown, text and HTML, ``outline_html``
and ``argmap outline``."""

from __future__ import annotations

import html
import re
import time
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings

import argmap
from argmap import ArgumentMap, Attack, Claim, Premise, Rebuttal, Recommendation, Source, Support
from argmap.cli import main
from argmap.render.outline_export import OutlineFormat
from tests.strategies import maps

FORMATS: tuple[OutlineFormat, ...] = ("markdown", "text", "html")
SIGNS = {"+", "-", "_"}


def small_map(**changes: object) -> ArgumentMap:
    """Every kind of node and relation: a linked support, an undercut, a recommendation."""
    return ArgumentMap(
        "Small",
        nodes=[
            Claim("c", "The claim.", main=True, source=argmap.SourceRef("op-ed", (2, 3, 4))),
            Premise("p1", "One reason.", basis="statistic", speaker="kim"),
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
        sources=[Source("op-ed", "Plant trees", authors=["Kim Min-ji"], date="2024")],
        participants=[argmap.Participant("kim", "Kim Min-ji")],
        **changes,  # type: ignore[arg-type]
    )


def fragment(amap: ArgumentMap, **options: object) -> ET.Element:
    """The HTML fragment of ``amap``, parsed as XML (so it must be well-formed)."""
    return ET.fromstring(argmap.outline_html(amap, **options))  # type: ignore[arg-type]


def entries(root: ET.Element) -> list[ET.Element]:
    return list(root.iter("li"))


def text_of(element: ET.Element) -> str:
    return "".join(element.itertext())


def unescape_markdown(text: str) -> str:
    """What Markdown shows for ``text``: backslash escapes and entities undone."""
    return html.unescape(re.sub(r"\\(.)", r"\1", text))


# -- what an outline holds ----------------------------------------------------------------


def test_the_text_outline_reads_from_the_main_claim_down() -> None:
    assert argmap.to_outline(small_map(), format="text").splitlines() == [
        "Small",
        "",
        "Main claim c",
        "1 Main claim c (¶2\u20134): The claim.",
        "  + 1.1 Supported by p1 and p2 together:",
        "    1.1.1 premise p1 (statistic, speaker Kim Min-ji): One reason.",
        "    1.1.2 premise p2 (implicit): Its co-premise.",
        "  + 1.2 Supported by premise p3: A lone reason.",
        "    - 1.2.1 Attacked by rebuttal r: An objection.",
        "    _ 1.2.2 Undercut (implicit) of p3->c by rebuttal u: The inference fails.",
        "",
        "Not reached from a main claim",
        "2 Recommendation act: Act now.",
        "  + 2.1 Supported by premise p3: see 1.2",
        "  + 2.2 Supported by premise why: Because.",
        "",
        "Sources",
        "op-ed: Plant trees. Kim Min-ji, 2024",
    ]


def test_the_markdown_outline_nests_lists_under_headings() -> None:
    lines = argmap.to_outline(small_map()).splitlines()
    assert lines[:6] == [
        "# Small",
        "",
        "## Main claim `c`",
        "",
        "- 1 Main claim `c` (¶2\u20134): The claim.",
        "    - `+` 1.1 Supported by `p1` and `p2` together:",
    ]
    assert "        - 1.1.1 premise `p1` (statistic, speaker Kim Min-ji): One reason." in lines
    assert "## Not reached from a main claim" in lines
    assert "- `op-ed`: Plant trees. Kim Min-ji, 2024" in lines


def test_markdown_is_the_default_format() -> None:
    assert argmap.to_outline(small_map()) == argmap.to_outline(small_map(), format="markdown")


def test_linked_co_premises_are_one_entry() -> None:
    root = fragment(small_map())
    (linked,) = [li for li in entries(root) if li.get("data-relation") == "p1+p2->c"]
    assert linked.get("id") == "outline-p1+p2->c" and linked.get("data-node") is None
    inner = [li.get("data-node") for li in linked.iter("li") if li is not linked]
    assert inner == ["p1", "p2"]


def test_undercuts_are_marked_and_sit_under_the_support() -> None:
    text = argmap.to_outline(small_map(), format="text")
    assert "    _ 1.2.2 Undercut (implicit) of p3->c by rebuttal u" in text
    root = fragment(small_map())
    (support,) = [li for li in entries(root) if li.get("data-relation") == "p3->c"]
    (undercut,) = [li for li in support.iter("li") if li.get("data-relation") == "u->p3->c"]
    assert undercut.find("span").text == "_"  # type: ignore[union-attr]


def test_each_main_claim_has_a_section_of_its_own() -> None:
    amap = ArgumentMap(
        "Two",
        nodes=[
            Claim("a", "A.", main=True),
            Claim("b", "B.", main=True),
            Premise("p", "P."),
            Premise("q", "Q."),
        ],
        relations=[Support(["p"], "a"), Support(["p"], "b"), Support(["q"], "b")],
    )
    lines = argmap.to_outline(amap).splitlines()
    assert [line for line in lines if line.startswith("#")] == [
        "# Two",
        "## Main claim `a`",
        "## Main claim `b`",
    ]
    assert "    - `+` 2.1 Supported by premise `p`: see 1.1" in lines
    headings = [text_of(h) for h in fragment(amap).iter("h2")]
    assert headings == ["Main claim a", "Main claim b"]


def test_nodes_no_main_claim_reaches_are_listed_last() -> None:
    amap = ArgumentMap(
        "T",
        nodes=[Claim("c", "C.", main=True), Premise("lone", "Alone."), Rebuttal("r", "R.")],
        relations=[Attack("r", "lone")],
    )
    text = argmap.to_outline(amap, format="text").splitlines()
    assert text[text.index("Not reached from a main claim") :] == [
        "Not reached from a main claim",
        "2 Premise lone: Alone.",
        "  - 2.1 Attacked by rebuttal r: R.",
    ]


def test_a_map_without_a_main_claim_is_all_unreached() -> None:
    amap = ArgumentMap("T", nodes=[Premise("p", "P."), Claim("c", "C.")])
    headings = [text_of(h) for h in fragment(amap).iter("h2")]
    assert headings == ["Not reached from a main claim"]


def test_a_recommendation_comes_with_its_reasons() -> None:
    amap = (
        argmap.MapBuilder("T")
        .recommendation("act", "Plant trees.")
        .premise("shade", "Trees give shade.", supports="act", basis="fact")
        .build()
    )
    assert argmap.to_outline(amap, format="text").splitlines()[3:5] == [
        "1 Recommendation act: Plant trees.",
        "  + 1.1 Supported by premise shade (fact): Trees give shade.",
    ]


def test_attack_cycles_are_written_once_and_referred_to() -> None:
    amap = ArgumentMap(
        "T",
        nodes=[Claim("a", "A.", main=True), Rebuttal("b", "B."), Rebuttal("c", "C.")],
        relations=[Attack("b", "a"), Attack("c", "b"), Attack("a", "c")],
    )
    assert argmap.to_outline(amap, format="text").splitlines()[3:] == [
        "1 Main claim a: A.",
        "  - 1.1 Attacked by rebuttal b: B.",
        "    - 1.1.1 Attacked by rebuttal c: C.",
        "      - 1.1.1.1 Attacked by main claim a: see 1",
    ]
    (seen,) = [li for li in entries(fragment(amap)) if li.get("data-relation") == "a->c"]
    assert seen.get("id") is None
    assert seen.find("a").get("href") == "#outline-a"  # type: ignore[union-attr]


def test_a_deep_chain_goes_on_in_linked_entries_and_is_quick() -> None:
    nodes: list[argmap.Node] = [Claim("n0", "Top.", main=True)]
    nodes += [Premise(f"n{i}", f"Reason {i}.") for i in range(1, 20_000)]
    relations = [Support([f"n{i}"], f"n{i - 1}") for i in range(1, 20_000)]
    amap = ArgumentMap("Deep", nodes=nodes, relations=relations)
    start = time.perf_counter()
    outlines = [argmap.to_outline(amap, format=form) for form in FORMATS]
    assert time.perf_counter() - start < 20
    assert all("Reason 19999." in outline for outline in outlines)
    root = fragment(amap)
    ids = {li.get("id") for li in entries(root)}
    links = {a.get("href") for a in root.iter("a")}
    assert {"#outline-n7:continued", "#outline-n7"} <= links
    assert {href[1:] for href in links if href} <= ids


# -- texts as typed --------------------------------------------------------------------------

TRICKY = (
    "Less <b>than</b> & \"quoted\" 'too'",
    "*stars* and _under_scores_ and __dunder__",
    "# hash, [link](http://x) and `code`",
    "back\\slash, {braces}, ~~struck~~, a | pipe, 1. not a list",
    "&amp; already an entity, &lt; too",
    "עברית and 中文 and emoji 🎉",
)


def tricky_map() -> ArgumentMap:
    return ArgumentMap(
        TRICKY[0],
        nodes=[
            Claim("c", TRICKY[0], main=True, speaker="s_1"),
            *(Premise(f"p{i}", text) for i, text in enumerate(TRICKY[1:])),
        ],
        relations=[Support([f"p{i}"], "c") for i in range(len(TRICKY) - 1)],
        participants=[argmap.Participant("s_1", "O'Brien <*Pat*>")],
        sources=[Source("s", "A & B <c>", url="https://example.org/?a=1&b=<2>")],
    )


def test_plain_text_keeps_every_character() -> None:
    text = argmap.to_outline(tricky_map(), format="text")
    assert all(piece in text for piece in TRICKY)
    assert "speaker O'Brien <*Pat*>" in text


def test_markdown_shows_every_text_as_typed() -> None:
    markdown = pytest.importorskip("markdown")
    written = argmap.to_outline(tricky_map())
    shown = ET.fromstring(f"<div>{markdown.markdown(written)}</div>")
    assert shown.find(".//em") is None and shown.find(".//strong") is None
    assert shown.find(".//a") is None and shown.find(".//b") is None
    shown_text = text_of(shown)
    assert all(piece in shown_text for piece in TRICKY)
    assert "speaker O'Brien <*Pat*>" in shown_text
    assert all(piece in unescape_markdown(written) for piece in TRICKY)


def test_html_is_well_formed_and_keeps_every_text() -> None:
    page = argmap.to_outline(tricky_map(), format="html")
    root = ET.fromstring(page)  # the doctype is all that XML would not need
    assert root.tag == "html" and root.get("lang") == "en"
    shown = text_of(root)
    assert all(piece in shown for piece in TRICKY)
    source = [a for a in root.iter("a") if a.get("href", "").startswith("https:")]
    assert [a.get("href") for a in source] == ["https://example.org/?a=1&b=%3C2%3E"]
    assert not re.search(r"<script|<link|\ssrc=|url\(", page)  # nothing is fetched


def test_html_reads_the_same_to_an_html_parser() -> None:
    class Collect(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.text: list[str] = []
            self.open: list[str] = []

        def handle_starttag(self, tag: str, attrs: object) -> None:
            if tag not in ("meta",):
                self.open.append(tag)

        def handle_endtag(self, tag: str) -> None:
            assert self.open.pop() == tag

        def handle_data(self, data: str) -> None:
            self.text.append(data)

    parser = Collect()
    parser.feed(argmap.outline_html(tricky_map()))
    parser.close()
    assert parser.open == []
    assert all(piece in "".join(parser.text) for piece in TRICKY)


def test_the_fragment_takes_an_id_prefix_and_a_heading_level() -> None:
    root = fragment(small_map(), id_prefix="m1-", heading_level=3)
    assert root.tag == "section" and root.get("aria-label") == "Outline: Small"
    assert [h.tag for h in root if h.tag.startswith("h")] == ["h3", "h3", "h3"]
    assert {li.get("id") for li in entries(root) if li.get("id")} == {
        "m1-c",
        "m1-p1+p2->c",
        "m1-p1",
        "m1-p2",
        "m1-p3",
        "m1-r",
        "m1-u",
        "m1-act",
        "m1-why",
    }


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"id_prefix": "a b"}, "id_prefix must be a non-empty id with no spaces; got 'a b'"),
        ({"id_prefix": ""}, "id_prefix must be a non-empty id"),
        ({"heading_level": 7}, "heading_level must be a whole number from 1 to 6; got 7"),
    ],
)
def test_the_fragment_refuses_bad_options(options: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        argmap.outline_html(small_map(), **options)  # type: ignore[arg-type]


def test_an_unknown_format_is_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match=r"format must be one of 'markdown', 'text', 'html'; "):
        argmap.to_outline(small_map(), format="pdf")  # type: ignore[arg-type]


# -- every example, every node, every relation ---------------------------------------------


def check_complete(amap: ArgumentMap) -> None:
    """Every node and relation of ``amap`` appears in its outline, in each format."""
    root = fragment(amap)
    written = [li.get("id", "") for li in entries(root) if li.get("data-node") and li.get("id")]
    full = [name for name in written if not name.endswith(":continued")]
    assert sorted(full) == sorted(f"outline-{node.id}" for node in amap.nodes)
    relations = [li.get("data-relation", "") for li in entries(root) if li.get("data-relation")]
    assert sorted(relations) == sorted(relation.id for relation in amap.relations)
    shown = text_of(root)
    assert all(node.text in shown for node in amap.nodes)

    text = argmap.to_outline(amap, format="text")
    assert all(node.text in text and f" {node.id}" in text for node in amap.nodes)
    signs = [line.split()[0] for line in text.splitlines() if line.startswith(" ")]
    assert sum(sign in SIGNS for sign in signs) == len(amap.relations)

    markdown = argmap.to_outline(amap)
    shown = unescape_markdown(markdown)
    assert all(node.text in shown and f"`{node.id}`" in markdown for node in amap.nodes)
    marks = re.findall(r"^ *- `([-+_])` ", markdown, re.MULTILINE)
    assert len(marks) == len(amap.relations)


@pytest.mark.parametrize("name", argmap.examples.names())
def test_every_node_and_relation_of_an_example_is_in_its_outline(name: str) -> None:
    check_complete(argmap.examples.load(name))


def test_speakers_and_paragraphs_of_an_example_are_named() -> None:
    text = argmap.to_outline(argmap.examples.load("taihe"), format="text")
    assert "1 Main claim progress (speaker Wu Hailong, ¶22): Over thirty years" in text


@settings(max_examples=150, deadline=None)
@given(maps(max_nodes=8))
def test_any_map_outlines_completely_and_deterministically(amap: ArgumentMap) -> None:
    check_complete(amap)
    for form in FORMATS:
        assert argmap.to_outline(amap, format=form) == argmap.to_outline(amap, format=form)


# -- argmap outline ----------------------------------------------------------------------------

SMALL_YAML = """\
title: Trees
nodes:
  c: {claim: Cities should plant trees., main: true}
  p: {premise: Trees cool streets., basis: fact, supports: c}
"""


@pytest.fixture
def small_file(tmp_path: Path) -> Path:
    path = tmp_path / "trees.yaml"
    path.write_text(SMALL_YAML, "utf-8")
    return path


def test_the_command_writes_markdown_to_standard_output(
    small_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["outline", str(small_file)]) == 0
    out, err = capsys.readouterr()
    assert out == argmap.to_outline(argmap.read(small_file))
    assert err == ""


@pytest.mark.parametrize(
    ("name", "form"), [("o.md", "markdown"), ("o.txt", "text"), ("o.HTML", "html")]
)
def test_the_command_writes_the_format_the_extension_names(
    small_file: Path, name: str, form: OutlineFormat, capsys: pytest.CaptureFixture[str]
) -> None:
    out = small_file.parent / name
    assert main(["outline", str(small_file), "-o", str(out)]) == 0
    amap = argmap.read(small_file)
    assert out.read_text("utf-8") == argmap.to_outline(amap, format=form)
    assert capsys.readouterr().err == f"argmap: wrote {str(out)!r} ({form} outline)\n"


def test_format_wins_over_the_extension(small_file: Path) -> None:
    out = small_file.parent / "notes.out"
    assert main(["outline", str(small_file), "-o", str(out), "--format", "text"]) == 0
    assert out.read_text("utf-8").startswith("Trees\n\nMain claim c\n")


def test_an_unknown_extension_is_a_usage_error_and_writes_nothing(
    small_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = small_file.parent / "o.pdf"
    assert main(["outline", str(small_file), "-o", str(out)]) == 2
    assert not out.exists()
    assert capsys.readouterr().err == (
        f"argmap: error: cannot tell the outline format of {str(out)!r} from its extension "
        "'.pdf'; use one of .md, .markdown, .txt, .text, .html, .htm, or give --format "
        "markdown|text|html\n"
    )


def test_an_unknown_format_is_a_usage_error(
    small_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["outline", str(small_file), "--format", "pdf"]) == 2
    assert "argument --format: invalid choice: 'pdf'" in capsys.readouterr().err


def test_the_command_writes_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", "--example", "sejong", "--format", "text"]) == 0
    expected = argmap.to_outline(argmap.examples.load("sejong"), format="text")
    assert capsys.readouterr().out == expected


def test_a_map_that_cannot_be_read_fails_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "o.md"
    assert main(["outline", str(tmp_path / "missing.yaml"), "-o", str(out)]) == 1
    assert not out.exists()
    assert "AM101 error: cannot read the file" in capsys.readouterr().err


def test_an_output_that_cannot_be_written_is_one_error_line(
    small_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = small_file.parent / "no" / "o.md"
    assert main(["outline", str(small_file), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"argmap: error: cannot write {str(out)!r}: ")
    assert err.endswith(f"create the folder {str(out.parent)!r} first\n")
    assert err.count("\n") == 1


def test_an_existing_output_is_replaced_whole(small_file: Path) -> None:
    out = small_file.parent / "o.txt"
    out.write_text("old", "utf-8")
    assert main(["outline", str(small_file), "-o", str(out)]) == 0
    assert out.read_text("utf-8").startswith("Trees\n")
    assert [p.name for p in small_file.parent.iterdir() if p.name.startswith(".")] == []


def test_the_map_file_itself_is_not_an_output(
    small_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["outline", str(small_file), "-o", str(small_file), "--format", "text"]) == 1
    assert small_file.read_text("utf-8") == SMALL_YAML
    assert "is the map file itself" in capsys.readouterr().err


def test_file_and_example_do_not_go_together(
    small_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["outline", str(small_file), "--example", "sejong"]) == 2
    assert "not allowed with argument" in capsys.readouterr().err
