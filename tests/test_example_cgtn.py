"""The cgtn example: the reading of Hamzah Rifaat Hussain's CGTN opinion piece that it must keep.

Source document 003 of the seeds: "Taking the China-South Korea relationship forward"
(CGTN, 2022). These tests pin what the map says the piece argues, through the public API
only, so that an edit that loses part of the reading fails here.
"""

from __future__ import annotations

import pytest

import argmap
from argmap import Claim, Premise, Rebuttal, Recommendation, Support
from tests.queries import attackers, premise, supporters

#: The document's blocks of text separated by blank lines (see the seeds' README).
PARAGRAPHS = 17

#: Paragraphs that carry no argument, so no node needs to cite them:
#: 2 is a photo credit ("CFP"), 3 the editor's note introducing the author, 8 and 9 two
#: copies of a photo caption, 16 the call for contributors, 17 page residue ("Search Trends").
#: Paragraph 1, the title block, is argumentative: the title states the thesis.
NON_ARGUMENTATIVE = frozenset({2, 3, 8, 9, 16, 17})


@pytest.fixture(scope="module")
def amap() -> argmap.ArgumentMap:
    return argmap.examples.load("cgtn")


def test_the_source_is_the_cgtn_piece(amap: argmap.ArgumentMap) -> None:
    (source,) = amap.sources
    assert source.id == "opinion"
    assert source.title == "Taking the China-South Korea relationship forward"
    assert source.authors == ("Hamzah Rifaat Hussain",)
    assert source.outlet is not None and "CGTN" in source.outlet
    assert source.date == "2022-08-24"
    assert source.language == "en"


def test_one_main_claim_from_title_opening_and_close(amap: argmap.ArgumentMap) -> None:
    mains = [node for node in amap.nodes if isinstance(node, Claim) and node.main]
    assert [node.id for node in mains] == ["thesis"]
    (thesis,) = mains
    assert thesis.source is not None
    assert {1, 4, 15} <= set(thesis.source.paragraphs)


def test_the_record_to_build_on_is_statistics(amap: argmap.ArgumentMap) -> None:
    figures = " ".join(
        node.text
        for node in amap.nodes
        if isinstance(node, Premise) and node.basis == argmap.Basis.STATISTIC
    )
    for figure in ("$360 billion", "$100 billion", "third-largest", "eighteen years"):
        assert figure in figures, figure
    assert {"trade-investment", "trading-partners"} <= supporters(amap, "much-to-build-on")
    assert "much-to-build-on" in supporters(amap, "thesis")


def test_thaad_is_a_challenge_answered_by_the_qingdao_agreement(
    amap: argmap.ArgumentMap,
) -> None:
    challenge = amap.node("thaad-sensitive")
    assert isinstance(challenge, Rebuttal)
    assert challenge.id in attackers(amap, "thesis")
    assert attackers(amap, "thaad-sensitive") == {"thaad-managed"}
    qingdao = premise(amap, "qingdao-meeting")
    assert qingdao.basis == argmap.Basis.FACT
    assert "Qingdao" in qingdao.text and "Wang Yi" in qingdao.text and "Park Jin" in qingdao.text
    assert "qingdao-meeting" in supporters(amap, "thaad-managed")


def test_us_pressure_is_a_challenge_the_author_dismisses(amap: argmap.ArgumentMap) -> None:
    assert isinstance(amap.node("us-pressure"), Rebuttal)
    assert "us-pressure" in attackers(amap, "trade-focus")
    assert attackers(amap, "us-pressure") == {"containment-failed"}
    assert {"kotra-meeting", "east-asia-reluctant"} <= supporters(amap, "containment-failed")
    assert "us-china-rivalry" in amap.node("us-pressure").tags


def test_negative_sentiment_is_a_challenge_met_by_soft_power(amap: argmap.ArgumentMap) -> None:
    assert isinstance(amap.node("negative-sentiment"), Rebuttal)
    assert "negative-sentiment" in attackers(amap, "thesis")
    assert attackers(amap, "negative-sentiment") == {"image-can-improve"}
    assert {"negative-sentiment", "image-can-improve"} <= supporters(amap, "inform-public")


def test_consistency_undercuts_the_step_from_one_good_year(amap: argmap.ArgumentMap) -> None:
    assert "sound-choices" in supporters(amap, "thesis")
    assert attackers(amap, "sound-choices->thesis") == {"politics-risk"}
    assert "politics-risk" in supporters(amap, "consistent-policy")


def test_the_trade_turn_needs_thaad_eased_and_an_implicit_premise(
    amap: argmap.ArgumentMap,
) -> None:
    linked = amap.relation("thaad-managed+disputes-distract->trade-focus")
    assert isinstance(linked, Support)
    assert premise(amap, "disputes-distract").implicit
    implicit = [n.id for n in amap.nodes if isinstance(n, Premise) and n.implicit]
    assert implicit == ["disputes-distract"]
    assert {"kotra-meeting", "logistics-forum"} <= supporters(amap, "trade-focus")


def test_no_provocation_over_taiwan_rests_on_a_condition_and_an_example(
    amap: argmap.ArgumentMap,
) -> None:
    advice = amap.node("no-provocation")
    assert isinstance(advice, Recommendation)
    assert "taiwan" in advice.tags
    linked = amap.relation("goodwill-condition+thaad-managed->no-provocation")
    assert isinstance(linked, Support)
    example = premise(amap, "yoon-pelosi")
    assert example.basis == argmap.Basis.EXAMPLE
    assert "Pelosi" in example.text
    assert "yoon-pelosi" in supporters(amap, "no-provocation")


def test_every_should_is_a_supported_recommendation(amap: argmap.ArgumentMap) -> None:
    recommendations = {n.id for n in amap.nodes if isinstance(n, Recommendation)}
    assert recommendations == {
        "build-on-positives",
        "no-provocation",
        "consistent-policy",
        "cultural-exchange",
        "inform-public",
    }
    for id in recommendations:
        assert supporters(amap, id), id


def test_cultural_exchange_rests_on_testimony_and_the_pandemic(amap: argmap.ArgumentMap) -> None:
    kim = premise(amap, "kim-jin-gon")
    assert kim.basis == argmap.Basis.TESTIMONY
    assert premise(amap, "covid-pause").basis == argmap.Basis.FACT
    assert supporters(amap, "cultural-exchange") == {"kim-jin-gon", "covid-pause"}


def test_every_argumentative_paragraph_is_cited(amap: argmap.ArgumentMap) -> None:
    cited = {n for node in amap.nodes if node.source for n in node.source.paragraphs}
    argumentative = set(range(1, PARAGRAPHS + 1)) - NON_ARGUMENTATIVE
    assert argumentative - cited == set()
