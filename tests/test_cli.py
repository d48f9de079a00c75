"""The ``argmap`` command line, through ``argmap.cli.main`` and once as ``python -m argmap``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

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
    notes = write(tmp_path, "notes.txt", CLEAN)
    assert main(["check", notes]) == 1
    out, _ = capsys.readouterr()
    assert f"AM112 error: cannot tell the format of {notes!r} from its extension '.txt'" in out


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
    def refuse(amap: argmap.ArgumentMap, path: str) -> None:
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(argmap, "write", refuse)
    assert main(["convert", write(tmp_path, "m.yaml", CLEAN), "/locked/m.json"]) == 1
    assert capsys.readouterr() == (
        "",
        "argmap: error: cannot write '/locked/m.json': Permission denied\n",
    )


def test_convert_under_a_file_says_why_it_cannot_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    assert main(["convert", write(tmp_path, "m.yaml", CLEAN), str(blocker / "o.json")]) == 1
    assert capsys.readouterr().err == (
        f"argmap: error: cannot write {str(blocker / 'o.json')!r}: Not a directory\n"
    )


def test_convert_unknown_output_extension(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "map.txt"
    assert main(["convert", write(tmp_path, "m.yaml", CLEAN), str(output)]) == 1
    assert capsys.readouterr().err == (
        f"argmap: error: AM112 cannot tell the format of {str(output)!r} from its extension "
        f"'.txt'; use one of .yaml, .yml, .json\n"
    )
    assert not output.exists()


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
    assert err.startswith("argmap: error: graphviz-pure ")
    assert err.endswith(
        "cannot write 'pdf'; it writes "
        + ", ".join(sorted(argmap.find_renderer("graphviz-pure").formats))
        + ". For PDF, install Graphviz (apt-get install graphviz, brew install graphviz, "
        "or https://graphviz.org/download/)\n"
    )
    assert not output.exists()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--label-width", "0"], "label_width must be at least 1, got 0"),
        ([], "cannot tell the image format of {out!r} from its extension '.txt'"),
    ],
)
def test_render_bad_values_exit_1_and_write_nothing(
    extra: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = str(tmp_path / ("m.txt" if not extra else "m.svg"))
    assert main(["render", SEJONG, "-o", output, *extra]) == 1
    assert capsys.readouterr().err.startswith("argmap: error: " + message.format(out=output))
    assert os.listdir(tmp_path) == []


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
    assert capsys.readouterr().err == f"argmap: error: cannot write {output!r}: Not a directory\n"
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
    assert main(["render", SEJONG, "-o", str(tmp_path / "m.png"), "--renderer", "graphviz"]) == 1
    assert capsys.readouterr().err == (
        "argmap: error: Graphviz 'dot' is not on PATH; install Graphviz (apt-get install "
        "graphviz, brew install graphviz, or https://graphviz.org/download/)\n"
    )


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
    assert "2  usage error" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["frob"], "invalid choice: 'frob'"),
        ([], "the following arguments are required: COMMAND"),
        (["check"], "the following arguments are required: FILE"),
        (["check", "--format", "xml", "m.yaml"], "invalid choice: 'xml'"),
        (["convert", "in.yaml"], "the following arguments are required: OUT"),
        (["render", "in.yaml"], "the following arguments are required: -o/--output"),
        (["render", "in.yaml", "-o", "m.svg", "--direction", "UP"], "invalid choice: 'UP'"),
        (["render", "in.yaml", "-o", "m.svg", "--renderer", "neato"], "invalid choice: 'neato'"),
        (["render", "in.yaml", "-o", "m.svg", "--label-width", "x"], "invalid int value: 'x'"),
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
