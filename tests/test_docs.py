"""The YAML and shell examples in README.md and docs/ are real: each is read or run here.

Doctests (``>>>``) in the same pages run through pytest's ``--doctest-glob``; this module
covers what doctest can't. HTML comments right above a fenced block say what to do with it:

``<!-- file: NAME -->``
    a ``yaml`` block is also saved as NAME in the page's scratch directory;
``<!-- append: NAME -->``
    a ``yaml`` block is added to the end of NAME (new entries under ``nodes:``), and the
    whole file is what must read;
``<!-- broken: AM102 AM105 -->``
    the map must fail to read, with exactly these finding codes, in this order;
``<!-- run -->``
    a ``console`` block is run: each ``$ argmap ...`` line in the scratch directory, its
    output (stdout, then stderr) compared with the lines that follow it.

Every other ``yaml`` block must read as a map on its own. docs/checks.md is skipped: its
examples are broken on purpose and are tested with the checks.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import attrs
import pytest

import argmap
from argmap.cli import main

ROOT = Path(__file__).resolve().parent.parent
SKIPPED = {"checks.md"}
PAGES = sorted(
    [ROOT / "README.md", *(p for p in (ROOT / "docs").glob("*.md") if p.name not in SKIPPED)]
)

_FENCE = re.compile(
    r"^(?P<indent> *)```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^(?P=indent)```[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
_MARKER = re.compile(r"<!--\s*(?P<name>[\w-]+)(?::\s*(?P<value>.*?))?\s*-->")
_MARKERS = frozenset({"file", "append", "broken", "run"})


@attrs.frozen
class Block:
    """One fenced block of a page, with the markers written right above it."""

    page: Path
    line: int
    lang: str
    text: str
    markers: dict[str, str]

    def __str__(self) -> str:
        return f"{self.page.name}:{self.line}"


def blocks(page: Path) -> list[Block]:
    """Every fenced block of ``page``, in order."""
    source = page.read_text("utf-8")
    found = []
    for match in _FENCE.finditer(source):
        indent = len(match["indent"])
        body = "".join(line[indent:] for line in match["body"].splitlines(keepends=True))
        before = source[: match.start()].splitlines()
        markers: dict[str, str] = {}
        while before and _MARKER.fullmatch(before[-1].strip()):
            marker = _MARKER.fullmatch(before.pop().strip())
            assert marker is not None
            assert marker["name"] in _MARKERS, f"{page.name}: unknown marker {marker['name']!r}"
            markers[marker["name"]] = marker["value"] or ""
        line = source.count("\n", 0, match.start()) + 1
        found.append(Block(page, line, match["lang"], body, markers))
    return found


def _codes(text: str) -> list[str]:
    try:
        argmap.loads(text)
    except argmap.ParseError as error:
        return [finding.code for finding in error.findings]
    return []


def _check_yaml(block: Block, text: str) -> None:
    codes = _codes(text)
    expected = block.markers.get("broken", "").split()
    assert codes == expected, f"{block}: expected findings {expected}, got {codes}"


def _run(block: Block, capsys: pytest.CaptureFixture[str]) -> None:
    lines = block.text.splitlines()
    commands = [index for index, line in enumerate(lines) if line.startswith("$ ")]
    assert commands, f"{block}: a 'run' block needs '$ argmap ...' lines"
    for start, end in zip(commands, [*commands[1:], len(lines)], strict=True):
        argv = shlex.split(lines[start][2:])
        assert argv[0] == "argmap", f"{block}: only argmap commands can run"
        capsys.readouterr()
        main(argv[1:])
        captured = capsys.readouterr()
        output = (captured.out + captured.err).rstrip("\n").splitlines()
        expected = lines[start + 1 : end]
        assert [line.rstrip() for line in output] == expected, f"{block}: {lines[start]}"


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_examples_in_page_are_real(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    for block in blocks(page):
        if block.lang == "yaml":
            text = block.text
            if "append" in block.markers:
                target = tmp_path / block.markers["append"]
                text = target.read_text("utf-8") + text
                target.write_text(text, "utf-8")
            if "file" in block.markers:
                (tmp_path / block.markers["file"]).write_text(text, "utf-8")
            _check_yaml(block, text)
        elif "run" in block.markers:
            assert block.lang == "console", f"{block}: only console blocks can run"
            _run(block, capsys)
        else:
            assert not block.markers, f"{block}: markers on a {block.lang or 'plain'} block"


def test_blocks_finds_markers_and_indented_fences(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "Intro.\n\n<!-- file: m.yaml -->\n<!-- broken: AM102 -->\n```yaml\ntitle: T\n```\n\n"
        "1. A step:\n\n    ```console\n    $ argmap check m.yaml\n    ```\n",
        "utf-8",
    )
    first, second = blocks(page)
    assert (first.lang, first.text, first.markers) == (
        "yaml",
        "title: T\n",
        {"file": "m.yaml", "broken": "AM102"},
    )
    assert (second.lang, second.text, second.markers) == ("console", "$ argmap check m.yaml\n", {})


def test_api_page_documents_every_public_name() -> None:
    page = (ROOT / "docs" / "api.md").read_text("utf-8")
    documented = set(re.findall(r"^::: argmap\.(\w+)", page, re.MULTILINE))
    public = {name for name in argmap.__all__ if not name.startswith("_")}
    assert sorted(public - documented) == []
    assert sorted(documented - public) == []
