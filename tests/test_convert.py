"""``argmap convert``: between any two formats, losses said, and over a whole folder."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import argmap
from argmap.cli import main

from .fake_formats import LOSS, NOTE_FINDING, fake_formats

CLEAN = "title: T\nnodes:\n  c: {claim: C., main: true}\n  p: {premise: P., supports: c}\n"
BROKEN = "title: T\nnodes:\n  c: {claim: C., mian: true}\n"


@pytest.fixture(autouse=True)
def _fakes() -> Iterator[None]:
    with fake_formats():
        yield


def put(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return str(path)


class TestOneFile:
    def test_yaml_to_json(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        out = tmp_path / "m.json"
        assert main(["convert", put(tmp_path, "m.yaml", CLEAN), str(out)]) == 0
        assert capsys.readouterr() == ("", "")
        assert argmap.read(out) == argmap.loads(CLEAN)

    def test_each_loss_is_a_warning_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        out = tmp_path / "m.notes"
        assert main(["convert", put(tmp_path, "m.yaml", CLEAN), str(out)]) == 0
        assert capsys.readouterr().err == f"argmap: warning: {LOSS.message('notes')}\n"
        assert out.read_text() == "C.\nP.\n"

    def test_each_reader_finding_is_a_warning_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        source = put(tmp_path, "m.notes", "One.\n")
        assert main(["convert", source, str(tmp_path / "m.yaml")]) == 0
        assert capsys.readouterr().err == f"argmap: warning: {source}:1:1: AM401 {NOTE_FINDING}\n"

    def test_strict_writes_nothing(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        out = tmp_path / "m.notes"
        assert main(["convert", "--strict", put(tmp_path, "m.yaml", CLEAN), str(out)]) == 1
        assert capsys.readouterr().err == (
            f"argmap: error: {LOSS.message('notes')}\n"
            f"argmap: error: --strict: nothing written to {str(out)!r}\n"
        )
        assert not out.exists()

    def test_from_and_to_name_the_formats(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        source = put(tmp_path, "m.txt", json.dumps({"beta": ["One."]}))
        out = tmp_path / "m.out"
        assert main(["convert", "--from", "beta", "--to", "json", source, str(out)]) == 0
        assert json.loads(out.read_text())["title"] == "beta"

    @pytest.mark.parametrize(
        "order",
        [
            ("--from", "beta", "--to", "json", "IN", "OUT"),
            ("IN", "--from", "beta", "--to", "json", "OUT"),
            ("IN", "OUT", "--from", "beta", "--to", "json"),
            ("--from", "beta", "IN", "--to", "json", "OUT"),
        ],
    )
    def test_options_may_come_anywhere_among_the_files(
        self, tmp_path: Path, order: tuple[str, ...]
    ) -> None:
        source = put(tmp_path, "m.txt", json.dumps({"beta": ["One."]}))
        out = tmp_path / "m.out"
        names = {"IN": source, "OUT": str(out)}
        assert main(["convert", *(names.get(word, word) for word in order)]) == 0
        assert json.loads(out.read_text())["title"] == "beta"

    def test_an_unknown_name_is_an_error(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        out = tmp_path / "m.json"
        assert main(["convert", "--to", "nope", put(tmp_path, "m.yaml", CLEAN), str(out)]) == 1
        assert capsys.readouterr().err.startswith(
            "argmap: error: AM112 unknown format 'nope'; use one of yaml, json, "
        )
        assert not out.exists()

    def test_a_file_that_cannot_be_read_is_reported_as_check_does(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        source = put(tmp_path, "m.yaml", BROKEN)
        assert main(["convert", source, str(tmp_path / "m.json")]) == 1
        err = capsys.readouterr().err
        assert err.startswith(f"{source}:3:18: AM102 error: ")

    def test_out_is_needed(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["convert", put(tmp_path, "m.yaml", CLEAN)]) == 2
        assert "convert IN OUT needs OUT" in capsys.readouterr().err


class TestAFolder:
    def make(self, root: Path) -> Path:
        source = root / "in"
        put(source, "b.yaml", CLEAN)
        put(source, "a/c.yml", CLEAN)
        put(source, "a/bad.yaml", BROKEN)
        put(source, ".hidden.yaml", CLEAN)
        put(source, ".git/x.yaml", CLEAN)
        put(source, "readme.rst", "not a map")
        return source

    def test_every_readable_file_is_converted_and_one_bad_file_does_not_stop_it(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        source, out = self.make(tmp_path), tmp_path / "out"
        assert main(["convert", str(source), "--to", "json", "-o", str(out)]) == 1
        written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
        assert written == ["a/c.json", "b.json"]
        assert argmap.read(out / "b.json") == argmap.loads(CLEAN)
        err = capsys.readouterr().err.splitlines()
        assert (
            err[0]
            == f"argmap: converted 2 of 3 files from {str(source)!r} into {str(out)!r} (json)"
        )
        assert err[1] == "argmap: 1 file failed:"
        assert err[2].startswith(f"  {source / 'a/bad.yaml'}:3:18: AM102")
        assert len(err) == 3

    def test_losses_are_summed_by_kind(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        source, out = tmp_path / "in", tmp_path / "out"
        put(source, "one.yaml", CLEAN)
        put(source, "two.notes", "A.\nB.\n")
        assert main(["convert", str(source), "--to", "notes", "-o", str(out)]) == 0
        assert (out / "one.notes").read_text() == "C.\nP.\n"
        assert capsys.readouterr().err.splitlines() == [
            f"argmap: converted 2 of 2 files from {str(source)!r} into {str(out)!r} (notes)",
            "argmap: lost or left out: AM401 not-carried 1 (1 file); basis 2 (2 files)",
        ]

    def test_strict_fails_each_file_with_a_loss(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        source, out = tmp_path / "in", tmp_path / "out"
        put(source, "one.yaml", CLEAN)
        assert main(["convert", "--strict", str(source), "--to", "notes", "-o", str(out)]) == 1
        assert not (out / "one.notes").exists()
        assert f"  {source / 'one.yaml'}: {LOSS.message('notes')}" in capsys.readouterr().err

    def test_two_files_into_one_name_is_a_failure_not_an_overwrite(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        source, out = tmp_path / "in", tmp_path / "out"
        put(source, "m.yaml", CLEAN)
        put(source, "m.yml", CLEAN)
        assert main(["convert", str(source), "--to", "json", "-o", str(out)]) == 1
        assert "would overwrite" in capsys.readouterr().err

    def test_the_output_folder_inside_is_not_read_again(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        put(tmp_path, "m.yaml", CLEAN)
        assert main(["convert", str(tmp_path), "--to", "json", "-o", str(tmp_path / "o")]) == 0
        assert main(["convert", str(tmp_path), "--to", "yaml", "-o", str(tmp_path / "o")]) == 0
        assert capsys.readouterr().err.splitlines()[-1].startswith("argmap: converted 1 of 1 ")

    def test_to_and_outdir_are_needed(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        source = self.make(tmp_path)
        assert main(["convert", str(source), "-o", str(tmp_path / "o")]) == 2
        assert main(["convert", str(source), "--to", "json"]) == 2
        assert main(["convert", str(source), "x.json"]) == 2
        assert not (tmp_path / "o").exists()

    def test_no_readable_file_is_an_error(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        put(tmp_path / "in", "readme.rst", "x")
        assert main(["convert", str(tmp_path / "in"), "--to", "json", "-o", str(tmp_path)]) == 1
        assert "no file in" in capsys.readouterr().err

    def test_a_terminal_sees_a_counter(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        source = self.make(tmp_path)
        monkeypatch.setattr("sys.stderr.isatty", lambda: True)
        main(["convert", str(source), "--to", "json", "-o", str(tmp_path / "o")])
        err = capsys.readouterr().err
        assert "\rconverting 1/3 \rconverting 2/3 \rconverting 3/3 \r\x1b[K" in err


def test_check_reports_what_a_reader_could_not_hold_as_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], recwarn: pytest.WarningsRecorder
) -> None:
    nodeset = {
        "nodes": [
            {"nodeID": "1", "text": "Tea is warm.", "type": "I"},
            {"nodeID": "2", "text": "It was just made.", "type": "I"},
            {"nodeID": "3", "text": "Default Inference", "type": "RA"},
            {"nodeID": "4", "text": "Default Preference", "type": "PA"},
        ],
        "edges": [
            {"edgeID": "1", "fromID": "2", "toID": "3"},
            {"edgeID": "2", "fromID": "3", "toID": "1"},
        ],
        "locutions": [],
    }
    path = tmp_path / "tea.json"
    path.write_text(json.dumps(nodeset), encoding="utf-8")
    assert main(["check", str(path)]) == 0
    out, err = capsys.readouterr()
    assert f"{path}:" in out and "AM401" in out and "'4'" in out  # the PA node, by its id
    assert "LossWarning" not in err and "1 file checked: 0 errors, 1 warning" in err
    assert not [w for w in recwarn if issubclass(w.category, argmap.LossWarning)]
