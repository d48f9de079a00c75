"""The ``argmap`` command line, through ``argmap.cli.main`` and once as ``python -m argmap``."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import pytest

import argmap
from argmap.cli import main

CLEAN = """\
title: Clean
nodes:
  thesis: {claim: Ties matter., main: true}
  trade: {premise: Trade grew., supports: thesis}
"""

# No main claim (AM305) and an isolated premise on line 5 (AM303): warnings only.
WARNINGS = """\
title: Warnings
nodes:
  thesis: {claim: Ties matter.}
  trade: {premise: Trade grew., supports: thesis}
  lonely: {premise: Nobody listens.}
"""

# A support cycle (AM304) and a rebuttal that attacks nothing (AM301): errors.
ERRORS = """\
title: Errors
nodes:
  thesis: {claim: Ties matter., main: true, attacks: b}
  a: {premise: A., supports: b}
  b: {premise: B., supports: a}
  no: {rebuttal: Not so.}
"""

# A misspelt key on line 3, column 33: the reader refuses the file (AM102).
UNREADABLE = """\
title: Unreadable
nodes:
  thesis: {claim: Ties matter., mian: true}
"""


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def lines(text: str) -> list[str]:
    return text.splitlines()


# -- check -----------------------------------------------------------------------------------


def test_check_clean_file_exits_0_and_prints_no_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = write(tmp_path, "clean.yaml", CLEAN)
    assert main(["check", clean]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "1 file checked: 0 errors, 0 warnings\n"


def test_check_clean_file_passes_strict(tmp_path: Path) -> None:
    assert main(["check", "--strict", write(tmp_path, "clean.yaml", CLEAN)]) == 0


def test_check_warnings_exit_0_with_one_line_per_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    warnings = write(tmp_path, "warnings.yaml", WARNINGS)
    assert main(["check", warnings]) == 0
    out, err = capsys.readouterr()
    assert lines(out) == [
        f"{warnings}:1:1: AM305 warning: map 'Warnings' has no main claim; "
        f"mark its thesis with 'main: true'",
        f"{warnings}:5:3: AM303 warning: premise 'lonely' is connected to nothing; "
        f"make it support or attack another node, or remove it",
    ]
    assert err == "1 file checked: 0 errors, 2 warnings\n"


def test_check_warnings_exit_1_with_strict(tmp_path: Path) -> None:
    assert main(["check", "--strict", write(tmp_path, "warnings.yaml", WARNINGS)]) == 1


def test_check_errors_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    errors = write(tmp_path, "errors.yaml", ERRORS)
    assert main(["check", errors]) == 1
    out, err = capsys.readouterr()
    assert [line.split(" ")[1:3] for line in lines(out)] == [
        ["AM304", "error:"],
        ["AM301", "error:"],
    ]
    assert lines(out)[0].startswith(f"{errors}:4:3: AM304 error: the supports among 'a', 'b'")
    assert err == "1 file checked: 2 errors, 0 warnings\n"


def test_check_parse_error_is_printed_as_a_finding_and_checking_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unreadable = write(tmp_path, "unreadable.yaml", UNREADABLE)
    warnings = write(tmp_path, "warnings.yaml", WARNINGS)
    assert main(["check", unreadable, warnings]) == 1
    out, err = capsys.readouterr()
    first, *rest = lines(out)
    assert first.startswith(
        f"{unreadable}:3:33: AM102 error: $.nodes.thesis.mian: unknown key "
        f"'mian' in claim 'thesis'; did you mean 'main'?"
    )
    assert [line.split(" ")[1] for line in rest] == ["AM305", "AM303"]
    assert err == "2 files checked: 1 error, 2 warnings\n"


def test_check_missing_file_is_reported_and_checking_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "missing.yaml")
    clean = write(tmp_path, "clean.yaml", CLEAN)
    assert main(["check", missing, clean]) == 1
    out, err = capsys.readouterr()
    assert out.startswith(f"{missing}: AM101 error: cannot read the file: ")
    assert len(lines(out)) == 1
    assert err == "2 files checked: 1 error, 0 warnings\n"


def test_check_unknown_extension_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = write(tmp_path, "notes.toml", CLEAN)
    assert main(["check", notes]) == 1
    out, _ = capsys.readouterr()
    assert f"AM112 error: cannot tell the format of {notes!r} from its extension '.toml'" in out


def test_check_json_lists_every_finding_with_its_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unreadable = write(tmp_path, "unreadable.yaml", UNREADABLE)
    warnings = write(tmp_path, "warnings.yaml", WARNINGS)
    assert main(["check", "--format", "json", unreadable, warnings]) == 1
    out, err = capsys.readouterr()
    records = json.loads(out)
    assert [list(record) for record in records] == [
        ["file", "line", "column", "code", "severity", "message", "element", "path"]
    ] * 3
    assert records[0] == {
        "file": unreadable,
        "line": 3,
        "column": 33,
        "code": "AM102",
        "severity": "error",
        "message": records[0]["message"],
        "element": None,
        "path": "$.nodes.thesis.mian",
    }
    assert records[2] == {
        "file": warnings,
        "line": 5,
        "column": 3,
        "code": "AM303",
        "severity": "warning",
        "message": "premise 'lonely' is connected to nothing; make it support or attack "
        "another node, or remove it",
        "element": "lonely",
        "path": "$.nodes.lonely",
    }
    assert err == "2 files checked: 1 error, 2 warnings\n"


def test_check_json_is_deterministic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [write(tmp_path, "warnings.yaml", WARNINGS), write(tmp_path, "errors.yaml", ERRORS)]
    main(["check", "--format", "json", *files])
    first = capsys.readouterr().out
    main(["check", "--format", "json", *files])
    assert capsys.readouterr().out == first


def test_check_json_reads_json_maps(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = '{"title": "T",\n "nodes": {"c": {"claim": "C.", "mian": true}}}\n'
    assert main(["check", "--format", "json", write(tmp_path, "typo.json", text)]) == 1
    [record] = json.loads(capsys.readouterr().out)
    assert (record["line"], record["code"], record["path"]) == (2, "AM102", "$.nodes.c.mian")


def test_check_json_of_a_clean_file_is_an_empty_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--format", "json", write(tmp_path, "clean.yaml", CLEAN)]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_check_json_missing_file_has_no_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "missing.yaml")
    main(["check", "--format", "json", missing])
    [record] = json.loads(capsys.readouterr().out)
    assert (record["file"], record["line"], record["column"], record["code"]) == (
        missing,
        None,
        None,
        "AM101",
    )


@pytest.mark.parametrize(
    ("severity", "options", "expected"),
    [("info", ["--strict"], 0), ("warning", [], 0), ("warning", ["--strict"], 1), ("error", [], 1)],
)
def test_check_exit_code_follows_the_worst_severity(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    severity: str,
    options: list[str],
    expected: int,
) -> None:
    finding = argmap.Finding("AM399", argmap.Severity(severity), "made up", argmap.Location())
    monkeypatch.setattr(argmap, "validate", lambda amap: (finding,))
    assert main(["check", *options, write(tmp_path, "clean.yaml", CLEAN)]) == expected


def test_check_names_the_file_of_a_finding_without_a_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    finding = argmap.Finding("AM399", "warning", "made up", argmap.Location())
    monkeypatch.setattr(argmap, "validate", lambda amap: (finding,))
    clean = write(tmp_path, "clean.yaml", CLEAN)
    main(["check", clean])
    assert capsys.readouterr().out == f"{clean}: AM399 warning: made up\n"


def test_check_counts_infos_in_the_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    finding = argmap.Finding("AM399", "info", "made up", argmap.Location(element="thesis"))
    monkeypatch.setattr(argmap, "validate", lambda amap: (finding,))
    clean = write(tmp_path, "clean.yaml", CLEAN)
    assert main(["check", clean]) == 0
    out, err = capsys.readouterr()
    assert out == f"{clean}: 'thesis': AM399 info: made up\n"
    assert err == "1 file checked: 0 errors, 0 warnings, 1 info\n"


# -- check FOLDER ----------------------------------------------------------------------------


def make_tree(root: Path) -> None:
    """Maps in a folder and its subfolders, beside files and folders check must skip."""
    write(root, "b.yaml", WARNINGS)
    (root / "a").mkdir()
    write(root / "a", "c.yml", CLEAN)
    write(root / "a", "d.JSON", argmap.dumps(argmap.loads(ERRORS), format="json"))
    write(root, "notes.txt", "not a map")
    write(root, ".hidden.yaml", UNREADABLE)  # hidden file: skipped
    for hidden in (".git", ".venv"):
        (root / hidden).mkdir()
        write(root / hidden, "x.yaml", UNREADABLE)  # inside a hidden folder: skipped
    if os.name == "posix":
        (root / "loop").symlink_to(root)  # a link to a folder: not followed


def test_check_folder_reads_every_map_in_it_and_its_subfolders_in_sorted_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "maps").mkdir()
    make_tree(tmp_path / "maps")
    folder = str(tmp_path / "maps")
    assert main(["check", folder]) == 1
    out, err = capsys.readouterr()
    files = [line.split(":")[0] for line in lines(out)]
    sep = os.sep
    assert files == [
        f"{folder}{sep}a{sep}d.JSON",
        f"{folder}{sep}a{sep}d.JSON",
        f"{folder}{sep}b.yaml",
        f"{folder}{sep}b.yaml",
    ]
    assert err == "3 files checked: 2 errors, 2 warnings\n"


def test_check_dot_names_the_files_without_a_leading_dot_slash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "json", "."]) == 1
    out, err = capsys.readouterr()
    assert [record["file"] for record in json.loads(out)] == [
        os.path.join("a", "d.JSON"),
        os.path.join("a", "d.JSON"),
        "b.yaml",
        "b.yaml",
    ]
    assert err == "3 files checked: 2 errors, 2 warnings\n"


def test_check_a_hidden_folder_named_on_the_command_line_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hidden = tmp_path / ".maps"
    hidden.mkdir()
    write(hidden, "clean.yaml", CLEAN)
    assert main(["check", str(hidden)]) == 0
    assert capsys.readouterr().err == "1 file checked: 0 errors, 0 warnings\n"


def test_check_folder_without_maps_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "notes.txt", "not a map")
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git", "x.yaml", CLEAN)
    clean = write(tmp_path / ".git", "clean.yaml", CLEAN)
    folder = str(tmp_path)
    assert main(["check", folder, clean]) == 1
    assert capsys.readouterr() == (
        "",
        f"argmap: error: no maps in the folder {folder!r}: no .yaml, .yml or .json file in "
        f"it or its subfolders (hidden ones are skipped); name map files, or a folder that "
        f"holds some\n"
        "1 file checked: 1 error, 0 warnings\n",
    )


def test_check_folder_that_cannot_be_read_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "clean.yaml", CLEAN)
    locked = tmp_path / "locked"
    locked.mkdir()
    scandir = os.scandir

    def refuse_locked(path: str) -> object:
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse_locked)
    assert main(["check", str(tmp_path)]) == 1
    assert capsys.readouterr() == (
        "",
        f"argmap: error: cannot read the folder {str(locked)!r}: Permission denied; check its "
        f"permissions, or leave it out\n"
        "1 file checked: 1 error, 0 warnings\n",
    )


# -- convert ---------------------------------------------------------------------------------


def test_convert_yaml_to_json_and_back_keeps_the_map(tmp_path: Path) -> None:
    source = write(tmp_path, "map.yaml", ERRORS)
    as_json, back = tmp_path / "map.json", tmp_path / "back.yml"
    assert main(["convert", source, str(as_json)]) == 0
    assert json.loads(as_json.read_text("utf-8"))["title"] == "Errors"
    assert main(["convert", str(as_json), str(back)]) == 0
    assert argmap.read(back) == argmap.read(as_json) == argmap.read(source)


def test_convert_prints_nothing_on_success(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["convert", write(tmp_path, "m.yaml", CLEAN), str(tmp_path / "m.json")]) == 0
    assert capsys.readouterr() == ("", "")


def test_convert_bad_input_prints_findings_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unreadable = write(tmp_path, "unreadable.yaml", UNREADABLE)
    output = tmp_path / "out.json"
    assert main(["convert", unreadable, str(output)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"{unreadable}:3:33: AM102 error: ")
    assert sorted(os.listdir(tmp_path)) == ["unreadable.yaml"]


def test_convert_bad_input_leaves_an_existing_output_alone(tmp_path: Path) -> None:
    output = tmp_path / "out.json"
    output.write_text("keep me", encoding="utf-8")
    assert main(["convert", write(tmp_path, "bad.yaml", UNREADABLE), str(output)]) == 1
    assert output.read_text("utf-8") == "keep me"


def test_convert_missing_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing, output = tmp_path / "missing.yaml", tmp_path / "out.json"
    assert main(["convert", str(missing), str(output)]) == 1
    assert capsys.readouterr().err.startswith(f"{missing}: AM101 error: cannot read the file: ")
    assert not output.exists()


def test_convert_into_a_missing_directory_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "nowhere" / "out.json"
    assert main(["convert", write(tmp_path, "m.yaml", CLEAN), str(output)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"argmap: error: cannot write {str(output)!r}: ")
    assert "Traceback" not in err
    assert sorted(os.listdir(tmp_path)) == ["m.yaml"]


def test_convert_onto_a_directory_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "taken.json"
    output.mkdir()
    assert main(["convert", write(tmp_path, "m.yaml", CLEAN), str(output)]) == 1
    assert capsys.readouterr().err.startswith(f"argmap: error: cannot write {str(output)!r}: ")
    assert sorted(os.listdir(tmp_path)) == ["m.yaml", "taken.json"]  # no temporary left


def test_convert_reports_a_refused_write_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(path: str, data: bytes) -> None:
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr("argmap._cli_convert.replace_file", refuse)
    assert main(["convert", write(tmp_path, "m.yaml", CLEAN), "/locked/m.json"]) == 1
    assert capsys.readouterr() == (
        "",
        "argmap: error: cannot write '/locked/m.json': Permission denied; check the "
        "permissions of the file and its folder, or write somewhere else\n",
    )


def test_convert_under_a_file_says_why_it_cannot_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    assert main(["convert", write(tmp_path, "m.yaml", CLEAN), str(blocker / "o.json")]) == 1
    assert capsys.readouterr().err == (
        f"argmap: error: cannot write {str(blocker / 'o.json')!r}: Not a directory; "
        f"a part of the path is a file, not a folder; fix the path\n"
    )


def test_convert_unknown_output_extension(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "map.toml"
    assert main(["convert", write(tmp_path, "m.yaml", CLEAN), str(output)]) == 1
    assert capsys.readouterr().err.startswith(
        f"argmap: error: AM112 cannot tell the format of {str(output)!r} from its extension "
        f"'.toml'; use one of .yaml, .yml, .json, "
    )
    assert not output.exists()


COMMENTED = "# Keep this comment.\n" + CLEAN


def same_file_message(output: str, source: str) -> str:
    return (
        f"argmap: error: OUT {output!r} is the same file as IN {source!r}: converting would "
        f"rewrite it in canonical form and lose its comments and layout; write to another "
        f"file, or pass --overwrite-input to rewrite it anyway\n"
    )


@pytest.mark.parametrize("spelling", ["same", "dotted", "symlink", "hardlink"])
def test_convert_refuses_to_overwrite_its_input(
    spelling: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a.yaml", COMMENTED)
    output = {"same": "a.yaml", "dotted": "./a.yaml", "symlink": "b.yaml", "hardlink": "c.yaml"}
    if spelling == "symlink":
        os.symlink("a.yaml", "b.yaml")
    if spelling == "hardlink":
        os.link("a.yaml", "c.yaml")
    assert main(["convert", "a.yaml", output[spelling]]) == 1
    assert capsys.readouterr() == ("", same_file_message(output[spelling], "a.yaml"))
    assert (tmp_path / "a.yaml").read_text("utf-8") == COMMENTED
    assert not [name for name in os.listdir(tmp_path) if name.endswith(".tmp")]


def test_convert_overwrite_input_rewrites_it_in_canonical_form(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path, "a.yaml", COMMENTED)
    assert main(["convert", "--overwrite-input", source, source]) == 0
    assert capsys.readouterr() == ("", "")
    assert Path(source).read_text("utf-8") == argmap.dumps(argmap.loads(CLEAN))


def test_convert_overwrite_input_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    source = write(tmp_path, "a.yaml", COMMENTED)
    link = tmp_path / "link.yaml"
    link.symlink_to("a.yaml")
    assert main(["convert", "--overwrite-input", source, str(link)]) == 0
    assert link.is_symlink()
    assert Path(source).read_text("utf-8") == argmap.dumps(argmap.loads(CLEAN))


def test_convert_overwrite_input_onto_a_hard_link_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path, "a.yaml", COMMENTED)
    other = tmp_path / "b.yaml"
    os.link(source, other)
    assert main(["convert", "--overwrite-input", source, str(other)]) == 1
    assert capsys.readouterr().err == (
        f"argmap: error: cannot write {str(other)!r}: it has 2 hard links, and replacing it "
        f"whole would split them; remove the other links first, or write to another file\n"
    )
    assert Path(source).read_text("utf-8") == other.read_text("utf-8") == COMMENTED


def test_convert_help_says_what_overwrite_input_loses(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert (
        "--overwrite-input allow OUT to be IN itself: the file is rewritten in canonical form, "
        "and its comments and layout are lost"
    ) in help_text


def test_convert_to_another_file_beside_its_input_is_allowed(tmp_path: Path) -> None:
    source = write(tmp_path, "a.yaml", COMMENTED)
    assert main(["convert", source, str(tmp_path / "a.yml")]) == 0
    assert Path(source).read_text("utf-8") == COMMENTED


# -- render ---------------------------------------------------------------------------------

SEJONG = str(Path(__file__).resolve().parent.parent / "examples" / "sejong.yaml")


@pytest.fixture
def no_argmap_dot(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARGMAP_DOT", raising=False)


@pytest.mark.usefixtures("no_argmap_dot")
def test_render_svg_names_the_renderer_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "sejong.svg"
    argv = ["render", SEJONG, "-o", str(output), "--renderer", "graphviz-pure", "--direction", "LR"]
    assert main([*argv, "--group-by", "source", "--show-ids", "--no-legend"]) == 0
    pure = argmap.find_renderer("graphviz-pure")
    assert capsys.readouterr() == ("", f"argmap: wrote {str(output)!r} with {pure}\n")
    assert output.read_bytes().startswith(b"<?xml")


@pytest.mark.usefixtures("no_argmap_dot")
def test_render_dot_writes_the_source_with_the_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "sejong.dot"
    argv = ["render", SEJONG, "-o", str(output), "--theme", "default", "--label-width", "20"]
    assert main(argv) == 0
    assert output.read_text("utf-8") == argmap.to_dot(argmap.read(SEJONG), label_width=20)
    assert capsys.readouterr().err == (
        f"argmap: wrote {str(output)!r} as DOT source, no renderer needed\n"
    )


@pytest.mark.usefixtures("no_argmap_dot")
def test_render_pdf_with_graphviz_pure_says_to_install_graphviz(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "sejong.pdf"
    assert main(["render", SEJONG, "-o", str(output), "--renderer", "graphviz-pure"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"argmap: error: cannot draw {str(output)!r}: graphviz-pure ")
    assert err.endswith(
        "cannot write 'pdf'; it writes "
        + ", ".join(sorted(argmap.find_renderer("graphviz-pure").formats))
        + ". For PDF, install Graphviz (apt-get install graphviz, brew install graphviz, "
        "or https://graphviz.org/download/)\n"
    )
    assert not output.exists()


def test_render_unknown_extension_exits_1_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = str(tmp_path / "m.txt")
    assert main(["render", SEJONG, "-o", output]) == 1
    assert capsys.readouterr().err == (
        f"argmap: error: cannot tell the image format of {output!r} from its extension "
        f"'.txt'; use one of .svg, .png, .pdf, .jpg, .jpeg, .dot, .gv\n"
    )
    assert os.listdir(tmp_path) == []


def test_render_a_bad_option_value_from_the_library_names_the_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(*args: object, **options: object) -> None:
        raise ValueError("label_width must be at most 200, got 300")

    monkeypatch.setattr(argmap, "render_file", refuse)
    output = str(tmp_path / "m.svg")
    assert main(["render", SEJONG, "-o", output, "--label-width", "300"]) == 1
    assert capsys.readouterr().err == (
        f"argmap: error: cannot draw {output!r}: label_width must be at most 200, got 300\n"
    )


def test_render_bad_input_prints_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unreadable = write(tmp_path, "unreadable.yaml", UNREADABLE)
    assert main(["render", unreadable, "-o", str(tmp_path / "m.svg")]) == 1
    assert capsys.readouterr().err.startswith(f"{unreadable}:3:33: AM102 error: ")
    assert os.listdir(tmp_path) == ["unreadable.yaml"]


@pytest.mark.usefixtures("no_argmap_dot")
def test_render_under_a_file_says_why_and_leaves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    output = str(blocker / "m.svg")
    assert main(["render", SEJONG, "-o", output, "--renderer", "graphviz-pure"]) == 1
    assert capsys.readouterr().err == (
        f"argmap: error: cannot write {output!r}: Not a directory; "
        f"a part of the path is a file, not a folder; fix the path\n"
    )
    assert os.listdir(tmp_path) == ["blocker"]


def test_render_png_of_hangul_with_graphviz_pure_warns_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "ko.yaml"
    source.write_text("argmap: 1\ntitle: T\nnodes:\n  c: {claim: 한국과 중국, main: true}\n")
    output = tmp_path / "ko.png"
    assert main(["render", str(source), "-o", str(output), "--renderer", "graphviz-pure"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("argmap: warning: graphviz-pure draws some characters of this map")
    assert "write SVG instead" in err[0]
    assert err[1].startswith(f"argmap: wrote {str(output)!r} with graphviz-pure")
    assert output.read_bytes().startswith(b"\x89PNG")


@pytest.mark.usefixtures("no_argmap_dot")
def test_render_with_a_missing_renderer_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", "")
    output = str(tmp_path / "m.png")
    assert main(["render", SEJONG, "-o", output, "--renderer", "graphviz"]) == 1
    assert capsys.readouterr().err == (
        f"argmap: error: cannot draw {output!r}: Graphviz 'dot' is not on PATH; "
        "install Graphviz (apt-get install "
        "graphviz, brew install graphviz, or https://graphviz.org/download/)\n"
    )


def test_render_a_map_that_check_rejects_warns_and_draws_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "errors.yaml", ERRORS)
    assert main(["render", "errors.yaml", "-o", "errors.dot"]) == 0
    assert capsys.readouterr() == (
        "",
        "argmap: warning: 'errors.yaml' has 2 errors; drawing it anyway "
        "(see them with: argmap check errors.yaml)\n"
        "argmap: wrote 'errors.dot' as DOT source, no renderer needed\n",
    )
    assert (tmp_path / "errors.dot").read_text("utf-8").startswith("digraph")


def test_render_warning_quotes_a_file_name_for_the_shell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "my map.yaml", ERRORS.replace("  no: {rebuttal: Not so.}\n", ""))
    assert main(["render", "my map.yaml", "-o", "m.dot"]) == 0
    assert capsys.readouterr().err.splitlines()[0] == (
        "argmap: warning: 'my map.yaml' has 1 error; drawing it anyway "
        "(see them with: argmap check 'my map.yaml')"
    )


def test_render_a_map_with_warnings_only_says_nothing_of_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = str(tmp_path / "w.dot")
    assert main(["render", write(tmp_path, "w.yaml", WARNINGS), "-o", output]) == 0
    assert capsys.readouterr().err == (
        f"argmap: wrote {output!r} as DOT source, no renderer needed\n"
    )


@pytest.mark.usefixtures("no_argmap_dot")
def test_render_without_output_writes_an_svg_beside_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path, "clean.yaml", CLEAN)
    assert main(["render", source, "--renderer", "graphviz-pure"]) == 0
    output = str(tmp_path / "clean.svg")
    pure = argmap.find_renderer("graphviz-pure")
    assert capsys.readouterr() == ("", f"argmap: wrote {output!r} with {pure}\n")
    assert Path(output).read_bytes().startswith(b"<?xml")


@pytest.mark.usefixtures("no_argmap_dot")
def test_render_an_example_without_output_writes_name_svg_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["render", "--example", "sejong", "--renderer", "graphviz-pure"]) == 0
    pure = argmap.find_renderer("graphviz-pure")
    assert capsys.readouterr() == ("", f"argmap: wrote 'sejong.svg' with {pure}\n")
    assert os.listdir(tmp_path) == ["sejong.svg"]


def test_render_refuses_to_draw_over_the_map_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path, "clean.yaml", CLEAN)
    link = tmp_path / "clean.svg"
    link.symlink_to("clean.yaml")
    assert main(["render", source]) == 1
    assert capsys.readouterr().err == (
        f"argmap: error: OUT {str(link)!r} is the map file itself; give another file to draw into\n"
    )
    assert Path(source).read_text("utf-8") == CLEAN


@pytest.mark.usefixtures("no_argmap_dot")
def test_renderers_lists_what_is_found(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", "")
    pure = argmap.find_renderer("graphviz-pure")
    assert main(["renderers"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"default: {pure}",
        "graphviz: not found (Graphviz 'dot' is not on PATH; install Graphviz (apt-get "
        "install graphviz, brew install graphviz, or https://graphviz.org/download/))",
        f"graphviz-pure: {pure.version} at {pure.path}",
        f"  formats: {' '.join(sorted(pure.formats))}",
    ]


def test_renderers_without_any_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ARGMAP_DOT", str(tmp_path / "no-dot"))
    assert main(["renderers"]) == 1
    assert capsys.readouterr().out.startswith("default: none (ARGMAP_DOT is ")


# -- the program -----------------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"argmap {argmap.__version__}\n"


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["check", "--help"],
        ["convert", "--help"],
        ["render", "--help"],
        ["renderers", "-h"],
    ],
)
def test_help_exits_0_and_lists_the_exit_codes(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: argmap")
    assert "exit codes:" in out
    assert "2    usage error" in out
    assert "130  interrupted (Ctrl-C)" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["frob"], "invalid choice: 'frob'"),
        ([], "the following arguments are required: COMMAND"),
        (["check"], "the following arguments are required: FILE"),
        (["check", "--format", "xml", "m.yaml"], "invalid choice: 'xml'"),
        (["convert", "in.yaml"], "convert IN OUT needs OUT, the file to write"),
        (["render", "in.yaml", "-o", "m.svg", "--direction", "UP"], "invalid choice: 'UP'"),
        (["render", "in.yaml", "-o", "m.svg", "--renderer", "neato"], "invalid choice: 'neato'"),
        (
            ["render", "in.yaml", "--label-width", "x"],
            "argmap render: error: argument --label-width: expected a whole number of columns "
            "from 1 to 1000, got 'x'",
        ),
        (
            ["render", "in.yaml", "--label-width", "0"],
            "argmap render: error: argument --label-width: expected a whole number of columns "
            "from 1 to 1000, got 0",
        ),
        (
            ["render", "in.yaml", "--label-width", "1001"],
            "argmap render: error: argument --label-width: expected a whole number of columns "
            "from 1 to 1000, got 1001",
        ),
        (["render"], "one of the arguments FILE --example is required"),
    ],
)
def test_usage_errors_exit_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert message in err


def test_python_dash_m_argmap_runs_the_command(tmp_path: Path) -> None:
    warnings = write(tmp_path, "warnings.yaml", WARNINGS)
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "check", "--strict", "warnings.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout.startswith("warnings.yaml:1:1: AM305 warning: ")
    assert result.stderr == "1 file checked: 0 errors, 2 warnings\n"
    assert Path(warnings).exists()


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    nodes = "".join(f"  n{i}: {{claim: Text {i}., bogus: 1}}\n" for i in range(2000))
    write(tmp_path, "many.yaml", f"title: Many\nnodes:\n{nodes}")
    with subprocess.Popen(
        [sys.executable, "-m", "argmap", "check", "many.yaml"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # like `| head -0`: the reader goes away before the output
        err = process.stderr.read().decode("utf-8")
        code = process.wait()
    assert code == 1
    assert "Traceback" not in err
    assert "BrokenPipeError" not in err


# -- no tracebacks ---------------------------------------------------------------------------

posix_only = pytest.mark.skipif(os.name != "posix", reason="needs POSIX shells, FIFOs, signals")
STDOUT_FAILED = (
    "argmap: error: cannot write to standard output: No space left on device; send it "
    "somewhere that can take it (a file on a disk with space, or a pipe)"
)


def run_argmap(
    tmp_path: Path, *args: str, stdout: IO[str] | int = subprocess.PIPE
) -> subprocess.CompletedProcess[str]:
    """``python -m argmap ARGS`` in ``tmp_path``, its output captured unless redirected."""
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        cwd=tmp_path,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        ["check", "warnings.yaml"],
        ["check", "--format", "json", "warnings.yaml"],
        ["examples"],
        ["--help"],
        ["render", "--help"],
    ],
)
def test_stdout_on_a_full_disk_is_one_error_line_and_exit_1(
    args: list[str], tmp_path: Path
) -> None:
    write(tmp_path, "warnings.yaml", WARNINGS)
    with open("/dev/full", "w") as full:
        result = run_argmap(tmp_path, *args, stdout=full)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == STDOUT_FAILED
    assert "Traceback" not in result.stderr
    assert "Exception ignored" not in result.stderr


@posix_only
@pytest.mark.parametrize(
    ("args", "code", "err"),
    [
        (["check", "warnings.yaml"], 0, "1 file checked: 0 errors, 2 warnings\n"),
        (["check", "errors.yaml"], 1, "1 file checked: 2 errors, 0 warnings\n"),
        (["examples"], 0, ""),
    ],
)
def test_closed_stdout_ends_without_a_traceback(
    args: list[str], code: int, err: str, tmp_path: Path
) -> None:
    write(tmp_path, "warnings.yaml", WARNINGS)
    write(tmp_path, "errors.yaml", ERRORS)
    result = subprocess.run(
        ["sh", "-c", 'exec "$0" -m argmap "$@" >&-', sys.executable, *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (code, err)


@pytest.mark.parametrize("width", ["4294967296", "99999999999999999999", "-1"])
def test_label_width_out_of_range_is_a_usage_error(width: str, tmp_path: Path) -> None:
    result = run_argmap(tmp_path, "render", SEJONG, "-o", "m.svg", "--label-width", width)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        f"argmap render: error: argument --label-width: expected a whole number of columns "
        f"from 1 to 1000, got {width}"
    )
    assert os.listdir(tmp_path) == []


@posix_only
def test_ctrl_c_while_running_exits_130_without_a_traceback(tmp_path: Path) -> None:
    fifo = tmp_path / "waiting.yaml"
    os.mkfifo(fifo)
    with subprocess.Popen(
        [sys.executable, "-m", "argmap", "check", fifo.name],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        # Opening the write end succeeds once argmap has opened the FIFO to read it: it is
        # then inside main(), waiting for text that never comes.
        deadline = time.monotonic() + 30
        while True:
            try:
                writer = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
                break
            except OSError:
                assert time.monotonic() < deadline, "argmap never opened the FIFO"
                time.sleep(0.02)
        try:
            # A signal sent in the instant the process moves between system calls can be
            # taken before the read starts; press Ctrl-C again, as a person would.
            for _ in range(30):
                process.send_signal(signal.SIGINT)
                try:
                    out, err = process.communicate(timeout=1)
                    break
                except subprocess.TimeoutExpired:
                    continue
            else:
                raise AssertionError("argmap did not stop on Ctrl-C")
        finally:
            os.close(writer)
    assert (process.returncode, out, err) == (130, "", "")


def test_ctrl_c_during_start_up_exits_130_without_a_traceback(tmp_path: Path) -> None:
    # Interrupted while the parser is built (it lists the examples): inside main().
    script = (
        "import sys, argmap, argmap.cli\n"
        "def interrupt(): raise KeyboardInterrupt\n"
        "argmap.examples.names = interrupt\n"
        "sys.exit(argmap.cli.main(['examples']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout, result.stderr) == (130, "", "")
