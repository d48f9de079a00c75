"""Kialo text exports, both layouts, on fixtures the project wrote (tests/data/kialo)."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.formats.kialo import read

DATA = Path(__file__).parent / "data" / "kialo"


def test_one_line_layout() -> None:
    imported = read((DATA / "one-line.txt").read_text("utf-8"))
    amap = imported.map
    assert amap.title == "Should cities ban cars from their centres?"
    assert [(n.id, n.kind) for n in amap.nodes] == [
        ("1", "claim"),
        ("1.1", "premise"),
        ("1.1.1", "rebuttal"),
        ("1.1.1.1", "premise"),
        ("1.2", "rebuttal"),
        ("1.2.1", "rebuttal"),
        ("1.3", "premise"),
    ]
    assert amap.node("1") == argmap.Claim("1", amap.node("1").text, main=True)
    assert amap.node("1.2.1").text.endswith("not fewer (on average).")
    assert amap.node("1.3").text == (
        "Fewer cars mean fewer accidents with cyclists and pedestrians."
    )
    # 1.2.2 links to 1.1.1 as a pro of 1.2: the linked claim supports 1.2.
    assert "1.1.1->1.2" in amap and isinstance(amap.relation("1.1.1->1.2"), argmap.Support)
    assert imported.findings == ()


def test_indented_layout_with_sources_links_and_several_theses() -> None:
    imported = read((DATA / "indented.txt").read_text("utf-8"), file="indented.txt")
    amap = imported.map
    assert [n.id for n in amap.nodes if isinstance(n, argmap.Claim) and n.main] == ["1.1", "1.2"]
    assert amap.metadata["kialo"]["questions"] == (
        "What should the town do with the old railway line?",
    )
    assert [(s.id, s.title, s.url) for s in amap.sources] == [
        ("s1", "Town traffic survey 2021", "https://example.org/survey-2021"),
        ("s2", "https://example.org/budget", "https://example.org/budget"),
        ("s3", "Council minutes, March", "https://example.org/minutes-march"),
    ]
    assert amap.node("1.1.2").source == argmap.SourceRef("s2")
    assert isinstance(amap.relation("1.1.2->1.2"), argmap.Attack)
    assert [(f.code, f.location.line) for f in imported.findings] == [("AM401", 14)]


def test_broken_links_and_numbers_give_located_findings() -> None:
    text = "1. Thesis text.\n1.1. Pro: -> See 9.9.\n1.1. Con: Again.\n3.4. Con: Orphan.\n"
    imported = read(text, file="k.txt")
    assert [(f.code, f.location.line, f.location.element) for f in imported.findings] == [
        ("AM402", 3, "1.1"),
        ("AM402", 2, "1.1"),
        ("AM402", 4, "3.4"),
    ]


def test_a_file_with_no_claim_is_an_empty_file() -> None:
    with pytest.raises(argmap.ParseError, match="AM108"):
        read("Discussion Title: Nothing here\n", file="empty.txt")
