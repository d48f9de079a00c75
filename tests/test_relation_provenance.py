"""Relations say where the text makes them, and whether they are the analyst's reading."""

from __future__ import annotations

import pytest

import argmap
from argmap import ParseError, SourceRef, Support
from argmap.cli import main

_MAP = """\
title: T
sources:
  op-ed: {title: An op-ed}
nodes:
  thesis:
    claim: The thesis.
    main: true
  reason:
    premise: A reason.
    supports:
      to: thesis
      source: {doc: op-ed, paragraphs: [2, 3]}
      implicit: true
      note: The op-ed implies it.
  doubt:
    rebuttal: A doubt.
    attacks: {to: reason->thesis, source: op-ed}
"""


@pytest.mark.parametrize("format", ["yaml", "json"])
def test_provenance_is_read_and_written_back_in_both_formats(format: str) -> None:
    amap = argmap.loads(_MAP)
    support = amap.relation("reason->thesis")
    assert support == Support(
        ("reason",),
        "thesis",
        source=SourceRef("op-ed", (2, 3)),
        implicit=True,
        note="The op-ed implies it.",
    )
    assert amap.relation("doubt->reason->thesis").source == SourceRef("op-ed")
    again = argmap.loads(argmap.dumps(amap, format=format), format=format)
    assert again == amap
    assert again.relation("reason->thesis").implicit


def test_a_relation_citing_an_unknown_source_gets_the_nearest() -> None:
    with pytest.raises(ParseError) as caught:
        argmap.loads(_MAP.replace("source: op-ed}", "source: oped}"), file="m.yaml")
    assert [str(f) for f in caught.value.findings] == [
        "m.yaml:17:35: AM202 attack 'doubt->reason->thesis': source 'oped' is not a declared "
        "source; did you mean 'op-ed'?"
    ]


def test_an_implicit_relation_without_a_note_is_a_located_warning() -> None:
    amap = argmap.loads(_MAP.replace("      note: The op-ed implies it.\n", ""), file="m.yaml")
    assert [str(f) for f in argmap.validate(amap)] == [
        "m.yaml:10:5: AM310 support 'reason->thesis' is implicit but has no note; say in its "
        "'note' how the text implies it"
    ]


def test_a_source_cited_only_by_a_relation_is_used() -> None:
    assert argmap.validate(argmap.loads(_MAP)) == ()


def test_the_builder_takes_provenance_on_supports_and_attacks() -> None:
    amap = (
        argmap.MapBuilder("T")
        .source("s", "S.")
        .claim("c", "C.", main=True)
        .premise("p", "P.")
        .rebuttal("r", "R.")
        .support("c", by="p", source=("s", [4]), implicit=True, note="Read in.")
        .attack("p->c", by="r", source="s")
        .build()
    )
    assert amap.relation("p->c").source == SourceRef("s", (4,))
    assert amap.relation("r->p->c").source == SourceRef("s")


def test_implicit_relations_are_drawn_as_double_lines_and_named_in_the_legend() -> None:
    amap = argmap.loads(_MAP)
    dot = argmap.to_dot(amap)
    theme = argmap.THEMES["default"]
    double = f'"{theme.support.color}:{theme.support.color}"'
    # The relation (in two strokes, through the junction its undercut needs) and the legend.
    assert dot.count(double) == 3
    assert "implicit (analyst&#39;s reading)" in dot or "implicit (analyst's reading)" in dot
    plain = argmap.loads(_MAP.replace("implicit: true", "implicit: false"))
    assert ":" + theme.support.color not in argmap.to_dot(plain)
    assert "implicit (analyst" not in argmap.to_dot(plain)


def test_check_counts_the_implicit_relations(
    tmp_path: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "m.yaml"  # type: ignore[operator]
    path.write_text(_MAP, "utf-8")
    assert main(["check", str(path)]) == 0
    assert (
        capsys.readouterr()
        .err.strip()
        .endswith("1 file checked: 0 errors, 0 warnings; 1 implicit relation")
    )
