"""The worked examples: all five load, check clean, round-trip, draw, and share one vocabulary."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Literal

import pytest

import argmap
from argmap.cli import main
from tests import fingerprints

ROOT = Path(__file__).parent.parent

#: Each example and the number of paragraphs of its source document (blocks of text
#: separated by blank lines, as the seeds' README counts them).
PARAGRAPHS = {"sejong": 13, "taihe": 23, "asan": 17, "cgtn": 17, "seoul": 10}
NAMES = sorted(PARAGRAPHS)


@pytest.fixture(scope="module", params=NAMES)
def example(request: pytest.FixtureRequest) -> tuple[str, argmap.ArgumentMap]:
    name: str = request.param
    return name, argmap.examples.load(name)


def test_the_five_examples_are_there_by_name() -> None:
    assert argmap.examples.names() == tuple(NAMES)
    for name in NAMES:
        assert argmap.examples.path(name) == ROOT / "examples" / f"{name}.yaml"


def test_an_unknown_example_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="no example 'sejon'; the examples are asan, cgtn, "):
        argmap.examples.load("sejon")


def test_each_example_checks_clean(example: tuple[str, argmap.ArgumentMap]) -> None:
    assert argmap.validate(example[1]) == ()


@pytest.mark.parametrize("format", ["yaml", "json"])
def test_each_example_round_trips(
    example: tuple[str, argmap.ArgumentMap], format: Literal["yaml", "json"]
) -> None:
    amap = example[1]
    assert argmap.loads(argmap.dumps(amap, format=format), format=format) == amap


def test_every_node_cites_its_source_and_paragraphs(
    example: tuple[str, argmap.ArgumentMap],
) -> None:
    name, amap = example
    documents = {source.id for source in amap.sources}
    for node in amap.nodes:
        assert node.source is not None, node.id
        assert node.source.doc in documents
        assert node.source.paragraphs, node.id
        assert all(1 <= n <= PARAGRAPHS[name] for n in node.source.paragraphs), node.id


def test_every_relation_citing_a_source_cites_existing_paragraphs(
    example: tuple[str, argmap.ArgumentMap],
) -> None:
    name, amap = example
    documents = {source.id for source in amap.sources}
    for relation in amap.relations:
        if relation.source is not None:
            assert relation.source.doc in documents, relation.id
            assert all(1 <= n <= PARAGRAPHS[name] for n in relation.source.paragraphs)


def test_every_implicit_relation_says_how_the_text_implies_it(
    example: tuple[str, argmap.ArgumentMap],
) -> None:
    unexplained = [r.id for r in example[1].relations if r.implicit and r.note is None]
    assert unexplained == []


def test_every_recommendation_leads_to_a_main_claim(
    example: tuple[str, argmap.ArgumentMap],
) -> None:
    """Following supports from any recommendation reaches a claim marked main."""
    amap = example[1]
    targets: dict[str, set[str]] = {}
    for relation in amap.relations:
        if isinstance(relation, argmap.Support):
            for ident in relation.by:
                targets.setdefault(ident, set()).add(relation.target)
    mains = {n.id for n in amap.nodes if isinstance(n, argmap.Claim) and n.main}
    stranded = []
    for node in amap.nodes:
        if not isinstance(node, argmap.Recommendation):
            continue
        seen, todo = {node.id}, [node.id]
        while todo and not seen & mains:
            for target in targets.get(todo.pop(), ()):
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
        if not seen & mains:
            stranded.append(node.id)
    assert stranded == [], f"{example[0]}: recommendations that reach no main claim"


def test_every_source_has_its_metadata(example: tuple[str, argmap.ArgumentMap]) -> None:
    for source in example[1].sources:
        assert source.title and source.date and source.language
        assert source.authors or source.affiliation
        assert source.outlet or source.affiliation


def test_tags_come_from_the_shared_vocabulary(example: tuple[str, argmap.ArgumentMap]) -> None:
    used = {tag for node in example[1].nodes for tag in node.tags}
    assert used, "an example without tags cannot be compared with the others"
    assert used <= set(argmap.examples.tags())


def test_every_tag_of_the_vocabulary_is_used_somewhere() -> None:
    used = {tag for name in NAMES for node in argmap.examples.load(name).nodes for tag in node.tags}
    assert set(argmap.examples.tags()) == used


def test_node_texts_are_short_paraphrases(example: tuple[str, argmap.ArgumentMap]) -> None:
    name, amap = example
    copied = fingerprints.stored()[name]
    for node in amap.nodes:
        assert len(node.text.split()) <= 40, node.id
        # no run of twelve words in a row taken from the document
        assert not fingerprints.runs(node.text) & copied, node.id


def test_the_fingerprints_match_the_documents() -> None:
    if not fingerprints.SEEDS.is_dir():
        pytest.skip(f"the source documents are not in {fingerprints.SEEDS}")
    assert {name: set(runs) for name, runs in fingerprints.from_documents().items()} == (
        fingerprints.stored()
    ), "regenerate tests/data/seed-runs.json: python -m tests.fingerprints"


def test_a_copied_run_of_words_is_caught() -> None:
    eleven = " ".join(f"w{i}" for i in range(11))
    assert fingerprints.runs(eleven) == set()
    assert len(fingerprints.runs(eleven + " w11")) == 1
    assert len(fingerprints.runs(eleven + " w11 w12")) == 2
    # the same words, whatever the case and punctuation
    assert fingerprints.runs(eleven + " w11") == fingerprints.runs(eleven.upper() + ", W11.")


@pytest.mark.parametrize("theme", sorted(argmap.THEMES))
def test_each_example_draws_in_each_theme(
    example: tuple[str, argmap.ArgumentMap], theme: str
) -> None:
    svg = argmap.to_svg(example[1], theme=theme, renderer="graphviz-pure")
    assert svg.startswith("<?xml") and "Legend" in svg


def test_cli_lists_the_examples(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["examples"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == NAMES
    assert argmap.examples.load("asan").title in lines[0]


def test_cli_renders_an_example_by_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "asan.dot"
    assert main(["render", "--example", "asan", "-o", str(output)]) == 0
    options = argmap.examples.drawing_options("asan")
    assert options == {"direction": "LR"}
    assert output.read_text(encoding="utf-8") == argmap.to_dot(
        argmap.examples.load("asan"), **options
    )
    assert (
        capsys.readouterr().err
        == f"argmap: wrote {str(output)!r} as DOT source, no renderer needed\n"
    )


def test_cli_options_win_over_an_examples_own(tmp_path: Path) -> None:
    output = tmp_path / "asan.dot"
    argv = ["render", "--example", "asan", "-o", str(output), "--direction", "BT", "--no-legend"]
    assert main(argv) == 0
    assert output.read_text(encoding="utf-8") == argmap.to_dot(
        argmap.examples.load("asan"), direction="BT", legend=False
    )


def test_the_installed_wheel_carries_and_loads_the_examples(tmp_path: Path) -> None:
    def run(*argv: str, **env: str) -> str:
        done = subprocess.run(
            argv,
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, **env},
            cwd=tmp_path,  # not the source tree, whose argmap/ would be imported first
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    pip = (sys.executable, "-m", "pip")
    run(*pip, "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT))
    (wheel,) = tmp_path.glob("argmap-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"argmap/examples/data/{name}.yaml" for name in NAMES} <= names
    assert "argmap/examples/data/tags.yaml" in names
    # Installed elsewhere, away from the source tree: the examples come from the wheel.
    target = tmp_path / "site"
    run(*pip, "install", "--no-deps", "-q", "--target", str(target), str(wheel))
    script = (
        "import argmap; print(argmap.examples.path('taihe'));"
        "print(len(argmap.examples.load('taihe').participants), len(argmap.examples.tags()))"
    )
    path, counts = run(sys.executable, "-c", script, PYTHONPATH=str(target)).splitlines()
    assert Path(path) == target / "argmap" / "examples" / "data" / "taihe.yaml"
    here = argmap.examples.load("taihe")
    assert counts == f"{len(here.participants)} {len(argmap.examples.tags())}"


def test_the_examples_page_lists_the_whole_vocabulary() -> None:
    page = (ROOT / "docs" / "examples" / "index.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([a-z-]+)` \| (.+) \|$", page, re.MULTILINE))
    assert rows == dict(argmap.examples.tags())
