"""The Asan Institute issue brief (Dong Gyu Lee, 5 December 2024) as the example ``asan``.

These tests pin the reading of the brief that the map must keep: its paragraphs counted as a
reader sees them, its four theses (the three summary points and the conclusion's call for
care), the three reasons for Beijing's turn, the recommendations to Seoul and the claims they
serve, the hedges of the text, the dated facts, and the fixes of the review against the
source (no staged debate, no added inference, the safeguard kept inside its recommendation,
the analyst's links marked implicit).
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest

import argmap
from argmap import ArgumentMap, Claim, Premise, Recommendation, Support
from tests import seeds
from tests.queries import attackers, claim, premise, supporters

#: The brief's paragraphs as the seeds' README counts them: the lines holding a single
#: no-break space between its paragraphs are blank, not paragraphs of their own.
PARAGRAPHS = 17
#: The heading, title, byline and tags (1); the note on the author (16); "Related Articles" (17).
LEFT_OUT = frozenset({1, 16, 17})
#: The headings of the three numbered reasons.
HEADINGS = {"economic-motive": 6, "coalition-motive": 9, "nk-motive": 12}
#: The relations that are the analyst's reading, not the text's.
IMPLICIT = {
    "econ-belief->yoon-discontent",
    "own-aims+china-goals+national-interest->seoul-aims",
    "respond-well->careful-approach",
    "summit-leverage->seoul-aims",
}


@pytest.fixture(scope="module")
def m() -> ArgumentMap:
    return argmap.examples.load("asan")


def reaches(amap: ArgumentMap, start: str) -> set[str]:
    """Every node reached from ``start`` by following supports forward."""
    seen, todo = {start}, [start]
    while todo:
        here = todo.pop()
        for relation in amap.relations:
            if (
                isinstance(relation, Support)
                and here in relation.by
                and relation.target not in seen
            ):
                seen.add(relation.target)
                todo.append(relation.target)
    return seen


def test_the_source_is_the_brief_with_its_metadata(m: ArgumentMap) -> None:
    (source,) = m.sources
    assert source.id == "brief"
    assert source.title == "ROK-China Rapprochement: Sustainable in the Long Run?"
    assert source.authors == ("Dong Gyu Lee",)
    assert source.affiliation is not None and "Asan Institute" in source.affiliation
    assert source.date == "December 5, 2024"
    assert source.language == "en"


# Paragraph numbers ----------------------------------------------------------------------


def test_the_paragraphs_are_counted_as_a_reader_sees_them() -> None:
    paragraphs = seeds.document("asan")
    if paragraphs is None:
        pytest.skip("the source documents are not beside this checkout")
    assert len(paragraphs) == PARAGRAPHS
    # No paragraph is a spacer line: each holds text.
    assert all(paragraph.strip(" \t\n\u00a0") for paragraph in paragraphs)
    assert paragraphs[0].splitlines()[1] == "ROK-China Rapprochement: Sustainable in the Long Run?"
    assert [paragraphs[n - 1][:2] for n in HEADINGS.values()] == ["1.", "2.", "3."]
    assert paragraphs[15].startswith("Dr. Dong-gyu LEE")
    assert paragraphs[16].strip() == "Related Articles"


def test_every_paragraph_but_three_is_cited_and_those_are_left_out_with_a_reason(
    m: ArgumentMap,
) -> None:
    cited = {n for node in m.nodes if node.source for n in node.source.paragraphs}
    cited |= {n for r in m.relations if r.source for n in r.source.paragraphs}
    assert cited == set(range(1, PARAGRAPHS + 1)) - LEFT_OUT
    listed = m.metadata["paragraphs-left-out"]
    assert isinstance(listed, Mapping)
    reasons = listed["brief"]
    assert isinstance(reasons, Mapping)
    assert {int(n) for n in reasons} == LEFT_OUT
    assert all(isinstance(reason, str) and reason for reason in reasons.values())
    # The older key, which counted the no-break-space lines as paragraphs, is gone.
    assert "non-argumentative-paragraphs" not in m.metadata


def test_citations_follow_the_corrected_numbering(m: ArgumentMap) -> None:
    """Summary points 2-4, the opening 5, the reasons 6-13, the conclusion 14-15."""
    expected = {
        "china-shift": (2, 5),
        "china-goals": (3, 14),  # paragraph 14 repeats the second summary point
        "seoul-aims": (4, 15),  # paragraph 15 opens by developing the third
        "thaw-signs": (5,),
        "stimulus-shortfall": (7,),
        "korea-as-partner": (8,),
        "post-camp-david": (10,),
        "trump-strains": (11,),
        "dissatisfaction-signs": (13,),
        "careful-approach": (14,),
        "thaad-case": (14,),
        "summit-hopes": (15,),
        "state-positions": (15,),
    }
    for node, paragraphs in expected.items():
        source = m.node(node).source
        assert source is not None and source.paragraphs == paragraphs, node


# The author's theses ----------------------------------------------------------------------


def test_four_main_claims_the_summary_points_and_the_conclusion(m: ArgumentMap) -> None:
    mains = {node.id for node in m.nodes if isinstance(node, Claim) and node.main}
    assert mains == {"china-shift", "china-goals", "seoul-aims", "careful-approach"}
    for thesis, paragraph in (
        ("china-shift", 2),
        ("china-goals", 3),
        ("seoul-aims", 4),
        ("careful-approach", 14),
    ):
        source = claim(m, thesis).source
        assert source is not None and source.paragraphs[0] == paragraph, thesis
    # The author's theses stand: nothing in the brief attacks them.
    for thesis in mains:
        assert not m.attacks_on(thesis), thesis
    assert "china-goals" in supporters(m, "china-shift")


def test_the_third_summary_point_is_a_main_claim_not_a_recommendation(m: ArgumentMap) -> None:
    thesis = claim(m, "seoul-aims")
    assert thesis.main and "should" in thesis.text
    for issue in ("denuclearisation", "North Korea-China-Russia", "economic coercion"):
        assert issue in thesis.text
    # Paragraph 15 adds growth and foreign relations to the issues of the summary point.
    assert "economic growth" in thesis.text and "foreign relations" in thesis.text
    # The recommendation that used to stand for it is gone.
    assert "define-aims" not in {node.id for node in m.nodes}


def test_every_recommendation_reaches_a_main_claim(m: ArgumentMap) -> None:
    mains = {node.id for node in m.nodes if isinstance(node, Claim) and node.main}
    serves = {
        "pursue-exchanges": "seoul-aims",
        "state-positions": "seoul-aims",
        "respond-well": "careful-approach",
    }
    recommendations = {node.id for node in m.nodes if isinstance(node, Recommendation)}
    assert recommendations == serves.keys()
    for recommendation, thesis in serves.items():
        assert thesis in reaches(m, recommendation) & mains, recommendation
        assert supporters(m, recommendation), recommendation


def test_the_conclusion_rests_on_the_reasons_given_beside_it(m: ArgumentMap) -> None:
    """Paragraph 14: subordination to US-China relations, and Beijing's further goals."""
    assert supporters(m, "careful-approach") == {"subordinate", "china-goals", "respond-well"}
    for reason in ("subordinate", "china-goals"):
        (support,) = [s for s in m.supports_of("careful-approach") if reason in s.by]
        assert not support.implicit and support.source is not None
        assert support.source.paragraphs == (14,)
    assert m.relation("respond-well->careful-approach").implicit


def test_the_shift_is_inferred_from_a_recovery_despite_unresolved_disputes(
    m: ArgumentMap,
) -> None:
    linked = m.relation("recovery-despite-disputes")
    assert isinstance(linked, Support) and linked.target == "china-shift"
    assert set(linked.by) == {"mending", "disputes-unresolved", "seoul-unchanged"}
    # The text makes this link ("Against this backdrop ... suggests"), in paragraph 5.
    assert not linked.implicit and linked.source is not None and 5 in linked.source.paragraphs
    assert premise(m, "seoul-unchanged").implicit
    assert premise(m, "disputes-unresolved").basis is not None


def test_the_three_reasons_for_beijings_turn(m: ArgumentMap) -> None:
    assert HEADINGS.keys() <= supporters(m, "china-goals")
    for reason, heading in HEADINGS.items():
        node = m.node(reason)
        assert node.kind == "claim"
        assert node.source is not None and heading in node.source.paragraphs
        assert supporters(m, reason), reason


# Review against the source: hedges, staged debates, added inferences, conditions --------------


@pytest.mark.parametrize(
    ("node", "hedge"),
    [
        ("china-shift", "suggests"),
        ("mending", "seem"),
        ("freedom-edge", "likely"),
        ("nk-motive", "may signal"),
        ("new-cold-war", "can be"),
        ("yoon-discontent", "could"),
        ("exchanges-help", "could"),
        ("summit-leverage", "may"),
        ("careful-approach", "needs"),
    ],
)
def test_the_texts_keep_the_authors_hedges(m: ArgumentMap, node: str, hedge: str) -> None:
    assert hedge in m.node(node).text


def test_no_debate_is_staged_and_no_rebuttal_is_a_foil(m: ArgumentMap) -> None:
    """The brief reports views side by side; it records nobody answering anybody."""
    assert not [r for r in m.relations if r.kind == "attack"]
    assert not [node for node in m.nodes if node.kind == "rebuttal"]
    ids = {node.id for node in m.nodes}
    # The partners' stated aim and Beijing's fear, once drawn as attack and counter-attack,
    # are one node, as they are one sentence; so are anti-China feeling and the belief in
    # economic ties with China, once an undercut and its answer.
    assert not {"nk-rationale", "anti-china-mood"} & ids
    fear = m.node("asian-nato-fear").text
    assert "North Korea" in fear and "Asian NATO" in fear
    belief = m.node("econ-belief").text
    assert "anti-China" in belief and "economic cooperation" in belief


def test_no_inference_the_author_does_not_make(m: ArgumentMap) -> None:
    """Nothing says the recovery is no proof the thaw will last, or that it will not."""
    ids = {node.id for node in m.nodes}
    assert not {"sustainable", "not-solely-bilateral", "tactical-reversible"} & ids
    assert not any("no proof" in node.text or "need not" in node.text for node in m.nodes)
    # The title's question is left out, with a pointer to the conclusion that answers it.
    listed = m.metadata["paragraphs-left-out"]
    assert isinstance(listed, Mapping)
    reasons = listed["brief"]
    assert isinstance(reasons, Mapping)
    assert "careful-approach" in str(reasons["1"])


def test_the_safeguard_is_part_of_the_recommendation_not_an_objection(m: ArgumentMap) -> None:
    """Paragraph 15: Seoul "must ensure" the exchanges do not hurt its US ties."""
    exchanges = m.node("pursue-exchanges")
    assert isinstance(exchanges, Recommendation)
    assert "must make sure" in exchanges.text and "US trade" in exchanges.text
    assert not {"us-side-effects", "guard-us-ties"} & {node.id for node in m.nodes}
    assert not attackers(m, "exchanges-help->pursue-exchanges")
    assert supporters(m, "pursue-exchanges") == {"exchanges-help"}
    assert supporters(m, "exchanges-help") == {"protectionism"}


def test_the_analysts_links_are_implicit_with_notes(m: ArgumentMap) -> None:
    implicit = {r.id for r in m.relations if r.implicit}
    assert implicit == IMPLICIT
    for ident in IMPLICIT:
        relation = m.relation(ident)
        assert relation.note and relation.source is not None, ident


def test_stated_relations_cite_where_the_text_makes_them(m: ArgumentMap) -> None:
    uncited = [r.id for r in m.relations if not r.implicit and r.source is None]
    assert uncited == []


def test_implicit_premises_are_few_and_marked(m: ArgumentMap) -> None:
    implicit = {node.id for node in m.nodes if isinstance(node, Premise) and node.implicit}
    assert implicit == {"seoul-unchanged", "own-aims"}
    assert m.node("seoul-unchanged").note


# The reasons in detail ----------------------------------------------------------------------


def test_the_unresolved_disputes_are_taiwan_and_trilateral_cooperation(m: ArgumentMap) -> None:
    evidence = supporters(m, "disputes-unresolved")
    assert evidence == {"taiwan-frictions", "freedom-edge"}
    taiwan = m.node("taiwan-frictions").text
    assert "Audrey Tang" in taiwan and "Lai Ching-te" in taiwan
    # Paragraph 5: Taiwan flared up "several times"; the two incidents are instances.
    assert "several times" in taiwan and "twice" not in taiwan
    assert "Freedom Edge" in m.node("freedom-edge").text
    assert "taiwan" in m.node("disputes-unresolved").tags


def test_subordination_to_us_china_rivalry_rests_on_thaad(m: ArgumentMap) -> None:
    (thaad,) = supporters(m, "subordinate")
    assert thaad == "thaad-case"
    node = premise(m, thaad)
    assert node.basis is not None and node.basis.value == "example"
    assert "2016" in node.text and "thaad" in node.tags


def test_the_discontent_has_two_effects_each_with_low_approval(m: ArgumentMap) -> None:
    """Paragraph 11: it "risks weakening" Seoul's policy; "it could also" make Seoul passive."""
    for effect in ("seoul-weakened", "passive-seoul"):
        (linked,) = m.supports_of(effect)
        assert set(linked.by) == {"yoon-discontent", "low-approval"}, effect
        assert "coalition-motive" in reaches(m, effect), effect
    assert supporters(m, "yoon-discontent") == {"trump-strains", "econ-belief"}


def test_the_coalition_motive_and_its_grounds(m: ArgumentMap) -> None:
    assert supporters(m, "coalition-motive") == {
        "alliance-criticism",
        "asian-nato-fear",
        "post-camp-david",
        "seoul-weakened",
        "passive-seoul",
    }


@pytest.mark.parametrize(
    ("node", "date", "basis"),
    [
        ("thaw-signs", "2024", "fact"),
        ("taiwan-frictions", "2024", "example"),
        ("stimulus-shortfall", "July 2024", "fact"),
        ("stimulus-shortfall", "2022", "fact"),
        ("post-camp-david", "August 2023", "example"),
        ("first-term-distrust", "November 2024", "fact"),
        ("dissatisfaction-signs", "27 July", "example"),
        ("summit-hopes", "November 2025", "fact"),
        ("thaad-case", "2016", "example"),
    ],
)
def test_the_dated_facts_are_kept(m: ArgumentMap, node: str, date: str, basis: str) -> None:
    ground = premise(m, node)
    assert date in ground.text
    assert ground.basis is not None and ground.basis.value == basis


def test_the_2024_milestones_of_the_thaw(m: ArgumentMap) -> None:
    text = m.node("thaw-signs").text
    for month in ("May", "June", "October", "November"):
        assert month in text
    assert "visa" in text and "2+2" in text
    assert supporters(m, "mending") == {"thaw-signs"}


def test_the_dialogues_recommendation_and_its_issues(m: ArgumentMap) -> None:
    issues = m.node("state-positions").text
    assert "denuclearisation" in issues
    assert "North Korea-China-Russia" in issues
    assert "economic coercion" in issues
    assert supporters(m, "state-positions") == {"dialogues-expected"}
    # It serves the third summary point, which names the same issues.
    serves = m.relation("state-positions->seoul-aims")
    assert serves.source is not None and serves.source.paragraphs == (4, 15)
    # Seoul should weigh its own aims as Beijing pursues its own: our reading, marked so.
    (linked,) = [s for s in m.supports_of("seoul-aims") if "own-aims" in s.by]
    assert {"china-goals", "national-interest"} <= set(linked.by) and linked.implicit


def test_the_summit_gives_beijing_leverage(m: ArgumentMap) -> None:
    (linked,) = m.supports_of("summit-leverage")
    assert set(linked.by) == {"summit-hopes", "summit-stakes"}
    assert not linked.implicit
    assert "APEC" in m.node("summit-hopes").text
    assert "Taiwan" in m.node("summit-leverage").text
    # The brief draws no conclusion from it: the link to the thesis is ours.
    assert m.relation("summit-leverage->seoul-aims").implicit
