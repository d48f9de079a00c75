"""A map too big for one page, split across pages: render_pages and ``render --split``."""

from __future__ import annotations

import io
import os
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest

import argmap
from argmap.cli import main
from argmap.render import RendererName
from argmap.render.engine import _find

#: A4 in points, portrait.
A4 = (595.28, 841.89)
#: The size statements are drawn at, before a page shrinks them.
STATEMENT = 11.0
#: A claim with many reasons, one of them deep, an objection, an undercut, a linked support,
#: and a node that bears on no main claim: small enough to split fast on a small canvas.
WIDE = """\
title: Homework
nodes:
  ban: {claim: Primary schools should stop setting homework., main: true}
  sleep: {premise: Children who do homework late sleep less than they need., supports: ban}
  play: {premise: Play after school builds skills homework cannot., supports: ban}
  gap:
    premise: Homework widens the gap between children with help at home and those without.
    supports: ban
  tired: {premise: Tired children learn less the next day., supports: sleep}
  study: {premise: A sleep study found it., supports: tired}
  method: {rebuttal: The study had only forty children., attacks: study}
  practice: {rebuttal: Some skills need practice at home., attacks: ban}
  reading: {premise: Reading at home is practice enough., supports: {to: ban, with: [practice-ok]}}
  practice-ok: {premise: Teachers agree reading is the practice that matters., basis: principle}
  clubs: {rebuttal: Many children have clubs instead., attacks: play->ban}
  stray: {claim: Parents should be asked what they think.}
"""


@pytest.fixture(autouse=True)
def fresh_search(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("ARGMAP_DOT", raising=False)
    _find.cache_clear()
    yield
    _find.cache_clear()


@pytest.fixture
def dot() -> RendererName:
    if shutil.which("dot") is None:
        if os.environ.get("ARGMAP_REQUIRE_GRAPHVIZ") == "1":
            pytest.fail("ARGMAP_REQUIRE_GRAPHVIZ=1 but Graphviz 'dot' is not on PATH")
        pytest.skip("Graphviz 'dot' is not on PATH (CI installs it and runs these)")
    return "graphviz"


@pytest.fixture(scope="module")
def wide() -> argmap.ArgumentMap:
    return argmap.loads(WIDE)


def scale_of(svg: str) -> float:
    """How far the renderer shrank the drawing onto its page."""
    found = re.search(r'transform="scale\(([\d.]+)', svg)
    return 1.0 if found is None else float(found[1])


def split_small(
    amap: argmap.ArgumentMap, path: Path, renderer: RendererName, **options: Any
) -> tuple[argmap.SplitPage, ...]:
    """The map split onto 5 by 4 inch cards, where even a small map needs several."""
    return argmap.render_pages(amap, path, size=(5, 4), renderer=renderer, **options)


# -- every node, every page readable -----------------------------------------------------------


@pytest.mark.parametrize("name", ["sejong", "asan"])
@pytest.mark.parametrize("landscape", [False, True])
@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_every_node_of_an_example_is_on_a_page_at_or_above_the_minimum(
    renderer: RendererName, tmp_path: Path, name: str, landscape: bool, direction: str
) -> None:
    amap = argmap.examples.load(name)
    drawn = argmap.render_pages(
        amap,
        tmp_path / "map.svg",
        page="a4",
        landscape=landscape,
        renderer=renderer,
        direction=direction,
    )
    assert len(drawn) > 1
    assert {node for page in drawn for node in page.nodes} == {node.id for node in amap.nodes}
    for page in drawn:
        assert page.text_size >= 8
        svg = Path(page.path).read_text("utf-8")
        assert STATEMENT * scale_of(svg) >= 8 - 0.01, (page.number, scale_of(svg))
        assert f"Page {page.number} of {len(drawn)}: " in svg


def test_a_small_map_on_small_cards_covers_every_node_even_the_stray_one(
    renderer: RendererName, tmp_path: Path, wide: argmap.ArgumentMap
) -> None:
    drawn = split_small(wide, tmp_path / "cards.svg", renderer)
    assert {node for page in drawn for node in page.nodes} == {node.id for node in wide.nodes}
    assert drawn[-1].nodes == ("stray",)
    assert all(page.text_size >= 8 for page in drawn)


def test_a_map_without_main_claims_starts_from_what_bears_on_nothing(
    renderer: RendererName, tmp_path: Path
) -> None:
    amap = argmap.loads(WIDE.replace(", main: true", ""))
    drawn = split_small(amap, tmp_path / "cards.svg", renderer)
    assert {node for page in drawn for node in page.nodes} == {node.id for node in amap.nodes}
    assert "conclusion" in drawn[0].shows


def test_a_map_that_fits_is_one_page(renderer: RendererName, tmp_path: Path) -> None:
    amap = argmap.loads("title: T\nnodes:\n  c: {claim: Short., main: true}\n")
    drawn = argmap.render_pages(amap, tmp_path / "one.svg", page="a4", renderer=renderer)
    assert [(page.number, page.shows, page.path) for page in drawn] == [
        (1, "the whole map", str(tmp_path / "one-1.svg"))
    ]
    assert drawn[0].text_size == STATEMENT
    assert sorted(path.name for path in tmp_path.iterdir()) == ["one-1.svg"]


# -- what the pages say ------------------------------------------------------------------------


def test_pages_are_numbered_files_in_reading_order_with_captions(
    renderer: RendererName, tmp_path: Path
) -> None:
    sejong = argmap.examples.load("sejong")
    drawn = argmap.render_pages(
        sejong,
        tmp_path / "sejong.svg",
        page="a4",
        landscape=True,
        renderer=renderer,
        direction="LR",
    )
    names = [f"sejong-{number}.svg" for number in range(1, len(drawn) + 1)]
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(names)
    assert [Path(page.path).name for page in drawn] == names
    first = Path(drawn[0].path).read_text("utf-8")
    assert drawn[0].shows == "overview: the main claim and its reasons and objections"
    assert drawn[0].node is None
    assert f"(continued on pages 2-{len(drawn)})" in first
    assert "more reason" in first  # stubs where the branches leave the overview
    for page in drawn[1:]:
        svg = Path(page.path).read_text("utf-8")
        assert page.shows.startswith("the branch")
        assert "Legend" not in svg  # only the overview has the legend
        came = re.search(r"from page (\d+)", svg)
        assert came is not None and int(came[1]) < page.number  # what it continues, before it


def test_several_main_claims_share_the_overview(tmp_path: Path, renderer: RendererName) -> None:
    asan = argmap.examples.load("asan")
    drawn = argmap.render_pages(
        asan, tmp_path / "asan.svg", page="a4", landscape=True, renderer=renderer, direction="TB"
    )
    mains = {node.id for node in asan.nodes if getattr(node, "main", False)}
    assert drawn[0].shows.startswith("overview: the main claims")
    assert mains <= set(drawn[0].nodes)


def test_a_node_with_too_many_reasons_for_a_page_is_drawn_with_a_few_at_a_time(
    renderer: RendererName, tmp_path: Path, wide: argmap.ArgumentMap
) -> None:
    drawn = split_small(wide, tmp_path / "cards.svg", renderer, direction="TB")
    parts = [page for page in drawn if page.shows.startswith('the branch under "Primary')]
    assert len(parts) > 1
    assert [page.shows.rsplit(", ", 1)[1] for page in parts] == [
        f"part {number} of {len(parts)}" for number in range(1, len(parts) + 1)
    ]
    reasons = {"sleep", "play", "gap", "practice", "reading", "practice-ok"}
    assert reasons <= {node for page in parts for node in page.nodes}


def test_splitting_is_deterministic(renderer: RendererName, tmp_path: Path) -> None:
    asan = argmap.examples.load("asan")
    first = argmap.render_pages(asan, tmp_path / "a.svg", page="a4", renderer=renderer)
    again = argmap.render_pages(asan, tmp_path / "b.svg", page="a4", renderer=renderer)
    assert [page.shows for page in first] == [page.shows for page in again]
    for one, other in zip(first, again, strict=True):
        assert Path(one.path).read_bytes() == Path(other.path).read_bytes()


# -- one PDF ---------------------------------------------------------------------------------


def test_a_pdf_is_one_file_of_a4_pages_with_a_bookmark_each(
    dot: RendererName, tmp_path: Path
) -> None:
    sejong = argmap.examples.load("sejong")
    out = tmp_path / "sejong.pdf"
    drawn = argmap.render_pages(sejong, out, page="a4", renderer=dot, direction="LR")
    assert {page.path for page in drawn} == {str(out)}
    assert sorted(path.name for path in tmp_path.iterdir()) == ["sejong.pdf"]
    data = out.read_bytes()
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == len(drawn)
    for sheet in reader.pages:
        box = sheet.mediabox
        assert abs(float(box.width) - A4[0]) <= 1 and abs(float(box.height) - A4[1]) <= 1
    titles = [str(item.title) for item in reader.outline]  # type: ignore[union-attr]
    assert len(titles) == len(drawn)
    for title, page in zip(titles, drawn, strict=True):
        assert title.startswith(f"Page {page.number} of {len(drawn)}: {page.shows}")
    assert reader.metadata is not None and reader.metadata.title == sejong.title
    argmap.render_pages(sejong, tmp_path / "again.pdf", page="a4", renderer=dot, direction="LR")
    assert (tmp_path / "again.pdf").read_bytes() == data


def test_a_pdf_without_pypdf_says_which_extra_to_install(
    dot: RendererName, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, wide: argmap.ArgumentMap
) -> None:
    monkeypatch.setitem(sys.modules, "pypdf", None)
    with pytest.raises(argmap.RenderError, match=r"needs pypdf .*pip install 'argmap\[pdf\]'"):
        argmap.render_pages(wide, tmp_path / "w.pdf", page="a4", renderer=dot)
    assert list(tmp_path.iterdir()) == []


# -- what it refuses ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({}, r"give page \(page='a4'\) or size"),
        ({"page": "a4", "ratio": "16:9"}, r"not ratio"),
        ({"page": "a4", "focus": "ban"}, r"leave out focus and depth"),
    ],
)
def test_render_pages_needs_a_page_and_the_whole_map(
    tmp_path: Path, wide: argmap.ArgumentMap, options: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        argmap.render_pages(wide, tmp_path / "w.svg", renderer="graphviz-pure", **options)


def test_a_dot_file_has_no_pages(tmp_path: Path, wide: argmap.ArgumentMap) -> None:
    with pytest.raises(ValueError, match="a DOT file has no pages"):
        argmap.render_pages(wide, tmp_path / "w.dot", page="a4")


def test_graphviz_pure_writes_no_pdf(tmp_path: Path, wide: argmap.ArgumentMap) -> None:
    with pytest.raises(argmap.RenderError, match="cannot write 'pdf'"):
        argmap.render_pages(wide, tmp_path / "w.pdf", page="a4", renderer="graphviz-pure")


# -- the command line --------------------------------------------------------------------------


def test_cli_split_writes_the_pages_and_lists_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sejong.svg"
    argv = ["render", "--example", "sejong", "-o", str(out), "--page", "a4", "--split"]
    assert main([*argv, "--renderer", "graphviz-pure"]) == 0
    err = capsys.readouterr().err
    count = len(list(tmp_path.iterdir()))
    assert f"argmap: wrote {count} pages, {str(tmp_path / 'sejong-1.svg')!r} to " in err
    assert (
        "  page 1: overview: the main claim and its reasons and objections (statements at " in err
    )


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--split"], "--split draws a map across pages: give --page or --size too"),
        (["--split", "--page", "a4", "--focus", "thesis"], "--split draws the whole map"),
    ],
)
def test_cli_split_needs_a_page_and_no_focus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    argv = ["render", "--example", "sejong", "-o", str(tmp_path / "s.svg"), *extra]
    assert main(argv) == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
