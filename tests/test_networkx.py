"""to_networkx and from_networkx: the layout, the round trip, what a hand-made graph may hold."""

from __future__ import annotations

import copy
import pickle
import sys

import networkx as nx
import pytest
from hypothesis import given

import argmap
from argmap.analysis.networkx_graph import from_networkx, to_networkx
from tests.strategies import maps


def sample() -> argmap.ArgumentMap:
    return (
        argmap.MapBuilder("T")
        .participant("kim", "Kim")
        .source("paper", "A paper")
        .metadata(lang="en", tags=["a", "b"])
        .claim("c", "C.", main=True, speaker="kim")
        .premise("p", "P.", basis="statistic", source=("paper", [2]))
        .premise("q", "Q.", implicit=True, tags=["t"])
        .support("c", by=["p", "q"], implicit=True, note="Read in.")
        .rebuttal("u", "U.", attacks="p+q->c")
        .rebuttal("r", "R.", attacks="c", note="A note.")
        .build()
    )


@given(maps())
def test_from_networkx_inverts_to_networkx(amap: argmap.ArgumentMap) -> None:
    assert from_networkx(to_networkx(amap)) == amap


@given(maps())
def test_every_relation_is_a_node_with_edges_in_its_direction(amap: argmap.ArgumentMap) -> None:
    graph = to_networkx(amap)
    assert list(graph.nodes) == [n.id for n in amap.nodes] + [r.id for r in amap.relations]
    edges = sorted((u, v, key) for u, v, key in graph.edges(keys=True))
    expected = sorted(
        [(start, r.id, r.id) for r in amap.relations for start in r.by]
        + [(r.id, r.target, r.id) for r in amap.relations]
    )
    assert edges == expected
    for _, _, key, data in graph.edges(keys=True, data=True):
        assert data == {"kind": amap.relation(key).kind, "id": key}


def test_statements_and_relations_carry_their_fields() -> None:
    graph = to_networkx(sample())
    assert graph.nodes["p"] == {
        "kind": "premise",
        "text": "P.",
        "basis": argmap.Basis.STATISTIC,
        "speaker": None,
        "source": argmap.SourceRef("paper", (2,)),
        "main": False,
        "implicit": False,
        "tags": (),
        "note": None,
    }
    assert graph.nodes["c"]["main"] is True
    assert graph.nodes["c"]["basis"] is None
    assert graph.nodes["q"]["implicit"] is True
    assert graph.nodes["p+q->c"] == {
        "kind": "support",
        "implicit": True,
        "note": "Read in.",
        "source": None,
    }
    assert graph.nodes["r"]["note"] == "A note."
    assert graph.graph["title"] == "T"
    assert graph.graph["metadata"] == {"lang": "en", "tags": ["a", "b"]}
    assert [p.id for p in graph.graph["participants"]] == ["kim"]


def test_a_linked_support_and_its_undercut() -> None:
    graph = to_networkx(sample())
    assert list(graph.predecessors("p+q->c")) == ["p", "q", "u->p+q->c"]
    assert list(graph.successors("p+q->c")) == ["c"]
    assert list(graph.edges("u->p+q->c", keys=True, data="kind")) == [
        ("u->p+q->c", "p+q->c", "u->p+q->c", "attack")
    ]


def test_the_graph_copies_and_pickles() -> None:
    graph = to_networkx(sample())
    assert from_networkx(copy.deepcopy(graph)) == sample()
    assert from_networkx(pickle.loads(pickle.dumps(graph))) == sample()
    assert from_networkx(graph.copy()) == sample()


def test_networkx_algorithms_work_on_the_graph() -> None:
    graph = to_networkx(sample())
    below = nx.ancestors(graph, "c")
    assert {n for n in below if graph.nodes[n]["kind"] not in ("support", "attack")} == {
        "p",
        "q",
        "u",
        "r",
    }


@pytest.mark.parametrize("name", argmap.examples.names())
def test_every_example_goes_through_networkx_unchanged(name: str) -> None:
    amap = argmap.examples.load(name)
    graph = to_networkx(amap)
    assert from_networkx(graph) == amap
    assert graph.number_of_nodes() == len(amap.nodes) + len(amap.relations)


# -- graphs made by hand ---------------------------------------------------------------------


def by_hand() -> nx.MultiDiGraph[str]:
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(title="By hand")
    graph.add_node("c", kind="claim", text="C.", main=True)
    graph.add_node("p", kind="premise", text="P.", pos=(1, 2))
    graph.add_node("s", kind="support")
    graph.add_edges_from([("p", "s"), ("s", "c")], weight=3)
    return graph


def test_a_hand_made_graph_needs_only_kinds_and_texts() -> None:
    amap = from_networkx(by_hand())
    assert (
        amap
        == argmap.MapBuilder("By hand")
        .claim("c", "C.", main=True)
        .premise("p", "P.")
        .support("c", by="p", id="s")
        .build()
    )


def test_a_plain_digraph_is_read_too() -> None:
    assert from_networkx(nx.DiGraph(by_hand())) == from_networkx(by_hand())


def test_an_undirected_graph_is_refused() -> None:
    with pytest.raises(TypeError, match="needs a directed graph, got Graph"):
        from_networkx(nx.Graph())  # type: ignore[arg-type]


def test_every_problem_of_a_graph_is_raised_at_once() -> None:
    graph = by_hand()
    del graph.graph["title"]
    graph.add_node("x", kind="thing", text="X.")
    graph.add_node("r", kind="rebuttal", text="R.", main=True)
    graph.add_node("a", kind="attack")
    graph.add_edge("p", "c")
    graph.add_edge("a", "c")
    graph.add_node("t", kind="support")
    graph.add_edge("p", "t", kind="attack")
    graph.add_edge("t", "c")
    with pytest.raises(argmap.ModelError) as caught:
        from_networkx(graph)
    messages = [finding.message for finding in caught.value.findings]
    assert messages == [
        "the graph has no title: set graph.graph['title'] to the map's title",
        "kind must be one of claim, premise, rebuttal, recommendation, support, attack; "
        "got 'thing'",
        "a rebuttal has no main; got True",
        "a attack needs one attacker; got []",
        "graph edge 'p' -> 't' has kind 'attack', but its support's node is 't'",
        "graph edge 'p' -> 'c' joins two statements; join them through a node of kind "
        "'support' or 'attack'",
    ]


def test_a_bad_text_is_the_models_finding() -> None:
    graph = by_hand()
    graph.add_node("e", kind="premise", text="")
    with pytest.raises(argmap.ModelError, match="premise 'e': text must not be empty"):
        from_networkx(graph)


def test_without_networkx_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "networkx", None)
    with pytest.raises(ImportError, match=r"needs networkx: pip install 'argmap\[networkx\]'"):
        to_networkx(sample())
