"""The Asan Institute issue brief (Dong Gyu Lee, 5 December 2024) as the example ``asan``.

These tests pin the reading of the brief that the map must keep: its two theses, the three
reasons for Beijing's turn, the challenges to the thaw's durability, the counter-views and
the author's answers to them, the dated facts, and the recommendations to Seoul.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap import ArgumentMap, Claim, Premise, Support
from tests.queries import attackers, claim, premise, supporters

SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
SEED_FILE = "002_af1b70c5ef712f05.txt"
PARAGRAPHS = 29

#: Paragraphs that argue nothing. The source separates its paragraphs with lines holding only
#: a no-break space, and each such line is a block of its own: 5, 7, ..., 27 are empty.
SPACERS = frozenset(range(5, 28, 2))
#: 28 is the note on the author, 29 the "Related Articles" residue of the web page.
NON_ARGUMENTATIVE = SPACERS | {28, 29}


@pytest.fixture(scope="module")
def m() -> ArgumentMap:
    return argmap.examples.load("asan")


def test_the_source_is_the_brief_with_its_metadata(m: ArgumentMap) -> None:
    (source,) = m.sources
    assert source.id == "brief"
    assert source.title == "ROK-China Rapprochement: Sustainable in the Long Run?"
    assert source.authors == ("Dong Gyu Lee",)
    assert source.affiliation is not None and "Asan Institute" in source.affiliation
    assert source.date == "December 5, 2024"
    assert source.language == "en"


def test_every_argumentative_paragraph_is_cited(m: ArgumentMap) -> None:
    cited = {n for node in m.nodes if node.source for n in node.source.paragraphs}
    assert cited == set(range(1, PARAGRAPHS + 1)) - NON_ARGUMENTATIVE


def test_the_spacer_paragraphs_really_are_empty() -> None:
    path = SEED / SEED_FILE
    if not path.exists():
        pytest.skip("the source documents are not beside this checkout")
    blocks = [
        block for block in path.read_text(encoding="utf-8").split("\n\n") if block.strip("\n")
    ]
    assert len(blocks) == PARAGRAPHS
    assert {n for n, block in enumerate(blocks, 1) if not block.strip()} == SPACERS
    assert blocks[27].startswith("Dr. Dong-gyu LEE")
    assert blocks[28].strip() == "Related Articles"


def test_two_main_claims_from_the_key_points(m: ArgumentMap) -> None:
    mains = {node.id for node in m.nodes if isinstance(node, Claim) and node.main}
    assert mains == {"china-shift", "china-goals"}
    for thesis, key_point in (("china-shift", 2), ("china-goals", 3)):
        source = claim(m, thesis).source
        assert source is not None and source.paragraphs[0] == key_point
    # The author's theses stand: nothing in the brief attacks them.
    assert not m.attacks_on("china-shift") and not m.attacks_on("china-goals")
    assert "china-goals" in supporters(m, "china-shift")


def test_the_shift_is_inferred_from_a_recovery_despite_unresolved_disputes(
    m: ArgumentMap,
) -> None:
    linked = m.relation("recovery-despite-disputes")
    assert isinstance(linked, Support) and linked.target == "china-shift"
    assert set(linked.by) == {"mending", "disputes-unresolved", "seoul-unchanged"}
    assert premise(m, "seoul-unchanged").implicit


def test_the_three_reasons_for_beijings_turn(m: ArgumentMap) -> None:
    reasons = {"economic-motive": 8, "coalition-motive": 14, "nk-motive": 20}
    assert reasons.keys() <= supporters(m, "china-goals")
    for reason, heading in reasons.items():
        node = m.node(reason)
        assert node.kind == "claim"
        assert node.source is not None and heading in node.source.paragraphs
        assert supporters(m, reason), reason


def test_the_title_question_is_tested_not_asserted(m: ArgumentMap) -> None:
    question = claim(m, "sustainable")
    assert not question.main
    assert question.source is not None and question.source.paragraphs == (1,)
    assert "mending" in supporters(m, "sustainable")
    # Two challenges rebut it, and the author lets both stand.
    assert attackers(m, "sustainable") == {"disputes-unresolved", "subordinate"}
    for challenge in ("disputes-unresolved", "subordinate"):
        assert m.node(challenge).kind == "rebuttal"
        assert not m.attacks_on(challenge), challenge
        grounds = {s.target for s in m.relations if isinstance(s, Support) and challenge in s.by}
        assert "careful-approach" in grounds, challenge


def test_the_unresolved_disputes_are_taiwan_and_trilateral_cooperation(m: ArgumentMap) -> None:
    evidence = supporters(m, "disputes-unresolved")
    assert evidence == {"taiwan-frictions", "freedom-edge"}
    taiwan = m.node("taiwan-frictions").text
    assert "Audrey Tang" in taiwan and "Lai Ching-te" in taiwan
    # Paragraph 6: Taiwan flared up "several times"; the two incidents are instances.
    assert "several times" in taiwan and "twice" not in taiwan
    assert "Freedom Edge" in m.node("freedom-edge").text
    assert "taiwan" in m.node("disputes-unresolved").tags


def test_subordination_to_us_china_rivalry_rests_on_thaad(m: ArgumentMap) -> None:
    (thaad,) = supporters(m, "subordinate")
    assert thaad == "thaad-case"
    node = premise(m, thaad)
    assert node.basis is not None and node.basis.value == "example"
    assert "2016" in node.text and "thaad" in node.tags


def test_ulterior_aims_undercut_the_inference_from_recovery_to_durability(
    m: ArgumentMap,
) -> None:
    assert isinstance(m.relation("mending->sustainable"), Support)
    assert attackers(m, "mending->sustainable") == {"not-solely-bilateral"}
    (reason,) = m.supports_of("not-solely-bilateral")
    assert set(reason.by) == {"china-goals", "tactical-reversible"}
    assert premise(m, "tactical-reversible").implicit


def test_anti_china_feeling_undercuts_and_the_author_answers_it(m: ArgumentMap) -> None:
    """Paragraph 18: despite growing anti-China feeling, Koreans still value China's economy."""
    assert attackers(m, "trump-strains->yoon-discontent") == {"anti-china-mood"}
    assert m.node("anti-china-mood").kind == "rebuttal"
    assert attackers(m, "anti-china-mood") == {"econ-belief"}
    assert "econ-belief" in supporters(m, "yoon-discontent")


def test_the_trilateral_partners_counter_view_and_beijings_answer(m: ArgumentMap) -> None:
    """Paragraph 16: the three say they counter North Korea; Beijing fears an 'Asian NATO'."""
    rationale = m.node("nk-rationale")
    assert rationale.kind == "rebuttal" and "North Korea" in rationale.text
    assert attackers(m, "alliance-criticism") == {"nk-rationale"}
    assert attackers(m, "nk-rationale") == {"asian-nato-fear"}
    assert "Asian" in m.node("asian-nato-fear").text
    assert {"alliance-criticism", "asian-nato-fear", "post-camp-david", "passive-seoul"} <= (
        supporters(m, "coalition-motive")
    )


def test_the_risk_to_us_ties_undercuts_the_case_for_exchanges_with_china(
    m: ArgumentMap,
) -> None:
    assert attackers(m, "exchanges-help->pursue-exchanges") == {"us-side-effects"}
    assert supporters(m, "guard-us-ties") == {"us-side-effects"}


@pytest.mark.parametrize(
    ("node", "date", "basis"),
    [
        ("thaw-signs", "2024", "fact"),
        ("taiwan-frictions", "2024", "example"),
        ("stimulus-shortfall", "July 2024", "fact"),
        ("stimulus-shortfall", "2022", "fact"),
        ("post-camp-david", "August 2023", "fact"),
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


def test_every_recommendation_is_supported(m: ArgumentMap) -> None:
    recommendations = {node.id for node in m.nodes if node.kind == "recommendation"}
    assert recommendations == {
        "careful-approach",
        "define-aims",
        "pursue-exchanges",
        "guard-us-ties",
        "respond-well",
        "state-positions",
    }
    for recommendation in recommendations:
        assert supporters(m, recommendation), recommendation


def test_the_key_point_recommendation_and_its_issues(m: ArgumentMap) -> None:
    for node in ("define-aims", "state-positions"):
        source = m.node(node).source
        assert source is not None and {4, 26} <= set(source.paragraphs)
    issues = m.node("state-positions").text
    assert "denuclearisation" in issues
    assert "North Korea-China-Russia" in issues
    assert "economic coercion" in issues
    assert supporters(m, "state-positions") >= {"summit-leverage", "dialogues-expected"}
    # Seoul should seek its own aims because Beijing seeks its own.
    (linked,) = m.supports_of("define-aims")
    assert {"china-goals", "national-interest"} <= set(linked.by)


def test_the_summit_gives_beijing_leverage(m: ArgumentMap) -> None:
    (linked,) = m.supports_of("summit-leverage")
    assert set(linked.by) == {"summit-hopes", "summit-stakes"}
    assert "APEC" in m.node("summit-hopes").text
    assert "Taiwan" in m.node("summit-leverage").text


def test_implicit_premises_are_few_and_marked(m: ArgumentMap) -> None:
    implicit = {node.id for node in m.nodes if isinstance(node, Premise) and node.implicit}
    assert implicit == {"seoul-unchanged", "tactical-reversible", "own-aims"}
