"""The cgtn example: the reading of Hamzah Rifaat Hussain's CGTN opinion piece that it must keep.

Source document 003 of the seeds: "Taking the China-South Korea relationship forward"
(CGTN, 2022). These tests pin what the map says the piece argues, through the public API
only, so that an edit that loses part of the reading fails here: the prescriptive thesis of
the title and the conclusion as the main claim, every recommendation joined to it with the
author's reason, the challenges the author raises with his answers, the conditions he sets
kept as conditions, and the links that are the analyst's reading marked as such.
"""

from __future__ import annotations

import pytest

import argmap
from argmap import Attack, Claim, Premise, Rebuttal, Recommendation, Support
from tests.queries import attackers, premise, supporters

#: The document's blocks of text separated by blank lines (see the seeds' README).
PARAGRAPHS = 17

#: Paragraphs the map leaves out, in its metadata, with a reason each: 2 is a photo credit
#: ("CFP"), 3 the editor's note introducing the author, 9 the second copy of the photo
#: caption of paragraph 8, 16 the call for contributors, 17 page residue ("Search Trends").
#: Paragraph 1, the title block, states the thesis; paragraph 8, the caption, dates the
#: Qingdao meeting.
LEFT_OUT = frozenset({2, 3, 9, 16, 17})

#: The relations that are the analyst's reading, not the text's.
IMPLICIT = frozenset(
    {
        "build-on-positives->thesis",
        "thaad-sensitive->outlook",
        "trade-focus->build-on-positives",
        "us-pressure->trade-focus",
        "trade-despite-pressure->containment-failed",
    }
)


@pytest.fixture(scope="module")
def amap() -> argmap.ArgumentMap:
    return argmap.examples.load("cgtn")


def cited_paragraphs(amap: argmap.ArgumentMap) -> set[int]:
    """Every paragraph a node or a relation cites."""
    sources = [item.source for item in (*amap.nodes, *amap.relations)]
    return {n for source in sources if source is not None for n in source.paragraphs}


# --- the map as a whole -------------------------------------------------------------------


def test_the_source_is_the_cgtn_piece(amap: argmap.ArgumentMap) -> None:
    (source,) = amap.sources
    assert source.id == "opinion"
    assert source.title == "Taking the China-South Korea relationship forward"
    assert source.authors == ("Hamzah Rifaat Hussain",)
    assert source.outlet is not None and "CGTN" in source.outlet
    assert source.date == "2022-08-24"
    assert source.language == "en"


def test_every_paragraph_is_cited_or_left_out_with_a_reason(amap: argmap.ArgumentMap) -> None:
    reasons = amap.metadata["paragraphs-left-out"]["opinion"]
    left_out = {int(number) for number in reasons}
    assert left_out == LEFT_OUT
    assert all(reason.strip() for reason in reasons.values())
    cited = cited_paragraphs(amap)
    assert cited | left_out == set(range(1, PARAGRAPHS + 1))
    assert not cited & left_out
    assert "non-argumentative-paragraphs" not in amap.metadata


def test_the_photo_caption_is_cited_only_for_the_date_of_the_qingdao_meeting(
    amap: argmap.ArgumentMap,
) -> None:
    citing = [node.id for node in amap.nodes if node.source and 8 in node.source.paragraphs]
    assert citing == ["qingdao-meeting"]
    assert "9 August 2022" in amap.node("qingdao-meeting").text


# --- the thesis: the title and the conclusion prescribe ------------------------------------


def test_the_prescriptive_thesis_of_title_and_conclusion_is_the_one_main_claim(
    amap: argmap.ArgumentMap,
) -> None:
    mains = [node for node in amap.nodes if isinstance(node, Claim) and node.main]
    assert [node.id for node in mains] == ["thesis"]
    (thesis,) = mains
    assert thesis.source is not None and set(thesis.source.paragraphs) == {1, 15}
    assert "take their relationship forward" in thesis.text
    assert "new heights" in thesis.text


def test_the_hopeful_opening_is_a_reason_for_the_thesis_not_the_thesis(
    amap: argmap.ArgumentMap,
) -> None:
    outlook = amap.node("outlook")
    assert isinstance(outlook, Claim) and not outlook.main
    assert outlook.source is not None and outlook.source.paragraphs == (4,)
    # "With a futuristic outlook": the author's condition on the hopeful forecast is kept.
    assert "looking ahead" in outlook.text and "can stay" in outlook.text
    assert supporters(amap, "thesis") >= {"outlook"}
    assert {"anniversary-messages", "much-to-build-on"} <= supporters(amap, "outlook")


# --- every recommendation serves the thesis, with the author's reason ----------------------


@pytest.mark.parametrize(
    ("recommendation", "reason", "paragraph"),
    [
        ("no-provocation", "goodwill-condition", 7),
        ("consistent-policy", "sound-choices", 12),
        ("cultural-exchange", "kim-jin-gon", 13),
        ("inform-public", "right-image", 14),
    ],
)
def test_a_recommendation_reaches_the_thesis_with_the_reason_the_author_gives(
    amap: argmap.ArgumentMap, recommendation: str, reason: str, paragraph: int
) -> None:
    support = amap.relation(f"{recommendation}+{reason}->thesis")
    assert isinstance(support, Support)
    assert not support.implicit
    assert support.source is not None and support.source.paragraphs == (paragraph,)


def test_building_on_the_trends_serves_the_thesis_by_our_reading(
    amap: argmap.ArgumentMap,
) -> None:
    support = amap.relation("build-on-positives->thesis")
    assert isinstance(support, Support)
    assert support.implicit and support.note
    assert {"much-to-build-on", "thaad-sensitive", "trade-focus"} == supporters(
        amap, "build-on-positives"
    )


def test_the_five_recommendations_each_support_the_thesis(amap: argmap.ArgumentMap) -> None:
    recommendations = {n.id for n in amap.nodes if isinstance(n, Recommendation)}
    assert recommendations == {
        "build-on-positives",
        "no-provocation",
        "consistent-policy",
        "cultural-exchange",
        "inform-public",
    }
    assert recommendations <= supporters(amap, "thesis")


def test_every_recommendation_has_reasons_of_its_own(amap: argmap.ArgumentMap) -> None:
    for id in ("build-on-positives", "no-provocation", "consistent-policy", "inform-public"):
        assert supporters(amap, id), id
    assert supporters(amap, "cultural-exchange") == {"covid-pause"}


# --- modality as the author writes it ------------------------------------------------------


def test_a_condition_is_not_turned_into_a_should(amap: argmap.ArgumentMap) -> None:
    advice = amap.node("no-provocation")
    assert isinstance(advice, Recommendation)
    assert "should" not in advice.text
    assert advice.note is not None and "condition" in advice.note
    condition = premise(amap, "goodwill-condition")
    assert " if " in condition.text and "can be carried forward" in condition.text


@pytest.mark.parametrize(
    ("id", "words"),
    [
        ("build-on-positives", "should strive"),  # "should strive toward", not "should"
        ("consistent-policy", "must be"),  # "must be devoid of politics"
        ("momentum-payoff", "will give"),  # "will provide", not "would"
        ("right-image", "will go a long way"),
        ("inform-public", "need to be told"),  # "there is also a need to inform"
        ("cultural-exchange", "need for more"),  # "spotlights the need for greater"
    ],
)
def test_the_modality_is_the_authors(amap: argmap.ArgumentMap, id: str, words: str) -> None:
    assert words in amap.node(id).text


# --- the record to build on (paragraphs 4-6) -----------------------------------------------


def test_the_record_to_build_on_is_statistics(amap: argmap.ArgumentMap) -> None:
    figures = " ".join(
        node.text
        for node in amap.nodes
        if isinstance(node, Premise) and node.basis == argmap.Basis.STATISTIC
    )
    for figure in ("$360 billion", "$100 billion", "third-largest", "eighteen years"):
        assert figure in figures, figure
    assert {"trade-investment", "trading-partners"} == supporters(amap, "much-to-build-on")
    # "With such historical and contemporary precedents, both sides should strive ..."
    link = amap.relation("much-to-build-on->build-on-positives")
    assert link.source is not None and link.source.paragraphs == (6,)


# --- challenges the author raises, and his answers -----------------------------------------


def test_thaad_is_a_challenge_raised_and_answered_by_the_qingdao_agreement(
    amap: argmap.ArgumentMap,
) -> None:
    challenge = amap.node("thaad-sensitive")
    assert isinstance(challenge, Rebuttal)
    assert attackers(amap, "outlook") == {"thaad-sensitive"}
    # The author lists it among the challenges to handle ("For example") ...
    assert "thaad-sensitive" in supporters(amap, "build-on-positives")
    # ... and answers it, in so many words, with the agreement to keep it from obstructing ties.
    assert attackers(amap, "thaad-sensitive") == {"thaad-managed"}
    answer = amap.relation("thaad-managed->thaad-sensitive")
    assert not answer.implicit
    assert answer.source is not None and answer.source.paragraphs == (7,)
    qingdao = premise(amap, "qingdao-meeting")
    assert qingdao.basis == argmap.Basis.FACT
    assert "Qingdao" in qingdao.text and "Wang Yi" in qingdao.text and "Park Jin" in qingdao.text
    assert "qingdao-meeting" in supporters(amap, "thaad-managed")


def test_us_pressure_is_a_challenge_the_author_dismisses(amap: argmap.ArgumentMap) -> None:
    assert isinstance(amap.node("us-pressure"), Rebuttal)
    assert attackers(amap, "trade-focus") == {"us-pressure"}
    assert attackers(amap, "us-pressure") == {"containment-failed"}
    assert supporters(amap, "containment-failed") == {
        "east-asia-reluctant",
        "trade-despite-pressure",
    }
    # The author's own reason for the failure ("as the majority ...") is stated ...
    assert not amap.relation("east-asia-reluctant->containment-failed").implicit
    # ... the 2022 trade as evidence of it is our reading.
    assert amap.relation("trade-despite-pressure->containment-failed").implicit
    assert "us-china-rivalry" in amap.node("us-pressure").tags


def test_the_only_rebuttals_are_the_two_challenges_and_the_two_answers(
    amap: argmap.ArgumentMap,
) -> None:
    rebuttals = {n.id for n in amap.nodes if isinstance(n, Rebuttal)}
    assert rebuttals == {"thaad-sensitive", "thaad-managed", "us-pressure", "containment-failed"}


def test_negative_sentiment_is_the_authors_diagnosis_not_a_foil(amap: argmap.ArgumentMap) -> None:
    diagnosis = premise(amap, "negative-sentiment")
    assert diagnosis.basis == argmap.Basis.FACT
    assert not [r for r in amap.relations if isinstance(r, Attack) and "negative-sentiment" in r.by]
    assert supporters(amap, "inform-public") == {"negative-sentiment"}
    for gone in ("image-can-improve", "politics-risk"):
        assert gone not in {node.id for node in amap.nodes}


# --- conditions are not objections ---------------------------------------------------------


def test_consistency_is_a_recommendation_not_an_undercut(amap: argmap.ArgumentMap) -> None:
    supports = {r.id for r in amap.relations if isinstance(r, Support)}
    undercuts = [r.id for r in amap.relations if isinstance(r, Attack) and r.target in supports]
    assert undercuts == []
    assert isinstance(amap.node("consistent-policy"), Recommendation)
    # "Such sound ... decisions are commendable ..., but the key is consistency": linked.
    assert isinstance(amap.relation("consistent-policy+sound-choices->thesis"), Support)
    assert "trade-despite-pressure" in supporters(amap, "consistent-policy")
    assert {"qingdao-meeting", "yoon-pelosi", "kotra-meeting"} == supporters(amap, "sound-choices")
    assert "momentum-payoff" in supporters(amap, "thesis")


def test_no_provocation_rests_on_a_condition_and_an_example(amap: argmap.ArgumentMap) -> None:
    advice = amap.node("no-provocation")
    assert "taiwan" in advice.tags
    linked = amap.relation("no-provocation+goodwill-condition->thesis")
    assert isinstance(linked, Support)
    example = premise(amap, "yoon-pelosi")
    assert example.basis == argmap.Basis.EXAMPLE
    assert "Pelosi" in example.text
    assert supporters(amap, "no-provocation") == {"yoon-pelosi"}


# --- the analyst's reading, marked as such -------------------------------------------------


def test_the_trade_turn_needs_thaad_eased_and_an_implicit_premise(
    amap: argmap.ArgumentMap,
) -> None:
    linked = amap.relation("thaad-managed+disputes-distract->trade-focus")
    assert isinstance(linked, Support)
    assert linked.source is not None and linked.source.paragraphs == (10,)  # "Hence"
    implicit = [n.id for n in amap.nodes if isinstance(n, Premise) and n.implicit]
    assert implicit == ["disputes-distract"]
    assert premise(amap, "disputes-distract").note
    assert {"kotra-meeting", "logistics-forum"} <= supporters(amap, "trade-focus")


def test_exactly_the_analysts_links_are_implicit_each_with_a_note(
    amap: argmap.ArgumentMap,
) -> None:
    implicit = {r.id for r in amap.relations if r.implicit}
    assert implicit == IMPLICIT
    for id in IMPLICIT:
        assert amap.relation(id).note, id


def test_every_link_the_text_states_cites_where(amap: argmap.ArgumentMap) -> None:
    uncited = [r.id for r in amap.relations if not r.implicit and r.source is None]
    assert uncited == []


# --- culture (paragraph 13) ----------------------------------------------------------------


def test_cultural_exchange_rests_on_testimony_and_the_pandemic(amap: argmap.ArgumentMap) -> None:
    kim = premise(amap, "kim-jin-gon")
    assert kim.basis == argmap.Basis.TESTIMONY
    assert "Global Times" in kim.text
    assert premise(amap, "covid-pause").basis == argmap.Basis.FACT
    assert isinstance(amap.relation("cultural-exchange+kim-jin-gon->thesis"), Support)
