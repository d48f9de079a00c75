"""The graph queries: supports_by, attacks_by, main_claims, roots, leaves, branch, unreached,
without, and MapBuilder.from_map; each against a brute-force definition.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.analysis.queries import branch, leaves, main_claims, roots, unreached
from argmap.analysis.without import without
from tests.strategies import maps

EXAMPLES = argmap.examples.names()


def ids(nodes: tuple[argmap.Node, ...]) -> list[str]:
    return [node.id for node in nodes]


def node_ids(amap: argmap.ArgumentMap) -> list[str]:
    return ids(amap.nodes)


def sample() -> argmap.ArgumentMap:
    """A main claim with a linked, undercut support, an objection, and a part on its own."""
    return (
        argmap.MapBuilder("T")
        .claim("c", "C.", main=True)
        .premise("p", "P.")
        .premise("q", "Q.")
        .support("c", by=["p", "q"])
        .rebuttal("u", "U.", attacks="p+q->c")
        .rebuttal("r", "R.", attacks="c")
        .premise("s", "S.", supports="p")
        .claim("d", "D.")
        .premise("t", "T.", supports="d")
        .build()
    )


# -- brute-force definitions -----------------------------------------------------------------


def steps(amap: argmap.ArgumentMap, node: str) -> set[str]:
    """One step below ``node``: its supports' premises, their undercutters, its attackers."""
    supports = {r.id for r in amap.relations if r.kind == "support" and r.target == node}
    return {
        ident for r in amap.relations if r.target == node or r.target in supports for ident in r.by
    }


def within(amap: argmap.ArgumentMap, starts: set[str], depth: int | None) -> set[str]:
    reached, level, count = set(starts), set(starts), 0
    while level and (depth is None or count < depth):
        level = {below for node in level for below in steps(amap, node)} - reached
        reached |= level
        count += 1
    return reached


# -- supports_by and attacks_by --------------------------------------------------------------


@given(maps())
def test_supports_by_and_attacks_by_are_the_relations_each_node_starts(
    amap: argmap.ArgumentMap,
) -> None:
    for node in amap.nodes:
        assert amap.supports_by(node.id) == tuple(
            r for r in amap.relations if isinstance(r, argmap.Support) and node.id in r.by
        )
        assert amap.attacks_by(node.id) == tuple(
            r for r in amap.relations if isinstance(r, argmap.Attack) and r.attacker == node.id
        )


def test_supports_by_and_attacks_by_refuse_an_id_that_is_no_node() -> None:
    amap = sample()
    with pytest.raises(argmap.UnknownIdError, match="no node with id 'x'"):
        amap.supports_by("x")
    with pytest.raises(argmap.UnknownIdError, match="no node with id 'p\\+q->c'"):
        amap.attacks_by("p+q->c")


def test_supports_by_lists_a_linked_support_under_each_of_its_premises() -> None:
    amap = sample()
    assert [r.id for r in amap.supports_by("q")] == ["p+q->c"]
    assert [r.id for r in amap.attacks_by("u")] == ["u->p+q->c"]


# -- main claims, roots, leaves, unreached ---------------------------------------------------


@given(maps())
def test_main_claims_are_the_claims_marked_main(amap: argmap.ArgumentMap) -> None:
    assert main_claims(amap) == tuple(
        n for n in amap.nodes if n.kind == "claim" and getattr(n, "main", False)
    )


@given(maps())
def test_roots_start_no_relation_and_leaves_end_none(amap: argmap.ArgumentMap) -> None:
    starts = {ident for r in amap.relations for ident in r.by}
    ends = {r.target for r in amap.relations}
    assert roots(amap) == tuple(n for n in amap.nodes if n.id not in starts)
    assert leaves(amap) == tuple(n for n in amap.nodes if n.id not in ends)


@given(maps())
def test_a_leaf_is_its_own_branch(amap: argmap.ArgumentMap) -> None:
    for node in amap.nodes:
        alone = ids(branch(amap, node.id, depth=1)) == [node.id]
        assert alone == (node in leaves(amap))


@given(maps())
def test_unreached_nodes_are_in_no_main_claims_branch(amap: argmap.ArgumentMap) -> None:
    reached = within(amap, {claim.id for claim in main_claims(amap)}, None)
    assert unreached(amap) == tuple(n for n in amap.nodes if n.id not in reached)


def test_the_sample_has_these_roots_leaves_and_unreached_nodes() -> None:
    amap = sample()
    assert ids(main_claims(amap)) == ["c"]
    assert ids(roots(amap)) == ["c", "d"]
    assert ids(leaves(amap)) == ["q", "u", "r", "s", "t"]
    assert ids(unreached(amap)) == ["d", "t"]


def test_in_a_map_without_a_main_claim_every_node_is_unreached() -> None:
    amap = argmap.MapBuilder("T").claim("c", "C.").premise("p", "P.", supports="c").build()
    assert ids(unreached(amap)) == ["c", "p"]


# -- branch ----------------------------------------------------------------------------------


@given(maps(), st.none() | st.integers(0, 4), st.data())
def test_branch_is_every_node_so_many_steps_below(
    amap: argmap.ArgumentMap, depth: int | None, data: st.DataObject
) -> None:
    node = data.draw(st.sampled_from(node_ids(amap)))
    found = branch(amap, node, depth=depth)
    assert set(ids(found)) == within(amap, {node}, depth)
    assert found == argmap.focus(amap, node, depth=depth).map.nodes


def test_branch_goes_down_to_the_depth_asked() -> None:
    amap = sample()
    assert ids(branch(amap, "c", depth=0)) == ["c"]
    assert ids(branch(amap, "c", depth=1)) == ["c", "p", "q", "u", "r"]
    assert ids(branch(amap, "c")) == ["c", "p", "q", "u", "r", "s"]


def test_branch_refuses_an_unknown_node_and_a_bad_depth() -> None:
    amap = sample()
    with pytest.raises(argmap.UnknownIdError, match="no node with id 'C'; did you mean 'c'"):
        branch(amap, "C")
    with pytest.raises(ValueError, match="depth must be None or a whole number"):
        branch(amap, "c", depth=-1)


# -- without ---------------------------------------------------------------------------------


def expected_relations(
    amap: argmap.ArgumentMap, gone: set[str]
) -> list[tuple[str, tuple[str, ...]]]:
    """The relations left, as (id, by), defined relation by relation."""
    supports_gone = {
        r.id
        for r in amap.relations
        if r.kind == "support" and (r.id in gone or r.target in gone or gone >= set(r.by))
    }
    left = []
    for r in amap.relations:
        if r.kind == "support" and r.id not in supports_gone:
            left.append((r.id, tuple(i for i in r.by if i not in gone)))
        elif r.kind == "attack" and not ({r.id, *r.by, r.target} & (gone | supports_gone)):
            left.append((r.id, r.by))
    return sorted(left)


@given(maps(), st.data())
def test_without_removes_what_needed_the_ids_and_nothing_else(
    amap: argmap.ArgumentMap, data: st.DataObject
) -> None:
    everything = node_ids(amap) + [r.id for r in amap.relations]
    gone = set(data.draw(st.lists(st.sampled_from(everything), unique=True)))
    smaller = without(amap, gone)
    assert smaller == argmap.ArgumentMap(  # a valid map, checked again from scratch
        smaller.title,
        nodes=smaller.nodes,
        relations=smaller.relations,
        sources=smaller.sources,
        participants=smaller.participants,
        metadata=smaller.metadata,
    )
    assert node_ids(smaller) == [i for i in node_ids(amap) if i not in gone]
    for relation in smaller.relations:
        assert not gone & {relation.id, relation.target, *relation.by}
    assert sorted((r.id, r.by) for r in smaller.relations) == expected_relations(amap, gone)
    kept = {r.id: r for r in smaller.relations}
    for relation in amap.relations:  # what stays keeps all its fields but lost premises
        if relation.id in kept:
            assert kept[relation.id].target == relation.target
            assert kept[relation.id].note == relation.note
    assert (smaller.title, smaller.sources, smaller.participants, smaller.metadata) == (
        amap.title,
        amap.sources,
        amap.participants,
        amap.metadata,
    )


@given(maps())
def test_without_nothing_is_the_map_and_without_every_node_is_empty(
    amap: argmap.ArgumentMap,
) -> None:
    assert without(amap, []) == amap
    empty = without(amap, node_ids(amap))
    assert (empty.nodes, empty.relations) == ((), ())


def test_without_a_premise_of_a_linked_support_keeps_the_others_and_the_id() -> None:
    smaller = without(sample(), ["q"])
    assert smaller.relation("p+q->c").by == ("p",)
    assert [a.attacker for a in smaller.attacks_on("p+q->c")] == ["u"]


def test_without_a_support_takes_its_undercuts_too() -> None:
    smaller = without(sample(), ["p+q->c"])
    assert "u->p+q->c" not in smaller
    assert node_ids(smaller) == node_ids(sample())


def test_without_all_premises_takes_the_support_and_its_undercuts() -> None:
    smaller = without(sample(), ["p", "q"])
    assert [r.id for r in smaller.relations] == ["r->c", "t->d"]


def test_without_refuses_an_unknown_id() -> None:
    with pytest.raises(
        argmap.UnknownIdError, match="no node or relation with id 'P'; did you mean"
    ):
        without(sample(), ["c", "P"])


# -- MapBuilder.from_map ---------------------------------------------------------------------


@given(maps())
def test_from_map_then_build_gives_the_same_map(amap: argmap.ArgumentMap) -> None:
    assert argmap.MapBuilder.from_map(amap).build() == amap


def test_from_map_lets_one_add_to_a_built_map() -> None:
    more = argmap.MapBuilder.from_map(sample()).premise("v", "V.", supports="d").build()
    assert [s.by for s in more.supports_of("d")] == [("t",), ("v",)]
    with pytest.raises(argmap.ModelError, match="AM201"):
        argmap.MapBuilder.from_map(sample()).claim("c", "Again.").build()


# -- the worked examples ---------------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_example_answers_the_queries_as_defined(name: str) -> None:
    amap = argmap.examples.load(name)
    assert argmap.MapBuilder.from_map(amap).build() == amap
    assert main_claims(amap)
    reached = within(amap, {claim.id for claim in main_claims(amap)}, None)
    assert unreached(amap) == tuple(n for n in amap.nodes if n.id not in reached)
    assert set(main_claims(amap)) & set(roots(amap))  # one main claim is at the top
    smaller = without(amap, [claim.id for claim in main_claims(amap)])
    assert not any(r.target in {c.id for c in main_claims(amap)} for r in smaller.relations)
    assert without(amap, node_ids(amap)).relations == ()
