"""The model: nodes, relations, provenance and the map, with their invariants."""

from __future__ import annotations

import re
from random import Random
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import (
    ArgumentMap,
    Attack,
    Basis,
    Claim,
    ModelError,
    Participant,
    Premise,
    Rebuttal,
    Recommendation,
    Source,
    SourceRef,
    Support,
    UnknownIdError,
)
from tests.strategies import maps

NODE_CLASSES = [Claim, Premise, Rebuttal, Recommendation]


def untyped(value: object) -> Any:
    """``value``, typed ``Any``: for tests that pass a wrong type on purpose."""
    return value


def sample_map() -> ArgumentMap:
    return ArgumentMap(
        "Keep the long view",
        nodes=[
            Claim("thesis", "Ties matter.", main=True, speaker="wang", source=SourceRef("op-ed")),
            Premise("trade", "Trade grew.", basis="statistic", source=SourceRef("op-ed", (2, 3))),
            Rebuttal("thaad", "THAAD shows fragility."),
        ],
        relations=[Support(["trade"], "thesis"), Attack("thaad", "trade->thesis")],
        sources=[Source("op-ed", "Avoid short-term gains")],
        participants=[Participant("wang", "Wang Wei")],
        metadata={"year": 2022, "tags": ["a", "b"]},
    )


def only_finding(error: pytest.ExceptionInfo[ModelError]) -> argmap.Finding:
    assert len(error.value.findings) == 1
    return error.value.findings[0]


class TestIds:
    @pytest.mark.parametrize(
        "ident",
        ["p1", "trade-growth", "v1.2", "_x", "무역", "中文", "Ünïcödé", "p1->thesis", "a+b", "9"],
    )
    def test_accepts_word_characters_dots_dashes_and_relation_marks(self, ident: str) -> None:
        assert Claim(ident, "Text.").id == ident

    @pytest.mark.parametrize(
        "ident", ["", "two words", "-lead", ".lead", "a/b", "a:b", "é ", "x\n", "a\u200bb"]
    )
    def test_rejects_anything_else_naming_the_bad_id(self, ident: str) -> None:
        with pytest.raises(
            ModelError,
            match=re.escape(
                f"id must be an id (letters, digits and _ . - + >, no spaces), got {ident!r}"
            ),
        ):
            Claim(ident, "Text.")

    def test_rejects_a_non_string_id(self) -> None:
        with pytest.raises(ModelError, match=r"id must be an id .*, got 5$"):
            Claim(untyped(5), "Text.")

    @pytest.mark.parametrize("cls", [Source, Participant])
    def test_provenance_ids_follow_the_same_rule(self, cls: type[Source | Participant]) -> None:
        with pytest.raises(ModelError, match=r"id must be an id .*, got 'a b'"):
            cls("a b", "Name")


class TestTexts:
    @pytest.mark.parametrize("cls", NODE_CLASSES)
    @pytest.mark.parametrize("text", ["", " ", "\t", "\u3000"])
    def test_empty_or_blank_text_is_rejected(self, cls: type[argmap.Node], text: str) -> None:
        message = f"'c': AM105 {cls.kind} 'c': text must not be empty"
        with pytest.raises(ModelError, match=f"^{re.escape(message)}$"):
            cls("c", text)

    @pytest.mark.parametrize("text", [" lead", "trail ", "\u00a0nbsp"])
    def test_leading_or_trailing_white_space_is_rejected(self, text: str) -> None:
        with pytest.raises(ModelError, match="text must not start or end with white space"):
            Claim("c", text)

    @pytest.mark.parametrize("text", ["one\ntwo", "one\r\ntwo", "one\u2028two", "one\u2029two"])
    def test_a_line_break_in_text_is_rejected(self, text: str) -> None:
        with pytest.raises(
            ModelError,
            match="text must be a single paragraph without control characters, found a line break",
        ):
            Claim("c", text)

    @pytest.mark.parametrize("char", ["\x00", "\x07", "\t", "\x1b", "\x7f", "\x85", "\x9f"])
    def test_control_characters_in_text_are_rejected(self, char: str) -> None:
        with pytest.raises(ModelError, match=re.escape(f"found control character {char!r}")):
            Claim("c", f"a{char}b")

    def test_text_must_be_a_string(self) -> None:
        with pytest.raises(
            ModelError,
            match=r"^'c': AM105 claim 'c': text must be a string, "
            r"got int$",
        ):
            Claim("c", untyped(42))

    @pytest.mark.parametrize(
        "text", ['"quotes"', "# hash", "key: value", "- dash", "한국어", "🎉", "עברית", "x" * 500]
    )
    def test_any_other_single_paragraph_is_kept_as_is(self, text: str) -> None:
        assert Premise("p", text).text == text

    def test_a_map_title_follows_the_same_rules(self) -> None:
        with pytest.raises(ModelError, match=r"^\$\.title: AM105 map: title must not be empty$"):
            ArgumentMap("")

    def test_source_authors_follow_the_same_rules(self) -> None:
        with pytest.raises(ModelError, match="source 's': authors must not be empty"):
            Source("s", "Title", authors=["Ann", ""])


class TestNotes:
    def test_a_note_may_span_lines_and_use_tabs(self) -> None:
        note = "First line.\n\n\tIndented second paragraph.\n"
        assert Claim("c", "Text.", note=note).note == note

    @pytest.mark.parametrize("note", ["", "   ", "\n\n"])
    def test_a_blank_note_is_rejected(self, note: str) -> None:
        with pytest.raises(
            ModelError, match=re.escape(f"note must be non-empty text, got {note!r}")
        ):
            Claim("c", "Text.", note=note)

    @pytest.mark.parametrize("char", ["\r", "\x00", "\x0b", "\x85", "\u2028"])
    def test_other_control_characters_in_a_note_are_rejected(self, char: str) -> None:
        with pytest.raises(
            ModelError, match=re.escape(f"note must not contain control character {char!r}")
        ):
            Claim("c", "Text.", note=f"a{char}b")


class TestNodeFields:
    @pytest.mark.parametrize("basis", list(Basis))
    def test_basis_accepts_every_basis_and_its_value(self, basis: Basis) -> None:
        assert Premise("p", "P.", basis=basis.value).basis is basis
        assert Premise("p", "P.", basis=basis).basis is basis

    def test_a_bad_basis_is_rejected_listing_the_allowed_values(self) -> None:
        allowed = (
            "fact, statistic, example, testimony, expert-opinion, principle, assumption, "
            "definition, analogy"
        )
        with pytest.raises(
            ModelError,
            match=re.escape(f"premise 'p': basis must be one of {allowed}; got 'opinion'"),
        ):
            Premise("p", "P.", basis="opinion")

    @pytest.mark.parametrize(("cls", "field"), [(Claim, "main"), (Premise, "implicit")])
    @pytest.mark.parametrize("value", [1, "yes", None])
    def test_flags_must_be_booleans(
        self, cls: type[argmap.Node], field: str, value: object
    ) -> None:
        with pytest.raises(
            ModelError, match=re.escape(f"{field} must be true or false, got {value!r}")
        ):
            cls("n", "Text.", **untyped({field: value}))

    def test_defaults(self) -> None:
        premise = Premise("p", "P.")
        assert (
            premise.basis,
            premise.implicit,
            premise.speaker,
            premise.source,
            premise.tags,
            premise.note,
        ) == (None, False, None, None, (), None)
        assert Claim("c", "C.").main is False

    def test_tags_become_a_tuple(self) -> None:
        assert Claim("c", "C.", tags=["x", "y"]).tags == ("x", "y")

    def test_tags_as_a_string_are_rejected(self) -> None:
        with pytest.raises(ModelError, match=r"^\$: AM105 expected a list, got the string 'abc'$"):
            Claim("c", "C.", tags=untyped("abc"))

    def test_tags_that_are_not_a_list_at_all_are_rejected(self) -> None:
        with pytest.raises(ModelError, match="expected a list, got int"):
            Claim("c", "C.", tags=untyped(5))

    def test_tags_must_be_ids_and_distinct(self) -> None:
        with pytest.raises(ModelError, match=r"tags must be an id .*, got 'two words'"):
            Claim("c", "C.", tags=["two words"])
        with pytest.raises(
            ModelError, match=re.escape("tags must not repeat an id, got ['a', 'a']")
        ):
            Claim("c", "C.", tags=["a", "a"])

    def test_speaker_must_be_an_id(self) -> None:
        with pytest.raises(ModelError, match=r"speaker must be an id .*, got 'Wang Wei'"):
            Claim("c", "C.", speaker="Wang Wei")

    def test_source_must_be_a_source_ref(self) -> None:
        with pytest.raises(ModelError, match="claim 'c': source must be a SourceRef, got 'op-ed'"):
            Claim("c", "C.", source=untyped("op-ed"))

    @pytest.mark.parametrize(
        ("cls", "kind"),
        [
            (Claim, "claim"),
            (Premise, "premise"),
            (Rebuttal, "rebuttal"),
            (Recommendation, "recommendation"),
        ],
    )
    def test_each_kind_names_itself(self, cls: type[argmap.Node], kind: str) -> None:
        assert cls("n", "Text.").kind == kind

    def test_a_field_error_names_the_node_and_the_field(self) -> None:
        with pytest.raises(ModelError) as error:
            Premise("p", "P.", implicit=untyped("no"))
        location = only_finding(error).location
        assert (location.element, location.path) == ("p", ("implicit",))


class TestProvenance:
    def test_source_ref_paragraphs_count_from_one(self) -> None:
        assert SourceRef("doc", [1, 3]).paragraphs == (1, 3)
        with pytest.raises(ModelError, match="paragraph numbers count from 1, got 0"):
            SourceRef("doc", (0,))

    @pytest.mark.parametrize("bad", [-1, True, 1.0, "2"])
    def test_source_ref_paragraphs_are_whole_numbers(self, bad: object) -> None:
        with pytest.raises(ModelError, match=re.escape(f"count from 1, got {bad!r}")):
            SourceRef("doc", (untyped(bad),))

    def test_source_ref_paragraphs_do_not_repeat(self) -> None:
        with pytest.raises(ModelError, match=re.escape("must not repeat a number, got [2, 2]")):
            SourceRef("doc", (2, 2))

    def test_source_ref_needs_an_id(self) -> None:
        with pytest.raises(ModelError, match=r"doc must be an id .*, got 'the op-ed'"):
            SourceRef("the op-ed")

    def test_source_fields(self) -> None:
        source = Source(
            "op-ed",
            "Title",
            authors=("Ahn",),
            outlet="Paper",
            date="2022-05-01",
            url="https://example.org",
            language="ko",
            affiliation="Uni",
        )
        assert (source.authors, source.date, source.language) == (("Ahn",), "2022-05-01", "ko")

    def test_source_authors_as_a_string_are_rejected(self) -> None:
        with pytest.raises(ModelError, match="expected a list, got the string 'Ahn'"):
            Source("s", "Title", authors=untyped("Ahn"))

    @pytest.mark.parametrize("field", ["affiliation", "country", "role"])
    def test_participant_optional_texts_follow_the_text_rules(self, field: str) -> None:
        with pytest.raises(ModelError, match=f"participant 'p': {field} must not be empty"):
            Participant("p", "Name", **untyped({field: ""}))


class TestRelations:
    def test_a_support_gets_an_id_from_its_ends(self) -> None:
        assert Support(["p"], "c").id == "p->c"
        assert Support(("a", "b"), "c").id == "a+b->c"

    def test_an_attack_gets_an_id_from_its_ends(self) -> None:
        assert Attack("r", "c").id == "r->c"
        assert Attack("r", "p->c").id == "r->p->c"

    def test_an_explicit_id_wins(self) -> None:
        assert Support(["p"], "c", id="s1").id == "s1"
        assert Attack("r", "c", id="a1").id == "a1"

    def test_an_explicit_id_must_be_an_id(self) -> None:
        with pytest.raises(ModelError, match=r"attack 'x y': id must be an id .*, got 'x y'"):
            Attack("r", "c", id="x y")

    def test_a_support_needs_a_source_node(self) -> None:
        with pytest.raises(ModelError, match="a support needs at least one source node"):
            Support([], "c")

    def test_a_linked_support_does_not_repeat_a_node(self) -> None:
        with pytest.raises(ModelError, match=re.escape("by must not repeat an id, got ['a', 'a']")):
            Support(["a", "a"], "c")

    def test_support_by_as_a_string_is_rejected(self) -> None:
        with pytest.raises(ModelError, match="expected a list, got the string 'ab'"):
            Support(untyped("ab"), "c")

    def test_a_node_cannot_support_itself(self) -> None:
        with pytest.raises(ModelError) as error:
            Support(["a", "c"], "c")
        finding = only_finding(error)
        assert (finding.code, finding.message) == (
            "AM203",
            "support 'a+c->c': 'c' cannot support itself",
        )

    def test_a_node_cannot_attack_itself(self) -> None:
        with pytest.raises(
            ModelError,
            match=r"^'r->r': AM203 attack 'r->r': 'r' cannot attack "
            r"itself$",
        ):
            Attack("r", "r")


class TestMapStructure:
    def test_a_valid_map_keeps_its_parts(self) -> None:
        amap = sample_map()
        assert [node.id for node in amap.nodes] == ["thesis", "trade", "thaad"]
        assert [relation.id for relation in amap.relations] == [
            "trade->thesis",
            "thaad->trade->thesis",
        ]

    def test_members_must_have_the_right_type(self) -> None:
        with pytest.raises(
            ModelError,
            match=r"^\$\.nodes\[1\]: AM105 map nodes\[1\] must be a "
            r"node, got str$",
        ):
            ArgumentMap("T", nodes=[Claim("c", "C."), untyped("p")])
        with pytest.raises(ModelError, match="map relations\\[0\\] must be a Support or an Attack"):
            ArgumentMap("T", nodes=[Claim("c", "C.")], relations=[untyped(Claim("d", "D."))])

    def test_duplicate_node_ids_are_rejected(self) -> None:
        with pytest.raises(
            ModelError,
            match=r"^'a': AM201 id 'a' of this premise is already used "
            r"by a claim at nodes\[0\]; ids must be unique$",
        ):
            ArgumentMap("T", nodes=[Claim("a", "A."), Premise("a", "B.")])

    def test_a_relation_may_not_reuse_a_node_id(self) -> None:
        with pytest.raises(
            ModelError, match="id 'p->c' of this support is already used by a premise"
        ):
            ArgumentMap(
                "T",
                nodes=[Claim("c", "C."), Premise("p", "P."), Premise("p->c", "Q.")],
                relations=[Support(["p"], "c")],
            )

    def test_two_relations_may_not_share_a_generated_id(self) -> None:
        with pytest.raises(
            ModelError, match="id 'p->c' of this attack is already used by a support"
        ):
            ArgumentMap(
                "T",
                nodes=[Claim("c", "C."), Premise("p", "P.")],
                relations=[Support(["p"], "c"), Attack("p", "c")],
            )

    def test_the_article_fits_the_kind(self) -> None:
        with pytest.raises(ModelError, match="is already used by an attack"):
            ArgumentMap(
                "T",
                nodes=[Claim("c", "C."), Premise("p", "P."), Rebuttal("r", "R.")],
                relations=[Attack("r", "c", id="x"), Support(["p"], "c", id="x")],
            )

    def test_duplicate_source_and_participant_ids_are_rejected(self) -> None:
        with pytest.raises(ModelError) as error:
            ArgumentMap(
                "T",
                sources=[Source("s", "S."), Source("s", "S2.")],
                participants=[Participant("w", "W."), Participant("w", "V.")],
            )
        assert [f.message for f in error.value.findings] == [
            "id 's' of this source is already used by a source at sources[0]; ids must be unique",
            "id 'w' of this participant is already used by a participant at participants[0]; "
            "ids must be unique",
        ]

    def test_sources_and_nodes_have_separate_id_spaces(self) -> None:
        amap = ArgumentMap(
            "T", nodes=[Claim("x", "C.", source=SourceRef("x"))], sources=[Source("x", "S.")]
        )
        assert amap.node("x").kind == "claim"
        assert amap.source("x").title == "S."

    @pytest.mark.parametrize(
        ("relation", "message"),
        [
            (Support(["ghost"], "c"), "support 'ghost->c': by 'ghost' is not a node id"),
            (Support(["c"], "ghost"), "support 'c->ghost': target 'ghost' is not a node id"),
            (Attack("ghost", "c"), "attack 'ghost->c': by 'ghost' is not a node id"),
            (Attack("c", "ghost"), "attack 'c->ghost': target 'ghost' is not a node or support id"),
        ],
    )
    def test_relations_must_join_declared_ids(
        self, relation: argmap.Relation, message: str
    ) -> None:
        with pytest.raises(ModelError) as error:
            ArgumentMap("T", nodes=[Claim("c", "C.")], relations=[relation])
        finding = only_finding(error)
        assert (finding.code, finding.message, finding.location.element) == (
            "AM202",
            message,
            relation.id,
        )

    def test_a_support_cannot_target_a_support(self) -> None:
        with pytest.raises(ModelError, match="support 'b->a->c': target 'a->c' is not a node id"):
            ArgumentMap(
                "T",
                nodes=[Claim("c", "C."), Premise("a", "A."), Premise("b", "B.")],
                relations=[Support(["a"], "c"), Support(["b"], "a->c")],
            )

    def test_an_attack_may_target_a_support_an_undercut(self) -> None:
        amap = sample_map()
        undercut = amap.relation("thaad->trade->thesis")
        assert isinstance(undercut, Attack)
        assert isinstance(amap.relation(undercut.target), Support)

    def test_an_attack_cannot_target_an_attack(self) -> None:
        with pytest.raises(
            ModelError, match="attack 'c->a->b': target 'a->b' is not a node or support id"
        ):
            ArgumentMap(
                "T",
                nodes=[Claim("a", "A."), Claim("b", "B."), Claim("c", "C.")],
                relations=[Attack("a", "b"), Attack("c", "a->b")],
            )

    def test_speakers_and_sources_must_be_declared(self) -> None:
        with pytest.raises(ModelError) as error:
            ArgumentMap("T", nodes=[Claim("c", "C.", speaker="wang", source=SourceRef("op-ed"))])
        assert [(f.code, f.message, f.location.path) for f in error.value.findings] == [
            ("AM202", "claim 'c': speaker 'wang' is not a declared participant", ("speaker",)),
            ("AM202", "claim 'c': source 'op-ed' is not a declared source", ("source",)),
        ]

    def test_every_structural_problem_is_reported_at_once(self) -> None:
        with pytest.raises(ModelError) as error:
            ArgumentMap(
                "T",
                nodes=[
                    Claim("c", "C.", speaker="nobody"),
                    Premise("c", "Again."),
                    Premise("p", "P.", source=SourceRef("nowhere")),
                ],
                relations=[
                    Support(["p"], "ghost"),
                    Attack("ghost", "c"),
                    Support(["p"], "c"),
                    Support(["p"], "c"),
                ],
                sources=[Source("s", "S."), Source("s", "S.")],
            )
        assert [finding.code for finding in error.value.findings] == [
            "AM201",
            "AM201",
            "AM201",
            "AM202",
            "AM202",
            "AM202",
            "AM202",
        ]
        message = str(error.value)
        assert message.startswith(
            "7 problems:\n  'c': AM201 id 'c' of this premise is already used by a claim"
        )
        assert "'ghost->c': AM202 attack 'ghost->c': by 'ghost' is not a node id" in message


class TestRelationOrder:
    def test_relations_follow_their_home_nodes_supports_first(self) -> None:
        nodes = [Claim("c", "C."), Premise("a", "A."), Premise("b", "B."), Rebuttal("r", "R.")]
        relations = [
            Attack("r", "a->c"),
            Attack("a", "b"),
            Support(["b", "a"], "c"),
            Support(["a"], "c"),
            Attack("r", "c"),
        ]
        amap = ArgumentMap("T", nodes=nodes, relations=relations)
        assert [r.id for r in amap.relations] == ["a->c", "a->b", "b+a->c", "r->a->c", "r->c"]

    def test_relations_of_one_home_keep_the_order_they_were_given_in(self) -> None:
        nodes = [Claim("c", "C."), Claim("d", "D."), Premise("p", "P.")]
        c_first, d_first = (
            [Support(["p"], "c"), Support(["p"], "d")],
            [Support(["p"], "d"), Support(["p"], "c")],
        )
        forward = ArgumentMap("T", nodes=nodes, relations=c_first)
        backward = ArgumentMap("T", nodes=nodes, relations=d_first)
        assert [r.id for r in forward.relations] == ["p->c", "p->d"]
        assert [r.id for r in backward.relations] == ["p->d", "p->c"]
        assert forward != backward

    @given(maps(), st.randoms(use_true_random=False))
    def test_the_order_of_home_nodes_relations_are_given_in_does_not_matter(
        self, amap: ArgumentMap, random: Random
    ) -> None:
        groups: dict[tuple[str, str], list[argmap.Relation]] = {}
        for relation in amap.relations:
            home = relation.by[0]
            groups.setdefault((home, relation.kind), []).append(relation)
        shuffled = list(groups.values())
        random.shuffle(shuffled)
        assert attrs.evolve(amap, relations=[r for group in shuffled for r in group]) == amap


class TestLookups:
    def test_node_relation_source_and_participant_by_id(self) -> None:
        amap = sample_map()
        assert amap.node("trade").text == "Trade grew."
        assert amap.relation("trade->thesis").target == "thesis"
        assert amap.source("op-ed").title == "Avoid short-term gains"
        assert amap.participant("wang").name == "Wang Wei"

    @pytest.mark.parametrize(
        ("method", "ident", "message"),
        [
            ("node", "ghost", "no node with id 'ghost'"),
            ("node", "trade->thesis", "no node with id 'trade->thesis'"),
            ("relation", "trade", "no relation with id 'trade'"),
            ("source", "wang", "no source with id 'wang'"),
            ("participant", "op-ed", "no participant with id 'op-ed'"),
        ],
    )
    def test_an_unknown_id_raises_unknown_id_error(
        self, method: str, ident: str, message: str
    ) -> None:
        with pytest.raises(UnknownIdError, match=message):
            getattr(sample_map(), method)(ident)

    def test_unknown_id_error_is_a_key_error(self) -> None:
        with pytest.raises(KeyError):
            sample_map().node("ghost")

    def test_contains_asks_about_node_and_relation_ids(self) -> None:
        amap = sample_map()
        assert "trade" in amap
        assert "trade->thesis" in amap
        assert "op-ed" not in amap
        assert "ghost" not in amap


class TestMetadata:
    def test_metadata_is_deeply_frozen(self) -> None:
        amap = ArgumentMap("T", metadata={"a": [1, {"b": [2]}]})
        assert amap.metadata["a"] == (1, {"b": (2,)})
        with pytest.raises(TypeError):
            amap.metadata["a"] = 2  # type: ignore[index]
        with pytest.raises(TypeError):
            amap.metadata["a"][1]["b"] = 3

    def test_metadata_keys_must_be_text_not_converted_to_it(self) -> None:
        # {1: "a", "1": "b"} would lose an entry if keys were made text.
        with pytest.raises(
            ModelError,
            match=re.escape("AM105 map metadata has the key 1, a int; keys must be text"),
        ):
            ArgumentMap("T", metadata=untyped({1: "one", "1": "two"}))

    @pytest.mark.parametrize(
        ("value", "what"),
        [
            ("\ud800", "the lone surrogate U+D800"),
            ("\ufffe", "the noncharacter U+FFFE"),
            ("a\x85b", "control character '\\x85'"),
            ("bell\x07", "control character '\\x07'"),
        ],
    )
    def test_metadata_text_follows_the_character_rules_of_notes(
        self, value: str, what: str
    ) -> None:
        with pytest.raises(ModelError, match=re.escape(f"['k'] holds {what}; remove it")):
            ArgumentMap("T", metadata={"k": value})
        with pytest.raises(ModelError, match=re.escape(f"has a key holding {what}")):
            ArgumentMap("T", metadata={value: "v"})

    def test_metadata_may_hold_line_breaks_and_tabs(self) -> None:
        assert ArgumentMap("T", metadata={"k": "a\n\tb"}).metadata["k"] == "a\n\tb"

    def test_metadata_nesting_has_one_limit_and_a_clear_finding(self) -> None:
        deep: Any = "leaf"
        for _ in range(argmap.MAX_METADATA_DEPTH - 1):
            deep = [deep]
        assert ArgumentMap("T", metadata={"k": deep}).metadata["k"] is not None
        with pytest.raises(ModelError, match=r"AM105 map metadata is nested more than 64 levels"):
            ArgumentMap("T", metadata={"k": [deep]})

    def test_a_map_with_metadata_at_the_limit_validates_without_recursion_errors(self) -> None:
        deep: Any = {}
        for _ in range(argmap.MAX_METADATA_DEPTH - 1):
            deep = {"k": deep}
        amap = ArgumentMap("T", nodes=[Claim("c", "C.", main=True)], metadata=deep)
        assert [finding.code for finding in argmap.validate(amap)] == ["AM303"]
        assert argmap.loads(argmap.dumps(amap, format="json"), format="json") == amap
        assert argmap.loads(argmap.dumps(amap)) == amap

    @pytest.mark.parametrize("char", ["\ufffe", "\uffff", "\ufdd0", "\U0010ffff"])
    def test_noncharacters_are_refused_in_texts(self, char: str) -> None:
        with pytest.raises(
            ModelError,
            match=re.escape(f"found the noncharacter U+{ord(char):04X}"),
        ):
            Claim("c", f"A claim{char} with a noncharacter.")

    @pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan")])
    def test_metadata_numbers_must_be_finite(self, value: float) -> None:
        with pytest.raises(
            ModelError,
            match=re.escape(
                f"$.metadata: AM105 map metadata['x'][0] is {value!r}; numbers must be finite"
            ),
        ):
            ArgumentMap("T", metadata={"x": [value]})

    @pytest.mark.parametrize("value", [{1, 2}, b"bytes", object(), 1j])
    def test_metadata_holds_only_json_like_data(self, value: object) -> None:
        with pytest.raises(
            ModelError,
            match=re.escape(
                f"map metadata['x'] is a {type(value).__name__}; metadata holds only text, "
                "numbers, true/false, null, lists and mappings"
            ),
        ):
            ArgumentMap("T", metadata={"x": value})

    def test_metadata_must_be_a_mapping(self) -> None:
        with pytest.raises(ModelError, match="map metadata must be a mapping"):
            ArgumentMap("T", metadata=untyped(None))

    def test_metadata_does_not_count_towards_the_hash(self) -> None:
        assert hash(ArgumentMap("T", metadata={"a": 1})) == hash(ArgumentMap("T"))


class TestValueSemantics:
    def test_equal_parts_make_equal_maps(self) -> None:
        assert sample_map() == sample_map()
        assert hash(sample_map()) == hash(sample_map())

    def test_any_difference_makes_maps_unequal(self) -> None:
        amap = sample_map()
        assert attrs.evolve(amap, title="Other") != amap
        assert attrs.evolve(amap, metadata={}) != amap
        thesis = amap.node("thesis")
        assert isinstance(thesis, Claim)
        changed = attrs.evolve(thesis, main=False)
        assert attrs.evolve(amap, nodes=(changed, *amap.nodes[1:])) != amap

    def test_origin_is_not_part_of_the_value(self) -> None:
        amap = argmap.loads(argmap.dumps(sample_map()), file="m.yaml")
        assert amap.origin is not None
        assert sample_map().origin is None
        assert amap == sample_map()

    @pytest.mark.parametrize(
        ("obj", "field"),
        [
            (sample_map(), "title"),
            (Claim("c", "C."), "text"),
            (Support(["a"], "b"), "target"),
            (SourceRef("s"), "doc"),
            (Source("s", "S."), "title"),
            (Participant("p", "P."), "name"),
        ],
    )
    def test_values_are_frozen(self, obj: object, field: str) -> None:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(obj, field, "Other.")

    def test_evolve_makes_a_changed_copy(self) -> None:
        claim = Claim("c", "C.", tags=["a"])
        changed = attrs.evolve(claim, text="Changed.", main=True)
        assert (changed.text, changed.main, changed.tags, claim.text) == (
            "Changed.",
            True,
            ("a",),
            "C.",
        )

    def test_evolve_checks_the_invariants_again(self) -> None:
        with pytest.raises(ModelError, match="text must not be empty"):
            attrs.evolve(Claim("c", "C."), text="")
        amap = sample_map()
        with pytest.raises(ModelError, match="target 'thesis' is not a node id"):
            attrs.evolve(amap, nodes=amap.nodes[1:])

    def test_equal_nodes_of_different_kinds_are_unequal(self) -> None:
        assert Rebuttal("n", "T.") != untyped(Recommendation("n", "T."))

    @given(maps())
    def test_a_map_equals_itself_rebuilt_from_its_parts(self, amap: ArgumentMap) -> None:
        rebuilt = ArgumentMap(
            amap.title,
            nodes=list(amap.nodes),
            relations=list(amap.relations),
            sources=list(amap.sources),
            participants=list(amap.participants),
            metadata=dict(amap.metadata),
        )
        assert rebuilt == amap
        assert hash(rebuilt) == hash(amap)
        assert attrs.evolve(amap) == amap
        assert all(amap.node(node.id) is node for node in amap.nodes)
        assert all(amap.relation(relation.id) is relation for relation in amap.relations)
        assert {*amap.sources} == {amap.source(source.id) for source in amap.sources}


# --- what supports and attacks a node -------------------------------------------------------


@given(maps(max_nodes=8))
def test_supports_of_and_attacks_on_partition_the_relations(amap: argmap.ArgumentMap) -> None:
    supports = [r for r in amap.relations if isinstance(r, Support)]
    attacks = [r for r in amap.relations if isinstance(r, Attack)]
    found_supports = [s for node in amap.nodes for s in amap.supports_of(node.id)]
    targets = [node.id for node in amap.nodes] + [s.id for s in supports]
    found_attacks = [a for target in targets for a in amap.attacks_on(target)]
    assert sorted(found_supports, key=amap.relations.index) == supports
    assert sorted(found_attacks, key=amap.relations.index) == attacks
    for node in amap.nodes:
        assert all(s.target == node.id for s in amap.supports_of(node.id))


def test_supports_of_and_attacks_on_refuse_unknown_ids() -> None:
    amap = argmap.MapBuilder("T").claim("c", "C.").premise("p", "P.", supports="c").build()
    with pytest.raises(argmap.UnknownIdError, match="no node with id 'x'"):
        amap.supports_of("x")
    with pytest.raises(argmap.UnknownIdError, match="no node with id 'p->c'"):
        amap.supports_of("p->c")
    with pytest.raises(argmap.UnknownIdError, match="no node or support with id 'x'"):
        amap.attacks_on("x")
    assert amap.attacks_on("p->c") == ()


class TestAttackShape:
    def test_by_is_a_one_item_tuple_as_a_supports_is(self) -> None:
        attack = argmap.Attack("r1", "thesis")
        assert attack.by == ("r1",) and attack.attacker == "r1"
        assert list(attack.by) == ["r1"]  # never the letters of the id
        assert argmap.Attack(["r1"], "thesis") == attack

    def test_an_attack_has_exactly_one_attacker(self) -> None:
        with pytest.raises(ModelError, match=r"an attack has exactly one attacker, got 2"):
            argmap.Attack(("r1", "r2"), "thesis")

    def test_an_attack_on_itself_names_the_node(self) -> None:
        with pytest.raises(ModelError, match="AM203 attack 'r1->r1': 'r1' cannot attack itself"):
            argmap.Attack("r1", "r1")


def test_a_tab_in_a_text_says_to_replace_it_with_a_space() -> None:
    with pytest.raises(
        ModelError,
        match=re.escape("found control character '\\t'; replace it with a space"),
    ):
        Claim("c", "Tab\tinside.")
