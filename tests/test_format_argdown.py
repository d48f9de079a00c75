"""Argdown: the grammar, the mapping to maps, the corpus against the Argdown CLI, round trips."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import argmap
from argmap.formats import argdown
from argmap.formats.argdown import json_export
from argmap.formats.argdown._document import parse_document
from tests.corpus import CORPUS, GROUNDTRUTH, files
from tests.strategies import maps

_ARGDOWN = files("argdown")
# The CLI includes the root file once more when a partial includes it back (a cycle); argmap
# refuses every cycle, so these two read 4 statements where the CLI reads 6.
_CYCLES = {
    "argdown/argdown__argdown/fixtures/include/_partial1.argdown",
    "argdown/argdown__argdown/fixtures/include/_partial2.argdown",
}


def _cli_outputs(path: str) -> list[Path]:
    truth = GROUNDTRUTH[path]
    if "fences" in truth:
        return [CORPUS / fence["cli"]["json"]["output"] for fence in truth["fences"]]
    return [CORPUS / truth["cli"]["json"]["output"]] if truth["cli"]["json"]["ok"] else []


def _cli_model(outputs: list[Path]) -> tuple[set[str], set[str], set[tuple[str, ...]]]:
    statements: set[str] = set()
    arguments: set[str] = set()
    relations: set[tuple[str, ...]] = set()
    for output in outputs:
        data: dict[str, Any] = json.loads(output.read_text("utf-8"))
        statements |= set(data["statements"])
        arguments |= set(data["arguments"])
        relations |= {
            (r["relationType"], r["fromType"], r["from"], r["toType"], r["to"])
            for r in data["relations"]
        }
    return statements, arguments, relations


_GOOD = [path for path in _ARGDOWN if _cli_outputs(path)]
_BAD = [path for path in _ARGDOWN if not _cli_outputs(path)]


@pytest.mark.parametrize("path", _GOOD)
def test_corpus_parses_as_the_argdown_cli_does(path: str) -> None:
    file = CORPUS / path
    document, _ = parse_document(file.read_text("utf-8"), str(file))
    statements, arguments, relations = _cli_model(_cli_outputs(path))
    if path in _CYCLES:
        assert set(document.statements) < statements
        return
    assert set(document.statements) == statements
    assert set(document.arguments) == arguments
    assert {relation.key for relation in document.relations} == relations


@pytest.mark.parametrize("path", _BAD)
def test_corpus_files_the_cli_rejects_give_located_syntax_errors(path: str) -> None:
    file = CORPUS / path
    with pytest.raises(argmap.ParseError) as caught:
        argdown.read(file.read_text("utf-8"), file=str(file))
    for finding in caught.value.findings:
        assert finding.code == "AM101"
        assert finding.location.file == str(file)
        assert finding.location.line is not None and finding.location.column is not None


def test_cli_errors_are_placed_where_the_cli_places_them() -> None:
    places = {}
    for path in _BAD:
        file = CORPUS / path
        with pytest.raises(argmap.ParseError) as caught:
            argdown.read(file.read_text("utf-8"), file=str(file))
        where = caught.value.findings[0].location
        places[Path(path).name] = (where.line, where.column)
    assert places["lexer-relations.argdown"] == (1, 1)
    assert places["lexer-statements-by-number.argdown"] == (1, 4)


@pytest.mark.parametrize("path", [p for p in _GOOD if p not in _CYCLES])
def test_corpus_reads_the_same_from_text_and_from_the_cli_json(path: str) -> None:
    file = CORPUS / path
    from_text = argdown.read(file.read_text("utf-8"), file=str(file)).map
    outputs = _cli_outputs(path)
    if len(outputs) != 1:
        return
    from_json = json_export.read(outputs[0].read_text("utf-8")).map
    assert {n.id for n in from_text.nodes} == {n.id for n in from_json.nodes}
    assert {(r.kind, r.by, r.target) for r in from_text.relations} == {
        (r.kind, r.by, r.target) for r in from_json.relations
    }


def test_json_export_is_sniffed() -> None:
    path = CORPUS / "argdown-json/recap-utr__arguebase-public/legalisation-softdrugs.json"
    assert json_export.sniff(json.loads(path.read_text("utf-8")))
    assert not json_export.sniff({"nodes": [], "edges": []})


@pytest.mark.parametrize("path", [p for p in _GOOD if p not in _CYCLES])
def test_corpus_round_trips(path: str) -> None:
    file = CORPUS / path
    amap = argdown.read(file.read_text("utf-8"), file=str(file)).map
    exported = argdown.write(amap)
    assert exported.losses == ()
    _same(argdown.read(exported.text).map, amap)


def test_legalisation_reads_undercuts_as_attacks_on_supports() -> None:
    file = CORPUS / "argdown/argdown__argdown/legalisation-softdrugs.argdown"
    imported = argdown.read(file.read_text("utf-8"), file=str(file))
    amap = imported.map
    assert amap.title == "Pros and Cons Legalisation of Soft Drugs"
    assert amap.node("Legalisation-of-Soft-Drugs").main  # type: ignore[union-attr]
    assert [
        a.attacker
        for a in amap.attacks_on("Alcohol-and-tobacco-analogy->Legalisation-of-Soft-Drugs")
    ] == ["Poor-reason"]
    assert amap.node("No-harm-no-ban").tags == ("pro",)
    assert [f.code for f in imported.findings] == ["AM401"]  # an undercut of an attack


# --- the grammar, on small texts


def _same(back: argmap.ArgumentMap, amap: argmap.ArgumentMap) -> None:
    """Equal but for the order of relations that share a home node (the map keeps input order)."""
    assert back.nodes == amap.nodes
    assert set(back.relations) == set(amap.relations)
    assert (back.title, back.sources, back.participants) == (
        amap.title,
        amap.sources,
        amap.participants,
    )
    assert back.metadata == amap.metadata


def _read(text: str) -> argmap.ArgumentMap:
    return argdown.read(text).map


def test_equivalence_classes_are_one_node() -> None:
    amap = _read("[A]: Alpha.\n\n[A]: Same as alpha.\n\n[B]: Beta.\n  - [A]")
    assert [n.id for n in amap.nodes] == ["A", "B"]
    assert amap.node("A").text == "Alpha."


def test_direction_markers() -> None:
    amap = _read("[A]: a\n  <+ [B]: b\n  +> [C]: c\n  <- [D]: d\n  -> [E]: e")
    got = {(r.kind, r.by[0], r.target) for r in amap.relations}
    assert got == {
        ("support", "B", "A"),
        ("support", "A", "C"),
        ("attack", "D", "A"),
        ("attack", "A", "E"),
    }


def test_linked_support_from_a_premise_conclusion_structure() -> None:
    amap = _read("<Arg>: Why.\n\n(1) P one.\n(2) P two.\n-- Modus ponens --\n(3) C.")
    (support,) = amap.relations
    assert support.id == "Arg" and support.by == ("Untitled-1", "Untitled-2")
    assert support.note == "Why."


def test_intermediate_conclusions_chain_supports() -> None:
    amap = _read("(1) a\n(2) b\n----\n(3) c\n(4) d\n----\n(5) e")
    assert [(r.by, r.target) for r in amap.relations] == [
        (("Untitled-2", "Untitled-3"), "Untitled-4"),
        (("Untitled-4", "Untitled-5"), "Untitled-6"),
    ]


def test_contradiction_is_two_attacks_and_reported() -> None:
    imported = argdown.read("[A]: a\n  >< [B]: b")
    assert {(r.by[0], r.target) for r in imported.map.relations} == {("A", "B"), ("B", "A")}
    assert [f.code for f in imported.findings] == ["AM401"]


def test_tags_data_comments_and_escapes() -> None:
    amap = _read(
        "// a comment\n[A]: Text with \\#hash and **bold** /* gone */ #t1 #(tag two) "
        "{argmap: {kind: recommendation}}\n<!-- gone\ntoo -->"
    )
    node = amap.node("A")
    assert (node.kind, node.text, node.tags) == (
        "recommendation",
        "Text with #hash and bold",
        ("t1", "tag-two"),
    )


def test_frontmatter_title_and_strict_mode() -> None:
    text = "===\ntitle: Strict\nmodel:\n  mode: strict\n===\n\n[A]: a\n  + [B]: b"
    document, _ = parse_document(text)
    assert document.relations[0].type == "entails"
    assert _read(text).title == "Strict"


def test_headings_become_sections_in_metadata() -> None:
    amap = _read("# Part one\n\n[A]: a\n\n## Sub\n\n[B]: b")
    sections = amap.metadata["argdown"]["sections"]
    assert [(s["title"], s["level"], s["members"]) for s in sections] == [
        ("Part one", 1, ("A",)),
        ("Sub", 2, ("B",)),
    ]


def test_markdown_fences_read_as_one_map() -> None:
    text = "# Doc\n\n```argdown\n[A]: a\n```\n\nprose\n\n```argdown-map\n[B]: b\n  - [A]\n```\n"
    assert [n.id for n in _read(text).nodes] == ["A", "B"]


def test_include_without_a_file_name_is_reported() -> None:
    imported = argdown.read("[A]: a\n\n@include(other.argdown)\n")
    assert [f.code for f in imported.findings] == ["AM401"]


def test_include_cycles_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.argdown").write_text("[A]: a\n\n@include(b.argdown)\n")
    (tmp_path / "b.argdown").write_text("[B]: b\n  - [A]\n\n@include(a.argdown)\n")
    imported = argdown.read((tmp_path / "a.argdown").read_text(), file=str(tmp_path / "a.argdown"))
    assert [n.id for n in imported.map.nodes] == ["A", "B"]
    assert "cycle" in imported.findings[0].message


def test_every_syntax_error_is_reported_with_its_place() -> None:
    with pytest.raises(argmap.ParseError) as caught:
        argdown.read("+ [A]\n\n[B]: b\n\n(1) x\n----\n", file="m.argdown")
    assert [str(f.location) for f in caught.value.findings] == ["m.argdown:1:1", "m.argdown:7:1"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("[A]: a\n\n/* never closed", "m.argdown:3:1"),  # its line holds only the comment
        ("[A]: a \\\n/* never closed", "m.argdown:2:1"),  # after an escaped line break
        ("[A]: a // fine\n  + [B]: b <!-- never closed", "m.argdown:2:12"),
    ],
)
def test_an_unterminated_comment_is_placed_where_it_starts(text: str, place: str) -> None:
    with pytest.raises(argmap.ParseError) as caught:
        argdown.read(text, file="m.argdown")
    assert [(str(f.location), f.message) for f in caught.value.findings] == [
        (place, "unterminated comment")
    ]


def test_kinds_follow_the_structure() -> None:
    amap = _read("[C]: c\n  + [P]: p\n  - [R]: r")
    assert [(n.id, n.kind) for n in amap.nodes] == [
        ("C", "claim"),
        ("P", "premise"),
        ("R", "rebuttal"),
    ]
    assert amap.node("C").main  # type: ignore[union-attr]


# --- writing


@settings(max_examples=150, deadline=None)
@given(maps())
def test_maps_round_trip_up_to_the_losses(amap: argmap.ArgumentMap) -> None:
    exported = argdown.write(amap)
    back = argdown.read(exported.text).map
    lost = {loss.kind for loss in exported.losses}
    if not lost:
        _same(back, amap)
    assert [n.id for n in back.nodes] == [n.id for n in amap.nodes]
    assert {(r.kind, r.by, r.target) for r in back.relations} == {
        (r.kind, r.by, r.target) for r in amap.relations
    }


def test_a_support_id_starting_with_an_underscore_is_no_undercut_marker() -> None:
    amap = argmap.ArgumentMap(
        "T",
        nodes=[argmap.Claim("c", "C."), argmap.Premise("_p", "P."), argmap.Premise("q", "Q.")],
        relations=[argmap.Support(["_p", "q"], "c")],
    )
    assert argdown.read(argdown.write(amap).text).map == amap


@pytest.mark.parametrize("name", argmap.examples.names())
def test_worked_examples_round_trip(name: str) -> None:
    amap = argmap.examples.load(name)
    exported = argdown.write(amap)
    back = argdown.read(exported.text).map
    assert back.nodes == amap.nodes
    assert {(r.kind, r.by, r.target) for r in back.relations} == {
        (r.kind, r.by, r.target) for r in amap.relations
    }
    lost = {loss.kind for loss in exported.losses}
    assert lost <= {"attack id", "note", "implicit", "source"}
    if not lost:
        _same(back, amap)


_PCS = "\n\n(1) [P]: p\n----\n(2) [C]: c"


@pytest.mark.parametrize(
    ("text", "place", "code", "says"),
    [
        ('[A]: a {"argmap": {"knid": "premise"}}', "1:1", "AM102", "did you mean 'kind'?"),
        ('[A]: a {"argmap": ["premise"]}', "1:1", "AM103", "must be a mapping"),
        ('[B]: b\n\n[A]: a {"argmap": {"kind": "thesis"}}', "3:1", "AM105", "unknown kind"),
        ('[A]: a {"argmap": {"basis": "fact"}}', "1:1", "AM105", "only a premise has"),
        ('[A]: a {"argmap": {"kind": "rebuttal", "main": true}}', "1:1", "AM105", "main"),
        ('[A]: a {"argmap": {"source": {"doc": "d", "page": 3}}}', "1:1", "AM105", "its source"),
        ('[A]: a {"argmap": {"source": "d"}}', "1:1", "AM105", "its source must be a mapping"),
        ('[A]: a {"argmap": {"kind": "premise", "basis": "hunch"}}', "1:1", "AM105", "basis"),
        ('[A]: a {"argmap": {"id": "two words"}}', "1:1", "AM105", "id must be an id"),
        ('x\n  + <X>: x {"argmap": {"tags": 3}}', "2:5", "AM105", "argument <X>"),
        ('<Arg>: d {"argmap": {"kind": "premise"}}' + _PCS, "1:1", "AM102", "argument <Arg>"),
        ('<Arg>: d {"argmap": {"source": 3}}' + _PCS, "1:1", "AM105", "its source"),
        (
            '===\nargmap: {"participants": [{"id": "p", "nmae": "K"}]}\n===\n\n[A]: a',
            "1:1",
            "AM105",
            "the frontmatter: a participant must be a mapping",
        ),
        ('===\nargmap: {"sources": 3}\n===\n\n[A]: a', "1:1", "AM105", "must be a list"),
        ('===\nargmap: {"metadata": [1]}\n===\n\n[A]: a', "1:1", "AM105", "a mapping"),
        ('===\nargmap: {"title": "T"}\n===\n\n[A]: a', "1:1", "AM102", "no key 'title'"),
    ],
)
def test_wrong_argmap_data_is_an_error_at_its_element(
    text: str, place: str, code: str, says: str
) -> None:
    with pytest.raises(argmap.ParseError) as caught:
        argdown.read(text, file="m.argdown")
    [finding] = caught.value.findings
    assert (str(finding.location), finding.code) == (f"m.argdown:{place}", code)
    assert says in finding.message


def _export(relations: list[Any], tags: list[Any] | None = None) -> str:
    statement = {"members": [{"text": "A."}], "tags": tags or []}
    return json.dumps(
        {
            "statements": {"A": statement, "B": {"members": [{"text": "B."}]}},
            "arguments": {},
            "relations": relations,
        }
    )


def _relation(kind: Any, source: Any = "B", target: Any = "A", ends: Any = None) -> Any:
    from_kind, to_kind = ends or ("equivalence-class", "equivalence-class")
    return {
        "relationType": kind,
        "fromType": from_kind,
        "from": source,
        "toType": to_kind,
        "to": target,
    }


def test_an_export_s_relations_that_cannot_be_read_are_left_out_and_reported() -> None:
    relations = [
        _relation("support"),
        _relation("bolster"),
        _relation("attack", source="Z"),
        _relation("attack", ends=("equivalence-class", "argument")),
        _relation("attack", ends=("thing", "equivalence-class")),
        _relation(["attack"]),
        "junk",
    ]
    imported = json_export.read(_export(relations), file="e.json")
    assert [(r.kind, r.by, r.target) for r in imported.map.relations] == [("support", ("B",), "A")]
    assert [(f.code, f.location.path) for f in imported.findings] == [
        ("AM402", ("relations", index)) for index in range(1, 7)
    ]
    assert "the statement 'Z', which the export does not define" in imported.findings[1].message


def test_an_export_s_tags_that_are_no_text_are_left_out_and_reported() -> None:
    imported = json_export.read(_export([], tags=["trade", 3, ["x"]]))
    assert imported.map.node("A").tags == ("trade",)
    assert [(f.code, f.location.path) for f in imported.findings] == [
        ("AM402", ("statements", "A")),
        ("AM402", ("statements", "A")),
    ]


def test_what_follows_a_data_block_that_runs_on_is_placed_on_the_block_s_last_line() -> None:
    with pytest.raises(argmap.ParseError) as caught:
        argdown.read('[A]: a {"k":\n1} x {bad: [}', file="m.argdown")
    assert [str(f.location) for f in caught.value.findings] == ["m.argdown:2:3"]
