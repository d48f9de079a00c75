"""arg-microtexts: the corpus against its counts, joints, undercuts, broken files."""

from __future__ import annotations

import pytest

import argmap
from argmap.formats.microtexts import read
from tests.corpus import CORPUS, GROUNDTRUTH, counts, files

#: Why a corpus file's counts differ from the ground truth, where they do.
DIFFERENCES = {
    # c3 (a3, with a4 added) undercuts the rebuttal c1: an attack on an attack, which a map
    # cannot hold; it is kept in the map's metadata and reported (AM401).
    "microtexts/peldszus__arg-microtexts/en/micro_b001.xml": {"attack": 1, "undercut": 0},
}


#: What the ground truth counts of each file that this reader's map is compared on.
COUNTED = ("statements", "support", "attack", "undercut", "linked_support", "main_claims")


@pytest.mark.parametrize("path", files("microtexts"))
def test_corpus_counts_match_groundtruth(path: str) -> None:
    truth = GROUNDTRUTH[path]
    imported = read((CORPUS / path).read_text("utf-8"), file=path)
    made = counts(imported.map, COUNTED)
    wanted = {key: truth[key] for key in COUNTED} | DIFFERENCES.get(path, {})
    assert made == wanted
    assert all(f.code == "AM401" for f in imported.findings)


def test_an_undercut_of_an_attack_is_reported_and_kept() -> None:
    path = "microtexts/peldszus__arg-microtexts/en/micro_b001.xml"
    imported = read((CORPUS / path).read_text("utf-8"), file=path)
    assert [(f.code, f.location.line, f.location.element) for f in imported.findings] == [
        ("AM401", 20, "c3"),
        ("AM401", 21, "c4"),
    ]
    kept = imported.map.metadata["microtexts"]["undercuts of attacks"]
    assert [dict(k) for k in kept] == [
        {"edge": "c3", "by": "a3", "target": "a1->a5", "with": ("a4",)}
    ]


GRAPH = """<?xml version='1.0' encoding='UTF-8'?>
<arggraph id="t1" topic_id="school_uniforms" stance="pro">
  <edu id="e1"><![CDATA[Uniforms cost money,]]></edu>
  <edu id="e2"><![CDATA[but they save on other clothes.]]></edu>
  <edu id="e3"><![CDATA[For example, a family saved 200 euros.]]></edu>
  <edu id="e4"><![CDATA[Schools should have uniforms.]]></edu>
  <edu id="e5"><![CDATA[Not every family saves.]]></edu>
  <joint id="j1"/>
  <adu id="a1" type="pro"/><adu id="a2" type="pro"/><adu id="a3" type="pro"/>
  <adu id="a4" type="opp"/>
  <edge id="s1" src="e1" trg="j1" type="seg"/><edge id="s2" src="e2" trg="j1" type="seg"/>
  <edge id="s3" src="j1" trg="a1" type="seg"/><edge id="s4" src="e3" trg="a2" type="seg"/>
  <edge id="s5" src="e4" trg="a3" type="seg"/><edge id="s6" src="e5" trg="a4" type="seg"/>
  <edge id="c1" src="a1" trg="a3" type="sup"/>
  <edge id="c2" src="a2" trg="a1" type="exa"/>
  <edge id="c3" src="a4" trg="c2" type="und"/>
</arggraph>
"""


def test_joints_examples_and_undercuts() -> None:
    amap = read(GRAPH).map
    assert amap.title == "school uniforms"
    assert [(n.id, n.kind, n.text) for n in amap.nodes] == [
        ("a1", "claim", "Uniforms cost money, but they save on other clothes."),
        ("a2", "premise", "For example, a family saved 200 euros."),
        ("a3", "claim", "Schools should have uniforms."),
        ("a4", "rebuttal", "Not every family saves."),
    ]
    assert amap.node("a2") == argmap.Premise("a2", amap.node("a2").text, basis="example")
    assert [n.id for n in amap.nodes if isinstance(n, argmap.Claim) and n.main] == ["a3"]
    assert [r.id for r in amap.relations] == ["a1->a3", "a2->a1", "a4->a2->a1"]


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("<arggraph id='x'><edu id='e1'>", "AM101", 1),
        ("<?xml version='1.0'?>\n<!DOCTYPE a [<!ENTITY x 'y'>]>\n<a/>", "AM101", 2),
        ("<graph/>", "AM103", 1),
    ],
)
def test_unreadable_files_raise_located_parse_errors(text: str, code: str, line: int) -> None:
    with pytest.raises(argmap.ParseError) as caught:
        read(text, file="bad.xml")
    (finding,) = caught.value.findings
    assert (finding.code, finding.location.file, finding.location.line) == (code, "bad.xml", line)


def test_broken_edges_give_located_findings() -> None:
    text = GRAPH.replace(
        '<edge id="c2" src="a2" trg="a1" type="exa"/>',
        '<edge id="c2" src="a9" trg="a1" type="exa"/>\n'
        '  <edge id="c9" src="a2" trg="a1" type="wat"/>',
    )
    imported = read(text, file="t.xml")
    assert [(f.code, f.location.line, f.location.element) for f in imported.findings] == [
        ("AM402", 16, "c9"),
        ("AM402", 15, "c2"),
        ("AM402", 17, "c3"),
    ]
