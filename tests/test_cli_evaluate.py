"""argmap evaluate: labels in map order, counts, explanations, JSON, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.cli import main


def test_text_lists_each_node_and_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--example", "sejong", "--semantics", "support"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["IN", "thesis", "claim"]
    assert out[-1] == "35 IN, 2 OUT, 0 UNDEC (support)"


def test_explain_and_assume(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["evaluate", "--example", "sejong", "--assume", "pledge=rejected", "--explain", "pledge"]
    )
    assert code == 0
    assert "the premise 'pledge' is OUT because you assumed it rejected." in capsys.readouterr().out


def test_json_is_stable(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--example", "asan", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == [
        "semantics",
        "assume",
        "labels",
        "supports",
        "counts",
        "extensions",
        "truncated",
        "explanations",
    ]


def test_unknown_node_is_one_line_with_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--example", "sejong", "--explain", "thesys"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "did you mean 'thesis'?" in err


def test_bad_assumption_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--example", "sejong", "--assume", "pledge"]) == 2
    assert "expected NODE=accepted" in capsys.readouterr().err


def test_explain_names_kinds_and_ids_once(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["evaluate", "--example", "sejong", "--semantics", "support", "--explain", "uncertain"]
    assert main(args) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "the claim 'uncertain' is OUT because the premise 'pledge', which attacks it, is IN: "
        "nothing attacks 'pledge'."
    )


def test_outline_evaluate_writes_each_nodes_label(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", "--example", "sejong", "--format", "text", "--evaluate"]) == 0
    out = capsys.readouterr().out
    assert "Evaluated under grounded semantics." in out
    evaluation = argmap.evaluate(argmap.examples.load("sejong"))
    for node in argmap.examples.load("sejong").nodes:
        label = evaluation.label(node.id).name
        assert any(f" {node.id} " in line and f"[{label}]" in line for line in out.splitlines())


@pytest.mark.parametrize("form", ["iccma", "apx", "tgf"])
def test_evaluate_writes_the_framework_for_solvers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], form: str
) -> None:
    out = tmp_path / f"sejong.{form}"
    assert main(["evaluate", "--example", "sejong", "--framework", form, "-o", str(out)]) == 0
    framework = argmap.framework_of(argmap.examples.load("sejong"))
    text = out.read_text("utf-8")
    if form == "iccma":
        names = argmap.from_id_table(Path(f"{out}.ids").read_text("utf-8"))
        assert argmap.from_iccma(text, names=names) == framework
    elif form == "apx":
        assert argmap.from_apx(text) == framework
    else:
        assert argmap.from_tgf(text) == framework
    assert f"({form}, {len(framework.arguments)} arguments)" in capsys.readouterr().err


def test_framework_without_an_output_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--example", "sejong", "--framework", "apx"]) == 2
    assert "--framework and -o go together" in capsys.readouterr().err


def test_an_unknown_node_to_explain_is_a_usage_error_that_names_the_id_meant(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["evaluate", "--example", "sejong", "--explain", "unertain"]) == 2
    assert capsys.readouterr().err == (
        "argmap: error: no node or support with id 'unertain'; did you mean 'uncertain'? "
        "(the map's ids: 'argmap outline')\n"
    )
