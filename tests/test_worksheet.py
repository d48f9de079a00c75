"""Worksheets: ``argmap.worksheet``, ``argmap.write_worksheet`` and ``argmap worksheet``."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import argmap
from argmap import ArgumentMap, Attack, Claim, Premise, Rebuttal, Support
from argmap.cli import main
from argmap.render.engine import RendererName
from argmap.render.labels import escape
from tests.strategies import maps

PURE: RendererName = "graphviz-pure"


def school() -> ArgumentMap:
    return ArgumentMap(
        "Should our school start later?",
        nodes=[
            Claim("later", "Our school should start at 9:00.", main=True),
            Premise("clock", "Body clocks make teenagers fall asleep late.", basis="fact"),
            Premise("hours", "An 8:00 start cuts sleep short.", basis="statistic"),
            Rebuttal("buses", "The buses serve the primary school first."),
            Rebuttal("weekends", "Students would stay up even later."),
        ],
        relations=[
            Support(["clock", "hours"], "later", id="sleep"),
            Attack("buses", "later"),
            Attack("weekends", "sleep"),
        ],
    )


def svg_text(data: bytes) -> str:
    """All the text an SVG shows, parsed (so it must be well-formed)."""
    root = ET.fromstring(data)
    return " ".join(
        "".join(element.itertext()) for element in root.iter("{http://www.w3.org/2000/svg}text")
    )


def flat(source: str) -> str:
    """DOT source with its labels' line breaks as spaces, so wrapped texts read whole."""
    return re.sub(r"<BR/>\s*", " ", source)


def numbers(text: str) -> list[str]:
    """The blank numbers shown: ``(3)``, or ``(3 = C)`` in a key; in DOT, in their own font."""
    pattern = r"\((\d+)(?: = [A-Z]+)?\)"
    if text.startswith("digraph"):
        pattern = f">{pattern}</FONT>"
    return sorted(re.findall(pattern, text))


# -- choosing the blanks ------------------------------------------------------------------


def test_premises_are_blanked_by_default_in_the_maps_order() -> None:
    sheet = argmap.worksheet(school())
    assert [(b.number, b.node) for b in sheet.blanks] == [(1, "clock"), (2, "hours")]
    assert sheet.word_bank == ()


def test_kinds_and_ids_are_blanked_together() -> None:
    sheet = argmap.worksheet(school(), blank=["rebuttal"], blank_ids=["later"])
    assert [b.node for b in sheet.blanks] == ["later", "buses", "weekends"]


def test_random_blanks_follow_the_seed() -> None:
    picks = {
        seed: [b.node for b in argmap.worksheet(school(), blank_random=2, seed=seed).blanks]
        for seed in range(8)
    }
    assert picks[3] == [b.node for b in argmap.worksheet(school(), blank_random=2, seed=3).blanks]
    assert len({tuple(p) for p in picks.values()}) > 1
    assert all(len(p) == 2 for p in picks.values())


def test_an_unknown_id_is_refused_with_a_suggestion() -> None:
    with pytest.raises(ValueError, match=r"no node 'hour'; did you mean 'hours'\?"):
        argmap.worksheet(school(), blank_ids=["hour"])


def test_bad_choices_are_refused() -> None:
    with pytest.raises(ValueError, match="blank must name node kinds"):
        argmap.worksheet(school(), blank="premis")
    with pytest.raises(ValueError, match="blank_random must be a whole number from 1 to 5"):
        argmap.worksheet(school(), blank_random=9)
    with pytest.raises(ValueError, match="hints must be some of caption, basis"):
        argmap.worksheet(school(), hints=["colour"])
    with pytest.raises(ValueError, match="the build variant blanks every node"):
        argmap.worksheet(school(), variant="build", blank="premise")
    with pytest.raises(ValueError, match="nothing to blank"):
        argmap.worksheet(ArgumentMap("T", nodes=[Claim("c", "C.")]))
    with pytest.raises(ValueError, match="whole map"):
        argmap.worksheet(school(), focus="later")


# -- what the drawing shows ---------------------------------------------------------------


def test_blanked_texts_are_only_in_the_key() -> None:
    sheet = argmap.worksheet(school(), blank=["premise", "rebuttal"])
    for blank in sheet.blanks:
        assert escape(blank.text) not in flat(sheet.source)
        assert escape(blank.text) in flat(sheet.key_source)
    assert escape("Our school should start at 9:00.") in flat(sheet.source)


def test_numbers_match_between_sheet_and_key() -> None:
    sheet = argmap.worksheet(school(), blank="rebuttal", word_bank=True)
    assert numbers(sheet.source) == ["1", "2"] == numbers(sheet.key_source)


def test_hints_are_kept_or_left_out() -> None:
    kept = argmap.worksheet(school())
    bare = argmap.worksheet(school(), hints=())
    assert "PREMISE · statistic" in kept.source
    assert "statistic" not in bare.source
    assert "statistic" in argmap.worksheet(school(), hints=["basis"]).source


def test_the_word_bank_is_a_shuffled_lettered_permutation_of_the_removed_texts() -> None:
    sheet = argmap.worksheet(school(), blank=["premise", "rebuttal"], word_bank=True, seed=1)
    letters = [letter for letter, _ in sheet.word_bank]
    assert letters == ["A", "B", "C", "D"]
    assert Counter(t for _, t in sheet.word_bank) == Counter(b.text for b in sheet.blanks)
    for blank in sheet.blanks:
        assert dict(sheet.word_bank)[str(blank.letter)] == blank.text
    orders = {
        tuple(argmap.worksheet(school(), blank_random=4, seed=s, word_bank=True).word_bank)
        for s in range(6)
    }
    assert len(orders) > 1


def test_the_build_variant_blanks_every_node_and_lists_them() -> None:
    sheet = argmap.worksheet(school(), variant="build")
    assert [b.node for b in sheet.blanks] == [n.id for n in school().nodes]
    assert len(sheet.word_bank) == 5
    assert "Statements" in sheet.source
    assert sheet.source.count(" -> ") == sheet.key_source.count(" -> ")


def test_the_map_and_its_findings_are_unchanged() -> None:
    amap = argmap.examples.load("sejong")
    before = argmap.validate(amap)
    sheet = argmap.worksheet(amap, blank=["premise", "rebuttal"])
    assert sheet.map == amap
    assert argmap.validate(sheet.map) == before == argmap.validate(amap)


@pytest.mark.parametrize("name", argmap.examples.names())
@pytest.mark.parametrize(
    "choice",
    [{}, {"blank": "claim"}, {"blank_random": 3, "word_bank": True}, {"variant": "build"}],
)
def test_every_example_makes_a_worksheet(name: str, choice: dict[str, object]) -> None:
    amap = argmap.examples.load(name)
    ids = {"blank_ids": [amap.nodes[0].id]} if not choice else {}
    sheet = argmap.worksheet(amap, **choice, **ids)  # type: ignore[arg-type]
    for blank in sheet.blanks:
        assert escape(blank.text) in flat(sheet.key_source)
    assert numbers(sheet.key_source) == sorted(str(b.number) for b in sheet.blanks)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_any_map_makes_a_worksheet(amap: ArgumentMap) -> None:
    sheet = argmap.worksheet(amap, blank_random=1, seed=2, word_bank=True)
    assert [b.number for b in sheet.blanks] == [1]
    assert sheet.blanks[0].node in {n.id for n in amap.nodes}
    assert "(1)" in sheet.source and "(1 = A)" in sheet.key_source
    built = argmap.worksheet(amap, variant="build")
    assert sorted(t for _, t in built.word_bank) == sorted(n.text for n in amap.nodes)


# -- files --------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".svg", ".html"])
def test_files_are_written_with_their_keys_and_are_deterministic(
    tmp_path: Path, suffix: str
) -> None:
    sheet = argmap.worksheet(school(), blank="rebuttal", word_bank=True)
    out, key = argmap.write_worksheet(sheet, tmp_path / f"a{suffix}", renderer=PURE)
    assert key == str(tmp_path / f"a-key{suffix}")
    first = Path(out).read_bytes(), Path(key).read_bytes()
    argmap.write_worksheet(sheet, tmp_path / f"a{suffix}", renderer=PURE)
    assert (Path(out).read_bytes(), Path(key).read_bytes()) == first
    other = argmap.worksheet(school(), blank_random=2, seed=5, word_bank=True)
    argmap.write_worksheet(other, tmp_path / f"b{suffix}", renderer=PURE)
    assert Path(tmp_path / f"b{suffix}").read_bytes() != first[0]


def test_svg_worksheets_are_well_formed_and_hide_the_blanked_texts(tmp_path: Path) -> None:
    sheet = argmap.worksheet(school(), blank="rebuttal", word_bank=False)
    out, key = argmap.write_worksheet(sheet, tmp_path / "s.svg", renderer=PURE)
    shown, answers = Path(out).read_bytes(), Path(key).read_bytes()
    raw = shown.decode("utf-8")
    for blank in sheet.blanks:
        assert blank.text not in raw
        assert blank.text.split()[1] in svg_text(answers)
    assert "Our school" in svg_text(shown)
    assert numbers(svg_text(shown)) == numbers(svg_text(answers)) == ["1", "2"]


def test_an_html_worksheet_is_one_offline_page_with_its_word_bank(tmp_path: Path) -> None:
    sheet = argmap.worksheet(school(), word_bank=True)
    out, key = argmap.write_worksheet(sheet, tmp_path / "w.html", renderer=PURE)
    page = Path(out).read_text("utf-8")
    assert "<script" not in page
    for written in (page, Path(key).read_text("utf-8")):  # no web address: school() has no URL
        assert not re.search(r"https?://", written)
    assert "@media print" in page and "<svg" in page and '<ol class="bank">' in page
    for letter, text in sheet.word_bank:
        assert f"<b>{letter}.</b> {text}" in page
    assert "Answers" in Path(key).read_text("utf-8")


def test_pdf_worksheets_by_system_graphviz(tmp_path: Path) -> None:
    try:
        argmap.find_renderer("graphviz")
    except argmap.RenderError:
        pytest.skip("no system Graphviz")
    sheet = argmap.worksheet(school(), word_bank=True)
    out, key = argmap.write_worksheet(sheet, tmp_path / "w.pdf", page="a4")
    assert Path(out).read_bytes()[:5] == Path(key).read_bytes()[:5] == b"%PDF-"


def test_a_map_too_big_for_the_page_is_refused_and_nothing_written(tmp_path: Path) -> None:
    sheet = argmap.worksheet(argmap.examples.load("taihe"))
    with pytest.raises(argmap.RenderError, match=r"too big for A4 portrait.*--landscape"):
        argmap.write_worksheet(sheet, tmp_path / "t.svg", page="a4", renderer=PURE)
    assert list(tmp_path.iterdir()) == []


# -- the command --------------------------------------------------------------------------


def test_the_command_writes_both_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "s.svg"
    code = main(
        [
            "worksheet",
            "--example",
            "sejong",
            "-o",
            str(out),
            "--blank",
            "rebuttal",
            "--word-bank",
            "--renderer",
            PURE,
        ]
    )
    assert code == 0
    assert out.exists() and (tmp_path / "s-key.svg").exists()
    assert "and its key" in capsys.readouterr().err


def test_the_command_blanks_listed_ids_and_random_ones(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    argmap.write(school(), path)
    args = ["worksheet", str(path), "--renderer", PURE]
    assert main([*args, "-o", str(tmp_path / "a.svg"), "--blank-ids", "later,buses"]) == 0
    assert main([*args, "-o", str(tmp_path / "b.html"), "--random", "2", "--seed", "4"]) == 0
    assert main([*args, "-o", str(tmp_path / "c.svg"), "--build", "--no-hints", "--no-legend"]) == 0
    assert "PREMISE" not in (tmp_path / "c.svg").read_text("utf-8").split("</desc>")[1]


@pytest.mark.parametrize(
    ("extra", "said", "code"),
    [
        (["--blank-ids", "hour"], "did you mean 'hours'?", 2),
        (["--random", "99"], "--random must be a whole number from 1 to", 2),
        (["--landscape"], "give --page too", 2),
        (["--page", "a4", "--label-width", "3"], "unrecognized arguments", 2),
        (["--build", "--blank", "premise"], "build variant blanks every node", 2),
    ],
)
def test_command_errors_are_one_line_and_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], said: str, code: int
) -> None:
    path = tmp_path / "m.yaml"
    argmap.write(school(), path)
    out = tmp_path / "w.svg"
    assert main(["worksheet", str(path), "-o", str(out), "--renderer", PURE, *extra]) == code
    err = capsys.readouterr().err
    assert said in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.yaml"]


def test_an_unknown_extension_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["worksheet", "--example", "asan", "-o", str(tmp_path / "w.png")]) == 2
    assert capsys.readouterr().err.startswith("argmap: error: cannot tell the worksheet format")
    assert list(tmp_path.iterdir()) == []
