"""Reading and writing maps as YAML and JSON: round trips, files, and every kind of bad input."""

from __future__ import annotations

import gc
import json
import os
import random
import re
import stat
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, FormatError, ParseError
from argmap.formats import yaml_format
from tests.strategies import JSON_VALUES, maps

#: A YAML 1.1 reader with implicit types, as other tools use; libyaml's when there is one.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Format = Literal["yaml", "json"]
FORMATS: list[Format] = ["yaml", "json"]


def sample_map() -> ArgumentMap:
    return (
        argmap.MapBuilder("Keep the long view")
        .source("op-ed", "Avoid short-term gains", authors=["Ahn Ho-young"], date="2022-05-01")
        .participant("wang", "Wang Wei", country="NO")
        .claim(
            "thesis", "Seoul and Beijing should protect long-term ties.", main=True, speaker="wang"
        )
        .premise(
            "trade",
            "Trade grew about seventy-fold since 1992.",
            basis="statistic",
            supports="thesis",
            source=("op-ed", [2, 3]),
        )
        .premise("tourism", "Tourism recovered.", implicit=True, tags=["economy", "people"])
        .support("thesis", by=["tourism", "trade"], id="linked")
        .rebuttal("thaad", "yes", attacks="trade->thesis", note="Line one.\n\nLine two.")
        .metadata(year=2022, ratio=0.5, big=1e16, code="1e3", flags=[True, None])
        .build()
    )


SAMPLE_YAML = """\
argmap: 1
title: Keep the long view
sources:
  op-ed:
    title: Avoid short-term gains
    authors:
    - Ahn Ho-young
    date: '2022-05-01'
participants:
  wang:
    name: Wang Wei
    country: 'NO'
nodes:
  thesis:
    claim: Seoul and Beijing should protect long-term ties.
    main: true
    speaker: wang
  trade:
    premise: Trade grew about seventy-fold since 1992.
    basis: statistic
    supports: thesis
    source:
      doc: op-ed
      paragraphs:
      - 2
      - 3
  tourism:
    premise: Tourism recovered.
    implicit: true
    supports:
      to: thesis
      with:
      - trade
      id: linked
    tags:
    - economy
    - people
  thaad:
    rebuttal: 'yes'
    attacks: trade->thesis
    note: 'Line one.


      Line two.'
metadata:
  year: 2022
  ratio: 0.5
  big: 1.0e+16
  code: '1e3'
  flags:
  - true
  - null
"""


def parse_error(text: str, format: Format = "yaml", **options: Any) -> ParseError:
    """The ParseError that reading ``text`` (named m.yaml or m.json) raises."""
    with pytest.raises(ParseError) as error:
        argmap.loads(text, format=format, file=f"m.{format}", **options)
    return error.value


def read_error(path: Path, **options: Any) -> ParseError:
    """The ParseError that reading the file at ``path`` raises."""
    with pytest.raises(ParseError) as error:
        argmap.read(path, **options)
    return error.value


def only(error: ParseError) -> str:
    """The message of the one finding in ``error``."""
    assert len(error.findings) == 1, str(error)
    return str(error.findings[0])


class TestRoundTrip:
    @pytest.mark.parametrize("format", FORMATS)
    @given(amap=maps())
    def test_loads_of_dumps_is_the_same_map_and_dumps_is_deterministic_and_idempotent(
        self, format: Format, amap: ArgumentMap
    ) -> None:
        text = argmap.dumps(amap, format=format)
        again = argmap.loads(text, format=format)
        assert again == amap
        assert argmap.dumps(again, format=format) == text
        rebuilt = ArgumentMap(
            amap.title,
            list(amap.nodes),
            list(amap.relations),
            list(amap.sources),
            list(amap.participants),
            dict(amap.metadata),
        )
        assert argmap.dumps(rebuilt, format=format) == text

    @given(amap=maps())
    def test_json_output_is_strict_json_and_any_yaml_reader_reads_the_yaml_alike(
        self, amap: ArgumentMap
    ) -> None:
        def no_constants(name: str) -> None:
            raise AssertionError(f"{name} is not JSON")

        document = json.loads(argmap.dumps(amap, format="json"), parse_constant=no_constants)
        assert document["argmap"] == 1
        assert yaml.load(argmap.dumps(amap), Loader=SafeLoader) == document

    @pytest.mark.parametrize("format", FORMATS)
    def test_a_known_map_round_trips(self, format: Format) -> None:
        amap = sample_map()
        assert argmap.loads(argmap.dumps(amap, format=format), format=format) == amap

    def test_yaml_output_of_a_known_map_is_exactly_this(self) -> None:
        assert argmap.dumps(sample_map()) == SAMPLE_YAML

    def test_json_output_is_the_same_document_as_yaml(self) -> None:
        text = argmap.dumps(sample_map(), format="json")
        assert text.endswith("}\n")
        assert text.startswith('{\n  "argmap": 1,\n  "title": "Keep the long view",\n')
        assert json.loads(text) == yaml.safe_load(SAMPLE_YAML)

    def test_unicode_is_written_as_is(self) -> None:
        amap = argmap.MapBuilder("한반도").claim("c", "中文 עברית").build()
        for format in FORMATS:
            text = argmap.dumps(amap, format=format)
            assert "한반도" in text
            assert "中文 עברית" in text
        assert "🎉" in argmap.dumps(argmap.MapBuilder("🎉").build(), format="json")

    def test_long_texts_are_folded_and_read_back_whole(self) -> None:
        text = " ".join(["A long sentence with words."] * 8)
        amap = argmap.MapBuilder("T").claim("c", text).build()
        written = argmap.dumps(amap)
        assert "claim: >-\n" in written
        assert argmap.loads(written).node("c").text == text

    @pytest.mark.parametrize(
        "text",
        [
            "1e3",
            "0x10",
            "true",
            "True",
            "tRUE",
            "null",
            "~",
            "3.14",
            "-7",
            ".5",
            "+1",
            "NO",
            "yes",
            "2022-05-01",
        ],
    )
    def test_metadata_text_that_looks_like_a_number_or_keyword_stays_text(self, text: str) -> None:
        amap = argmap.MapBuilder("T").claim("c", "C.").metadata(value=text).build()
        for format in FORMATS:
            assert argmap.loads(argmap.dumps(amap, format=format), format=format) == amap

    @pytest.mark.parametrize("number", [0.1, 1e16, 1e-7, -0.0, 1.5e300, 2**70, -(2**63)])
    def test_metadata_numbers_read_back_equal(self, number: float) -> None:
        amap = argmap.MapBuilder("T").claim("c", "C.").metadata(value=number).build()
        for format in FORMATS:
            again = argmap.loads(argmap.dumps(amap, format=format), format=format)
            assert again.metadata["value"] == number
            assert type(again.metadata["value"]) is type(number)

    def test_dumps_refuses_an_unknown_format(self) -> None:
        with pytest.raises(FormatError, match=r"^AM112 unknown format 'xml'; use one of yaml, "):
            argmap.dumps(sample_map(), format="xml")

    def test_loads_refuses_an_unknown_format(self) -> None:
        with pytest.raises(FormatError, match=r"^AM112 unknown format 'xml'; use one of yaml, "):
            argmap.loads("title: T", format="xml")


class TestFiles:
    @pytest.mark.parametrize(
        ("name", "format"),
        [
            ("m.yaml", "yaml"),
            ("m.yml", "yaml"),
            ("m.json", "json"),
            ("M.YAML", "yaml"),
            ("M.Json", "json"),
        ],
    )
    def test_write_and_read_by_extension(self, tmp_path: Path, name: str, format: Format) -> None:
        path = tmp_path / name
        argmap.write(sample_map(), path)
        assert path.read_text("utf-8") == argmap.dumps(sample_map(), format=format)
        assert argmap.read(path) == sample_map()
        assert argmap.read(str(path)) == sample_map()

    def test_an_explicit_format_overrides_the_extension(self, tmp_path: Path) -> None:
        path = tmp_path / "map.txt"
        argmap.write(sample_map(), path, format="json")
        assert path.read_text("utf-8").startswith("{")
        assert argmap.read(path, format="json") == sample_map()

    def test_read_remembers_the_file(self, tmp_path: Path) -> None:
        path = tmp_path / "m.yaml"
        argmap.write(sample_map(), path)
        origin = argmap.read(path).origin
        assert origin is not None
        assert origin.file == str(path)
        assert str(origin.location("trade")) == f"{path}:18:3"

    def test_write_replaces_an_existing_file(self, tmp_path: Path) -> None:
        path = tmp_path / "m.yaml"
        path.write_text("old content that is longer than the new one" * 100, "utf-8")
        amap = argmap.MapBuilder("T").claim("c", "C.").build()
        argmap.write(amap, path)
        assert argmap.read(path) == amap
        assert [p.name for p in tmp_path.iterdir()] == ["m.yaml"]

    def test_write_gives_the_file_the_usual_permissions(self, tmp_path: Path) -> None:
        ordinary = tmp_path / "ordinary.yaml"
        ordinary.write_text("", "utf-8")
        path = tmp_path / "m.yaml"
        argmap.write(sample_map(), path)
        assert stat.S_IMODE(path.stat().st_mode) == stat.S_IMODE(ordinary.stat().st_mode)

    @pytest.mark.parametrize("action", ["read", "write"])
    def test_an_unknown_extension_is_am112(self, tmp_path: Path, action: str) -> None:
        path = tmp_path / "map.toml"
        message = (
            f"{path}: AM112 cannot tell the format of '{path}' from its extension "
            f"'.toml'; use one of .yaml, .yml, .json, "
        )
        with pytest.raises(FormatError, match=f"^{re.escape(message)}"):
            if action == "read":
                argmap.read(path)
            else:
                argmap.write(sample_map(), path)
        assert list(tmp_path.iterdir()) == []

    def test_write_into_a_missing_directory_fails_without_a_trace(self, tmp_path: Path) -> None:
        with pytest.raises(FileNotFoundError):
            argmap.write(sample_map(), tmp_path / "missing" / "m.yaml")
        assert list(tmp_path.iterdir()) == []

    def test_write_onto_a_directory_fails_and_leaves_no_temporary_file(
        self, tmp_path: Path
    ) -> None:
        (tmp_path / "m.yaml").mkdir()
        with pytest.raises(OSError, match="directory"):
            argmap.write(sample_map(), tmp_path / "m.yaml")
        assert [p.name for p in tmp_path.iterdir()] == ["m.yaml"]
        assert list((tmp_path / "m.yaml").iterdir()) == []

    def test_a_failed_write_leaves_the_old_file_whole(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = tmp_path / "m.yaml"
        argmap.write(sample_map(), path)
        before = path.read_bytes()

        def broken_replace(source: str, target: str) -> None:
            raise OSError("disk on fire")

        monkeypatch.setattr(os, "replace", broken_replace)
        with pytest.raises(OSError, match="disk on fire"):
            argmap.write(argmap.MapBuilder("New").claim("c", "C.").build(), path)
        assert path.read_bytes() == before
        assert [p.name for p in tmp_path.iterdir()] == ["m.yaml"]

    def test_write_under_a_file_fails_and_leaves_nothing(self, tmp_path: Path) -> None:
        # A path whose parent is a regular file cannot be written, even by root.
        blocker = tmp_path / "not-a-directory"
        blocker.write_text("x")
        with pytest.raises(NotADirectoryError):
            argmap.write(sample_map(), blocker / "m.yaml")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-directory"]

    def test_reading_a_missing_file_is_a_parse_error(self, tmp_path: Path) -> None:
        path = tmp_path / "missing.yaml"
        with pytest.raises(
            ParseError,
            match=re.escape(f"{path}: AM101 cannot read the file: No such file or directory"),
        ):
            argmap.read(path)

    def test_a_byte_order_mark_is_ignored(self, tmp_path: Path) -> None:
        path = tmp_path / "m.yaml"
        path.write_bytes(b"\xef\xbb\xbf" + argmap.dumps(sample_map()).encode())
        assert argmap.read(path) == sample_map()

    def test_line_endings_may_be_crlf(self, tmp_path: Path) -> None:
        path = tmp_path / "m.yaml"
        path.write_bytes(argmap.dumps(sample_map()).replace("\n", "\r\n").encode())
        assert argmap.read(path) == sample_map()


class TestEncodingAndSize:
    def test_a_file_that_is_not_utf8_is_am107_at_the_bad_byte(self, tmp_path: Path) -> None:
        path = tmp_path / "m.yaml"
        path.write_bytes("title: Ünï\nnodes:\n  c: {claim: 한국 ".encode() + b"\xff x}\n")
        with pytest.raises(
            ParseError,
            match=re.escape(
                f"{path}:3:17: AM107 the file is not UTF-8 text: byte 0xff cannot start a "
                "character here; save it as UTF-8"
            ),
        ):
            argmap.read(path)

    def test_a_latin1_json_file_is_am107(self, tmp_path: Path) -> None:
        path = tmp_path / "m.json"
        path.write_bytes('{"title": "Café"}'.encode("latin-1"))
        assert only(read_error(path)).startswith(
            f"{path}:1:15: AM107 the file is not UTF-8 text: byte 0xe9"
        )

    def test_a_utf16_file_is_am107(self, tmp_path: Path) -> None:
        path = tmp_path / "m.yaml"
        path.write_bytes("title: T\n".encode("utf-16"))
        assert only(read_error(path)).startswith(f"{path}:1:1: AM107")

    def test_a_50_mb_junk_file_is_refused_quickly(self, tmp_path: Path) -> None:
        path = tmp_path / "junk.yaml"
        # The same junk every run, with no line break (the finding is on line 1).
        junk = random.Random(0).randbytes(256).replace(b"\n", b" ")
        path.write_bytes(junk * (50 * 4096))
        with pytest.raises(ParseError, match=r"junk\.yaml:1:\d+: AM107 the file is not UTF-8"):
            argmap.read(path)

    def test_a_50_mb_line_of_text_gets_a_short_message(self, tmp_path: Path) -> None:
        path = tmp_path / "junk.yaml"
        path.write_text("junk " * (10 * 1024 * 1024), "utf-8")
        assert only(read_error(path)) == (
            f"{path}:1:1: AM103 $: expected an argument map (a mapping), got the text "
            f"'{'junk ' * 12}…'"
        )

    def test_a_big_valid_file_over_max_bytes_is_am109_without_reading_it(
        self, tmp_path: Path
    ) -> None:
        path = tmp_path / "big.yaml"
        with path.open("w", encoding="utf-8") as stream:
            stream.write(argmap.dumps(sample_map()))
            stream.write(("# padding\n" * 1024) * 5 * 1024)
        size = path.stat().st_size
        assert size > 50_000_000
        with pytest.raises(
            ParseError,
            match=re.escape(
                f"{path}:1:1: AM109 the file is {size:,} bytes, over the limit of 1,000,000; "
                "pass max_bytes=None to read it anyway"
            ),
        ):
            argmap.read(path, max_bytes=1_000_000)

    def test_loads_checks_max_bytes_in_utf8_bytes(self) -> None:
        text = argmap.dumps(argmap.MapBuilder("T").claim("c", "한" * 40).build())
        size = len(text.encode())
        assert len(text) <= 100 < size
        assert only(parse_error(text, max_bytes=100)) == (
            f"m.yaml:1:1: AM109 the input is {size:,} bytes, over the limit of 100; pass "
            "max_bytes=None to read it anyway"
        )
        assert argmap.loads(text, max_bytes=None).node("c").text == "한" * 40


class TestEmptyInput:
    @pytest.mark.parametrize("format", FORMATS)
    @pytest.mark.parametrize("text", ["", "  \n\n\t\n", "\ufeff"])
    def test_empty_input_is_am108(self, format: Format, text: str) -> None:
        assert only(parse_error(text, format)) == (
            f"m.{format}:1:1: AM108 the input is empty; expected a map with 'title' and 'nodes'"
        )

    def test_a_comment_only_yaml_file_is_am108(self) -> None:
        assert only(parse_error("# just a comment\n\n# and another\n")) == (
            "m.yaml:1:1: AM108 the input holds no YAML document, only comments; expected a map "
            "with 'title' and 'nodes'"
        )

    def test_an_empty_file_is_am108(self, tmp_path: Path) -> None:
        path = tmp_path / "m.json"
        path.write_bytes(b"")
        with pytest.raises(ParseError, match=f"^{re.escape(str(path))}:1:1: AM108"):
            argmap.read(path)

    @pytest.mark.parametrize(("text", "format"), [("~\n", "yaml"), ("null", "json")])
    def test_a_null_document_is_am104(self, text: str, format: Format) -> None:
        assert only(parse_error(text, format)) == (
            f"m.{format}:1:1: AM104 $: the document is empty; expected a mapping with 'title' "
            "and 'nodes'"
        )

    def test_a_map_without_title_or_nodes_says_so(self) -> None:
        assert only(parse_error("title: T\n")) == "m.yaml:1:1: AM104 $: the map needs 'nodes'"
        assert only(parse_error("nodes: {c: {claim: C}}\n")) == (
            "m.yaml:1:1: AM104 $: the map needs a 'title'"
        )


class TestSyntax:
    def test_malformed_yaml_is_am101_where_it_breaks(self) -> None:
        assert only(parse_error("title: T\nnodes:\n  c:\n    claim: C\n   main: true\n")) == (
            "m.yaml:5:4: AM101 'main' is indented 3 spaces: 1 fewer than 'claim' on line 4 and "
            "1 more than 'c' on line 3; keys of one mapping line up exactly, so indent it like "
            "the key it goes with"
        )

    def test_malformed_yaml_at_the_end_of_input_points_at_the_end(self) -> None:
        assert only(parse_error("title: [")) == (
            "m.yaml:1:8: AM101 the list opened here with '[' is never closed: end it with ']'"
        )

    def test_malformed_json_is_am101_where_it_breaks(self) -> None:
        assert only(parse_error('{"title": "T",\n "nodes": }', "json")) == (
            "m.json:2:11: AM101 invalid JSON: a value should be here: a string in double quotes, "
            "a number, true, false, null, a list or an object"
        )
        assert only(parse_error('{"title": "T", "nodes": {"c": {"claim": "C",}}}', "json")) == (
            "m.json:1:45: AM101 invalid JSON: a comma before '}': JSON allows none after the last "
            "item; remove it"
        )

    @pytest.mark.parametrize(
        ("text", "place", "says"),
        [
            ('{"title": "T" "nodes": {}}', "1:15", "a comma is missing between two items: add ','"),
            ('{"title" "T"}', "1:10", "a key must be followed by ':' and its value"),
            ("{'title': 'T'}", "1:2", "in double quotes in JSON, not single ones"),
            ('{"title": "T', "1:11", "a string is never closed"),
            ('{"title": "T\tU"}', "1:13", "write it as \\n or \\t"),
            ('{"title": "\\q"}', "1:12", "write \\\\ for a backslash"),
            ('{"title": "T", "nodes": [', "1:26", "it may be cut off"),
            ('{"title": "T", 3: 1}', "1:16", "a key must be text in double quotes"),
        ],
    )
    def test_json_syntax_errors_say_how_to_fix_them(self, text: str, place: str, says: str) -> None:
        for format in ("json", "aif", "sadface"):
            with pytest.raises(argmap.ParseError) as caught:
                argmap.loads(text, format=format)
            [finding] = caught.value.findings
            where = f"{finding.location.line}:{finding.location.column}"
            assert (finding.code, where) == ("AM101", place)
            assert says in finding.message

    @pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
    def test_json_constants_that_are_not_json_are_am101(self, constant: str) -> None:
        text = f'{{"title": "T", "nodes": {{}}, "metadata": {{"x": {constant}}}}}'
        assert only(parse_error(text, "json")) == (
            f"m.json:1:1: AM101 invalid JSON: {constant} is not a JSON number"
        )

    def test_a_multi_document_yaml_stream_is_am101(self) -> None:
        text = "title: T\nnodes:\n  c: {claim: C}\n---\ntitle: U\nnodes: {}\n"
        assert only(parse_error(text)) == (
            "m.yaml:4:1: AM101 '---' starts a second YAML document here, but a map file holds "
            "one map; remove this line (to set parts of a map apart, use a blank line or a "
            "comment)"
        )

    def test_one_explicit_yaml_document_is_fine(self) -> None:
        amap = argmap.loads("---\ntitle: T\nnodes:\n  c: {claim: C}\n...\n")
        assert amap.title == "T"

    @pytest.mark.parametrize("format", FORMATS)
    def test_deep_nesting_is_am101_not_a_crash(self, format: Format) -> None:
        depth = 100_000
        text = f"{'[' * depth}{']' * depth}"
        text = f"title: {text}\n" if format == "yaml" else f'{{"title": {text}}}'
        # One located AM101 finding on the only line; the column is the parser's to choose.
        assert re.match(rf"m\.{format}:1:\d+: AM101 ", only(parse_error(text, format)))

    @pytest.mark.parametrize("format", FORMATS)
    def test_metadata_nested_just_below_the_parsers_limit_is_am101(self, format: Format) -> None:
        depth = 600
        nested = f"{'[' * depth}{']' * depth}"
        document = {"title": "T", "nodes": {"c": {"claim": "C"}}, "metadata": {"x": []}}
        text = json.dumps(document).replace("[]", nested)  # JSON is also YAML
        assert only(parse_error(text, format)) == (
            f"m.{format}:1:1: AM101 the input is nested too deeply to be a map"
        )


class TestDuplicateKeys:
    def test_duplicate_yaml_keys_are_am111_at_the_second(self) -> None:
        assert only(parse_error("title: T\nnodes:\n  c: {claim: C}\n  c: {claim: D}\n")) == (
            "m.yaml:4:3: AM111 duplicate key 'c': each key may appear once in a mapping, and "
            "'c' is already on line 3"
        )

    def test_duplicate_json_keys_are_am111_at_the_second(self) -> None:
        text = '{\n  "title": "T",\n  "nodes": {\n    "c": {"claim": "C", "claim": "D"}\n  }\n}'
        assert only(parse_error(text, "json")) == (
            "m.json:4:25: AM111 duplicate key 'claim': each key may appear once in an object, "
            "and 'claim' is already on line 4"
        )

    def test_a_json_duplicate_is_found_where_it_is_not_a_value_elsewhere(self) -> None:
        text = '{"title": "T", "nodes": {"c": {"claim": "title"}}, "title": "U"}'
        assert only(parse_error(text, "json")) == (
            "m.json:1:52: AM111 duplicate key 'title': each key may appear once in an object, "
            "and 'title' is already on line 1"
        )

    def test_a_json_duplicate_in_a_later_object_is_found_there(self) -> None:
        text = '{"nodes": {"a": {"claim": "A"}, "b": {"claim": "B", "claim": "C"}}}'
        assert only(parse_error(text, "json")) == (
            "m.json:1:53: AM111 duplicate key 'claim': each key may appear once in an object, "
            "and 'claim' is already on line 1"
        )


class TestUnsafeYaml:
    def test_python_tags_are_am110_and_run_no_code(self, tmp_path: Path) -> None:
        marker = tmp_path / "marker"
        text = (
            f"title: T\nnodes:\n  c: {{claim: C}}\n"
            f"metadata: !!python/object/apply:os.system ['touch {marker}']\n"
        )
        assert only(parse_error(text)) == (
            "m.yaml:4:11: AM110 YAML tags such as '!!python/object/apply:os.system' are not "
            "allowed in a map file"
        )
        assert not marker.exists()

    @pytest.mark.parametrize(
        ("value", "tag"),
        [("!custom C", "!custom"), ("!!int 5", "!!int"), ("!!binary aGk=", "!!binary")],
    )
    def test_any_other_tag_is_am110(self, value: str, tag: str) -> None:
        assert only(parse_error(f"title: T\nnodes:\n  c: {{claim: {value}}}\n")) == (
            f"m.yaml:3:14: AM110 YAML tags such as {tag!r} are not allowed in a map file"
        )

    def test_the_plain_string_tag_is_allowed(self) -> None:
        assert argmap.loads("title: T\nnodes:\n  c: {claim: !!str 5}\n").node("c").text == "5"

    @pytest.mark.parametrize(
        ("text", "where"),
        [
            ("title: &t T\nnodes:\n  c: {claim: *t}\n", "1:8"),
            ("title: T\nnodes:\n  c: &n {claim: C}\n", "3:6"),
            ("title: T\nnodes:\n  c: {claim: C}\nmetadata: {a: &x [1], b: *x}\n", "4:15"),
        ],
    )
    def test_anchors_and_aliases_are_am110(self, text: str, where: str) -> None:
        assert only(parse_error(text)) == (
            f"m.yaml:{where}: AM110 YAML anchors and aliases (&name, *name) are not allowed in a "
            "map file; write the value out"
        )

    def test_a_billion_laughs_is_refused_quickly(self) -> None:
        lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
            lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
        assert only(parse_error("\n".join(lines))).startswith("m.yaml:1:4: AM110 YAML anchors")

    @pytest.mark.parametrize(
        ("text", "where"),
        [
            ("title: T\nnodes:\n  c:\n    <<: {claim: C}\n", "4:5"),
            ("title: T\nnodes:\n  c: {claim: C}\nmetadata:\n  <<: {a: b}\n", "5:3"),
        ],
    )
    def test_merge_keys_are_am110(self, text: str, where: str) -> None:
        assert only(parse_error(text)) == (
            f"m.yaml:{where}: AM110 YAML merge keys ('<<') are not allowed"
        )

    def test_a_quoted_merge_key_is_just_a_key(self) -> None:
        text = "title: T\nnodes:\n  c: {claim: C}\nmetadata: {'<<': b}\n"
        assert dict(argmap.loads(text).metadata) == {"<<": "b"}

    def test_complex_keys_are_am110(self) -> None:
        assert only(parse_error("title: T\nnodes: {c: {claim: C}}\nmetadata: {[a]: b}\n")) == (
            "m.yaml:3:12: AM110 mapping keys must be plain text"
        )


@pytest.fixture(params=["libyaml", "python"])
def yaml_parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each YAML parser in turn: libyaml's (where installed) and PyYAML's own."""
    if request.param == "python":
        monkeypatch.setattr(yaml_format, "_Loader", yaml_format._PythonLoader)
    elif not yaml_format.LIBYAML:
        pytest.skip("PyYAML is installed without libyaml")
    name: str = request.param
    return name


def _small_nodes(count: int) -> str:
    """A YAML map of ``count`` one-line claims: the most YAML nodes for the bytes."""
    return "title: T\nnodes:\n" + "".join(f"  n{i}: {{claim: C{i}}}\n" for i in range(count))


def _peak(read: Callable[[], object]) -> int:
    """The most memory Python allocated while ``read`` ran, in bytes."""
    tracemalloc.start()
    try:
        read()
    except ParseError:
        pass
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


class TestYamlReading:
    """The YAML reader reads the parser's events into data and keeps no node tree."""

    def test_reading_peaks_well_within_forty_times_the_input(self) -> None:
        text = _small_nodes(10_000)  # 0.24 MB; PyYAML's node tree alone was fifty times that
        assert _peak(lambda: argmap.loads(text)) < 40 * len(text)  # 29 times, 100 before

    def test_locating_a_finding_keeps_as_little(self) -> None:
        text = _small_nodes(10_000).replace("{claim: C5}", "{claim: C5, supports: nowhere}")
        peak = _peak(lambda: argmap.loads(text, file="m.yaml"))
        assert peak < 50 * len(text)  # 36 times, 106 before
        assert only(parse_error(text)) == (
            "m.yaml:8:19: AM202 claim 'n5' supports 'nowhere', which is not a node id"
        )

    def test_no_yaml_node_is_kept_by_a_map_or_its_findings(self) -> None:
        amap = argmap.loads("title: T\nnodes:\n  c: {claim: C}\n", file="m.yaml")
        assert [str(f.location) for f in argmap.validate(amap)] == ["m.yaml:1:1", "m.yaml:3:3"]
        gc.collect()
        assert not [thing for thing in gc.get_objects() if isinstance(thing, yaml.Node)]

    def test_findings_after_a_read_still_have_their_lines(self) -> None:
        amap = argmap.loads(
            "title: T\nnodes:\n  c: {claim: C, main: true}\n  p: {premise: P}\n", file="m.yaml"
        )
        found = [str(finding.location) for finding in argmap.validate(amap)]
        assert found == ["m.yaml:3:3", "m.yaml:4:3"]  # each connected to nothing

    def test_a_syntax_error_after_a_refused_tag_is_told_instead(self, yaml_parser: str) -> None:
        text = "title: T\nnodes: {c: {claim: !!int 5}}\nmetadata: [a, b\n"
        assert only(parse_error(text)).startswith("m.yaml:3:11: AM101 ")

    def test_an_anchor_after_a_duplicate_key_is_told_instead(self, yaml_parser: str) -> None:
        text = "title: T\nnodes: {c: {claim: C}}\nmetadata: {a: 1, a: 2, b: &x 3}\n"
        assert only(parse_error(text)).startswith("m.yaml:3:27: AM110 YAML anchors and aliases")

    def test_a_second_document_after_a_duplicate_key_is_told_instead(
        self, yaml_parser: str
    ) -> None:
        text = "title: T\ntitle: U\nnodes: {}\n---\ntitle: V\n"
        assert only(parse_error(text)).startswith(
            "m.yaml:4:1: AM101 '---' starts a second YAML document here"
        )

    def test_the_first_thing_refused_is_told(self, yaml_parser: str) -> None:
        text = "title: T\nnodes: {c: {claim: C, claim: D}}\nmetadata: {<<: {a: b}}\n"
        assert only(parse_error(text)) == (
            "m.yaml:2:23: AM111 duplicate key 'claim': each key may appear once in a mapping, "
            "and 'claim' is already on line 2"
        )

    def test_a_duplicate_key_in_a_list_item_names_its_first_line(self, yaml_parser: str) -> None:
        text = (
            "title: T\nnodes:\n  c:\n    claim: C\n    supports:\n      - a\n"
            "      - to: b\n        note: N\n        to: d\n"
        )
        assert only(parse_error(text)) == (
            "m.yaml:9:9: AM111 duplicate key 'to': each key may appear once in a mapping, "
            "and 'to' is already on line 7"
        )

    def test_a_relation_written_twice_lists_both_values(self, yaml_parser: str) -> None:
        text = (
            "title: T\nnodes:\n  c: {claim: C}\n  d: {claim: D}\n"
            "  p:\n    premise: P\n    supports: c\n    attacks: [x]\n    supports: [d]\n"
        )
        assert only(parse_error(text)) == (
            "m.yaml:9:5: AM111 duplicate key 'supports': each key may appear once in a "
            "mapping, and 'supports' is already on line 7; to support several nodes, write one "
            "list: 'supports: [c, d]'"
        )

    def test_metadata_nested_a_few_hundred_levels_is_told_as_too_deep(self) -> None:
        nested = f"{'[' * 250}{']' * 250}"
        assert only(parse_error(f"title: T\nnodes: {{}}\nmetadata: {{x: {nested}}}\n")) == (
            "m.yaml:3:1: AM105 map metadata is nested more than 64 levels deep; flatten it "
            "(a mapping or list within 64 levels)"
        )

    def test_nesting_past_a_third_of_the_recursion_limit_is_am101(self) -> None:
        depth = sys.getrecursionlimit() // 3
        nested = f"{'[' * depth}{']' * depth}"
        assert only(parse_error(f"title: T\nnodes: {{}}\nmetadata: {{x: {nested}}}\n")) == (
            "m.yaml:1:1: AM101 the input is nested too deeply to be a map"
        )


class TestScalars:
    def test_the_norway_problem_does_not_happen(self) -> None:
        amap = argmap.loads(
            "title: T\n"
            "participants:\n  p: {name: Per, country: NO}\n"
            "sources:\n  s: {title: S, date: 2022-05-01}\n"
            "nodes:\n  c: {claim: yes, speaker: p, source: s, tags: [on, null-ish]}\n"
        )
        assert amap.participant("p").country == "NO"
        assert amap.source("s").date == "2022-05-01"
        assert amap.node("c").text == "yes"
        assert amap.node("c").tags == ("on", "null-ish")

    def test_metadata_follows_the_yaml_1_2_core_schema(self) -> None:
        amap = argmap.loads(
            "title: T\nnodes: {c: {claim: C}}\nmetadata:\n"
            "  country: NO\n  date: 2022-05-01\n  time: 12:30\n  hex: 0x10\n  octal: 0o17\n"
            "  sci: 1e3\n  int: -12\n  float: .5\n  yes: yes\n  off: off\n  true: True\n"
            "  null: ~\n  empty:\n  quoted: '1e3'\n  list: [1, 'x', false]\n"
        )
        assert dict(amap.metadata) == {
            "country": "NO",
            "date": "2022-05-01",
            "time": "12:30",
            "hex": "0x10",
            "octal": "0o17",
            "sci": 1000.0,
            "int": -12,
            "float": 0.5,
            "yes": "yes",
            "off": "off",
            "true": True,
            "null": None,
            "empty": None,
            "quoted": "1e3",
            "list": (1, "x", False),
        }

    @pytest.mark.parametrize("text", ["metadata:\n", "metadata: ~\n", "metadata: null\n"])
    def test_null_metadata_is_no_metadata(self, text: str) -> None:
        amap = argmap.loads(f"title: T\nnodes: {{c: {{claim: C}}}}\n{text}")
        assert amap == argmap.MapBuilder("T").claim("c", "C").build()

    def test_non_finite_metadata_is_refused(self) -> None:
        text = "title: T\nnodes: {c: {claim: C}}\nmetadata: {big: 1e400}\n"
        assert only(parse_error(text)) == (
            "m.yaml:3:1: AM105 map metadata['big'] is inf; numbers must be finite"
        )

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            (
                "argmap: 1{}\ntitle: T\nnodes: {{}}\n",
                "1:1: AM103 $.argmap: expected a whole number "
                "of at most 4300 digits, got 5,001 characters",
            ),
            (
                "title: T\nnodes: {{c: {{claim: C}}}}\nmetadata: {{x: 1{}}}\n",
                "3:1: AM103 $.metadata: a number in the metadata has more than 4300 digits",
            ),
        ],
    )
    def test_huge_integers_are_refused(self, text: str, message: str) -> None:
        assert only(parse_error(text.format("0" * 5000))) == f"m.yaml:{message}"

    def test_block_scalars_lose_their_final_newline(self) -> None:
        amap = argmap.loads(
            "title: T\nnodes:\n  c:\n    claim: >\n      Folded\n      text.\n"
            "    note: |\n      Kept\n      lines.\n"
        )
        assert amap.node("c").text == "Folded text."
        assert amap.node("c").note == "Kept\nlines."


class TestStructureErrors:
    def test_an_unknown_key_suggests_the_known_one(self) -> None:
        text = "title: T\nnodes:\n  thesis: {claim: Ties matter., mian: true}\n"
        assert only(parse_error(text)) == (
            "m.yaml:3:33: AM102 $.nodes.thesis.mian: unknown key 'mian' in claim 'thesis'; did "
            "you mean 'main'? (expected one of: attacks, claim, main, note, source, speaker, "
            "supports, tags)"
        )

    def test_an_unknown_map_key_lists_the_known_ones(self) -> None:
        text = '{"title": "T", "nodes": {}, "tilte": "U"}'
        assert only(parse_error(text, "json")) == (
            "m.json:1:29: AM102 $.tilte: unknown key 'tilte' in the map; did you mean 'title'? "
            "(expected one of: argmap, metadata, nodes, participants, sources, title)"
        )

    @pytest.mark.parametrize(
        ("kind", "key", "owner"),
        [
            ("claim", "basis", "premise"),
            ("premise", "main", "claim"),
            ("rebuttal", "implicit", "premise"),
        ],
    )
    def test_a_key_of_another_kind_says_whose_it_is(self, kind: str, key: str, owner: str) -> None:
        error = parse_error(f"title: T\nnodes:\n  n:\n    {kind}: Text.\n    {key}: x\n")
        assert (
            f"m.yaml:5:5: AM102 $.nodes.n.{key}: unknown key {key!r} in {kind} 'n'; {key!r} "
            f"belongs to {owner} nodes, this is a {kind} (expected one of: " in only(error)
        )

    def test_with_on_an_attack_says_only_supports_are_linked(self) -> None:
        text = "title: T\nnodes:\n  a: {claim: A}\n  b: {claim: B, attacks: {to: a, with: [a]}}\n"
        assert only(parse_error(text)) == (
            "m.yaml:4:34: AM102 $.nodes.b.attacks.with: unknown key 'with' in an attack; only "
            "supports can be linked with 'with' (expected one of: id, implicit, note, source, to)"
        )

    @pytest.mark.parametrize(
        ("node", "code", "found"),
        [
            ("{kalim: C}", "AM104", "none"),
            ("{main: true}", "AM104", "none"),
            ("{claim: C, premise: P}", "AM103", "'claim' and 'premise'"),
        ],
    )
    def test_a_node_needs_exactly_one_kind(self, node: str, code: str, found: str) -> None:
        error = parse_error(f"title: T\nnodes:\n  c: {node}\n")
        assert str(error.findings[0]) == (
            f"m.yaml:3:3: {code} $.nodes.c: node 'c' needs exactly one kind key with its text "
            f"(claim, premise, rebuttal, recommendation); found {found}"
        )

    def test_a_misspelt_kind_also_suggests_the_kind(self) -> None:
        error = parse_error("title: T\nnodes:\n  c: {kalim: C}\n")
        assert str(error.findings[1]).startswith(
            "m.yaml:3:7: AM102 $.nodes.c.kalim: unknown key 'kalim' in node 'c'; did you mean "
            "'claim'?"
        )

    def test_a_node_without_fields_says_what_it_needs(self) -> None:
        assert only(parse_error("title: T\nnodes:\n  c:\n")) == (
            "m.yaml:3:3: AM104 $.nodes.c: node 'c' needs a kind and text, e.g. 'claim: ...'"
        )

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("title: [a, b]\nnodes: {}\n", "1:1: AM103 $.title: expected text, got a list"),
            (
                "title: T\nnodes: [a, b]\n",
                "2:1: AM103 $.nodes: expected nodes by id (a mapping), got a list",
            ),
            (
                "title: T\nnodes:\n  c: {claim: C, main: yes}\n",
                "3:17: AM103 $.nodes.c.main: expected true or false, got the text 'yes'",
            ),
            (
                "title: T\nnodes:\n  c: {claim: C, tags: economy}\n",
                "3:17: AM103 $.nodes.c.tags: expected a list, got the text 'economy'; write "
                "[economy]",
            ),
            (
                "title: T\nnodes:\n  c: {claim: [C]}\n",
                "3:7: AM103 $.nodes.c.claim: expected text, got a list",
            ),
            (
                "title: T\nsources: {s: {title: S}}\n"
                "nodes:\n  c: {claim: C, source: {doc: s, paragraphs: 2}}\n",
                "4:34: AM103 $.nodes.c.source.paragraphs: expected a list of paragraph "
                "numbers, got the text '2'",
            ),
            (
                "title: T\nsources: {s: {title: S}}\n"
                "nodes:\n  c: {claim: C, source: {doc: s, paragraphs: [two]}}\n",
                "4:47: AM103 $.nodes.c.source.paragraphs[0]: expected a whole number, got the text "
                "'two'",
            ),
            (
                "title: T\nnodes: {c: {claim: C}}\nmetadata: [1]\n",
                "3:1: AM103 $.metadata: expected a mapping, got a list",
            ),
            ("[1, 2]\n", "1:1: AM103 $: expected an argument map (a mapping), got a list"),
        ],
    )
    def test_wrong_types_are_am103_where_they_are(self, text: str, message: str) -> None:
        assert only(parse_error(text)) == f"m.yaml:{message}"

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ('{"title": 5, "nodes": {}}', "1:2: AM103 $.title: expected text, got a number"),
            (
                '{"title": "T", "nodes": {"c": {"claim": "C", "main": "true"}}}',
                "1:46: AM103 $.nodes.c.main: expected true or false, got a string",
            ),
            (
                '{"title": "T", "nodes": {"c": {"claim": "C", "tags": [1]}}}',
                "1:55: AM103 $.nodes.c.tags[0]: expected text, got a number",
            ),
            (
                '{"title": "T", "argmap": "1", "nodes": {}}',
                "1:16: AM103 $.argmap: expected a whole number, got a string",
            ),
        ],
    )
    def test_json_wrong_types_are_am103(self, text: str, message: str) -> None:
        assert only(parse_error(text, "json")) == f"m.json:{message}"

    def test_a_bad_value_is_am105_where_it_is(self) -> None:
        text = "title: T\nnodes:\n  p:\n    premise: P\n    basis: hunch\n"
        assert only(parse_error(text)).startswith(
            "m.yaml:5:5: AM105 premise 'p': basis must be one of fact, statistic"
        )

    def test_a_bad_id_is_am105_where_it_is(self) -> None:
        assert only(parse_error("title: T\nnodes:\n  two words: {claim: C}\n")) == (
            "m.yaml:3:3: AM105 claim 'two words': id must be an id (letters, digits and _ . - + "
            ">, no spaces), got 'two words'"
        )

    def test_an_unsupported_format_version_is_am106(self) -> None:
        assert only(parse_error("argmap: 2\ntitle: T\nnodes: {c: {claim: C}}\n")) == (
            "m.yaml:1:1: AM106 $.argmap: this is format version 2; this argmap reads version 1"
        )
        assert only(parse_error('{"title": "T", "argmap": 3, "nodes": {}}', "json")) == (
            "m.json:1:16: AM106 $.argmap: this is format version 3; this argmap reads version 1"
        )

    def test_every_problem_is_reported_at_once(self) -> None:
        text = (
            "title: T\nnodes:\n  c: {claim: C, mian: true}\n  p:\n    premise: P\n"
            "    basis: hunch\n    tags: x\n  r: {rebuttal: ''}\nextra: 1\n"
        )
        # All of them, in the order of the file.
        assert [str(finding) for finding in parse_error(text).findings] == [
            "m.yaml:3:17: AM102 $.nodes.c.mian: unknown key 'mian' in claim 'c'; did you mean "
            "'main'? (expected one of: attacks, claim, main, note, source, speaker, supports, "
            "tags)",
            "m.yaml:6:5: AM105 premise 'p': basis must be one of fact, statistic, example, "
            "testimony, expert-opinion, principle, assumption, definition, analogy; got 'hunch'",
            "m.yaml:7:5: AM103 $.nodes.p.tags: expected a list, got the text 'x'; write [x]",
            "m.yaml:8:7: AM105 rebuttal 'r': text must not be empty",
            "m.yaml:9:1: AM102 $.extra: unknown key 'extra' in the map (expected one of: argmap, "
            "metadata, nodes, participants, sources, title)",
        ]


class TestReferenceErrors:
    def test_dangling_references_are_listed_with_other_problems(self) -> None:
        text = (
            "title: T\nnodes:\n  c: {claim: C, mian: true, speaker: nobody}\n"
            "  p: {premise: P, supports: ghost}\n"
        )
        assert [str(finding) for finding in parse_error(text).findings] == [
            "m.yaml:3:17: AM102 $.nodes.c.mian: unknown key 'mian' in claim 'c'; did you mean "
            "'main'? (expected one of: attacks, claim, main, note, source, speaker, supports, "
            "tags)",
            "m.yaml:3:29: AM202 claim 'c': speaker 'nobody' is not a declared participant",
            "m.yaml:4:19: AM202 premise 'p' supports 'ghost', which is not a node id",
        ]

    def test_a_dangling_support_points_at_its_item(self) -> None:
        text = (
            "title: T\nnodes:\n  c: {claim: C}\n  p:\n    premise: P\n    supports:\n"
            "      - c\n      - ghost\n"
        )
        assert only(parse_error(text)) == (
            "m.yaml:8:9: AM202 premise 'p' supports 'ghost', which is not a node id"
        )

    def test_a_dangling_json_attack_points_at_it(self) -> None:
        text = '{"title": "T",\n "nodes": {"r": {"rebuttal": "R", "attacks": "ghost"}}}'
        assert only(parse_error(text, "json")) == (
            "m.json:2:35: AM202 rebuttal 'r' attacks 'ghost', which is not a node or support id"
        )

    def test_dangling_speaker_and_source_point_at_their_keys(self) -> None:
        text = "title: T\nnodes:\n  c:\n    claim: C\n    speaker: wang\n    source: op-ed\n"
        assert [str(f) for f in parse_error(text).findings] == [
            "m.yaml:5:5: AM202 claim 'c': speaker 'wang' is not a declared participant",
            "m.yaml:6:5: AM202 claim 'c': source 'op-ed' is not a declared source",
        ]

    def test_two_relations_with_the_same_generated_id_point_at_the_second(self) -> None:
        text = (
            "title: T\nnodes:\n  c: {claim: C}\n  p:\n    premise: P\n    supports:\n"
            "      - c\n      - c\n"
        )
        assert only(parse_error(text)) == (
            "m.yaml:8:9: AM201 'c' is listed twice in supports of premise 'p'; list it once"
        )

    def test_a_relation_reusing_a_node_id_points_at_the_relation(self) -> None:
        text = (
            "title: T\nnodes:\n  c: {claim: C}\n  p:\n    premise: P\n"
            "    supports: {to: c, id: x}\n  x: {premise: X}\n"
        )
        assert only(parse_error(text)) == (
            "m.yaml:6:23: AM201 id 'x' of this support is already used by a premise at line 7; "
            "ids must be unique"
        )

    def test_an_attack_on_an_attack_points_at_it(self) -> None:
        text = (
            "title: T\nnodes:\n  a: {claim: A, attacks: b}\n  b: {claim: B}\n"
            "  c: {claim: C, attacks: a->b}\n"
        )
        assert only(parse_error(text)) == (
            "m.yaml:5:17: AM202 claim 'c' attacks 'a->b', which is not a node or support id; "
            "'a->b' is an attack, and attacks cannot be attacked"
        )

    def test_self_support_is_am203(self) -> None:
        assert only(parse_error("title: T\nnodes:\n  c: {claim: C, supports: c}\n")) == (
            "m.yaml:3:17: AM203 claim 'c' lists itself in its supports; a node cannot support "
            "itself"
        )


# -- fuzzing -----------------------------------------------------------------------------------

_YAMLISH = st.text(st.sampled_from(list("{}[]:,-'\"#&*!|>?%@` \n\tabc01.~<")), max_size=60)


def assert_reads_or_fails_cleanly(text: str, format: Format) -> None:
    """``loads`` returns a map or raises an ArgmapError; ParseErrors say where, always."""
    try:
        argmap.loads(text, format=format, file="fuzz")
    except ParseError as error:
        for finding in error.findings:
            assert finding.location.line is not None, str(finding)
            assert finding.location.column is not None, str(finding)
    except argmap.ArgmapError:
        pass


def _mutate_text(data: st.DataObject, text: str) -> str:
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(text)))
        action = data.draw(st.sampled_from(["delete", "insert", "replace"]))
        piece = data.draw(st.one_of(_YAMLISH, st.text(max_size=5)))
        if action == "delete":
            text = text[:at] + text[at + data.draw(st.integers(1, 20)) :]
        elif action == "insert":
            text = text[:at] + piece + text[at:]
        else:
            text = text[:at] + piece + text[at + len(piece) :]
    return text


def _mutate_data(data: st.DataObject, value: Any, depth: int = 0) -> Any:
    """``value`` with one random change somewhere inside."""
    if isinstance(value, dict) and value and data.draw(st.integers(0, 3)) > 0:
        key = data.draw(st.sampled_from(sorted(value)))
        change = data.draw(st.sampled_from(["descend", "drop", "rename", "replace"]))
        result = dict(value)
        if change == "descend":
            result[key] = _mutate_data(data, value[key], depth + 1)
        elif change == "drop":
            del result[key]
        elif change == "rename":
            result[data.draw(st.text(max_size=8))] = result.pop(key)
        else:
            result[key] = data.draw(JSON_VALUES)
        return result
    if isinstance(value, list) and value and data.draw(st.integers(0, 3)) > 0:
        index = data.draw(st.integers(0, len(value) - 1))
        result_list = list(value)
        result_list[index] = _mutate_data(data, value[index], depth + 1)
        return result_list
    return data.draw(JSON_VALUES)


class TestFuzz:
    @pytest.mark.parametrize("format", FORMATS)
    @given(text=st.one_of(st.text(), _YAMLISH))
    def test_random_text_never_escapes_as_another_exception(
        self, format: Format, text: str
    ) -> None:
        assert_reads_or_fails_cleanly(text, format)

    @pytest.mark.parametrize("format", FORMATS)
    @given(amap=maps(max_nodes=4), data=st.data())
    def test_damaged_documents_never_escape_as_another_exception(
        self, format: Format, amap: ArgumentMap, data: st.DataObject
    ) -> None:
        if data.draw(st.booleans(), label="edit the text rather than the data"):
            text = _mutate_text(data, argmap.dumps(amap, format=format))
        else:
            document = _mutate_data(data, json.loads(argmap.dumps(amap, format="json")))
            text = (
                json.dumps(document, ensure_ascii=False)
                if format == "json"
                else yaml.safe_dump(document, allow_unicode=True)
            )
        assert_reads_or_fails_cleanly(text, format)


class TestInputsThatAreNotRegularFiles:
    @pytest.mark.parametrize("name", ["/dev/zero", "/proc/self/status"])
    def test_a_stream_with_no_size_is_read_only_up_to_the_limit(self, name: str) -> None:
        if not os.path.exists(name):
            pytest.skip(f"{name} does not exist on this system")
        with pytest.raises(ParseError) as caught:
            argmap.read(name, format="yaml", max_bytes=100)
        assert only(caught.value) == (
            f"{name}:1:1: AM109 the input goes on past the limit of 100 bytes; "
            "pass max_bytes=None to read it anyway"
        )

    def test_a_fifo_is_read_up_to_the_limit_and_not_waited_on_past_it(self, tmp_path: Path) -> None:
        fifo = tmp_path / "m.yaml"
        os.mkfifo(fifo)
        writer = subprocess.Popen(
            [sys.executable, "-c", f"open({str(fifo)!r}, 'w').write('# x\\n' * 1000)"]
        )
        try:
            with pytest.raises(ParseError, match="AM109 the input goes on past the limit"):
                argmap.read(fifo, max_bytes=100)
        finally:
            writer.kill()
            writer.wait()

    @pytest.mark.parametrize(("name", "format"), [("maps", None), ("maps.yaml", "yaml")])
    def test_a_folder_is_named_as_one_with_no_line(
        self, tmp_path: Path, name: str, format: Any
    ) -> None:
        folder = tmp_path / name
        folder.mkdir()
        with pytest.raises(ParseError) as caught:
            argmap.read(folder, format=format)
        assert only(caught.value) == (
            f"{folder}: AM101 this is a folder, not a map file; name a .yaml or .json file in it"
        )
