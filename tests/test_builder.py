"""MapBuilder: the fluent, mutable way to assemble a map in code."""

from __future__ import annotations

from typing import Any

import pytest

import argmap
from argmap import (
    ArgumentMap,
    Attack,
    Basis,
    Claim,
    MapBuilder,
    ModelError,
    Participant,
    Premise,
    Rebuttal,
    Recommendation,
    Source,
    SourceRef,
    Support,
)


def untyped(value: object) -> Any:
    """``value``, typed ``Any``: for tests that pass a wrong type on purpose."""
    return value


def test_build_returns_the_map_the_calls_describe() -> None:
    amap = (
        MapBuilder("Keep the long view")
        .source("op-ed", "Avoid short-term gains", authors=["Ahn Ho-young"], date="2022")
        .participant("wang", "Wang Wei", country="China")
        .claim("thesis", "Ties matter.", main=True, speaker="wang")
        .premise(
            "trade",
            "Trade grew.",
            basis="statistic",
            implicit=True,
            supports="thesis",
            source="op-ed",
            tags=["economy"],
            note="See table 2.",
        )
        .rebuttal("thaad", "THAAD shows fragility.", attacks="thesis")
        .recommendation("talks", "Restart the dialogue.", supports="thesis")
        .metadata(year=2022)
        .build()
    )
    assert amap == ArgumentMap(
        "Keep the long view",
        nodes=[
            Claim("thesis", "Ties matter.", main=True, speaker="wang"),
            Premise(
                "trade",
                "Trade grew.",
                basis=Basis.STATISTIC,
                implicit=True,
                source=SourceRef("op-ed"),
                tags=("economy",),
                note="See table 2.",
            ),
            Rebuttal("thaad", "THAAD shows fragility."),
            Recommendation("talks", "Restart the dialogue."),
        ],
        relations=[
            Support(["trade"], "thesis"),
            Attack("thaad", "thesis"),
            Support(["talks"], "thesis"),
        ],
        sources=[Source("op-ed", "Avoid short-term gains", authors=("Ahn Ho-young",), date="2022")],
        participants=[Participant("wang", "Wang Wei", country="China")],
        metadata={"year": 2022},
    )


class TestReferences:
    def test_references_may_point_forward(self) -> None:
        amap = (
            MapBuilder("T")
            .premise("p", "P.", supports="c", speaker="later", source="doc")
            .claim("c", "C.")
            .participant("later", "Late Comer")
            .source("doc", "A document")
            .build()
        )
        assert amap.relation("p->c").target == "c"
        assert amap.node("p").speaker == "later"

    def test_several_targets_make_several_relations(self) -> None:
        amap = (
            MapBuilder("T")
            .claim("a", "A.")
            .claim("b", "B.")
            .premise("p", "P.", supports=["a", "b"])
            .rebuttal("r", "R.", attacks=("a", "b"))
            .build()
        )
        assert [r.id for r in amap.relations] == ["p->a", "p->b", "r->a", "r->b"]

    def test_any_node_kind_may_support_and_attack(self) -> None:
        amap = (
            MapBuilder("T")
            .claim("a", "A.", attacks="b")
            .claim("b", "B.", supports="a")
            .rebuttal("r", "R.", supports="a")
            .recommendation("rec", "Do it.", attacks="r")
            .build()
        )
        assert [r.id for r in amap.relations] == ["a->b", "b->a", "r->a", "rec->r"]


class TestLinkedSupportsAndUndercuts:
    def test_support_with_several_nodes_is_one_linked_support(self) -> None:
        amap = (
            MapBuilder("T")
            .claim("c", "C.")
            .premise("a", "A.")
            .premise("b", "B.")
            .support("c", by=["a", "b"])
            .build()
        )
        assert amap.relations == (Support(("a", "b"), "c"),)
        assert amap.relation("a+b->c").by == ("a", "b")

    def test_support_by_one_id(self) -> None:
        amap = MapBuilder("T").claim("c", "C.").premise("a", "A.").support("c", by="a").build()
        assert amap.relations == (Support(("a",), "c"),)

    def test_support_and_attack_take_an_explicit_id(self) -> None:
        amap = (
            MapBuilder("T")
            .claim("c", "C.")
            .premise("a", "A.")
            .rebuttal("r", "R.")
            .support("c", by=["a"], id="main-reason")
            .attack("main-reason", by="r", id="undercut")
            .build()
        )
        assert amap.relation("undercut") == Attack("r", "main-reason", id="undercut")

    def test_attack_on_a_support_is_an_undercut(self) -> None:
        amap = (
            MapBuilder("T")
            .claim("c", "C.")
            .premise("p", "P.", supports="c")
            .rebuttal("r", "R.", attacks="p->c")
            .build()
        )
        undercut = amap.relation("r->p->c")
        assert isinstance(undercut, Attack)
        assert isinstance(amap.relation(undercut.target), Support)

    def test_undercut_may_be_declared_before_the_support(self) -> None:
        amap = (
            MapBuilder("T")
            .rebuttal("r", "R.")
            .attack("p->c", by="r")
            .claim("c", "C.")
            .premise("p", "P.", supports="c")
            .build()
        )
        assert "r->p->c" in amap


class TestSources:
    def test_source_as_an_id(self) -> None:
        amap = MapBuilder("T").source("s", "S.").claim("c", "C.", source="s").build()
        assert amap.node("c").source == SourceRef("s")

    def test_source_as_id_and_paragraphs(self) -> None:
        amap = MapBuilder("T").source("s", "S.").claim("c", "C.", source=("s", [2, 3])).build()
        assert amap.node("c").source == SourceRef("s", (2, 3))

    def test_source_as_a_source_ref(self) -> None:
        amap = (
            MapBuilder("T").source("s", "S.").claim("c", "C.", source=SourceRef("s", (1,))).build()
        )
        assert amap.node("c").source == SourceRef("s", (1,))

    def test_bad_paragraphs_are_reported_by_build(self) -> None:
        builder = MapBuilder("T").claim("c", "C.", source=("s", [0]))
        with pytest.raises(ModelError, match="paragraph numbers count from 1, got 0"):
            builder.build()

    def test_source_fields_are_reported_by_build(self) -> None:
        builder = MapBuilder("T").source("s", "S.", authors=[""])
        with pytest.raises(ModelError, match="source 's': authors must not be empty"):
            builder.build()


class TestMetadata:
    def test_metadata_calls_add_up(self) -> None:
        amap = MapBuilder("T").metadata(a=1, b=[1, 2]).metadata(b="two", c=None).build()
        assert dict(amap.metadata) == {"a": 1, "b": "two", "c": None}

    def test_non_json_metadata_is_rejected_by_build(self) -> None:
        builder = MapBuilder("T").metadata(when={2022})
        with pytest.raises(ModelError, match="map metadata\\['when'\\] is a set"):
            builder.build()


class TestErrors:
    def test_a_bad_node_is_reported_by_build_not_by_the_call(self) -> None:
        builder = MapBuilder("T").premise("p", "P.", basis="hunch")
        with pytest.raises(ModelError, match=r"premise 'p': basis must be one of .*; got 'hunch'$"):
            builder.build()

    def test_every_bad_call_is_reported_together_in_call_order(self) -> None:
        builder = (
            MapBuilder("T")
            .claim("c", "")
            .premise("p", "P.", suports="c")
            .rebuttal("r", "R.", attacks="r")
            .claim("d", "D.", main=untyped("yes"))
        )
        with pytest.raises(ModelError) as error:
            builder.build()
        assert [(f.code, f.message) for f in error.value.findings] == [
            ("AM105", "claim 'c': text must not be empty"),
            (
                "AM102",
                "premise 'p': unknown keyword 'suports'; did you mean 'supports'? (expected one "
                "of: attacks, basis, implicit, note, source, speaker, supports, tags, text)",
            ),
            ("AM203", "attack 'r->r': 'r' cannot attack itself"),
            ("AM105", "claim 'd': main must be true or false, got 'yes'"),
        ]

    def test_a_bad_node_is_reported_once_not_again_by_references_to_it(self) -> None:
        builder = MapBuilder("T").claim("c", "C.", main=True).premise("p", "", supports="c")
        builder.attack("p", by="c")
        with pytest.raises(ModelError) as error:
            builder.build()
        assert [str(f) for f in error.value.findings] == [
            "'p': AM105 premise 'p': text must not be empty"
        ]

    def test_a_self_support_is_reported_by_build(self) -> None:
        builder = MapBuilder("T").claim("c", "C.").premise("p", "P.", supports=["c", "p"])
        with pytest.raises(ModelError, match="'p' cannot support itself"):
            builder.build()

    def test_a_self_attack_is_reported_by_build(self) -> None:
        builder = MapBuilder("T").rebuttal("r", "R.").attack("r", by="r")
        with pytest.raises(ModelError, match="'r' cannot attack itself"):
            builder.build()

    def test_a_misspelt_keyword_names_the_nearest_one(self) -> None:
        builder = MapBuilder("T").claim("c", "C.", colour="red").source("s", "S.", autors=["A"])
        with pytest.raises(ModelError) as error:
            builder.build()
        assert [f.message for f in error.value.findings] == [
            "claim 'c': unknown keyword 'colour'; (expected one of: attacks, main, note, "
            "source, speaker, supports, tags, text)",
            "source 's': unknown keyword 'autors'; did you mean 'authors'? (expected one of: "
            "affiliation, authors, date, language, outlet, title, url)",
        ]

    def test_structural_problems_surface_in_build_all_at_once(self) -> None:
        builder = (
            MapBuilder("T")
            .claim("c", "C.", speaker="nobody")
            .premise("p", "P.", supports="ghost", source="nowhere")
            .premise("c", "Again.")
            .rebuttal("r", "R.", attacks="p->ghost")
            .attack("r->c", by="r")
        )
        with pytest.raises(ModelError) as error:
            builder.build()
        assert [(f.code, f.message) for f in error.value.findings] == [
            (
                "AM201",
                "id 'c' of this premise is already used by a claim at nodes[0]; ids must be unique",
            ),
            ("AM202", "claim 'c': speaker 'nobody' is not a declared participant"),
            ("AM202", "premise 'p': source 'nowhere' is not a declared source"),
            ("AM202", "support 'p->ghost': target 'ghost' is not a node id"),
            ("AM202", "attack 'r->r->c': target 'r->c' is not a node or support id"),
        ]

    def test_a_bad_title_surfaces_in_build(self) -> None:
        with pytest.raises(ModelError, match=r"^\$\.title: AM105 map: title must not be empty$"):
            MapBuilder(" ").build()

    def test_targets_must_be_ids(self) -> None:
        builder = MapBuilder("T").claim("c", "C.", supports=untyped([5]))
        with pytest.raises(ModelError, match=r"target must be an id .*, got 5"):
            builder.build()


class TestReuse:
    def test_building_twice_gives_equal_maps(self) -> None:
        builder = MapBuilder("T").claim("c", "C.").premise("p", "P.", supports="c")
        assert builder.build() == builder.build()

    def test_a_built_map_does_not_change_when_the_builder_does(self) -> None:
        builder = MapBuilder("T").claim("c", "C.").metadata(a=1)
        first = builder.build()
        builder.premise("p", "P.", supports="c").metadata(a=2)
        assert first == ArgumentMap("T", nodes=[Claim("c", "C.")], metadata={"a": 1})
        assert len(builder.build().nodes) == 2

    def test_every_builder_method_returns_the_builder(self) -> None:
        builder = MapBuilder("T")
        results = [
            builder.source("s", "S."),
            builder.participant("w", "W."),
            builder.metadata(a=1),
            builder.claim("c", "C."),
            builder.premise("p", "P."),
            builder.rebuttal("r", "R."),
            builder.recommendation("d", "D."),
            builder.support("c", by="p"),
            builder.attack("c", by="r"),
        ]
        assert all(result is builder for result in results)
        assert isinstance(builder.build(), argmap.ArgumentMap)
