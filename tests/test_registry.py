"""The registry of formats: choosing one by name, extension or content; losses reported."""

from __future__ import annotations

import importlib.util
import json
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

import argmap
from argmap import FormatError, FormatSpec, LossWarning, ParseError
from argmap.formats import format_of, registry

from .fake_formats import LOSS, NOTE_FINDING, fake_formats

CLEAN = "title: T\nnodes:\n  c: {claim: C., main: true}\n  p: {premise: P., supports: c}\n"


@pytest.fixture(autouse=True)
def _fakes() -> Iterator[None]:
    with fake_formats():
        yield


def sample() -> argmap.ArgumentMap:
    return argmap.loads(CLEAN)


class TestTheRegistry:
    def test_argmaps_own_formats_come_first_then_the_interchange_formats(self) -> None:
        names = [spec.name for spec in argmap.registered_formats()]
        assert names[:9] == [
            "yaml",
            "json",
            "aif",
            "xaif",
            "argdown",
            "argdown-json",
            "sadface",
            "microtexts",
            "kialo",
        ]

    def test_each_extension_hints_at_its_formats_in_order(self) -> None:
        json_formats = [s.name for s in registry.formats_for_extension(".JSON")]
        assert json_formats[:5] == ["json", "aif", "xaif", "argdown-json", "sadface"]
        assert format_of("m.yml") == "yaml"
        assert format_of("debate.ad") == "argdown"
        assert format_of("corpus.xml") == "microtexts"
        assert format_of("export.txt") == "kialo"
        assert format_of("n.notes") == "notes"

    def test_a_name_can_be_registered_once(self) -> None:
        with pytest.raises(ValueError, match="a format named 'notes' is already registered"):
            argmap.register_format(FormatSpec("notes", "elsewhere"))

    def test_a_format_must_read_or_write(self) -> None:
        with pytest.raises(ValueError, match="format 'mute' neither reads nor writes"):
            argmap.register_format(FormatSpec("mute", "m", reads=False))

    def test_replace_declares_a_format_anew(self) -> None:
        argmap.register_format(FormatSpec("notes", "fake_notes", (".nts",)), replace=True)
        assert format_of("x.nts") == "notes"

    def test_extensions_are_kept_in_lower_case(self) -> None:
        assert FormatSpec("x", "m", (".ABC",)).extensions == (".abc",)

    def test_unregister_removes_a_format(self) -> None:
        spec = argmap.unregister_format("beta")
        assert spec.name == "beta"
        assert "beta" not in [s.name for s in argmap.registered_formats()]

    def test_an_unknown_name_lists_the_names(self) -> None:
        with pytest.raises(
            FormatError, match=r"^AM112 unknown format 'xml'; use one of yaml, json, "
        ):
            registry.format_spec("xml")

    def test_format_error_is_an_argmap_error_and_a_value_error(self) -> None:
        assert issubclass(FormatError, argmap.ArgmapError)
        assert issubclass(FormatError, ValueError)
        with pytest.raises(FormatError) as error:
            argmap.loads("x", format="xml")
        assert [f.code for f in error.value.findings] == ["AM112"]


class TestEveryVerbRefusesAnUnknownFormat:
    def test_loads(self) -> None:
        with pytest.raises(FormatError, match="unknown format 'nope'"):
            argmap.loads("x", format="nope")

    def test_dumps(self) -> None:
        with pytest.raises(FormatError, match="unknown format 'nope'"):
            argmap.dumps(sample(), format="nope")

    def test_read(self, tmp_path: Path) -> None:
        path = tmp_path / "m.yaml"
        path.write_text(CLEAN)
        with pytest.raises(FormatError, match="unknown format 'nope'"):
            argmap.read(path, format="nope")

    def test_write(self, tmp_path: Path) -> None:
        with pytest.raises(FormatError, match="unknown format 'nope'"):
            argmap.write(sample(), tmp_path / "m.yaml", format="nope")
        assert list(tmp_path.iterdir()) == []

    def test_an_unknown_extension_lists_extensions_and_names(self, tmp_path: Path) -> None:
        path = tmp_path / "m.toml"
        with pytest.raises(FormatError) as error:
            argmap.read(path)
        message = str(error.value)
        assert message.startswith(f"{path}: AM112 cannot tell the format of '{path}' from its ")
        assert ".yaml, .yml, .json, .argdown, .ad, .xml, .txt, .notes" in message
        assert "(one of yaml, json, aif, xaif, argdown, argdown-json" in message

    def test_a_format_that_only_reads_cannot_write(self, tmp_path: Path) -> None:
        message = "AM112 argmap reads alpha but cannot write it; it writes yaml, json, "
        with pytest.raises(FormatError, match=f"^{re.escape(message)}"):
            argmap.dumps(sample(), format="alpha")
        with pytest.raises(FormatError, match=r"cannot tell the format of .* '\.xml'"):
            argmap.write(sample(), tmp_path / "m.xml")
        assert list(tmp_path.iterdir()) == []

    def test_a_module_missing_from_the_build_is_a_format_error(self) -> None:
        message = (
            "AM112 missing support is not available in this build: its module "
            "'fake_missing_module' is missing"
        )
        with pytest.raises(FormatError, match=f"^{re.escape(message)}$"):
            argmap.loads("x", format="missing")

    def test_a_module_whose_own_import_fails_is_not_hidden(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        (tmp_path / "fake_broken_format.py").write_text("import argmap_no_such_dependency\n")
        monkeypatch.syspath_prepend(str(tmp_path))
        argmap.register_format(FormatSpec("broken", "fake_broken_format"))
        with pytest.raises(ModuleNotFoundError, match="argmap_no_such_dependency"):
            argmap.loads("x", format="broken")


class TestJsonIsToldApartByContent:
    @pytest.fixture(autouse=True)
    def _only_the_fake_json_formats(self) -> None:
        """The built-in interchange formats out of the way: these tests are of the mechanism."""
        for name in ("aif", "xaif", "argdown-json", "sadface"):
            argmap.unregister_format(name)

    def test_argmaps_json_comes_first(self, tmp_path: Path) -> None:
        path = tmp_path / "m.json"
        argmap.write(sample(), path)
        assert path.read_text().startswith('{\n  "argmap": 1')
        assert argmap.read(path) == sample()

    def test_argmaps_json_without_its_version_is_still_argmaps(self, tmp_path: Path) -> None:
        path = tmp_path / "m.json"
        path.write_text('{"title": "T", "nodes": {"c": {"claim": "C."}}}')
        assert argmap.read(path).title == "T"

    def test_another_format_is_known_by_its_sniff(self, tmp_path: Path) -> None:
        path = tmp_path / "a.json"
        path.write_text(json.dumps({"beta": ["One.", "Two."]}))
        assert argmap.read(path).title == "beta"

    def test_two_formats_that_take_a_file_are_ambiguous(self, tmp_path: Path) -> None:
        argmap.register_format(FormatSpec("both", "fake_both", (".json",), sniffs=True))
        path = tmp_path / "a.json"
        path.write_text(json.dumps({"alpha": ["One."]}))
        message = f"{path}: AM112 '{path}' could be in any of alpha, both; name the format"
        with pytest.raises(FormatError, match=f"^{re.escape(message)}"):
            argmap.read(path)
        assert argmap.read(path, format="both").title == "alpha"

    def test_json_no_format_takes_is_read_as_argmaps_and_explained(self, tmp_path: Path) -> None:
        path = tmp_path / "a.json"
        path.write_text('{"gamma": []}')
        with pytest.raises(ParseError, match=r"AM102 .*unknown key 'gamma' in the map"):
            argmap.read(path)

    def test_text_that_is_not_json_gets_argmaps_syntax_error(self, tmp_path: Path) -> None:
        path = tmp_path / "a.json"
        path.write_text('{"title": ')
        with pytest.raises(ParseError, match="AM101 invalid JSON"):
            argmap.read(path)

    def test_format_names_the_format_whatever_the_content(self, tmp_path: Path) -> None:
        path = tmp_path / "a.json"
        path.write_text(json.dumps({"alpha": ["One."], "beta": ["B."]}))
        assert argmap.read(path, format="beta").title == "beta"

    def test_writing_json_is_argmaps_unless_told(self, tmp_path: Path) -> None:
        path = tmp_path / "m.json"
        argmap.write(sample(), path)
        assert json.loads(path.read_text())["argmap"] == 1


class TestLossesAreReported:
    def test_each_reader_finding_is_a_loss_warning_with_its_place(self) -> None:
        with pytest.warns(LossWarning) as caught:
            amap = argmap.loads("One.\nTwo.\n", format="notes", file="n.notes")
        assert len(amap.nodes) == 2
        assert [str(w.message) for w in caught] == [f"n.notes:1:1: AM401 {NOTE_FINDING}"]
        assert caught[0].filename == __file__

    def test_read_warns_too(self, tmp_path: Path) -> None:
        path = tmp_path / "m.notes"
        path.write_text("One.\n")
        with pytest.warns(LossWarning, match=re.escape(f"{path}:1:1: AM401 ")) as caught:
            argmap.read(path)
        assert caught[0].filename == __file__

    def test_strict_reading_makes_findings_a_parse_error(self, tmp_path: Path) -> None:
        with pytest.raises(ParseError, match=f"^<string>:1:1: AM401 {NOTE_FINDING}$"):
            argmap.loads("One.\n", format="notes", strict=True)
        path = tmp_path / "m.notes"
        path.write_text("One.\n")
        with pytest.raises(ParseError, match="AM401"):
            argmap.read(path, strict=True)

    def test_each_loss_is_a_warning_with_its_message(self, tmp_path: Path) -> None:
        with pytest.warns(LossWarning) as caught:
            text = argmap.dumps(sample(), format="notes")
        assert text == "C.\nP.\n"
        assert [str(w.message) for w in caught] == [LOSS.message("notes")]
        assert caught[0].filename == __file__
        path = tmp_path / "m.notes"
        with pytest.warns(LossWarning, match=re.escape(LOSS.message("notes"))):
            argmap.write(sample(), path)
        assert path.read_text() == "C.\nP.\n"

    def test_strict_writing_makes_losses_a_format_error_and_writes_nothing(
        self, tmp_path: Path
    ) -> None:
        message = f"AM401 {LOSS.message('notes')}"
        with pytest.raises(FormatError, match=f"^{re.escape(message)}$"):
            argmap.dumps(sample(), format="notes", strict=True)
        with pytest.raises(FormatError, match=re.escape(message)):
            argmap.write(sample(), tmp_path / "m.notes", strict=True)
        assert list(tmp_path.iterdir()) == []

    def test_argmaps_own_formats_lose_nothing(self) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            for name in ("yaml", "json"):
                text = argmap.dumps(sample(), format=name, strict=True)
                assert argmap.loads(text, format=name, strict=True) == sample()


@pytest.mark.parametrize("spec", registry.registered_formats(), ids=lambda spec: spec.name)
def test_each_format_module_keeps_the_contract(spec: FormatSpec) -> None:
    """The lead's check of each format's module, once it is in the build."""
    try:
        present = importlib.util.find_spec(spec.module) is not None
    except ModuleNotFoundError:
        present = False
    if not present:
        pytest.skip(f"{spec.module} is not in this build yet")
    module = registry.load_format(spec)
    assert callable(module.read)
    assert callable(getattr(module, "write", None)) == spec.writes or not spec.writes
    if spec.writes:
        assert callable(module.write)
    if spec.sniffs:
        assert callable(module.sniff)
        assert module.sniff({"argmap": 1}) is (spec.name == "json")
    assert isinstance(module.CARRIES, frozenset)
    assert module.CARRIES <= registry.PARTS, sorted(module.CARRIES - registry.PARTS)


def test_the_formats_guide_lists_the_registry() -> None:
    page = (Path(__file__).parent.parent / "docs" / "formats" / "index.md").read_text("utf-8")
    rows = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in page.splitlines()
        if line.startswith("| `")
    ]
    yes = {True: "yes", False: "no"}
    expected = [
        [
            f"`{spec.name}`",
            ", ".join(f"`{extension}`" for extension in spec.extensions),
            yes[spec.reads],
            yes[spec.writes],
            spec.title,
        ]
        for spec in registry.registered_formats()
        if not spec.module.startswith("fake_")
    ]
    assert rows == expected
