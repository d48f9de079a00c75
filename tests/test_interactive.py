"""The interactive web page (``to_html``, ``argmap render -o map.html``), read as text."""

from __future__ import annotations

import functools
import html
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.cli import main
from argmap.render import interactive
from argmap.render._captions import link
from argmap.render._interactive_data import map_data, reading_order, script_json
from tests.strategies import TEXTS, maps

EXAMPLES = argmap.examples.names()
#: Elements that load what an attribute names, and the attributes.
LOADING = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "source": ("src", "srcset"),
    "audio": ("src",),
    "video": ("src", "poster"),
    "track": ("src",),
    "feimage": ("href", "xlink:href"),
}


def tricky_map() -> argmap.ArgumentMap:
    """A map with what a page must cope with: linked supports, an undercut, two main
    claims, a speaker, a node no main claim reaches, texts that look like markup."""
    return argmap.loads(
        """\
argmap: 1
title: "A <b>bold</b> & </script> title"
participants:
  kim: {name: Kim Min-ji, affiliation: Seoul Institute}
sources:
  op: {title: The op-ed, url: "https://example.org/a?b=1&c=2", authors: [A. Writer]}
  bad: {title: Not a link, url: "javascript:alert(1)"}
nodes:
  c1: {claim: "First </script><script>alert(1)</script> claim.", main: true, speaker: kim}
  c2: {claim: "Second claim <!-- not a comment --> & more.", main: true}
  p:
    premise: "P's 'quoted' \\"text\\"."
    basis: fact
    source: {doc: op, paragraphs: [2, 3, 4]}
    supports: {to: c1, with: [q]}
  q: {premise: "Q, then a no-break\\u00a0space.", basis: statistic, source: {doc: bad}}
  r: {rebuttal: R undercuts it., attacks: p+q->c1}
  lone: {premise: "Nothing reaches me 中文 עברית 🎉."}
  r2: {rebuttal: Against the second., attacks: c2, note: "Two\\nlines."}
"""
    )


class Page(HTMLParser):
    """What a page holds: each start tag with its attributes, and each script's text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def data(self) -> Any:
        (text,) = [t for a, t in self.scripts if a.get("type") == "application/json"]
        return json.loads(text)

    def attribute(self, name: str, tag: str | None = None) -> list[str]:
        """The values of attribute ``name`` (on ``tag`` elements only, if given)."""
        return [
            value
            for found, attrs in self.tags
            if (value := attrs.get(name)) is not None and tag in (None, found)
        ]


@functools.cache
def example_page(name: str) -> str:
    return argmap.to_html(argmap.examples.load(name), **argmap.examples.drawing_options(name))


# -- self-contained ------------------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_page_loads_nothing_from_anywhere(name: str) -> None:
    text = example_page(name)
    page = Page(text)
    for tag, attrs in page.tags:
        for attribute in LOADING.get(tag, ()):
            assert attrs.get(attribute) is None, (tag, attrs)
    for _, style in page.tags:
        assert "url(" not in (style.get("style") or "")
    assert "@import" not in text and "url(" not in text
    (policy,) = [a["content"] for t, a in page.tags if a.get("http-equiv")]
    assert policy is not None and policy.startswith("default-src 'none'; script-src 'sha256-")


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_only_web_addresses_are_the_sources_own(name: str) -> None:
    amap = argmap.examples.load(name)
    allowed = {s.url for s in amap.sources} | {html.unescape(link(s) or "") for s in amap.sources}
    found = {
        html.unescape(url) for url in re.findall(r"https?://[^\s\"'<>\\]+", example_page(name))
    }
    assert found <= allowed


def test_javascript_addresses_of_sources_are_never_links() -> None:
    page = Page(argmap.to_html(tricky_map()))
    assert not any(href.lower().startswith("javascript") for href in page.attribute("href"))
    sources = [node["source"] for node in page.data()["nodes"] if node["source"]]
    assert {source["doc"]: source["url"] for source in sources} == {
        "op": "https://example.org/a?b=1&c=2",
        "bad": None,
    }


# -- complete -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_node_is_in_the_data_and_in_the_drawing_once(name: str) -> None:
    amap = argmap.examples.load(name)
    page = Page(example_page(name))
    data = page.data()
    ids = [node.id for node in amap.nodes]
    assert [node["id"] for node in data["nodes"]] == ids
    assert sorted(data["order"]) == sorted(ids)
    assert sorted(page.attribute("data-node", "g")) == sorted(ids)
    texts = {node["id"]: node["text"] for node in data["nodes"]}
    assert texts == {node.id: node.text for node in amap.nodes}


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_relation_is_drawn_and_listed(name: str) -> None:
    amap = argmap.examples.load(name)
    page = Page(example_page(name))
    relations = {relation.id for relation in amap.relations}
    assert set(page.attribute("data-rel", "g")) == relations
    assert set(page.data()["relations"]) == relations


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_outline_in_the_page_names_every_node(name: str) -> None:
    amap = argmap.examples.load(name)
    text = example_page(name)
    outline = text[text.index('id="am-outline-body"') : text.index('<script type="application')]
    for node in amap.nodes:
        assert f" {node.id}" in outline


def test_a_tricky_map_keeps_every_text_and_detail() -> None:
    amap = tricky_map()
    page = Page(argmap.to_html(amap, renderer="graphviz-pure"))
    data = page.data()
    assert data["title"] == amap.title
    nodes = {node["id"]: node for node in data["nodes"]}
    assert {ident: node["text"] for ident, node in nodes.items()} == {
        node.id: node.text for node in amap.nodes
    }
    assert data["order"] == ["c1", "p", "q", "r", "c2", "r2", "lone"]
    assert nodes["c1"]["speaker"]["name"] == "Kim Min-ji"
    assert nodes["p"]["source"]["where"] == "2\u20134"
    assert nodes["r2"]["note"] == "Two\nlines."
    assert nodes["c1"]["links"] == [
        ["Supported by", [{"nodes": ["p", "q"], "detail": "together"}]],
        ["Undercut by", [{"nodes": ["r"], "detail": "of the support by p and q"}]],
    ]
    assert nodes["r"]["links"] == [
        ["Undercuts the support of", [{"nodes": ["c1"], "detail": "by p and q"}]]
    ]
    assert nodes["r"]["parents"] == ["c1"] and nodes["c1"]["children"] == ["p", "q", "r"]
    # Only the page's own two scripts; a text cannot start another.
    assert len(page.scripts) == 2


def test_focus_draws_and_lists_one_branch() -> None:
    amap = argmap.examples.load("sejong")
    page = Page(argmap.to_html(amap, focus="uncertain", depth=1))
    shown = argmap.focus(amap, "uncertain", depth=1).map
    assert sorted(page.attribute("data-node", "g")) == sorted(node.id for node in shown.nodes)
    assert [node["id"] for node in page.data()["nodes"]] == [node.id for node in shown.nodes]


def test_reading_order_starts_at_the_main_claim_and_goes_depth_first() -> None:
    amap = argmap.examples.load("sejong")
    order = reading_order(amap)
    assert order[0] == "thesis"
    outline = argmap.render.outline.outline_lines(amap)
    first_seen = []
    for line in outline:
        for node in amap.nodes:
            if re.search(rf"\b{re.escape(node.kind)} {re.escape(node.id)}\b", line.lower()):
                first_seen.append(node.id)
    assert list(dict.fromkeys(first_seen)) == order


# -- escaping ------------------------------------------------------------------------------


@given(st.one_of(TEXTS, st.text()))
def test_json_in_a_script_keeps_every_character_and_cannot_end_it(text: str) -> None:
    value = {"text": text, "list": [text, text[::-1]]}
    written = script_json(value)
    assert not set(written) & set("<>&\u2028\u2029")
    written.encode("utf-8")  # no lone surrogate left
    assert json.loads(written) == value


@given(maps())
def test_a_maps_data_survives_the_script_element(amap: argmap.ArgumentMap) -> None:
    data = map_data(amap)
    page = Page(f'<script type="application/json">{script_json(data)}</script><p>after</p>')
    assert page.data() == data
    assert [tag for tag, _ in page.tags] == ["script", "p"]


# -- deterministic -------------------------------------------------------------------------


def test_the_page_is_the_same_bytes_every_time() -> None:
    code = (
        "import sys, argmap; from argmap.render.interactive import to_html; "
        "sys.stdout.buffer.write(argmap.to_html(argmap.examples.load('cgtn'), "
        "renderer='graphviz-pure').encode())"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(runs) == 1
    (run,) = runs
    page = argmap.to_html(argmap.examples.load("cgtn"), renderer="graphviz-pure")
    assert run == page.encode("utf-8")


# -- the command line ----------------------------------------------------------------------


def test_render_to_html_writes_the_page_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "sejong.html"
    argv = ["render", "--example", "sejong", "-o", str(output), "--renderer", "graphviz-pure"]
    assert main(argv) == 0
    pure = argmap.find_renderer("graphviz-pure")
    assert capsys.readouterr().err == (
        f"argmap: wrote {str(output)!r} as an interactive web page, with {pure}\n"
    )
    expected = argmap.to_html(
        argmap.examples.load("sejong"),
        renderer="graphviz-pure",
        **argmap.examples.drawing_options("sejong"),
    )
    assert output.read_text("utf-8") == expected


@pytest.mark.parametrize(
    ("option", "flag"),
    [(["--page", "a4"], "--page"), (["--dpi", "300"], "--dpi"), (["--ratio", "16:9"], "--ratio")],
)
def test_render_to_html_refuses_print_options_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: list[str], flag: str
) -> None:
    output = str(tmp_path / "m.htm")
    assert main(["render", "--example", "cgtn", "-o", output, *option]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"argmap: error: {flag} is for printed pages and bitmaps; {output!r} is an interactive "
        f"web page, which fits the drawing to its window (leave out {flag}, or write .svg, "
        ".png or .pdf)\n"
    )
    assert os.listdir(tmp_path) == []


def test_render_to_html_that_fails_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "m.html"
    output.write_text("old")
    monkeypatch.setenv("PATH", "")
    monkeypatch.delenv("ARGMAP_DOT", raising=False)
    argv = ["render", "--example", "cgtn", "-o", str(output), "--renderer", "graphviz"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"argmap: error: cannot draw {str(output)!r}: Graphviz 'dot' is not")
    assert err.count("\n") == 1
    assert output.read_text() == "old" and os.listdir(tmp_path) == ["m.html"]


def test_the_assets_are_read_from_the_package() -> None:
    assert "use strict" in interactive._asset("map.js")
    assert "@media print" in interactive._asset("map.css")


# -- contrast ------------------------------------------------------------------------------


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(first: str, second: str) -> float:
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_page_colours_meet_wcag_aa() -> None:
    css = interactive._asset("map.css")
    colours = dict(re.findall(r"--([a-z]+):\s*(#[0-9a-fA-F]{6});", css))
    backgrounds = [colours["paper"], colours["shade"], "#e5e7eb"]  # and buttons' hover
    for text in ("ink", "quiet", "accent"):  # text: 4.5:1
        for background in backgrounds:
            assert _contrast(colours[text], background) >= 4.5, (text, background)
    for mark in ("line", "chosen", "found"):  # borders, rings and marks: 3:1
        for background in backgrounds:
            assert _contrast(colours[mark], background) >= 3, (mark, background)
    assert _contrast("#ffffff", colours["accent"]) >= 4.5  # a pressed button's text


@pytest.mark.parametrize(
    "amap",
    [
        tricky_map(),
        *(argmap.examples.load(name) for name in EXAMPLES),
        argmap.ArgumentMap(
            "Deep",
            nodes=[argmap.Claim("n0", "Top.", main=True)]
            + [argmap.Premise(f"n{i}", f"Reason {i}.") for i in range(1, 25)],
            relations=[argmap.Support([f"n{i}"], f"n{i - 1}") for i in range(1, 25)],
        ),
    ],
    ids=["tricky", *EXAMPLES, "deep"],
)
def test_the_page_holds_the_maps_html_outline_for_screen_readers(
    amap: argmap.ArgumentMap,
) -> None:
    page = argmap.to_html(amap, renderer="graphviz-pure")
    assert argmap.outline_html(amap, id_prefix="am-outline-", heading_level=3) in page


@pytest.mark.parametrize(
    "options",
    [
        {"show_sources": True, "show_ids": True, "group_by": "speaker", "theme": "print"},
        {"focus": "progress", "depth": 1, "direction": "LR", "legend": False},
    ],
    ids=["sources-ids-groups", "focus"],
)
def test_every_drawn_node_and_relation_is_marked_whatever_the_options(
    renderer: argmap.render.RendererName, options: dict[str, Any]
) -> None:
    amap = argmap.examples.load("taihe")
    page = Page(argmap.to_html(amap, renderer=renderer, **options))
    focus = options.get("focus")
    shown = amap if focus is None else argmap.focus(amap, focus, depth=options.get("depth")).map
    assert sorted(page.attribute("data-node", "g")) == sorted(node.id for node in shown.nodes)
    assert set(page.attribute("data-rel", "g")) == {relation.id for relation in shown.relations}


def test_an_empty_map_makes_a_page_too() -> None:
    page = Page(argmap.to_html(argmap.ArgumentMap("Nothing yet"), renderer="graphviz-pure"))
    assert page.data() == {"title": "Nothing yet", "order": [], "nodes": [], "relations": {}}


def test_jupyter_shows_the_interactive_page_in_a_frame_only_when_asked() -> None:
    drawing = argmap.draw(tricky_map(), renderer="graphviz-pure")
    assert list(drawing._repr_mimebundle_()) == ["image/svg+xml"]
    shown = drawing._repr_mimebundle_(include=["text/html"])
    assert list(shown) == ["text/html"]
    frame = shown["text/html"]
    assert frame.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts' in frame
    page = html.unescape(re.search(r'srcdoc="([^"]*)"', frame)[1])  # type: ignore[index]
    assert page == drawing.to_html() == argmap.to_html(tricky_map(), renderer="graphviz-pure")
