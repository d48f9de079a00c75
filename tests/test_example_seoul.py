"""The seoul example: the reading of the Seoul Institute report summary that it must keep.

Source document 004 of the seeds: Min-gyu Lee and Eun-hyun Park, "Diagnosis on the 30 Years
of South Korea-China Relations and Seoul's City Diplomacy Strategy toward China in the
Transition Period". These tests pin what the map says the report argues, through the public
API only, so that an edit that loses part of the reading fails here.
"""

from __future__ import annotations

import pytest

import argmap
from argmap import Claim, Premise, Rebuttal, Recommendation, Support
from tests.queries import attackers, supporters

#: The document's blocks of text separated by blank lines (see the seeds' README).
PARAGRAPHS = 10

#: Paragraphs that carry no argument, so no node needs to cite them: 1 is the institute's
#: logo, 2 page navigation ("You are here"), 4 the authors' names. Paragraph 3, the title,
#: is argumentative: it announces the two diagnoses, and the main claims cite it.
NON_ARGUMENTATIVE = frozenset({1, 2, 4})

#: The five strategies the report gives Seoul City (paragraph 10), each with a limit of
#: Seoul's present China diplomacy (paragraph 8) that calls for it.
CITY_STRATEGIES = {
    "network-diplomacy": "no-network-diplomacy",
    "regionalisation": "beijing-only",
    "sister-city-meeting": "idle-sister-cities",
    "database": "no-big-picture",
    "discussion-system": "idle-sister-cities",
}


@pytest.fixture(scope="module")
def amap() -> argmap.ArgumentMap:
    return argmap.examples.load("seoul")


def test_the_source_is_the_seoul_institute_report(amap: argmap.ArgumentMap) -> None:
    (source,) = amap.sources
    assert source.id == "report"
    assert source.title.startswith("Diagnosis on the 30 Years of South Korea-China Relations")
    assert source.authors == ("Min-gyu Lee", "Eun-hyun Park")
    assert source.affiliation == "The Seoul Institute"
    assert source.language == "en"


def test_two_main_claims_one_per_diagnosis(amap: argmap.ArgumentMap) -> None:
    mains = {node.id for node in amap.nodes if isinstance(node, Claim) and node.main}
    assert mains == {"crossroads", "seoul-lacks-strategy"}
    for id in mains:
        source = amap.node(id).source
        assert source is not None and 3 in source.paragraphs, id
    assert "city-diplomacy" in amap.node("seoul-lacks-strategy").tags


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
    assert "close-ties" in supporters(amap, "crossroads")
    upgrades = amap.node("upgrades")
    assert isinstance(upgrades, Premise) and upgrades.basis == argmap.Basis.FACT
    assert "1998" in upgrades.text


def test_the_challenges_attack_the_liberal_expectation(amap: argmap.ArgumentMap) -> None:
    challenges = {
        "approach-criticised",
        "external-shocks",
        "perception-gap",
        "thaad-subordination",
    }
    for id in challenges:
        assert isinstance(amap.node(id), Rebuttal), id
    assert attackers(amap, "liberal-promise") == challenges
    assert "peninsula-crises" in supporters(amap, "perception-gap")
    assert "thaad" in amap.node("thaad-subordination").tags
    assert {"external-shocks", "thaad-subordination", "political-tool"} <= supporters(
        amap, "crossroads"
    )


def test_interdependence_and_nationalism_undercut_the_liberal_inferences(
    amap: argmap.ArgumentMap,
) -> None:
    # granted that ties are close and the cultures alike, neither draws the two together
    assert attackers(amap, "close-ties->liberal-promise") == {"political-tool"}
    assert attackers(amap, "cultural-affinity->liberal-promise") == {"nationalism"}
    assert "economic-security" in amap.node("political-tool").tags
    assert "nationalism" in supporters(amap, "image-decline")


def test_the_institutionalisation_objection_is_answered(amap: argmap.ArgumentMap) -> None:
    assert isinstance(amap.node("institutionalised"), Rebuttal)
    assert attackers(amap, "seoul-lacks-strategy") == {"institutionalised"}
    assert attackers(amap, "institutionalised") == {"beijing-only"}
    assert "seoul-partners" in supporters(amap, "institutionalised")
    limits = {"beijing-only", "idle-sister-cities", "no-network-diplomacy", "no-big-picture"}
    assert limits <= supporters(amap, "seoul-lacks-strategy")


def test_the_national_steps_are_supported_recommendations(amap: argmap.ArgumentMap) -> None:
    steps = {
        "step-by-step": "crossroads",
        "crisis-management": "peninsula-crises",
        "public-diplomacy": "image-decline",
        "regular-exchanges": "uncoordinated",
        "problem-solving": "approach-criticised",
    }
    for id, reason in steps.items():
        assert isinstance(amap.node(id), Recommendation), id
        assert reason in supporters(amap, id), id
    assert isinstance(amap.relation("crossroads-calls+crossroads->step-by-step"), Support)
    assert isinstance(amap.relation("uncoordinated+close-ties->regular-exchanges"), Support)


def test_seoul_city_gets_its_role_and_five_strategies(amap: argmap.ArgumentMap) -> None:
    role = amap.node("city-role")
    assert isinstance(role, Recommendation)
    assert "seoul-lacks-strategy" in supporters(amap, "city-role")
    assert isinstance(amap.relation("capital+no-big-picture->city-role"), Support)
    for id, limit in CITY_STRATEGIES.items():
        node = amap.node(id)
        assert isinstance(node, Recommendation), id
        assert "city-diplomacy" in node.tags, id
        assert limit in supporters(amap, id), id
        assert node.source is not None and node.source.paragraphs == (10,), id


def test_every_should_is_a_supported_recommendation(amap: argmap.ArgumentMap) -> None:
    recommendations = [n.id for n in amap.nodes if isinstance(n, Recommendation)]
    assert len(recommendations) == 11
    for id in recommendations:
        assert supporters(amap, id), id


def test_implicit_premises_are_few_and_marked(amap: argmap.ArgumentMap) -> None:
    implicit = {n.id for n in amap.nodes if isinstance(n, Premise) and n.implicit}
    assert implicit == {"crossroads-calls", "uncoordinated"}


def test_every_argumentative_paragraph_is_cited(amap: argmap.ArgumentMap) -> None:
    cited = {n for node in amap.nodes if node.source for n in node.source.paragraphs}
    argumentative = set(range(1, PARAGRAPHS + 1)) - NON_ARGUMENTATIVE
    assert argumentative - cited == set()
