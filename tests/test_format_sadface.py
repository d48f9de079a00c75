"""SADFace: reading the corpus, round trips through write and read, broken documents."""

from __future__ import annotations

import json
from collections.abc import Sequence

import attrs
import pytest
from hypothesis import given

import argmap
from argmap import examples
from argmap.formats._foreign import kinds, make_node
from argmap.formats.sadface import read, sniff, write
from argmap.formats.sadface._write import reader_mains
from tests.corpus import CORPUS, GROUNDTRUTH, counts, files
from tests.strategies import maps

#: What the ground truth counts of each file that this reader's map is compared on.
COUNTED = ("statements", "support", "attack", "undercut", "linked_support")


def expected(amap: argmap.ArgumentMap) -> argmap.ArgumentMap:
    """``amap`` as a SADFace round trip gives it back: less what SADFace cannot carry."""
    mains = reader_mains(amap)
    the_kinds = kinds([n.id for n in amap.nodes], mains=mains, relations=amap.relations)
    nodes = [
        make_node(
            n.id,
            n.text,
            the_kinds[n.id],
            main=n.id in mains,
            source=argmap.SourceRef(n.source.doc) if n.source else None,
        )
        for n in amap.nodes
    ]
    relations = [attrs.evolve(r, source=None, implicit=False, note=None) for r in amap.relations]
    return argmap.ArgumentMap(amap.title, nodes=nodes, relations=relations, sources=amap.sources)


def _without_sadface(amap: argmap.ArgumentMap) -> argmap.ArgumentMap:
    return attrs.evolve(amap, metadata={k: v for k, v in amap.metadata.items() if k != "sadface"})


@pytest.mark.parametrize("path", files("sadface"))
def test_corpus_counts_match_groundtruth(path: str) -> None:
    truth = GROUNDTRUTH[path]
    text = (CORPUS / path).read_text("utf-8")
    assert sniff(json.loads(text))
    imported = read(text, file=path)
    assert imported.findings == ()
    made = counts(imported.map, COUNTED)
    assert made == {key: truth[key] for key in COUNTED}


@pytest.mark.parametrize("path", files("sadface"))
def test_corpus_files_write_back_to_the_same_map(path: str) -> None:
    amap = read((CORPUS / path).read_text("utf-8"), file=path).map
    again = read(write(amap).text).map
    # A v0.1 document is written as v0.2: only the version in the metadata differs.
    assert _without_sadface(again) == _without_sadface(amap)
    assert again.metadata["sadface"].get("core") == amap.metadata["sadface"].get("core")


def test_main_claim_is_the_atom_that_concludes_and_premises_nothing() -> None:
    path = "sadface/Open-Argumentation__SADFace/data.json"
    amap = read((CORPUS / path).read_text("utf-8")).map
    assert [(n.kind, getattr(n, "main", False)) for n in amap.nodes] == [
        ("claim", True),
        ("premise", False),
        ("premise", False),
        ("rebuttal", False),
    ]
    assert amap.title == "Hangback Example"


@given(maps())
def test_round_trip_equals_the_map_up_to_documented_losses(amap: argmap.ArgumentMap) -> None:
    out = write(amap)
    assert _without_sadface(read(out.text).map) == expected(amap)
    assert write(amap).text == out.text  # deterministic


@pytest.mark.parametrize("name", examples.names())
def test_every_example_keeps_every_node_and_relation(name: str) -> None:
    amap = examples.load(name)
    out = write(amap)
    again = read(out.text).map
    assert [(n.id, n.text) for n in again.nodes] == [(n.id, n.text) for n in amap.nodes]
    assert [(r.kind, r.id, r.by, r.target) for r in again.relations] == [
        (r.kind, r.id, r.by, r.target) for r in amap.relations
    ]
    assert again.sources == amap.sources
    lost = {loss.kind for loss in out.losses}
    assert lost <= {
        "kind",
        "main claim",
        "basis",
        "implicit premise",
        "tag",
        "note",
        "speaker",
        "participant",
        "paragraphs",
        "source of a relation",
        "implicit relation",
        "metadata",
    }
    assert "paragraphs" in lost and "note" in lost


def test_losses_name_what_sadface_cannot_carry() -> None:
    amap = (
        argmap.MapBuilder("T")
        .claim("c", "C.", main=True)
        .premise("p", "P.", supports="c", basis="statistic")
        .recommendation("r", "Do it.")
        .build()
    )
    losses = {loss.kind: loss.ids for loss in write(amap).losses}
    assert losses == {"kind": ("r",), "basis": ("p",)}


def _doc(nodes: Sequence[object], edges: Sequence[object]) -> str:
    return json.dumps({"metadata": {"core": {"version": "0.2"}}, "nodes": nodes, "edges": edges})


def _atom(ident: str, text: str = "Some text.") -> dict[str, str]:
    return {"id": ident, "type": "atom", "text": text}


def test_broken_elements_give_located_findings() -> None:
    nodes = [
        _atom("a"),
        _atom("b"),
        {"id": "s", "type": "scheme", "name": "support"},
        {"id": "x", "type": "scheme", "name": "conflict"},
        {"id": "y", "type": "scheme", "name": "conflict"},
        {"id": "z", "type": "scheme", "name": "rephrase"},
        7,
    ]
    edges = [
        {"id": "e1", "source_id": "a", "target_id": "s"},
        {"id": "e2", "source_id": "s", "target_id": "b"},
        {"id": "e3", "source_id": "a", "target_id": "nowhere"},
        {"id": "e4", "source_id": "a", "target_id": "b"},
        {"id": "e5", "source_id": "b", "target_id": "x"},
        {"id": "e6", "source_id": "a", "target_id": "y"},
        {"id": "e7", "source_id": "y", "target_id": "x"},
    ]
    imported = read(_doc(nodes, edges), file="broken.json")
    assert [r.id for r in imported.map.relations] == ["s"]
    found = [(f.code, f.location.element) for f in imported.findings]
    assert found == [
        ("AM402", None),  # nodes[6] is a number
        ("AM402", "e3"),  # an edge to nothing
        ("AM401", "e4"),  # atom to atom
        ("AM401", "x"),  # a scheme (y) as a conflict's attacker
        ("AM402", "x"),  # a conflict with no target
        ("AM401", "y"),  # an attack on an attack
        ("AM401", "z"),  # rephrase
    ]
    assert all(f.location.file == "broken.json" for f in imported.findings)


@pytest.mark.parametrize(
    ("text", "code", "where"),
    [
        ('{"nodes": [', "AM101", (1, 12)),
        ("[]", "AM103", (None, None)),
        ('{"nodes": []}', "AM104", (None, None)),
        ('{"nodes": {}, "edges": []}', "AM103", (None, None)),
    ],
)
def test_unreadable_documents_raise_located_parse_errors(
    text: str, code: str, where: tuple[int | None, int | None]
) -> None:
    with pytest.raises(argmap.ParseError) as caught:
        read(text, file="bad.json")
    (finding,) = caught.value.findings
    assert finding.code == code
    assert (finding.location.line, finding.location.column) == where


def test_foreign_ids_are_mapped_and_kept() -> None:
    imported = read(_doc([_atom("two words"), _atom("7")], []))
    assert [n.id for n in imported.map.nodes] == ["two-words", "7"]
    assert imported.map.metadata["sadface"]["ids"] == {"two-words": "two words"}
    assert json.loads(write(imported.map).text)["nodes"][0]["id"] == "two words"


def test_sniff_tells_sadface_from_aif_and_argmap_json() -> None:
    assert sniff({"nodes": [_atom("a")], "edges": []})
    assert not sniff({"nodes": [{"nodeID": "1"}], "edges": []})
    assert not sniff({"argmap": 1, "nodes": {}})
    assert not sniff([])
