"""The Taihe Institute seminar map (examples/taihe.yaml) keeps its reading of the report.

The report (source document 001) records a seminar of 18 August 2022 on thirty years of
China-ROK relations: seventeen speakers, one of whom (Wu Hailong) both opened and closed
it. These tests pin what the map must keep: one participant per speaker, each speaker's
own nodes, the closing summary as the main claims backed by many speakers, and the
agreements and disagreements between speakers as supports and attacks across them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import argmap
from argmap import examples
from tests.queries import attackers, supporters

# Every speaker the report names, with their country and the paragraphs they speak in.
# The two moderators named in paragraph 3 (Wang Jian, Niu Linjie) state no position, so
# they are not participants.
SPEAKERS: dict[str, tuple[str, frozenset[int]]] = {
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

# The report has 23 paragraphs (blocks separated by blank lines). Not argumentative:
# 1 is the title, 3 gives the date, the organisers and the moderators, 23 is the
# contact address. Every other paragraph must be cited by some node.
NON_ARGUMENTATIVE = frozenset({1, 3, 23})
PARAGRAPHS = frozenset(range(1, 24))


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


def test_the_source_is_the_taihe_report() -> None:
    (source,) = _map().sources
    assert source.title == "TI Holds Seminar on 30th Anniversary of China-ROK Diplomatic Relations"
    assert source.affiliation == "Taihe Institute"
    assert source.date is not None and "2022" in source.date
    assert source.language == "en"


def test_one_participant_per_speaker_named_in_the_report() -> None:
    participants = _map().participants
    assert sorted(p.name for p in participants) == sorted(SPEAKERS)
    for participant in participants:
        assert participant.country == SPEAKERS[participant.name][0], participant.name
        assert participant.affiliation, participant.name
        assert participant.role, participant.name


def test_wu_hailong_opens_and_closes_and_chung_jae_ho_gives_opening_remarks() -> None:
    roles = {p.name: p.role for p in _map().participants}
    assert roles["Wu Hailong"] is not None
    assert "opening" in roles["Wu Hailong"] and "closing" in roles["Wu Hailong"]
    assert roles["Chung Jae-ho"] == "opening remarks"
    others = set(SPEAKERS) - {"Wu Hailong", "Chung Jae-ho"}
    assert {roles[name] for name in others} == {"speaker"}


def test_every_participant_speaks_nodes_from_their_own_paragraphs() -> None:
    amap = _map()
    for participant in amap.participants:
        nodes = [n for n in amap.nodes if n.speaker == participant.id]
        assert nodes, f"{participant.name} has no node"
        expected = SPEAKERS[participant.name][1]
        cited: set[int] = set()
        for node in nodes:
            if node.source is not None:
                cited.update(node.source.paragraphs)
        assert cited == expected, participant.name


def test_every_speaker_states_a_position_of_their_own() -> None:
    # Not just a premise: each speaker has a claim, a recommendation or a rebuttal.
    amap = _map()
    for participant in amap.participants:
        kinds = {n.kind for n in amap.nodes if n.speaker == participant.id}
        assert kinds & {"claim", "recommendation", "rebuttal"}, participant.name


def test_only_the_organisers_framing_has_no_speaker() -> None:
    unspoken = [n for n in _map().nodes if n.speaker is None]
    assert unspoken
    for node in unspoken:
        assert node.source is not None and set(node.source.paragraphs) == {2}, node.id


def test_every_node_has_a_source_with_paragraphs() -> None:
    # Implicit premises too: they cite the paragraph whose reasoning needs them.
    for node in _map().nodes:
        assert node.source is not None, node.id
        assert node.source.doc == "report", node.id
        assert node.source.paragraphs, node.id


def test_every_argumentative_paragraph_is_cited() -> None:
    cited: set[int] = set()
    for node in _map().nodes:
        if node.source is not None:
            cited.update(node.source.paragraphs)
    assert cited == PARAGRAPHS - NON_ARGUMENTATIVE


def test_the_closing_summary_gives_four_main_claims() -> None:
    mains = [n for n in _map().nodes if isinstance(n, argmap.Claim) and n.main]
    assert [n.id for n in mains] == [
        "progress",
        "challenges",
        "manage-and-develop",
        "more-exchange",
    ]
    for node in mains:
        assert node.speaker == "wu-hailong"
        assert node.source is not None and node.source.paragraphs == (22,)


def test_each_main_claim_is_backed_by_several_speakers() -> None:
    backers: set[str] = set()
    for main in ("progress", "challenges", "manage-and-develop", "more-exchange"):
        names = {_name(by) for by in supporters(_map(), main)} - {None, "Wu Hailong"}
        assert len(names) >= 2, (main, names)
        backers.update(n for n in names if n is not None)
    # Beyond progress, each shared point was made by many speakers, Chinese and Korean.
    for main in ("challenges", "manage-and-develop", "more-exchange"):
        names = {_name(by) for by in supporters(_map(), main)} - {None, "Wu Hailong"}
        assert len(names) >= 8, (main, names)
        countries = {SPEAKERS[n][0] for n in names if n is not None}
        assert countries == {"China", "ROK"}, main
    # Every speaker but the one who summed up backs at least one main claim directly.
    assert backers == set(SPEAKERS) - {"Wu Hailong"}


def test_progress_is_qualified_by_shin_jung_seung() -> None:
    # Shin: the ROK's political and security aims were not met; Li Chunfu agrees.
    assert "shin-fell-short" in attackers(_map(), "progress")
    assert _speaker("shin-fell-short") == "shin-jung-seung"
    assert "li-imbalance" in supporters(_map(), "shin-fell-short")


def test_the_divergence_wu_hailong_noted_is_answered() -> None:
    divergence = _map().node("hailong-divergence")
    assert isinstance(divergence, argmap.Rebuttal)
    assert "NATO" in divergence.text and "Indo-Pacific" in divergence.text
    assert attackers(_map(), "hailong-on-track") == {"hailong-divergence"}
    assert attackers(_map(), "hailong-divergence") == {"hailong-common-ground"}
    assert "hailong-common-ground" in supporters(_map(), "hailong-on-track")
    assert {"manage-and-develop", "more-exchange"} <= {
        s.target for s in _supports() if "hailong-on-track" in s.by
    }


def _attacked_node(attack: argmap.Attack) -> str:
    """The node an attack is aimed at; for an undercut, the node whose support it cuts."""
    if attack.target in {relation.id for relation in _map().relations}:
        return _map().relation(attack.target).target
    return attack.target


def test_attacks_between_speakers() -> None:
    crossing = {
        (a.attacker, _attacked_node(a))
        for a in _attacks()
        if _speaker(a.attacker) is not None
        and _speaker(_attacked_node(a)) is not None
        and _speaker(a.attacker) != _speaker(_attacked_node(a))
    }
    assert {
        # economy and supply chains
        ("shin-competition", "qiu-complementarity"),
        ("hu-chip-alliance", "heeok-partners"),
        ("qiu-decoupling-talk", "jaehung-new-era"),
        # the nuclear issue (an undercut of the step from it to leapfrog development)
        ("dongryul-stalled-pillars", "qiu-leapfrog"),
        # the US role and taking sides
        ("seo-room", "han-us-control"),
        ("seo-understand", "dong-adapt"),
        # THAAD and third parties
        ("jingjing-beyond-two", "hailong-steady-course"),
        # public opinion
        ("seo-causes", "xing-public-diplomacy"),
        ("jaeho-transition", "shin-low-vitality"),
    } <= crossing
    # Several disagreements run between a Chinese and a Korean speaker.
    countries = {
        (
            _map().participant(_speaker(by) or "").country,
            _map().participant(_speaker(t) or "").country,
        )
        for by, t in crossing
    }
    assert ("ROK", "China") in countries and ("China", "ROK") in countries


def test_lee_dong_ryul_undercuts_qiu_on_the_nuclear_issue() -> None:
    # Lee does not deny that the two share aims and coordinate on the peninsula; he says
    # the nuclear issue has not moved, so the coordination shows no leap forward.
    assert any(
        a.attacker == "dongryul-stalled-pillars" and a.target == "qiu-peninsula->qiu-leapfrog"
        for a in _attacks()
    )
    assert "qiu-peninsula->qiu-leapfrog" in {s.id for s in _supports()}
    assert "dongryul-stalled-pillars" not in attackers(_map(), "qiu-peninsula")


def test_seo_undercuts_xing_on_how_to_win_back_young_koreans() -> None:
    # Seo traces Korean distrust to security politics, so she questions the step from
    # young Koreans' hostility to cultural public diplomacy as the remedy.
    assert any(
        a.attacker == "seo-causes" and a.target == "xing-grey-rhino->xing-public-diplomacy"
        for a in _attacks()
    )
    assert "xing-grey-rhino->xing-public-diplomacy" in {s.id for s in _supports()}
    # ... while agreeing that Korean views of China are at a low.
    assert "seo-record-low" in supporters(_map(), "xing-grey-rhino")


def test_agreement_on_thaad_and_nato_across_speakers() -> None:
    thaad = _map().node("hailong-thaad")
    assert "thaad" in thaad.tags
    assert {_name(n) for n in supporters(_map(), "hailong-thaad")} >= {
        "Hu Jiping",
        "Zheng Jiyong",
        "Wang Sheng",
    }
    nato = _map().node("hailong-nato-caution")
    assert isinstance(nato, argmap.Recommendation) and "nato" in nato.tags
    assert {_name(n) for n in supporters(_map(), "hailong-nato-caution")} >= {
        "Hu Jiping",
        "Wang Sheng",
    }


def test_li_chunfu_zero_sum_backs_wu_hailong_on_tilting_to_washington() -> None:
    # Seoul's ties with Beijing and Washington have become zero-sum (Li), so a turn
    # toward Washington would set back the ties with Beijing (Wu). Li does not deny
    # Wu's "no fundamental conflict" between the two countries: both blame third parties.
    assert "li-zero-sum" in supporters(_map(), "hailong-tilt-risk")
    assert "li-zero-sum" not in attackers(_map(), "hailong-no-conflict")


def test_agreement_on_third_party_disruption_crosses_nationality() -> None:
    # Qiu's disruptive third parties: a Korean speaker (Lee Dong-ryul, on the US pivot)
    # agrees with Chinese ones (Hu Jiping, Wu Jingjing).
    names = {_name(n) for n in supporters(_map(), "qiu-disruptions")}
    assert {"Lee Dong-ryul", "Hu Jiping", "Wu Jingjing"} <= names


def test_agreement_on_youth_and_public_opinion() -> None:
    names = {_name(n) for n in supporters(_map(), "heeok-youth")}
    assert {"Chung Jae-ho", "Xing Liju"} <= names
    link = next(s for s in _supports() if s.target == "xing-grey-rhino" and len(s.by) > 1)
    assert set(link.by) == {"xing-younger-negative", "xing-youth-future"}


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


def test_recommendations_are_supported() -> None:
    supported = {s.target for s in _supports()}
    for node in _map().nodes:
        if isinstance(node, argmap.Recommendation):
            assert node.id in supported, node.id


def test_han_xiandong_argument_rests_on_an_implicit_premise() -> None:
    implicit = [n for n in _map().nodes if isinstance(n, argmap.Premise) and n.implicit]
    assert [n.id for n in implicit] == ["han-own-region"]
    link = next(s for s in _supports() if "han-own-region" in s.by)
    assert link.target == "han-us-leave" and set(link.by) == {"han-neighbours", "han-own-region"}


def test_tags_come_from_the_shared_vocabulary() -> None:
    vocabulary = set(examples.tags())
    for node in _map().nodes:
        assert set(node.tags) <= vocabulary, node.id


def test_node_texts_stay_short_for_a_large_map() -> None:
    for node in _map().nodes:
        assert len(node.text.split()) <= 20, node.id
