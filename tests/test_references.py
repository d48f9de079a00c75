"""References and ids: every mistake gets a message at its place, in the author's terms.

Each case reads a whole small map, as an author would write it, and checks the exact
message; the same mistake made in Python gets its message from the model.
"""

from __future__ import annotations

from textwrap import dedent
from typing import Literal

import pytest

import argmap
from argmap import (
    ArgumentMap,
    Attack,
    Claim,
    MapBuilder,
    ModelError,
    ParseError,
    Premise,
    Source,
    Support,
)


def messages(text: str, format: Literal["yaml", "json"] = "yaml") -> list[str]:
    """What reading ``text`` reports, each as ``file:line:col: CODE message``."""
    with pytest.raises(ParseError) as error:
        argmap.loads(dedent(text), format=format, file=f"m.{format}")
    return [str(finding) for finding in error.value.findings]


def model_messages(build: object) -> list[str]:
    """What building a map in Python reports (``build`` builds it when called)."""
    assert callable(build)
    with pytest.raises(ModelError) as error:
        build()
    return [f"{finding.code} {finding.message}" for finding in error.value.findings]


# -- did you mean ----------------------------------------------------------------------------


class TestDidYouMean:
    def test_a_misspelt_support_target_names_the_node(self) -> None:
        text = """\
            title: T
            nodes:
              thesis: {claim: Ties matter.}
              trade:
                premise: Trade grew.
                supports: thesys
            """
        assert messages(text) == [
            "m.yaml:6:5: AM202 premise 'trade' supports 'thesys', which is not a node id; "
            "did you mean 'thesis'?"
        ]

    def test_case_alone_is_a_near_miss(self) -> None:
        text = """\
            title: T
            nodes:
              thesis: {claim: Ties matter.}
              trade: {premise: Trade grew., supports: Thesis}
            """
        assert messages(text) == [
            "m.yaml:4:33: AM202 premise 'trade' supports 'Thesis', which is not a node id; "
            "did you mean 'thesis'?"
        ]

    def test_a_misspelt_co_premise_points_at_it_under_with(self) -> None:
        text = """\
            title: T
            nodes:
              thesis: {claim: Ties matter.}
              trade: {premise: Trade grew.}
              lives:
                premise: Lives were saved.
                supports: {to: thesis, with: [trad]}
            """
        assert messages(text) == [
            "m.yaml:7:35: AM202 premise 'lives' supports 'thesis' with 'trad', which is not a "
            "node id; did you mean 'trade'?"
        ]

    def test_a_misspelt_attack_target_names_the_node(self) -> None:
        text = """\
            title: T
            nodes:
              trade: {premise: Trade grew.}
              doubt: {rebuttal: Not by much., attacks: tradd}
            """
        assert messages(text) == [
            "m.yaml:4:35: AM202 rebuttal 'doubt' attacks 'tradd', which is not a node or "
            "support id; did you mean 'trade'?"
        ]

    def test_a_misspelt_undercut_names_the_support(self) -> None:
        text = """\
            title: T
            nodes:
              thesis: {claim: Ties matter.}
              rutgers: {premise: A study., supports: lives}
              lives: {premise: Lives were saved., supports: thesis}
              doubt: {rebuttal: The study is old., attacks: rutgers->live}
            """
        assert messages(text) == [
            "m.yaml:6:40: AM202 rebuttal 'doubt' attacks 'rutgers->live', which is not a node "
            "or support id; did you mean 'rutgers->lives'?"
        ]

    def test_an_undercut_naming_linked_premises_in_another_order_names_the_support(
        self,
    ) -> None:
        text = """\
            title: T
            nodes:
              thesis: {claim: Ties matter.}
              trade: {premise: Trade grew.}
              lives:
                premise: Lives were saved.
                supports: {to: thesis, with: [trade]}
              rutgers:
                rebuttal: Neither counts.
                attacks: trade+lives->thesis
            """
        assert messages(text) == [
            "m.yaml:10:5: AM202 rebuttal 'rutgers' attacks 'trade+lives->thesis', which is not "
            "a node or support id; did you mean 'lives+trade->thesis'?"
        ]

    def test_an_undercut_is_never_told_to_attack_a_node_instead(self) -> None:
        text = """\
            title: T
            nodes:
              rutgers: {premise: A study.}
              doubt: {rebuttal: The study is old., attacks: rutgers->live}
            """
        assert messages(text) == [
            "m.yaml:4:40: AM202 rebuttal 'doubt' attacks 'rutgers->live', which is not a node "
            "or support id"
        ]

    def test_a_misspelt_source_names_the_source(self) -> None:
        text = """\
            title: T
            sources:
              sejong: {title: An op-ed, url: https://example.org}
            nodes:
              trade:
                claim: Trade grew.
                source: {doc: sejon, paragraphs: [3]}
            """
        assert messages(text) == [
            "m.yaml:7:5: AM202 claim 'trade': source 'sejon' is not a declared source; "
            "did you mean 'sejong'?"
        ]

    def test_a_misspelt_speaker_names_the_participant(self) -> None:
        text = """\
            title: T
            participants:
              kim: {name: Kim}
            nodes:
              trade: {claim: Trade grew., speaker: Kim}
            """
        assert messages(text) == [
            "m.yaml:5:31: AM202 claim 'trade': speaker 'Kim' is not a declared participant; "
            "did you mean 'kim'?"
        ]

    def test_only_an_id_of_the_wanted_kind_is_suggested(self) -> None:
        text = """\
            title: T
            sources:
              thesis: {title: An op-ed}
            participants:
              trade: {name: Kim}
            nodes:
              claim1: {claim: Ties matter., speaker: thesis, source: trade}
              premise1: {premise: Trade grew., supports: thesis}
            """
        assert messages(text) == [
            "m.yaml:7:33: AM202 claim 'claim1': speaker 'thesis' is not a declared participant",
            "m.yaml:7:50: AM202 claim 'claim1': source 'trade' is not a declared source",
            "m.yaml:8:36: AM202 premise 'premise1' supports 'thesis', which is not a node id",
        ]

    def test_an_attack_on_an_attack_says_so(self) -> None:
        text = """\
            title: T
            nodes:
              a: {claim: A., attacks: b}
              b: {claim: B.}
              c: {claim: C., attacks: a->b}
            """
        assert messages(text) == [
            "m.yaml:5:18: AM202 claim 'c' attacks 'a->b', which is not a node or support id; "
            "'a->b' is an attack, and attacks cannot be attacked"
        ]

    def test_a_support_of_a_support_says_so(self) -> None:
        text = """\
            title: T
            nodes:
              a: {claim: A.}
              b: {premise: B., supports: a}
              c: {premise: C., supports: b->a}
            """
        assert messages(text) == [
            "m.yaml:5:20: AM202 premise 'c' supports 'b->a', which is not a node id; "
            "'b->a' is a support, not a node"
        ]

    def test_json_is_told_the_same(self) -> None:
        text = (
            '{"title": "T",\n "nodes": {"c": {"claim": "C."},\n'
            '  "p": {"premise": "P.", "supports": "C"}}}'
        )
        assert messages(text, "json") == [
            "m.json:3:26: AM202 premise 'p' supports 'C', which is not a node id; did you mean 'c'?"
        ]

    def test_in_python_the_model_names_the_id(self) -> None:
        builder = (
            MapBuilder("T")
            .participant("kim", "Kim")
            .source("sejong", "An op-ed")
            .claim("thesis", "Ties matter.", speaker="Kim")
            .premise("rutgers", "A study.", supports="thesys", source="sejon")
            .premise("lives", "Lives were saved.", supports="thesis")
            .rebuttal("doubt", "Old.", attacks=["rutgers->thesis", "lives->Thesis"])
        )
        assert model_messages(builder.build) == [
            "AM202 claim 'thesis': speaker 'Kim' is not a declared participant; "
            "did you mean 'kim'?",
            "AM202 premise 'rutgers': source 'sejon' is not a declared source; "
            "did you mean 'sejong'?",
            "AM202 support 'rutgers->thesys': target 'thesys' is not a node id; "
            "did you mean 'thesis'?",
            "AM202 attack 'doubt->rutgers->thesis': target 'rutgers->thesis' is not a node or "
            "support id; did you mean 'rutgers->thesys'?",
            "AM202 attack 'doubt->lives->Thesis': target 'lives->Thesis' is not a node or "
            "support id; did you mean 'lives->thesis'?",
        ]

    def test_in_python_an_attack_on_an_attack_says_so(self) -> None:
        nodes = [Claim("a", "A."), Claim("b", "B."), Claim("c", "C.")]
        relations = [Attack("a", "b"), Attack("c", "a->b")]
        assert model_messages(lambda: ArgumentMap("T", nodes, relations)) == [
            "AM202 attack 'c->a->b': target 'a->b' is not a node or support id; 'a->b' is an "
            "attack, and attacks cannot be attacked"
        ]

    def test_a_misspelt_basis_names_the_basis(self) -> None:
        text = """\
            title: T
            nodes:
              trade: {premise: Trade grew., basis: statistics}
            """
        assert messages(text) == [
            "m.yaml:3:33: AM105 premise 'trade': basis must be one of fact, statistic, example, "
            "testimony, expert-opinion, principle, assumption, definition, analogy; got "
            "'statistics'; did you mean 'statistic'?"
        ]


# -- support ids spelt naturally ---------------------------------------------------------------


class TestSpeltSupportIds:
    @pytest.mark.parametrize("written", ["trade -> thesis", "trade→thesis", "trade => thesis"])
    def test_an_arrow_with_spaces_or_another_arrow_names_the_id(self, written: str) -> None:
        text = f"""\
            title: T
            nodes:
              thesis: {{claim: Ties matter.}}
              trade: {{premise: Trade grew., supports: thesis}}
              doubt:
                rebuttal: Trade would have grown anyway.
                attacks: {written}
            """
        assert messages(text) == [
            f"m.yaml:7:5: AM105 rebuttal 'doubt' attacks {written!r}, which is not an id; "
            "write 'trade->thesis' (support ids have no spaces and use '->')"
        ]

    def test_a_space_on_one_side_and_linked_premises(self) -> None:
        text = """\
            title: T
            nodes:
              thesis: {claim: Ties matter.}
              trade: {premise: Trade grew., supports: {to: thesis, with: [lives]}}
              lives: {premise: Lives were saved.}
              doubt: {rebuttal: Neither counts., attacks: [trade + lives ->thesis]}
            """
        assert messages(text) == [
            "m.yaml:6:48: AM105 rebuttal 'doubt' attacks 'trade + lives ->thesis', which is "
            "not an id; write 'trade+lives->thesis' (support ids have no spaces and use '->')"
        ]

    def test_a_spelt_id_of_no_support_names_the_nearest_one(self) -> None:
        text = """\
            title: T
            nodes:
              thesis: {claim: Ties matter.}
              trade: {premise: Trade grew., supports: thesis}
              doubt: {rebuttal: Not so., attacks: {to: trade -> thesys}}
            """
        assert messages(text) == [
            "m.yaml:5:40: AM105 rebuttal 'doubt' attacks 'trade -> thesys', which is not an id; "
            "support ids have no spaces and use '->': did you mean 'trade->thesis'?"
        ]

    def test_a_spelt_id_of_no_support_at_all_says_so(self) -> None:
        text = """\
            title: T
            nodes:
              thesis: {claim: Ties matter.}
              doubt: {rebuttal: Not so., attacks: a -> b}
            """
        assert messages(text) == [
            "m.yaml:4:30: AM105 rebuttal 'doubt' attacks 'a -> b', which is not an id; "
            "support ids have no spaces and use '->', but there is no support 'a->b' either"
        ]

    def test_in_python_the_model_names_the_id(self) -> None:
        builder = (
            MapBuilder("T")
            .claim("thesis", "Ties matter.")
            .premise("trade", "Trade grew.", supports="thesis")
            .rebuttal("doubt", "Not so.", attacks="trade -> thesis")
        )
        assert model_messages(builder.build) == [
            "AM105 attack 'doubt->trade -> thesis': target must be an id (letters, digits and "
            "_ . - + >, no spaces), got 'trade -> thesis'; write 'trade->thesis' (support ids "
            "have no spaces and use '->')"
        ]


# -- one target listed twice --------------------------------------------------------------------


class TestListedTwice:
    def test_a_target_listed_twice_is_told_at_the_second(self) -> None:
        text = """\
            title: T
            nodes:
              thesis: {claim: Ties matter.}
              p:
                premise: Trade grew.
                supports: [thesis, thesis]
            """
        assert messages(text) == [
            "m.yaml:6:24: AM201 'thesis' is listed twice in supports of premise 'p'; list it once"
        ]

    def test_written_once_plainly_and_once_as_a_mapping(self) -> None:
        text = """\
            title: T
            nodes:
              thesis: {claim: Ties matter.}
              p:
                premise: Trade grew.
                supports:
                  - thesis
                  - {to: thesis}
            """
        assert messages(text) == [
            "m.yaml:8:9: AM201 'thesis' is listed twice in supports of premise 'p'; list it once"
        ]

    def test_a_linked_support_listed_twice_names_its_co_premises(self) -> None:
        text = """\
            title: T
            nodes:
              thesis: {claim: Ties matter.}
              x: {premise: X.}
              y: {premise: Y.}
              p:
                premise: Trade grew.
                supports:
                  - {to: thesis, with: [x, y]}
                  - thesis
                  - {to: thesis, with: [x, y]}
            """
        assert messages(text) == [
            "m.yaml:11:9: AM201 'thesis' with 'x' and 'y' is listed twice in supports of "
            "premise 'p'; list it once"
        ]

    def test_a_third_time_is_counted(self) -> None:
        text = """\
            title: T
            nodes:
              thesis: {claim: Ties matter.}
              r: {rebuttal: No., attacks: [thesis, thesis, thesis]}
            """
        assert messages(text) == [
            "m.yaml:4:40: AM201 'thesis' is listed twice in attacks of rebuttal 'r'; list it once",
            "m.yaml:4:48: AM201 'thesis' is listed 3 times in attacks of rebuttal 'r'; "
            "list it once",
        ]

    def test_a_node_that_supports_and_attacks_one_target(self) -> None:
        text = """\
            title: T
            nodes:
              thesis: {claim: Ties matter.}
              p:
                premise: Trade grew.
                supports: thesis
                attacks: thesis
            """
        assert messages(text) == [
            "m.yaml:7:5: AM201 premise 'p' both supports and attacks 'thesis'; keep one of them"
        ]

    def test_in_python_a_relation_given_twice(self) -> None:
        builder = (
            MapBuilder("T")
            .claim("thesis", "Ties matter.")
            .premise("p", "Trade grew.", supports=["thesis", "thesis"])
        )
        assert model_messages(builder.build) == [
            "AM201 support 'p->thesis' is given twice; give it once"
        ]

    def test_in_python_a_support_and_an_attack_with_the_same_ends(self) -> None:
        builder = (
            MapBuilder("T")
            .claim("thesis", "Ties matter.")
            .premise("p", "Trade grew.", supports="thesis", attacks="thesis")
        )
        assert model_messages(builder.build) == [
            "AM201 id 'p->thesis' of this attack is already used by a support from 'p' to "
            "'thesis'; ids must be unique"
        ]


# -- ids used twice -----------------------------------------------------------------------------


class TestDuplicateIds:
    def test_a_relation_id_names_the_line_of_the_node_that_has_it(self) -> None:
        text = """\
            title: T
            nodes:
              thesis: {claim: Ties matter.}
              trade:
                premise: Trade grew.
                supports: {to: thesis, id: thesis}
            """
        assert messages(text) == [
            "m.yaml:6:28: AM201 id 'thesis' of this support is already used by a claim at "
            "line 3; ids must be unique"
        ]

    def test_the_node_may_come_later(self) -> None:
        text = """\
            title: T
            nodes:
              thesis: {claim: Ties matter.}
              trade:
                premise: Trade grew.
                supports: {to: thesis, id: growth}
              growth: {premise: It grew fast.}
            """
        assert messages(text) == [
            "m.yaml:6:28: AM201 id 'growth' of this support is already used by a premise at "
            "line 7; ids must be unique"
        ]

    def test_a_relation_id_names_the_line_of_the_relation_that_has_it(self) -> None:
        text = """\
            title: T
            nodes:
              thesis: {claim: Ties matter.}
              trade: {premise: Trade grew., supports: {to: thesis, id: why}}
              doubt: {rebuttal: Not so., attacks: {to: thesis, id: why}}
            """
        assert messages(text) == [
            "m.yaml:5:52: AM201 id 'why' of this attack is already used by a support at "
            "line 4; ids must be unique"
        ]

    def test_an_id_made_from_the_ends_is_said_to_be(self) -> None:
        text = """\
            title: T
            nodes:
              thesis: {claim: Ties matter.}
              trade: {premise: Trade grew., supports: thesis}
              lives: {premise: Lives were saved., supports: {to: thesis, id: trade->thesis}}
            """
        assert messages(text) == [
            "m.yaml:5:62: AM201 id 'trade->thesis' of this support is already used by a "
            "support at line 4 (its id made from its ends); ids must be unique"
        ]

    def test_a_relation_whose_id_is_made_from_its_ends_is_told_to_take_one(self) -> None:
        text = """\
            title: T
            nodes:
              thesis: {claim: Ties matter.}
              lives: {premise: Lives were saved., supports: {to: thesis, id: trade->thesis}}
              trade: {premise: Trade grew., supports: thesis}
            """
        assert messages(text) == [
            "m.yaml:5:33: AM201 the id 'trade->thesis' this support gets from its ends is "
            "already used by a support at line 4; give it an 'id' of its own"
        ]

    def test_json_names_the_line_too(self) -> None:
        text = (
            '{"title": "T", "nodes": {\n  "c": {"claim": "C."},\n'
            '  "p": {"premise": "P.", "supports": {"to": "c", "id": "c"}}}}'
        )
        assert messages(text, "json") == [
            "m.json:3:50: AM201 id 'c' of this support is already used by a claim at line 2; "
            "ids must be unique"
        ]

    def test_in_python_a_node_id_names_the_first_node(self) -> None:
        builder = MapBuilder("T").claim("c", "C.").premise("p", "P.").premise("c", "Again.")
        assert model_messages(builder.build) == [
            "AM201 id 'c' of this premise is already used by a claim at nodes[0]; "
            "ids must be unique"
        ]

    def test_in_python_a_relation_id_names_the_first_by_its_ends(self) -> None:
        nodes = [Claim("c", "C."), Premise("p", "P."), Premise("q", "Q.")]
        relations = [Support(["p", "q"], "c", id="why"), Attack("q", "p", id="why")]
        assert model_messages(lambda: ArgumentMap("T", nodes, relations)) == [
            "AM201 id 'why' of this attack is already used by a support from 'p' and 'q' to "
            "'c'; ids must be unique"
        ]

    def test_in_python_a_source_id_names_the_first_source(self) -> None:
        sources = [Source("s", "S."), Source("t", "T."), Source("s", "Again.")]
        assert model_messages(lambda: ArgumentMap("T", sources=sources)) == [
            "AM201 id 's' of this source is already used by a source at sources[0]; "
            "ids must be unique"
        ]


# -- what the author never typed ----------------------------------------------------------------


class TestInTheAuthorsTerms:
    def test_a_node_that_supports_itself(self) -> None:
        text = """\
            title: T
            nodes:
              thesis:
                claim: Ties matter.
                supports: thesis
            """
        assert messages(text) == [
            "m.yaml:5:5: AM203 claim 'thesis' lists itself in its supports; "
            "a node cannot support itself"
        ]

    def test_a_node_that_attacks_itself(self) -> None:
        text = """\
            title: T
            nodes:
              r: {rebuttal: No., attacks: [{to: r}]}
            """
        assert messages(text) == [
            "m.yaml:3:33: AM203 rebuttal 'r' lists itself in its attacks; "
            "a node cannot attack itself"
        ]

    def test_a_linked_support_with_its_target_as_a_co_premise(self) -> None:
        text = """\
            title: T
            nodes:
              thesis: {claim: Ties matter.}
              p: {premise: P., supports: {to: thesis, with: [thesis]}}
            """
        assert messages(text) == [
            "m.yaml:4:50: AM203 premise 'p' supports 'thesis' with 'thesis'; "
            "a node cannot support itself"
        ]

    def test_a_node_listed_under_its_own_with(self) -> None:
        text = """\
            title: T
            nodes:
              thesis: {claim: Ties matter.}
              p: {premise: P., supports: {to: thesis, with: [p]}}
            """
        assert messages(text) == [
            "m.yaml:4:50: AM105 premise 'p' lists itself in 'with'; a support holds the node "
            "it is written on already, so leave it out of 'with'"
        ]

    def test_a_co_premise_listed_twice(self) -> None:
        text = """\
            title: T
            nodes:
              thesis: {claim: Ties matter.}
              x: {premise: X.}
              p: {premise: P., supports: {to: thesis, with: [x, x]}}
            """
        assert messages(text) == [
            "m.yaml:5:53: AM105 'x' is listed twice in 'with' of this support; list it once"
        ]

    def test_a_target_that_is_not_an_id(self) -> None:
        text = """\
            title: T
            nodes:
              two: {claim: Two.}
              p: {premise: P., supports: two words}
            """
        assert messages(text) == [
            "m.yaml:4:20: AM105 supports of premise 'p': target must be an id (letters, digits "
            "and _ . - + >, no spaces), got 'two words'"
        ]

    def test_a_co_premise_that_is_not_an_id(self) -> None:
        text = """\
            title: T
            nodes:
              thesis: {claim: Ties matter.}
              p: {premise: P., supports: {to: thesis, with: [two words]}}
            """
        assert messages(text) == [
            "m.yaml:4:43: AM105 supports of premise 'p': 'with' must list ids (letters, digits "
            "and _ . - + >, no spaces), got 'two words'"
        ]

    def test_the_relations_of_a_node_with_a_bad_id_are_not_told_again(self) -> None:
        text = """\
            title: T
            nodes:
              thesis: {claim: Ties matter.}
              two words: {premise: P., supports: thesis}
            """
        assert messages(text) == [
            "m.yaml:4:3: AM105 premise 'two words': id must be an id (letters, digits and "
            "_ . - + >, no spaces), got 'two words'"
        ]

    def test_a_reference_reads_the_same_beside_other_problems(self) -> None:
        text = """\
            title: T
            nodes:
              thesis: {claim: Ties matter., mian: true, speaker: nobody}
              p: {premise: P., supports: thesys}
            """
        assert messages(text) == [
            "m.yaml:3:33: AM102 $.nodes.thesis.mian: unknown key 'mian' in claim 'thesis'; "
            "did you mean 'main'? (expected one of: attacks, claim, main, note, source, "
            "speaker, supports, tags)",
            "m.yaml:3:45: AM202 claim 'thesis': speaker 'nobody' is not a declared participant",
            "m.yaml:4:20: AM202 premise 'p' supports 'thesys', which is not a node id; "
            "did you mean 'thesis'?",
        ]

    def test_clashes_are_told_beside_other_problems(self) -> None:
        text = """\
            title: T
            nodes:
              thesis: {claim: ''}
              p: {premise: P., supports: [thesis, thesis]}
            """
        assert messages(text) == [
            "m.yaml:3:12: AM105 claim 'thesis': text must not be empty",
            "m.yaml:4:39: AM201 'thesis' is listed twice in supports of premise 'p'; list it once",
        ]


def test_a_support_id_with_its_arrow_reversed_names_the_support_meant() -> None:
    text = (
        "title: T\nnodes:\n  thesis: {claim: C., main: true}\n"
        "  trade:\n    premise: P.\n    supports: thesis\n"
        "  doubt:\n    rebuttal: R.\n    attacks: thesis->trade\n"
    )
    with pytest.raises(argmap.ParseError) as caught:
        argmap.loads(text, file="m.yaml")
    assert [str(f) for f in caught.value.findings] == [
        "m.yaml:9:5: AM202 rebuttal 'doubt' attacks 'thesis->trade', which is not a node or "
        "support id; did you mean 'trade->thesis'?"
    ]
