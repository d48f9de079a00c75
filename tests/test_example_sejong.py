"""The worked example ``sejong`` keeps its reading of the Sejong Institute op-ed (2022).

The document is shared/seeds/000_4e46c6565f430d5f.txt: an op-ed by the chairman of the
Sejong Institute, contributed to China Watch (China Daily). These tests pin what the map
must keep of it, as the author frames it: one prescriptive thesis (the title); thirty years
of progress and the leaders' pledge, granted as considerations the other way; three
challenges (geopolitics, geoeconomics, national identity) as the reasons for the author's
conclusion that the prospects seem uncertain, with their figures and facts; and the steps
the author proposes, each reaching the thesis. Where a link is the analyst's reading rather
than the text's, it is implicit and says why in its note; a link the text makes cites the
paragraph that makes it. Every paragraph is cited, or left out with a reason.
"""

from __future__ import annotations

import pytest

import argmap
from argmap import ArgumentMap, Attack, Basis, Claim, Premise, Recommendation, Support
from tests.queries import attackers, premise, supporters

#: The op-ed has 13 paragraphs (blocks separated by blank lines, the title being 1).
PARAGRAPHS = 13
#: Paragraphs the map leaves out: 13 is the note on the author and where the piece ran.
#: The title (1) is argumentative: it states the thesis.
LEFT_OUT = {13}
#: The three challenges of paragraphs 5-7, each a claim of the author's.
CHALLENGES = ("geopolitics", "geoeconomics", "identity")
#: The links the analyst reads into the text; the text states every other one.
IMPLICIT_RELATIONS = {
    "ties-deepened+worth-protecting->stakes",
    "peace-depends->stakes",
    "identity+stoked-hostility->counter-hostility",
    "respect->thesis",
    "counter-hostility->thesis",
    "condemn-profiteers->thesis",
    "awareness->thesis",
}


@pytest.fixture(scope="module")
def sejong() -> ArgumentMap:
    return argmap.examples.load("sejong")


def cited_by(amap: ArgumentMap, ident: str) -> set[int]:
    """The paragraphs the node or relation ``ident`` cites."""
    item = amap.node(ident) if ident in {n.id for n in amap.nodes} else amap.relation(ident)
    return set(item.source.paragraphs) if item.source is not None else set()


def supported(amap: ArgumentMap, ident: str) -> set[str]:
    """What the node ``ident`` supports, alone or linked with others."""
    return {r.target for r in amap.relations if isinstance(r, Support) and ident in r.by}


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


def test_the_one_main_claim_is_the_prescriptive_title_thesis(sejong: ArgumentMap) -> None:
    mains = [node for node in sejong.nodes if isinstance(node, Claim) and node.main]
    assert [node.id for node in mains] == ["thesis"]
    (thesis,) = mains
    assert cited_by(sejong, "thesis") == {1, 9}
    assert "shared interests" in thesis.text
    # The title says "should avoid"; paragraph 9 "should strive" and "should make every
    # effort": no "must".
    assert "should" in thesis.text and "must" not in thesis.text
    # Paragraph 9's positive-sum aim is part of the thesis, not a separate node.
    assert "both sides win" in thesis.text


def test_every_node_has_a_source_with_paragraphs(sejong: ArgumentMap) -> None:
    for node in sejong.nodes:
        assert node.source is not None, node.id
        assert node.source.doc == "op-ed", node.id
        assert node.source.paragraphs, node.id
        assert set(node.source.paragraphs) <= set(range(1, PARAGRAPHS + 1)), node.id


def test_every_paragraph_is_cited_or_left_out_with_a_reason(sejong: ArgumentMap) -> None:
    cited = {p for item in (*sejong.nodes, *sejong.relations) for p in cited_by(sejong, item.id)}
    assert cited == set(range(1, PARAGRAPHS + 1)) - LEFT_OUT
    left_out = sejong.metadata["paragraphs-left-out"]["op-ed"]
    assert {int(number) for number in left_out} == LEFT_OUT
    assert "author" in left_out["13"]
    assert "non-argumentative-paragraphs" not in sejong.metadata


def test_tags_come_from_the_shared_vocabulary(sejong: ArgumentMap) -> None:
    vocabulary = set(argmap.examples.tags())
    for node in sejong.nodes:
        assert set(node.tags) <= vocabulary, node.id


# --- what the text states and what the analyst reads into it -----------------------------


def test_the_implicit_relations_are_exactly_the_analyst_s_links(sejong: ArgumentMap) -> None:
    implicit = {relation.id for relation in sejong.relations if relation.implicit}
    assert implicit == IMPLICIT_RELATIONS
    for ident in IMPLICIT_RELATIONS:
        relation = sejong.relation(ident)
        assert relation.note is not None, ident
        assert "our reading" in relation.note or "is ours" in relation.note, ident


def test_every_link_the_text_states_cites_where_it_makes_it(sejong: ArgumentMap) -> None:
    for relation in sejong.relations:
        if relation.implicit:
            continue
        assert relation.source is not None, relation.id
        assert relation.source.doc == "op-ed", relation.id
        # The link is made in a paragraph one of its ends cites.
        ends = {*relation.by, relation.target}
        cited = set().union(*(cited_by(sejong, end) for end in ends if "->" not in end))
        assert set(relation.source.paragraphs) & cited, relation.id


def test_implicit_premises_are_few_and_marked(sejong: ArgumentMap) -> None:
    implicit = {n.id for n in sejong.nodes if isinstance(n, Premise) and n.implicit}
    assert implicit == {"worth-protecting", "stoked-hostility"}


# --- thirty years of progress (paragraphs 2-4) ------------------------------------------


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
    # The author never says the progress is what the common interests rest on.
    assert linked.implicit
    assert "thesis" in {r.target for r in sejong.relations if "stakes" in r.by}


def test_the_pledge_cites_only_what_paragraph_4_says(sejong: ArgumentMap) -> None:
    # Paragraph 4 speaks of the 30th anniversary; the year 2022 is not in it.
    pledge = premise(sejong, "pledge")
    assert cited_by(sejong, "pledge") == {4}
    assert "30th" in pledge.text and "2022" not in pledge.text
    assert "respect and reciprocity" in pledge.text


# --- no foil: the author's conclusion, and what the author concedes to it (paragraphs 4, 8)


def test_there_is_no_forecast_for_the_challenges_to_rebut(sejong: ArgumentMap) -> None:
    # The old map invented "the relationship can be expected to keep growing", a view the
    # op-ed never states, and drew the challenges as rebuttals of it.
    ids = {node.id for node in sejong.nodes}
    assert "outlook" not in ids
    assert not any("expected to keep growing" in node.text for node in sejong.nodes)
    for challenge in CHALLENGES:
        assert isinstance(sejong.node(challenge), Claim), challenge
        attacks = [r for r in sejong.relations if isinstance(r, Attack) and challenge in r.by]
        assert attacks == [], challenge


def test_the_author_s_conclusion_is_that_the_prospects_seem_uncertain(
    sejong: ArgumentMap,
) -> None:
    uncertain = sejong.node("uncertain")
    assert isinstance(uncertain, Claim) and not uncertain.main
    assert cited_by(sejong, "uncertain") == {4, 8}
    # "seem daunting" (paragraph 4), "seem uncertain" (paragraph 8): hedged, as the author has it.
    assert "seem uncertain" in uncertain.text and "look daunting" in uncertain.text
    assert set(CHALLENGES) <= supporters(sejong, "uncertain")
    # Paragraph 8 asks what should be done because of it: the text makes this link.
    step = sejong.relation("uncertain->thesis")
    assert not step.implicit
    assert step.source is not None and 8 in step.source.paragraphs


@pytest.mark.parametrize(
    ("conceded", "paragraph", "word"),
    [("ties-deepened", 8, "Notwithstanding"), ("pledge", 4, "Nevertheless")],
)
def test_the_progress_and_the_pledge_are_conceded_against_the_conclusion(
    sejong: ArgumentMap, conceded: str, paragraph: int, word: str
) -> None:
    # The author's own "notwithstanding" and "nevertheless": considerations the author
    # raises, and grants, against the conclusion; not objections to a foil.
    attack = sejong.relation(f"{conceded}->uncertain")
    assert isinstance(attack, Attack)
    assert not attack.implicit
    assert attack.source is not None and attack.source.paragraphs == (paragraph,)
    assert attack.note is not None and word in attack.note
    assert attackers(sejong, "uncertain") == {"ties-deepened", "pledge"}


def test_every_rebuttal_is_a_consideration_the_author_raises(sejong: ArgumentMap) -> None:
    rebuttals = {node.id for node in sejong.nodes if node.kind == "rebuttal"}
    assert rebuttals == {"adjustments"}
    for attack in sejong.relations:
        if isinstance(attack, Attack):
            assert not attack.implicit, attack.id
            assert attack.source is not None, attack.id


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
def test_each_challenge_supports_the_uncertain_prospects_with_its_evidence(
    sejong: ArgumentMap, challenge: str, paragraphs: set[int], figures: tuple[str, ...]
) -> None:
    assert sejong.node(challenge).kind == "claim"
    support = sejong.relation(f"{challenge}->uncertain")
    assert not support.implicit
    assert support.source is not None and 4 in support.source.paragraphs
    # The evidence: premises supporting the challenge, or supporting those premises.
    direct = supporters(sejong, challenge)
    premises = {n for n in direct if sejong.node(n).kind == "premise"}
    premises |= {n for p in premises for n in supporters(sejong, p)}
    assert len(premises) >= 3, challenge
    cited = set().union(*(cited_by(sejong, n) for n in premises))
    assert cited == paragraphs, challenge
    text = " ".join(sejong.node(n).text for n in premises)
    for figure in figures:
        assert figure.lower() in text.lower(), (challenge, figure)


def test_the_figures_of_the_challenges_are_statistic_premises(sejong: ArgumentMap) -> None:
    share = premise(sejong, "trade-share")
    survey = premise(sejong, "pew-survey")
    assert share.basis is Basis.STATISTIC
    assert "25%" in share.text and "23%" in share.text
    assert survey.basis is Basis.STATISTIC
    assert "80%" in survey.text and "Pew" in survey.text


def test_the_author_s_hedges_are_kept(sejong: ArgumentMap) -> None:
    # Paragraph 7: the tilt toward the US "is likely to" jeopardise the economic ties, and
    # young people are "the major drivers" of the hostility (not "the main" ones);
    # paragraph 5: the previous government *attempted* to balance the two relationships;
    # paragraph 7: Seoul "is expected to" join the chip alliance.
    assert "likely" in sejong.node("geoeconomics").text
    assert "the major drivers" in sejong.node("youth-online").text
    assert "main" not in sejong.node("youth-online").text
    assert "sought" in sejong.node("ambiguity-ended").text
    assert "expected to join" in sejong.node("ipef-chips").text
    assert "most formidable" in sejong.node("geopolitics").text


def test_the_trade_dependence_and_the_tilt_are_one_linked_reason(sejong: ArgumentMap) -> None:
    # Paragraph 7: Seoul leans to the US-led blocs *and* China is a quarter of its exports,
    # "thus" its economic ties with China are at risk: neither alone makes the point.
    linked = sejong.relation("ipef-chips+trade-share->geoeconomics")
    assert isinstance(linked, Support)
    assert linked.by == ("ipef-chips", "trade-share")
    assert linked.source is not None and linked.source.paragraphs == (7,)


def test_seoul_s_adjustments_are_reported_and_answered_by_the_author(
    sejong: ArgumentMap,
) -> None:
    assert attackers(sejong, "geopolitics") == {"adjustments"}
    assert sejong.node("adjustments").kind == "rebuttal"
    facts = supporters(sejong, "adjustments")
    assert "9 August 2022" in " ".join(sejong.node(n).text for n in facts)
    assert all(premise(sejong, n).basis is Basis.FACT for n in facts)
    # The author's "But" grants the adjustments and keeps the challenge: it supports the
    # challenge; it does not say the adjustments did not happen.
    assert "still-delicate" in supporters(sejong, "geopolitics")
    assert attackers(sejong, "adjustments") == set()


# --- what should be done (paragraphs 9-12) ----------------------------------------------


def test_every_recommendation_reaches_the_thesis(sejong: ArgumentMap) -> None:
    recommendations = [node for node in sejong.nodes if isinstance(node, Recommendation)]
    assert len(recommendations) == 5
    cited = set().union(*(cited_by(sejong, node.id) for node in recommendations))
    assert cited == {10, 11, 12}
    for node in recommendations:
        seen, todo = {node.id}, [node.id]
        while todo:
            for target in supported(sejong, todo.pop()) - seen:
                seen.add(target)
                todo.append(target)
        assert "thesis" in seen, node.id


@pytest.mark.parametrize(
    ("recommendation", "paragraph", "reasons", "serves"),
    [
        ("respect", 10, {"no-pressure", "strategic-empathy"}, "thesis"),
        ("strategic-empathy", 10, {"no-pressure"}, "respect"),
        ("counter-hostility", 11, {"identity", "stoked-hostility"}, "thesis"),
        ("condemn-profiteers", 11, {"profiteers"}, "thesis"),
        ("awareness", 12, {"peace-depends"}, "thesis"),
    ],
)
def test_each_should_of_the_author_is_a_recommendation_with_its_reasons(
    sejong: ArgumentMap, recommendation: str, paragraph: int, reasons: set[str], serves: str
) -> None:
    node = sejong.node(recommendation)
    assert node.kind == "recommendation"
    assert cited_by(sejong, recommendation) == {paragraph}
    assert supporters(sejong, recommendation) == reasons
    assert supported(sejong, recommendation) == {serves}


def test_reasons_the_author_did_not_give_are_not_drawn(sejong: ArgumentMap) -> None:
    # The author never ties respect and reciprocity to the geopolitical or geoeconomic
    # challenges, nor to the leaders' pledge that used the same words.
    assert not {"geopolitics", "geoeconomics", "pledge"} & supporters(sejong, "respect")
    # The one challenge drawn as a reason for a step is the analyst's reading, and says so.
    from_challenges = [
        r for r in sejong.relations if set(r.by) & set(CHALLENGES) and r.target != "uncertain"
    ]
    assert [r.id for r in from_challenges] == ["identity+stoked-hostility->counter-hostility"]
    assert from_challenges[0].implicit


def test_each_step_serves_the_thesis_only_in_the_analyst_s_reading(sejong: ArgumentMap) -> None:
    # Paragraphs 9-12 answer paragraph 8's question; which step serves what is not said.
    to_thesis = [
        r
        for r in sejong.relations
        if r.target == "thesis" and isinstance(sejong.node(r.by[0]), Recommendation)
    ]
    assert {r.by[0] for r in to_thesis} == {
        "respect",
        "counter-hostility",
        "condemn-profiteers",
        "awareness",
    }
    for relation in to_thesis:
        assert relation.implicit, relation.id
        assert relation.note is not None and "paragraph 8" in relation.note, relation.id
    # "In this regard" (paragraph 10) is the text's own link.
    empathy = sejong.relation("strategic-empathy->respect")
    assert not empathy.implicit and empathy.note is not None and "In this regard" in empathy.note
