"""evaluate(): the reduction, the support-aware semantics, assumptions and explanations."""

from __future__ import annotations

import pytest

import argmap
from argmap.analysis.evaluation import SEMANTICS, evaluate, framework_of, grounded
from argmap.analysis.framework import Label


def _undermined() -> argmap.ArgumentMap:
    return (
        argmap.MapBuilder("T")
        .claim("c", "C.", main=True)
        .premise("p", "P.", supports="c")
        .rebuttal("r", "R.", attacks="p")
        .build()
    )


def test_undercut_attacks_the_support_not_the_premise() -> None:
    m = (
        argmap.MapBuilder("T")
        .claim("c", "C.")
        .premise("p", "P.", supports="c")
        .rebuttal("u", "U.", attacks="p->c")
        .build()
    )
    assert sorted(framework_of(m).attacks) == [("u", "p->c")]
    dung = evaluate(m)
    assert dung.label("p->c") is Label.OUT and dung.label("c") is Label.IN
    assert evaluate(m, "support").label("c") is Label.OUT


def test_a_claim_falls_with_its_only_support_only_when_supports_count() -> None:
    m = _undermined()
    assert evaluate(m).label("c") is Label.IN
    assert evaluate(m, "support").label("c") is Label.OUT


def test_grounded_evaluation_agrees_with_the_framework() -> None:
    for name in argmap.examples.names():
        m = argmap.examples.load(name)
        labels = grounded(framework_of(m)).labels
        result = evaluate(m)
        assert {n: labels[n] for n in result.labelling.labels} == dict(result.labelling.labels)


@pytest.mark.parametrize("semantics", SEMANTICS)
def test_every_node_of_every_example_is_explained(semantics: str) -> None:
    for name in argmap.examples.names():
        m = argmap.examples.load(name)
        result = evaluate(m, semantics)
        for node in m.nodes:
            text = result.explain(node.id)
            assert f"is {result.label(node.id).name}" in text
            assert text == result.explain(node.id)


def _cycle(*names: str) -> argmap.ArgumentMap:
    """Claims attacking each other in a ring, and a rebuttal of the first that nothing attacks."""
    built = argmap.MapBuilder("T")
    for name in names:
        built = built.claim(name, f"{name.upper()}.")
    nodes = (*built.rebuttal("x", "X.", attacks=names[0]).build().nodes,)
    ring = [argmap.Attack(a, b) for a, b in zip(names, (*names[1:], names[0]), strict=True)]
    return argmap.ArgumentMap("T", nodes=nodes, relations=ring)


def test_explanation_follows_the_chain_naming_each_kind_once() -> None:
    assert evaluate(_undermined(), "support").explain("c") == (
        "the claim 'c' is OUT because its only support rests on the premise 'p', which is OUT: "
        "the rebuttal 'r', which attacks 'p', is IN: nothing attacks 'r'."
    )
    assert evaluate(_undermined(), "support").explain("p->c") == (
        "the support 'p->c' is OUT because it rests on the premise 'p', which is OUT: "
        "the rebuttal 'r', which attacks 'p', is IN: nothing attacks 'r'."
    )
    assert evaluate(_undermined()).explain("p") == (
        "the premise 'p' is OUT because the rebuttal 'r', which attacks it, is IN: "
        "nothing attacks 'r'."
    )
    assert evaluate(_undermined()).explain("c") == "the claim 'c' is IN because nothing attacks it."


def test_explanation_of_a_defended_node_goes_back_to_its_defender() -> None:
    m = (
        argmap.MapBuilder("T")
        .claim("c", "C.")
        .rebuttal("a", "A.", attacks="c")
        .rebuttal("b", "B.", attacks="a")
        .build()
    )
    assert evaluate(m).explain("c") == (
        "the claim 'c' is IN because its only attacker, the rebuttal 'a', is OUT: "
        "the rebuttal 'b', which attacks 'a', is IN: nothing attacks 'b'."
    )


def test_explanation_of_an_undercut_support() -> None:
    m = (
        argmap.MapBuilder("T")
        .claim("c", "C.")
        .premise("p", "P.", supports="c")
        .rebuttal("u", "U.", attacks="p->c")
        .build()
    )
    assert evaluate(m).explain("p->c") == (
        "the support 'p->c' is OUT because the rebuttal 'u', which undercuts it, is IN: "
        "nothing attacks 'u'."
    )
    assert evaluate(m, "support").explain("c") == (
        "the claim 'c' is OUT because its only support, 'p->c', is OUT: the rebuttal 'u', "
        "which undercuts 'p->c', is IN: nothing attacks 'u'."
    )


def test_explanation_of_a_held_support_names_premise_and_undercutter() -> None:
    m = (
        argmap.MapBuilder("T")
        .claim("c", "C.")
        .premise("p", "P.", supports="c")
        .rebuttal("u", "U.", attacks="p->c")
        .rebuttal("v", "V.", attacks="u")
        .build()
    )
    assert evaluate(m, "support").explain("p->c") == (
        "the support 'p->c' is IN because it rests on the premise 'p', which is IN, and its "
        "only undercutter, the rebuttal 'u', is OUT: the rebuttal 'v', which attacks 'u', is IN: "
        "nothing attacks 'v'."
    )


def test_explanation_of_a_cycle_stops_where_it_began() -> None:
    assert evaluate(_cycle("a", "b", "c")).explain("b") == (
        "the claim 'b' is UNDEC because the claim 'a', which attacks it, is UNDEC: "
        "the claim 'c', which attacks 'a', is UNDEC: 'b', which attacks 'c', is UNDEC (a cycle)."
    )
    assert evaluate(_cycle("a", "b", "c"), "stable").explain("b") == (
        "the claim 'b' is UNDEC because the map has no stable labelling."
    )


def test_explanation_under_preferred_counts_the_labellings() -> None:
    even = _cycle("a", "b")
    assert evaluate(even, "preferred").explain("b") == (
        "the claim 'b' is UNDEC because the 2 preferred labellings disagree: "
        "it is IN in 1 and OUT in 1."
    )
    assert evaluate(even, "complete").explain("b") == (
        "the claim 'b' is UNDEC because the 3 complete labellings disagree: "
        "it is IN in 1, OUT in 1 and UNDEC in 1."
    )
    assert evaluate(even, "stable").explain("x") == (
        "the rebuttal 'x' is IN in both stable labellings, as in the grounded labelling: "
        "nothing attacks it."
    )


def test_explanation_of_a_node_preferred_settles_but_grounded_does_not() -> None:
    result = evaluate(_cycle("a", "b"), "preferred", assume={"b": "questioned"})
    assert result.explain("a") == (
        "the claim 'a' is IN in the only preferred labelling, though the grounded labelling "
        "leaves it UNDEC: the claim 'b', which attacks it, is UNDEC: 'a', which attacks 'b', "
        "is UNDEC (a cycle)."
    )


def test_explanation_of_assumptions() -> None:
    m = _undermined()
    assert evaluate(m, assume={"r": "rejected"}).explain("p") == (
        "the premise 'p' is IN because its only attacker, the rebuttal 'r', is OUT: "
        "you assumed 'r' rejected."
    )
    assert evaluate(m, "support", assume={"r": "questioned"}).explain("p") == (
        "the premise 'p' is UNDEC because the rebuttal 'r', which attacks it, is UNDEC: "
        "you questioned 'r', and nothing supports it."
    )


def test_assumptions_override_the_map() -> None:
    m = _undermined()
    rejected = evaluate(m, "support", assume={"r": "rejected"})
    assert rejected.label("c") is Label.IN
    assert "you assumed it rejected" in rejected.explain("r")
    questioned = evaluate(m, "grounded", assume={"r": "questioned"})
    assert questioned.label("r") is Label.UNDEC and questioned.label("p") is Label.UNDEC
    for semantics in ("complete", "preferred", "stable"):
        assert evaluate(m, semantics, assume={"p": "accepted"}).label("p") is Label.IN


def test_unknown_ids_and_values_are_refused_with_a_suggestion() -> None:
    m = _undermined()
    with pytest.raises(argmap.UnknownIdError, match="did you mean 'r'"):
        evaluate(m, assume={"R": "rejected"})
    with pytest.raises(ValueError, match="did you mean 'rejected'"):
        evaluate(m, assume={"r": "rejectd"})
    with pytest.raises(argmap.UnknownIdError, match="did you mean 'c'"):
        evaluate(m).explain("C")
    with pytest.raises(ValueError, match="did you mean 'preferred'"):
        evaluate(m, "prefered")


def test_preferred_lists_extensions_and_agrees_on_what_all_share() -> None:
    m = (
        argmap.MapBuilder("T")
        .claim("a", "A.")
        .claim("b", "B.")
        .rebuttal("x", "X.", attacks="a")
        .build()
    )
    m = argmap.ArgumentMap(
        "T", nodes=m.nodes, relations=[argmap.Attack("a", "b"), argmap.Attack("b", "a")]
    )
    result = evaluate(m, "preferred")
    assert [e.accepted for e in result.extensions] == [("a", "x"), ("b", "x")]
    assert result.labelling.accepted == ("x",)
    assert "IN in 1" in result.explain("a")
    assert evaluate(m, "preferred", limit=1).truncated


def test_explanation_of_a_supported_node_goes_down_to_its_premise() -> None:
    m = argmap.MapBuilder("T").claim("c", "C.").premise("p", "P.", supports="c").build()
    assert evaluate(m, "support").explain("c") == (
        "the claim 'c' is IN because nothing attacks it, and its only support rests on the "
        "premise 'p', which is IN: nothing attacks 'p'."
    )
