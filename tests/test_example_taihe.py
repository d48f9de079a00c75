"""The Taihe Institute seminar map (examples/taihe.yaml) keeps its reading of the report.

The report (source document 001) records a seminar of 18 August 2022 on thirty years of
China-ROK relations: two moderators and seventeen speakers, one of whom (Wu Hailong) both
opened and closed it. It summarises each speaker in turn and never says who answered
whom. These tests pin what the map must keep: one participant per person named, each
speaker's own nodes, the closing summary as the main claims, and every relation between
two speakers (or from a speaker to the summary) marked as the analyst's reading, with a
note. They also pin the fixes of the review against the source (issue 9).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import argmap
from argmap import examples
from tests.queries import attackers, supporters

# Every person the report names, with their country and the paragraphs they speak in.
# The two moderators (paragraph 3) are participants, but the report gives no word of
# theirs, so they speak in no paragraph.
SPEAKERS: dict[str, tuple[str, frozenset[int]]] = {
    "Wang Jian": ("China", frozenset()),
    "Niu Linjie": ("China", frozenset()),
    "Wu Hailong": ("China", frozenset({4, 5, 22})),
    "Chung Jae-ho": ("ROK", frozenset({6})),
    "Qiu Guohong": ("China", frozenset({7})),
    "Shin Jung-seung": ("ROK", frozenset({8})),
    "Lee Hee-ok": ("ROK", frozenset({9})),
    "Hu Jiping": ("China", frozenset({10})),
    "Lee Dong-ryul": ("ROK", frozenset({11})),
    "Zheng Jiyong": ("China", frozenset({12})),
    "Han Xiandong": ("China", frozenset({13})),
    "Wang Sheng": ("China", frozenset({14})),
    "Chung Jae-hung": ("ROK", frozenset({15})),
    "Li Chunfu": ("China", frozenset({16})),
    "Seo Jeong-kyung": ("ROK", frozenset({17})),
    "Dong Xiangrong": ("China", frozenset({18})),
    "Xing Liju": ("China", frozenset({19})),
    "Wang Xiaoling": ("China", frozenset({20})),
    "Wu Jingjing": ("China", frozenset({21})),
}
MODERATORS = {"Wang Jian": "first session", "Niu Linjie": "second session"}

# The report has 23 paragraphs (blocks separated by blank lines). Left out, with reasons
# in the map's metadata: 1 is the title, 3 gives the date, the organisers and the
# moderators, 23 is the contact address. Every other paragraph is cited by some node.
LEFT_OUT = frozenset({1, 3, 23})
PARAGRAPHS = frozenset(range(1, 24))

MAIN_CLAIMS = ["progress", "challenges", "manage-and-develop", "more-exchange", "hailong-on-track"]
SHARED_POINTS = MAIN_CLAIMS[:4]


@functools.cache
def _map() -> argmap.ArgumentMap:
    return examples.load("taihe")


def _supports() -> Iterator[argmap.Support]:
    return (r for r in _map().relations if isinstance(r, argmap.Support))


def _attacks() -> Iterator[argmap.Attack]:
    return (r for r in _map().relations if isinstance(r, argmap.Attack))


def _speaker(node_id: str) -> str | None:
    return _map().node(node_id).speaker


def _name(node_id: str) -> str | None:
    speaker = _speaker(node_id)
    return None if speaker is None else _map().participant(speaker).name


def _attacked_node(attack: argmap.Attack) -> str:
    """The node an attack is aimed at; for an undercut, the node whose support it cuts."""
    if attack.target in {relation.id for relation in _map().relations}:
        return _map().relation(attack.target).target
    return attack.target


def _target_node(relation: argmap.Support | argmap.Attack) -> str:
    return _attacked_node(relation) if isinstance(relation, argmap.Attack) else relation.target


def _crosses_speakers(relation: argmap.Support | argmap.Attack) -> bool:
    """Whether a relation runs between the nodes of two speakers (the framing counts as one)."""
    target = _speaker(_target_node(relation))
    return any(_speaker(by) != target for by in relation.by)


# The source and the participants.


def test_the_source_is_the_taihe_report() -> None:
    (source,) = _map().sources
    assert source.title == "TI Holds Seminar on 30th Anniversary of China-ROK Diplomatic Relations"
    assert source.affiliation == "Taihe Institute"
    assert source.date is not None and "2022" in source.date
    assert source.language == "en"


def test_one_participant_per_person_named_in_the_report() -> None:
    participants = _map().participants
    assert sorted(p.name for p in participants) == sorted(SPEAKERS)
    for participant in participants:
        assert participant.country == SPEAKERS[participant.name][0], participant.name
        assert participant.affiliation, participant.name
        assert participant.role, participant.name


def test_roles_opening_closing_moderating_speaking() -> None:
    roles = {p.name: p.role for p in _map().participants}
    assert roles["Wu Hailong"] is not None
    assert "opening" in roles["Wu Hailong"] and "closing" in roles["Wu Hailong"]
    assert roles["Chung Jae-ho"] == "opening remarks"
    for name, session in MODERATORS.items():
        assert roles[name] == f"moderator, {session}", name
    others = set(SPEAKERS) - {"Wu Hailong", "Chung Jae-ho", *MODERATORS}
    assert {roles[name] for name in others} == {"speaker"}


def test_the_moderators_are_given_no_words_the_report_does_not_give_them() -> None:
    # The report names them as moderators (paragraph 3) and records nothing they said.
    amap = _map()
    moderators = {p.id for p in amap.participants if p.name in MODERATORS}
    assert len(moderators) == 2
    assert not [n.id for n in amap.nodes if n.speaker in moderators]
    assert "moderators" in amap.metadata["paragraphs-left-out"]["report"]["3"]


def test_every_speaker_speaks_nodes_from_their_own_paragraphs() -> None:
    amap = _map()
    for participant in amap.participants:
        if participant.name in MODERATORS:
            continue
        nodes = [n for n in amap.nodes if n.speaker == participant.id]
        assert nodes, f"{participant.name} has no node"
        cited: set[int] = set()
        for node in nodes:
            if node.source is not None:
                cited.update(node.source.paragraphs)
        assert cited == SPEAKERS[participant.name][1], participant.name


def test_every_speaker_states_a_position_of_their_own() -> None:
    # Not just a premise: each speaker has a claim, a recommendation or a rebuttal.
    amap = _map()
    for participant in amap.participants:
        if participant.name in MODERATORS:
            continue
        kinds = {n.kind for n in amap.nodes if n.speaker == participant.id}
        assert kinds & {"claim", "recommendation", "rebuttal"}, participant.name


def test_only_the_organisers_framing_has_no_speaker() -> None:
    unspoken = [n for n in _map().nodes if n.speaker is None]
    assert [n.id for n in unspoken] == ["framing-rise", "framing-juncture"]
    for node in unspoken:
        assert node.source is not None and set(node.source.paragraphs) == {2}, node.id


# Paragraphs.


def test_every_node_has_a_source_with_paragraphs() -> None:
    # Implicit premises too: they cite the paragraph whose reasoning needs them.
    for node in _map().nodes:
        assert node.source is not None, node.id
        assert node.source.doc == "report", node.id
        assert node.source.paragraphs, node.id


def test_every_paragraph_is_cited_but_the_three_left_out_with_reasons() -> None:
    cited: set[int] = set()
    for node in _map().nodes:
        if node.source is not None:
            cited.update(node.source.paragraphs)
    assert cited == PARAGRAPHS - LEFT_OUT
    left_out = _map().metadata["paragraphs-left-out"]["report"]
    assert {int(number) for number in left_out} == LEFT_OUT
    assert all(reason.strip() for reason in left_out.values())
    assert "non-argumentative-paragraphs" not in _map().metadata


# The main claims: the closing summary.


def test_the_closing_summary_gives_the_main_claims() -> None:
    # Four points Wu Hailong says the participants shared, and his own conclusion.
    mains = [n for n in _map().nodes if isinstance(n, argmap.Claim) and n.main]
    assert [n.id for n in mains] == MAIN_CLAIMS
    for node in mains:
        assert node.speaker == "wu-hailong"
        assert node.source is not None and node.source.paragraphs == (22,)


def test_the_prescriptive_main_claims_keep_their_modality() -> None:
    # "should properly deal with", "should increase exchanges", "must keep ... on track".
    assert "should" in _map().node("manage-and-develop").text
    assert "should" in _map().node("more-exchange").text
    assert "must" in _map().node("hailong-on-track").text


def test_wu_hailongs_conclusion_answers_the_divergence_he_admits() -> None:
    divergence = _map().node("hailong-divergence")
    assert isinstance(divergence, argmap.Rebuttal)
    assert "NATO" in divergence.text and "Indo-Pacific" in divergence.text
    assert attackers(_map(), "hailong-on-track") == {"hailong-divergence"}
    # The answer outweighs the differences ("However ... Thus"); it does not deny them.
    assert attackers(_map(), "hailong-divergence") == set()
    (answer,) = _map().supports_of("hailong-on-track")
    assert answer.by == ("hailong-common-ground",) and not answer.implicit
    assert answer.source is not None and answer.source.paragraphs == (22,)
    # His conclusion is a main claim of its own, not a case of the shared points.
    assert not [s for s in _supports() if "hailong-on-track" in s.by]


def test_each_shared_point_is_read_into_several_speakers() -> None:
    backers: set[str] = set()
    for main in SHARED_POINTS:
        names = {_name(by) for by in supporters(_map(), main)} - {None, "Wu Hailong"}
        assert len(names) >= 2, (main, names)
        backers.update(n for n in names if n is not None)
    for main in ("challenges", "manage-and-develop", "more-exchange"):
        names = {_name(by) for by in supporters(_map(), main)} - {None, "Wu Hailong"}
        assert len(names) >= 8, (main, names)
        assert {SPEAKERS[n][0] for n in names if n is not None} == {"China", "ROK"}, main
    # Every speaker but the one who summed up is read into at least one shared point.
    assert backers == set(SPEAKERS) - {"Wu Hailong", *MODERATORS}


def test_which_speaker_made_which_shared_point_is_marked_as_our_reading() -> None:
    # The summary credits the participants at large; it names no one.
    for main in SHARED_POINTS:
        for support in _map().supports_of(main):
            assert support.implicit and support.note, support.id


# The relations between speakers.


def test_every_relation_between_two_speakers_is_implicit_with_a_note() -> None:
    crossing = [r for r in _map().relations if _crosses_speakers(r)]
    assert len(crossing) > 20
    for relation in crossing:
        assert relation.implicit, relation.id
        assert relation.note, relation.id


def test_every_stated_relation_cites_its_speakers_paragraph() -> None:
    # Not implicit: the text marks the link ("thus", "as such", "since", "however", ...)
    # inside one speaker's paragraph, and the relation cites that paragraph.
    stated = [r for r in _map().relations if not r.implicit]
    assert len(stated) >= 15
    for relation in stated:
        assert not _crosses_speakers(relation), relation.id
        assert relation.source is not None, relation.id
        node = _map().node(relation.by[0])
        assert node.source is not None
        assert set(relation.source.paragraphs) <= set(node.source.paragraphs), relation.id


def test_wu_jingjing_is_not_drawn_against_excluding_external_interference() -> None:
    # She grants that THAAD and the nuclear issue are beyond the two alone, "however"
    # concludes that they should exclude external interference: her concession answers
    # her own call, and is no attack on Wu Hailong's like call.
    concession = "jingjing-beyond-two"
    assert {_attacked_node(a) for a in _attacks() if a.attacker == concession} == {
        "jingjing-exclude"
    }
    (attack,) = (a for a in _attacks() if a.attacker == concession)
    assert not attack.implicit and attack.source is not None
    assert attack.source.paragraphs == (21,)
    assert "exclude external interference" in _map().node("jingjing-exclude").text
    assert "jingjing-beyond-two" not in attackers(_map(), "hailong-steady-course")
    assert not {a.attacker for a in _attacks() if _speaker(a.attacker) == "wu-jingjing"} & (
        attackers(_map(), "hailong-steady-course")
    )


def test_no_former_ambassador_backs_a_recommendation_of_another_speaker() -> None:
    # Shin Jung-seung was drawn backing Li Chunfu's call to keep the US out, and Lee
    # Hee-ok's pragmatic ties; Qiu Guohong backing Zheng Jiyong's Taiwan call. None of
    # them made those recommendations.
    for ambassador in ("shin-jung-seung", "qiu-guohong"):
        for support in _supports():
            target = _map().node(support.target)
            if _speaker(support.by[0]) == ambassador and isinstance(target, argmap.Recommendation):
                assert target.speaker == ambassador, support.id
    assert "shin-fell-short" not in supporters(_map(), "li-security-coop")
    assert "shin-global-role" not in supporters(_map(), "heeok-pragmatic")
    assert "qiu-disruptions" not in supporters(_map(), "zheng-taiwan")


def test_lee_dong_ryul_does_not_undercut_the_record_he_affirms() -> None:
    # He says the ties have underpinned leapfrog development and rest on nuclear
    # coordination; his stalled pillars are about now, not the thirty-year record.
    assert not [a for a in _attacks() if _speaker(a.attacker) == "lee-dong-ryul"]
    assert "dongryul-leapfrog" in supporters(_map(), "progress")


def test_seo_answers_the_view_she_reports_not_han_xiandong() -> None:
    # "Many people believe the ROK stands with the US ... but in reality ..."
    assert attackers(_map(), "seo-sided") == {"seo-room"}
    assert "seo-room" not in attackers(_map(), "han-us-control")
    (attack,) = _map().attacks_on("seo-sided")
    assert not attack.implicit and attack.source is not None


def test_chung_jae_ho_answers_no_later_speaker() -> None:
    # He gave the opening remarks: nothing of his is drawn against those who spoke after.
    assert not [a for a in _attacks() if _speaker(a.attacker) == "chung-jae-ho"]


def test_attacks_between_speakers_are_the_analysts_reading() -> None:
    crossing = {
        (a.attacker, _attacked_node(a)): a
        for a in _attacks()
        if _speaker(a.attacker) != _speaker(_attacked_node(a))
    }
    assert set(crossing) == {
        ("shin-fell-short", "progress"),
        ("shin-competition", "qiu-complementarity"),
        ("hu-chip-alliance", "heeok-partners"),
        ("qiu-decoupling-talk", "jaehung-new-era"),
        ("seo-understand", "dong-adapt"),
        ("seo-causes", "xing-public-diplomacy"),
    }
    for attack in crossing.values():
        assert attack.implicit and attack.note, attack.id


def test_seo_undercuts_xing_on_how_to_win_back_young_koreans() -> None:
    # Seo traces Korean distrust to security politics; that this questions Xing's step
    # from young Koreans' hostility to cultural public diplomacy is our reading.
    (undercut,) = _map().attacks_on("xing-grey-rhino->xing-public-diplomacy")
    assert undercut.attacker == "seo-causes" and undercut.implicit
    assert "seo-record-low" in supporters(_map(), "xing-grey-rhino")


def test_agreement_on_thaad_and_nato_across_speakers() -> None:
    thaad = _map().node("hailong-thaad")
    assert "thaad" in thaad.tags
    assert {_name(n) for n in supporters(_map(), "hailong-thaad")} == {
        "Hu Jiping",
        "Zheng Jiyong",
        "Wang Sheng",
    }
    nato = _map().node("hailong-nato-caution")
    assert isinstance(nato, argmap.Recommendation) and "nato" in nato.tags
    # Wu's own reason, and two speakers read as agreeing.
    assert {_name(n) for n in supporters(_map(), "hailong-nato-caution")} == {
        "Wu Hailong",
        "Hu Jiping",
        "Wang Sheng",
    }


def test_agreement_on_third_party_disruption_crosses_nationality() -> None:
    # Qiu names no third party; a Korean speaker's US pivot and two Chinese speakers'
    # US moves are read as cases of it.
    names = {_name(n) for n in supporters(_map(), "qiu-disruptions")}
    assert {"Lee Dong-ryul", "Hu Jiping", "Wu Jingjing"} <= names


def test_li_chunfu_zero_sum_is_read_as_backing_wu_hailong_on_tilting_to_washington() -> None:
    assert "li-zero-sum" in supporters(_map(), "hailong-tilt-risk")
    assert "li-zero-sum" not in attackers(_map(), "hailong-no-conflict")


def test_agreement_on_youth_and_public_opinion() -> None:
    names = {_name(n) for n in supporters(_map(), "heeok-youth")}
    assert {"Chung Jae-ho", "Xing Liju"} <= names
    link = next(s for s in _supports() if s.target == "xing-grey-rhino" and len(s.by) > 1)
    assert set(link.by) == {"xing-younger-negative", "xing-youth-future"}


# Modality and hedges, as each speaker put them.


def test_hedges_and_modality_follow_the_report() -> None:
    text = {node.id: node.text for node in _map().nodes}
    assert "suggests" in text["jaehung-new-era"]  # not "promises"
    assert "may" in text["shin-low-vitality"]  # sentiments that "may invoke conflict"
    assert "hopes" in text["hailong-nato-caution"]  # China "hopes" Seoul thinks twice
    assert "welcome" in text["han-us-leave"]  # "welcome to leave", not "free to"
    assert "possible" in text["xing-grey-rhino"]  # a "possible 'grey rhino'"
    assert "are forced" in text["seo-understand"]  # "forced to choose sides"
    assert "could" in text["jingjing-hub"]  # Seoul's choice "could influence"
    assert "third parties" in text["li-security-coop"]  # not just "the US"
    assert "must" in text["zheng-manage-risks"] and "needs" in text["zheng-taiwan"]
    # Lee Dong-ryul says media and peoples "can" build understanding: a claim, not a "should".
    empathy = _map().node("dongryul-empathy")
    assert isinstance(empathy, argmap.Claim) and " can " in empathy.text


def test_wu_hailongs_concerns_are_the_chinese_publics() -> None:
    assert _map().node("hailong-tilt-risk").text.startswith("Chinese worry")


# Structure.


def test_recommendations_are_supported() -> None:
    supported = {s.target for s in _supports()}
    for node in _map().nodes:
        if isinstance(node, argmap.Recommendation):
            assert node.id in supported, node.id


def test_crisis_management_is_urged_by_many_speakers() -> None:
    amap = _map()
    urging = {
        _name(n.id)
        for n in amap.nodes
        if isinstance(n, argmap.Recommendation) and "crisis-management" in n.tags
    }
    assert {"Chung Jae-ho", "Lee Hee-ok", "Lee Dong-ryul", "Wang Sheng", "Chung Jae-hung"} <= urging
    for node in amap.nodes:
        if isinstance(node, argmap.Recommendation) and "crisis-management" in node.tags:
            assert "manage-and-develop" in {s.target for s in _supports() if node.id in s.by}


def test_han_xiandong_argument_rests_on_an_implicit_premise() -> None:
    implicit = [n for n in _map().nodes if isinstance(n, argmap.Premise) and n.implicit]
    assert [n.id for n in implicit] == ["han-own-region"]
    link = next(s for s in _supports() if "han-own-region" in s.by)
    assert link.target == "han-us-leave" and set(link.by) == {"han-neighbours", "han-own-region"}
    # "it implies": the step is Han's, the premise it needs is ours.
    assert not link.implicit and link.source is not None


def test_tags_come_from_the_shared_vocabulary() -> None:
    vocabulary = set(examples.tags())
    for node in _map().nodes:
        assert set(node.tags) <= vocabulary, node.id


def test_node_texts_stay_short_for_a_large_map() -> None:
    for node in _map().nodes:
        assert len(node.text.split()) <= 20, node.id
