"""The worked example ``sejong`` keeps its reading of the Sejong Institute op-ed (2022).

The document is shared/seeds/000_4e46c6565f430d5f.txt: an op-ed by the chairman of the
Sejong Institute, contributed to China Watch (China Daily). These tests pin what the map
must keep of it: one thesis, the thirty years of growth as evidence, the three challenges
the author names (geopolitics, geoeconomics, national identity) as rebuttals with their
figures and facts, the author's answers, the recommendations with their reasons, and a
source paragraph on every node.
"""

from __future__ import annotations

import pytest

import argmap
from argmap import ArgumentMap, Attack, Basis, Claim, Premise, Support
from tests.queries import attackers, premise, supporters

#: The op-ed has 13 paragraphs (blocks separated by blank lines, the title being 1).
PARAGRAPHS = 13
#: Paragraphs that argue nothing: 13 is the note on the author and where the piece ran.
#: The title (1) is argumentative: it states the thesis.
NON_ARGUMENTATIVE = {13}


@pytest.fixture(scope="module")
def sejong() -> ArgumentMap:
    return argmap.examples.load("sejong")


# --- the map as a whole -----------------------------------------------------------------


def test_the_source_is_described_as_the_document_gives_it(sejong: ArgumentMap) -> None:
    (source,) = sejong.sources
    assert source.title.startswith("China and the ROK should avoid sacrificing")
    assert source.affiliation == "Sejong Institute"
    assert source.outlet is not None and "China Watch" in source.outlet
    assert source.date == "2022"
    assert source.language == "en"
    # The document never names its author, only "the chairman of the Sejong Institute".
    assert source.authors == ()


def test_there_is_exactly_one_main_claim_the_title_thesis(sejong: ArgumentMap) -> None:
    mains = [node for node in sejong.nodes if isinstance(node, Claim) and node.main]
    assert [node.id for node in mains] == ["thesis"]
    (thesis,) = mains
    assert thesis.source is not None and 1 in thesis.source.paragraphs
    assert "shared interests" in thesis.text


def test_every_node_has_a_source_with_paragraphs(sejong: ArgumentMap) -> None:
    for node in sejong.nodes:
        assert node.source is not None, node.id
        assert node.source.doc == "op-ed", node.id
        assert node.source.paragraphs, node.id
        assert set(node.source.paragraphs) <= set(range(1, PARAGRAPHS + 1)), node.id


def test_every_argumentative_paragraph_is_cited(sejong: ArgumentMap) -> None:
    cited = {p for node in sejong.nodes if node.source for p in node.source.paragraphs}
    assert cited == set(range(1, PARAGRAPHS + 1)) - NON_ARGUMENTATIVE


def test_tags_come_from_the_shared_vocabulary(sejong: ArgumentMap) -> None:
    vocabulary = set(argmap.examples.tags())
    for node in sejong.nodes:
        assert set(node.tags) <= vocabulary, node.id


# --- thirty years of growth (paragraphs 2-4) --------------------------------------------


@pytest.mark.parametrize(
    ("figures", "basis"),
    [
        (("130,000", "10 million", "1992", "2020"), Basis.STATISTIC),
        (("$5 billion", "$360 billion", "2021"), Basis.STATISTIC),
        (("1992", "1998", "2003", "2008"), Basis.FACT),
    ],
    ids=["visitors", "trade", "partnership-upgrades"],
)
def test_the_growth_figures_support_the_deepened_ties(
    sejong: ArgumentMap, figures: tuple[str, ...], basis: Basis
) -> None:
    evidence = [sejong.node(node) for node in supporters(sejong, "ties-deepened")]
    matching = [node for node in evidence if all(figure in node.text for figure in figures)]
    assert len(matching) == 1, figures
    (found,) = matching
    assert isinstance(found, Premise)
    assert found.basis is basis
    assert found.source is not None and set(found.source.paragraphs) <= {2, 3}


def test_the_stakes_are_a_linked_argument_with_an_implicit_premise(sejong: ArgumentMap) -> None:
    (linked,) = [
        relation
        for relation in sejong.relations
        if isinstance(relation, Support) and relation.target == "stakes" and len(relation.by) > 1
    ]
    assert set(linked.by) == {"ties-deepened", "worth-protecting"}
    assert premise(sejong, "worth-protecting").implicit
    assert "thesis" in {r.target for r in sejong.relations if "stakes" in r.by}


def test_the_author_undercuts_the_step_from_past_growth_to_a_bright_future(
    sejong: ArgumentMap,
) -> None:
    # Paragraph 8: notwithstanding the progress, the future is uncertain. The author grants
    # the growth and denies that it vouches for the future: an undercut, not a rebuttal.
    step = sejong.relation("ties-deepened->outlook")
    assert isinstance(step, Support)
    undercut = [
        relation
        for relation in sejong.relations
        if isinstance(relation, Attack) and relation.target == step.id
    ]
    assert [relation.attacker for relation in undercut] == ["uncertain"]
    uncertain = sejong.node("uncertain")
    assert uncertain.source is not None and 8 in uncertain.source.paragraphs
    assert "thesis" in {r.target for r in sejong.relations if "uncertain" in r.by}


# --- the three challenges (paragraphs 5-7) ----------------------------------------------


@pytest.mark.parametrize(
    ("challenge", "paragraphs", "figures"),
    [
        ("geopolitics", {5, 6}, ("THAAD", "Quad", "NATO", "Tokyo", "strategic ambiguity")),
        (
            "geoeconomics",
            {7},
            ("IPEF", "May 2022", "25%", "23%", "biggest trading partner", "Trump"),
        ),
        ("identity", {7}, ("Pew", "80%", "kimchi", "Goguryeo", "2017")),
    ],
)
def test_each_challenge_is_a_rebuttal_of_the_outlook_with_its_evidence(
    sejong: ArgumentMap, challenge: str, paragraphs: set[int], figures: tuple[str, ...]
) -> None:
    node = sejong.node(challenge)
    assert node.kind == "rebuttal"
    assert challenge in attackers(sejong, "outlook")
    assert node.source is not None and set(node.source.paragraphs) == paragraphs
    # The evidence: premises supporting the challenge, or supporting those premises.
    direct = supporters(sejong, challenge)
    premises = {n for n in direct if sejong.node(n).kind == "premise"}
    premises |= {n for p in premises for n in supporters(sejong, p)}
    assert len(premises) >= 3, challenge
    text = " ".join(sejong.node(n).text for n in premises)
    for figure in figures:
        assert figure.lower() in text.lower(), (challenge, figure)
    # Each challenge also feeds the claim that the future is uncertain.
    assert challenge in supporters(sejong, "uncertain")


def test_the_figures_of_the_challenges_are_statistic_premises(sejong: ArgumentMap) -> None:
    share = premise(sejong, "trade-share")
    survey = premise(sejong, "pew-survey")
    assert share.basis is Basis.STATISTIC
    assert "25%" in share.text and "23%" in share.text
    assert survey.basis is Basis.STATISTIC
    assert "80%" in survey.text and "Pew" in survey.text


def test_the_author_s_hedges_are_kept(sejong: ArgumentMap) -> None:
    # Paragraph 7: the tilt toward the US "is likely to" jeopardise the economic ties;
    # paragraph 5: the previous government *attempted* to balance the two relationships.
    assert "likely" in sejong.node("geoeconomics").text
    assert "sought" in sejong.node("ambiguity-ended").text


def test_the_trade_dependence_and_the_tilt_are_one_linked_reason(sejong: ArgumentMap) -> None:
    # Paragraph 7: Seoul leans to the US-led blocs *and* China is a quarter of its exports,
    # "thus" its economic ties with China are at risk: neither alone makes the point.
    linked = sejong.relation("ipef-chips+trade-share->geoeconomics")
    assert isinstance(linked, Support)
    assert linked.by == ("ipef-chips", "trade-share")


def test_seoul_s_adjustments_answer_geopolitics_and_are_answered_in_turn(
    sejong: ArgumentMap,
) -> None:
    assert attackers(sejong, "geopolitics") == {"adjustments"}
    assert sejong.node("adjustments").kind == "rebuttal"
    facts = supporters(sejong, "adjustments")
    assert "9 August 2022" in " ".join(sejong.node(n).text for n in facts)
    assert all(premise(sejong, n).basis is Basis.FACT for n in facts)
    # ... but the author adds that geopolitics still shakes the relationship.
    assert attackers(sejong, "adjustments") == {"still-delicate"}


def test_the_challenges_are_answered_by_the_recommendations(sejong: ArgumentMap) -> None:
    assert {"geopolitics", "geoeconomics"} <= supporters(sejong, "respect")
    assert "identity" in supporters(sejong, "counter-hostility")
    assert "identity" in supporters(sejong, "condemn-profiteers")


# --- what should be done (paragraphs 9-12) ----------------------------------------------


def test_there_are_at_least_four_recommendations_each_supported(sejong: ArgumentMap) -> None:
    recommendations = [node for node in sejong.nodes if node.kind == "recommendation"]
    assert len(recommendations) >= 4
    for node in recommendations:
        assert supporters(sejong, node.id), node.id
    cited = {p for node in recommendations if node.source for p in node.source.paragraphs}
    assert cited == {9, 10, 11, 12}


@pytest.mark.parametrize(
    ("recommendation", "paragraph", "reasons"),
    [
        ("win-win", 9, {"thesis", "thesis-grounds"}),
        ("respect", 10, {"no-pressure", "pledge"}),
        ("strategic-empathy", 10, {"no-pressure", "respect"}),
        ("counter-hostility", 11, {"identity", "stoked-hostility"}),
        ("condemn-profiteers", 11, {"profiteers"}),
        ("awareness", 12, {"peace-depends"}),
    ],
)
def test_each_should_of_the_author_is_a_recommendation_with_its_reasons(
    sejong: ArgumentMap, recommendation: str, paragraph: int, reasons: set[str]
) -> None:
    node = sejong.node(recommendation)
    assert node.kind == "recommendation"
    assert node.source is not None and paragraph in node.source.paragraphs
    assert reasons <= supporters(sejong, recommendation)


def test_implicit_premises_are_few_and_marked(sejong: ArgumentMap) -> None:
    implicit = {n.id for n in sejong.nodes if isinstance(n, Premise) and n.implicit}
    assert implicit == {"worth-protecting", "thesis-grounds"}
