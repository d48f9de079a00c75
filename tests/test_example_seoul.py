"""The seoul example: the reading of the Seoul Institute report summary that it must keep.

Source document 004 of the seeds: Min-gyu Lee and Eun-hyun Park, "Diagnosis on the 30 Years
of South Korea-China Relations and Seoul's City Diplomacy Strategy toward China in the
Transition Period". These tests pin what the map says the report argues, through the public
API only, so that an edit that loses part of the reading fails here. They also pin the
review against the source (issue 9): the report's prescriptive theses are main claims that
its recommendations reach, its own diagnosis is drawn as reasons rather than as objections
to an expectation nobody states, and every pairing of a finding with a recommendation that
the report does not make is marked implicit, with a note.
"""

from __future__ import annotations

import pytest

import argmap
from argmap import Claim, Premise, Rebuttal, Recommendation, Support
from tests.queries import attackers, claim, premise, supporters

#: The document's blocks of text separated by blank lines (see the seeds' README).
PARAGRAPHS = 10

#: The paragraphs the map leaves out on purpose (metadata ``paragraphs-left-out``): 1 is the
#: institute's logo, 2 the page navigation ("You are here"), 4 the authors' names.
#: Paragraph 3, the title, announces the diagnosis and the strategy; main claims cite it.
LEFT_OUT = frozenset({1, 2, 4})

#: The three main claims: the diagnosis, and the two prescriptive theses.
MAINS = {"crossroads", "step-by-step", "city-strategy"}

#: The steps of the approach paragraph 9 says needs to be considered.
NATIONAL_STEPS = {"crisis-management", "public-diplomacy", "regular-exchanges", "problem-solving"}

#: The strategies paragraph 10 gives Seoul City, each with the limit of paragraph 8 (or the
#: finding) the map reads it as answering. The report pairs none of them itself.
CITY_STRATEGIES = {
    "network-diplomacy": "no-network-diplomacy",
    "regionalisation": "beijing-only",
    "sister-city-meeting": "idle-sister-cities",
    "database": "seoul-limits",
    "china-team": "no-big-picture",
    "discussion-system": "idle-sister-cities",
}

#: Every support the text does not state, which the analyst reads into it.
IMPLICIT = {
    "image-decline->public-diplomacy",
    "approach-criticised->problem-solving",
    *(f"{reason}->{strategy}" for strategy, reason in CITY_STRATEGIES.items()),
}


@pytest.fixture(scope="module")
def amap() -> argmap.ArgumentMap:
    return argmap.examples.load("seoul")


def cites(amap: argmap.ArgumentMap, relation: str) -> tuple[int, ...]:
    """The paragraphs a relation cites, or () when it cites none."""
    source = amap.relation(relation).source
    return () if source is None else source.paragraphs


def test_the_source_is_the_seoul_institute_report(amap: argmap.ArgumentMap) -> None:
    (source,) = amap.sources
    assert source.id == "report"
    assert source.title.startswith("Diagnosis on the 30 Years of South Korea-China Relations")
    assert source.authors == ("Min-gyu Lee", "Eun-hyun Park")
    assert source.affiliation == "The Seoul Institute"
    assert source.language == "en"


def test_the_diagnosis_and_both_prescriptive_theses_are_main(amap: argmap.ArgumentMap) -> None:
    mains = {node.id for node in amap.nodes if isinstance(node, Claim) and node.main}
    assert mains == MAINS
    # the title announces the diagnosis and Seoul's strategy; paragraph 9 draws the approach
    for id in ("crossroads", "city-strategy"):
        source = amap.node(id).source
        assert source is not None and 3 in source.paragraphs, id
    assert claim(amap, "step-by-step").source == argmap.SourceRef("report", (9,))
    # Seoul's own diagnosis is now a reason for its strategy, not a thesis of its own
    assert not claim(amap, "seoul-limits").main
    assert "seoul-limits" in supporters(amap, "city-strategy")


def test_the_city_strategy_is_a_main_claim_with_its_stated_reasons(
    amap: argmap.ArgumentMap,
) -> None:
    strategy = claim(amap, "city-strategy")
    assert strategy.main and "city-diplomacy" in strategy.tags
    assert strategy.source is not None and strategy.source.paragraphs == (3, 9, 10)
    assert "needs to" in strategy.text and "checking yet cooperating" in strategy.text
    # "As the capital, Seoul City needs to check, but cooperate with ..." (paragraph 10):
    # the capital is a reason on its own; no analyst's premise is linked to it any more
    assert isinstance(amap.relation("capital->city-strategy"), Support)
    assert cites(amap, "capital->city-strategy") == (10,)
    # "Based on the critical assessment ... Seoul City is required to seek its roles" (9)
    for reason in ("crossroads", "seoul-limits"):
        support = amap.relation(f"{reason}->city-strategy")
        assert not support.implicit and cites(amap, support.id) == (9,), reason
    # the count of city deals was never given as a reason for Seoul's strategy
    assert "city-deals" not in supporters(amap, "city-strategy")


def test_need_to_be_considered_stays_a_consideration(amap: argmap.ArgumentMap) -> None:
    approach = claim(amap, "step-by-step")
    assert not isinstance(approach, Recommendation)
    assert approach.text.endswith("needs to be considered.")
    assert cites(amap, "crossroads->step-by-step") == (9,)
    # no analyst's principle stands between the assessment and the approach any more
    assert supporters(amap, "step-by-step") == {"crossroads", *NATIONAL_STEPS}


def test_every_step_of_the_approach_supports_it_as_the_text_says(
    amap: argmap.ArgumentMap,
) -> None:
    for id in NATIONAL_STEPS:
        assert isinstance(amap.node(id), Recommendation), id
        support = amap.relation(f"{id}->step-by-step")
        assert not support.implicit and cites(amap, support.id) == (9,), id
    # the reasons paragraph 9 gives, in its own words, are stated
    assert supporters(amap, "crisis-management") == {"escalation-risk"}
    assert supporters(amap, "regular-exchanges") == {"synergy"}
    for reason in ("escalation-risk", "synergy"):
        assert not premise(amap, reason).implicit
    # "need to", not "should"
    for id in ("crisis-management", "public-diplomacy"):
        assert "need to" in amap.node(id).text, id


def test_each_of_seoul_city_s_strategies_is_part_of_the_city_strategy(
    amap: argmap.ArgumentMap,
) -> None:
    for id, reason in CITY_STRATEGIES.items():
        node = amap.node(id)
        assert isinstance(node, Recommendation), id
        assert "city-diplomacy" in node.tags, id
        assert node.source is not None and node.source.paragraphs == (10,), id
        part = amap.relation(f"{id}->city-strategy")
        assert not part.implicit and cites(amap, part.id) == (10,), id
        assert supporters(amap, id) == {reason}, id
    # "Along with this" is a strategy of its own, not folded into the database
    assert "team" not in amap.node("database").text


def test_pairings_the_report_does_not_make_are_implicit_with_notes(
    amap: argmap.ArgumentMap,
) -> None:
    implicit = {r.id for r in amap.relations if r.implicit}
    assert implicit == IMPLICIT
    for id in implicit:
        relation = amap.relation(id)
        assert relation.note, id
    # and no implicit premise is left: the analyst's two were reasons the report never gave
    assert not [n.id for n in amap.nodes if isinstance(n, Premise) and n.implicit]
    for gone in ("crossroads-calls", "uncoordinated"):
        with pytest.raises(KeyError):
            amap.node(gone)


def test_no_foils_the_diagnosis_is_reasons_not_rebuttals(amap: argmap.ArgumentMap) -> None:
    # The report raises and reports no objection to its own claims; the old map staged its
    # diagnosis as rebuttals of an expectation it reconstructed ("liberal-promise").
    assert not [n.id for n in amap.nodes if isinstance(n, Rebuttal)]
    assert not [r.id for r in amap.relations if not isinstance(r, Support)]
    for gone in ("liberal-promise", "cultural-affinity", "institutionalised"):
        with pytest.raises(KeyError):
            amap.node(gone)
    troubles = {
        "approach-criticised",
        "external-shocks",
        "perception-gap",
        "thaad-subordination",
        "political-tool",
        "image-decline",
        "harsher-setting",
    }
    assert troubles <= supporters(amap, "crossroads")
    assert "peninsula-crises" in supporters(amap, "perception-gap")
    assert "nationalism" in supporters(amap, "image-decline")
    assert "thaad" in amap.node("thaad-subordination").tags


def test_who_holds_each_view_and_how_firmly(amap: argmap.ArgumentMap) -> None:
    # paragraph 6 reports a criticism: the critics' view, as testimony
    criticism = premise(amap, "approach-criticised")
    assert criticism.basis == argmap.Basis.TESTIMONY and "Critics" in criticism.text
    # "amid" the crises, not "exposed by" them
    assert "amid" in amap.node("peninsula-crises").text
    # "neither substantial cooperation": none, not little
    assert "no substantial cooperation" in amap.node("idle-sister-cities").text
    # paragraph 8's account of Seoul's progress is part of its diagnosis, not an objection
    assert {"seoul-partners", "joint-committee"} <= supporters(amap, "seoul-limits")
    assert attackers(amap, "seoul-limits") == set()


def test_thirty_years_of_growth_are_statistics(amap: argmap.ArgumentMap) -> None:
    statistics = {
        node.id: node.text
        for node in amap.nodes
        if isinstance(node, Premise) and node.basis == argmap.Basis.STATISTIC
    }
    figures = " ".join(statistics.values())
    for figure in (
        "375,000",
        "12.84 million",
        "$6.4 billion",
        "$241.5 billion",
        "47 summits",
        "129",
        "672",
        "41.5%",
    ):
        assert figure in figures, figure
    assert set(statistics) <= supporters(amap, "close-ties")
    assert cites(amap, "close-ties->crossroads") == (9,)
    upgrades = premise(amap, "upgrades")
    assert upgrades.basis == argmap.Basis.FACT
    assert "1998" in upgrades.text


def test_every_recommendation_has_a_reason_and_serves_a_main_claim(
    amap: argmap.ArgumentMap,
) -> None:
    recommendations = {n.id for n in amap.nodes if isinstance(n, Recommendation)}
    assert recommendations == NATIONAL_STEPS | set(CITY_STRATEGIES)
    for id in recommendations:
        assert supporters(amap, id), id
        served = {s.target for s in amap.relations if isinstance(s, Support) and id in s.by}
        assert served in ({"step-by-step"}, {"city-strategy"}), id


def test_every_paragraph_is_cited_or_left_out_with_a_reason(amap: argmap.ArgumentMap) -> None:
    left_out = amap.metadata["paragraphs-left-out"]["report"]
    assert {int(n) for n in left_out} == LEFT_OUT
    assert all(reason.strip() for reason in left_out.values())
    assert "non-argumentative-paragraphs" not in amap.metadata
    cited = {n for node in amap.nodes if node.source for n in node.source.paragraphs}
    assert cited == set(range(1, PARAGRAPHS + 1)) - LEFT_OUT
