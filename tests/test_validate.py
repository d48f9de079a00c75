"""validate: the argumentation policy checks AM301-AM309, and the page that documents codes."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import (
    CODES,
    ArgumentMap,
    Attack,
    Claim,
    Finding,
    Location,
    MapBuilder,
    Node,
    Participant,
    Premise,
    Rebuttal,
    Recommendation,
    Relation,
    Severity,
    Source,
    SourceRef,
    Support,
    validate,
)

CHECKS_PAGE = Path(__file__).resolve().parent.parent / "docs" / "checks.md"

MESSAGES = {
    "AM301": "rebuttal {0!r} attacks nothing; make it attack the claim, premise or support it "
    "challenges",
    "AM302": "recommendation {0!r} has no support; add a premise that supports it",
    "AM303": "{1} {0!r} is connected to nothing; make it support or attack another node, or "
    "remove it",
    "AM306": "participant {0!r} speaks no node; name them as a node's 'speaker' or remove them",
    "AM307": "source {0!r} is cited by no node; cite it in a node's 'source' or remove it",
    "AM308": "premise {0!r} neither supports nor attacks anything; make it support the node it "
    "is a reason for, or attack the one it counts against",
    "AM309": "{1} {0!r} has the same text as {2!r}; merge the two nodes or reword one",
}


def finding(code: str, element: str | None, *args: str) -> Finding:
    """The finding ``validate`` gives for a map built in Python (no file)."""
    message = MESSAGES[code].format(element, *args)
    return Finding(code, CODES[code].severity, message, Location(element=element))


def base(title: str = "T") -> MapBuilder:
    """A clean map to add one problem to: a main claim and a reason for it."""
    return (
        MapBuilder(title)
        .claim("thesis", "Ties matter.", main=True)
        .premise("trade", "Trade grew.", supports="thesis")
    )


def codes(amap: ArgumentMap) -> list[tuple[str, str | None]]:
    return [(f.code, f.location.element) for f in validate(amap)]


# -- a clean map -------------------------------------------------------------------------


def test_clean_map_has_no_findings() -> None:
    amap = (
        base()
        .participant("kim", "Kim Ji-won")
        .source("op-ed", "Avoid short-term gains")
        .premise(
            "share",
            "Trade is a fifth of the total.",
            supports="thesis",
            speaker="kim",
            source=("op-ed", (2,)),
        )
        .rebuttal("doubt", "Trade would have grown anyway.", attacks="trade->thesis")
        .premise("data", "Customs data say otherwise.", attacks="doubt")
        .recommendation("talk", "Keep talking.", attacks="doubt")
        .premise("why", "Talks build trust.", supports="talk")
        .build()
    )
    assert validate(amap) == ()


def test_validate_is_in_the_front_door() -> None:
    assert "validate" in argmap.__all__
    assert argmap.validate is validate


# -- AM301 rebuttal-attacks-nothing -----------------------------------------------------------


class TestRebuttalAttacksNothing:
    def test_rebuttal_that_attacks_nothing_is_an_error(self) -> None:
        amap = base().rebuttal("doubt", "Trade would have grown anyway.", supports="thesis").build()
        [result] = validate(amap)
        assert result == finding("AM301", "doubt")
        assert result.severity is Severity.ERROR
        assert re.fullmatch(r"rebuttal 'doubt' attacks nothing; make it attack .*", result.message)

    @pytest.mark.parametrize("target", ["thesis", "trade", "trade->thesis"])
    def test_rebuttal_that_attacks_a_node_or_a_support_is_fine(self, target: str) -> None:
        amap = base().rebuttal("doubt", "Trade would have grown anyway.", attacks=target).build()
        assert validate(amap) == ()

    def test_being_attacked_is_not_attacking(self) -> None:
        amap = (
            base()
            .rebuttal("doubt", "Trade would have grown anyway.", attacks="thesis")
            .rebuttal("counter", "It would not have.", supports="thesis")
            .premise("data", "Customs data.", attacks="counter")
            .build()
        )
        assert validate(amap) == (finding("AM301", "counter"),)


# -- AM302 unsupported-recommendation ---------------------------------------------------------


class TestUnsupportedRecommendation:
    def test_recommendation_without_support_is_a_warning(self) -> None:
        amap = base().recommendation("talk", "Keep talking.", supports="thesis").build()
        [result] = validate(amap)
        assert result == finding("AM302", "talk")
        assert result.severity is Severity.WARNING
        assert result.message == (
            "recommendation 'talk' has no support; add a premise that supports it"
        )

    def test_a_linked_support_counts(self) -> None:
        amap = (
            base()
            .recommendation("talk", "Keep talking.", supports="thesis")
            .premise("why", "Talks build trust.")
            .support("talk", by=["why", "trade"])
            .build()
        )
        assert validate(amap) == ()

    def test_an_attack_is_not_a_support(self) -> None:
        amap = (
            base()
            .recommendation("talk", "Keep talking.", supports="thesis")
            .rebuttal("doubt", "Talk is cheap.", attacks="talk")
            .build()
        )
        assert validate(amap) == (finding("AM302", "talk"),)


# -- AM303 isolated-node ----------------------------------------------------------------------


class TestIsolatedNode:
    @pytest.mark.parametrize("kind", ["claim", "premise"])
    def test_node_in_no_relation_is_a_warning(self, kind: str) -> None:
        builder = base()
        getattr(builder, kind)("aside", "The weather was fine.")
        [result] = validate(builder.build())
        assert result == finding("AM303", "aside", kind)
        assert result.severity is Severity.WARNING
        assert result.message.startswith(f"{kind} 'aside' is connected to nothing;")

    def test_single_claim_map_is_isolated(self) -> None:
        amap = MapBuilder("T").claim("thesis", "Ties matter.", main=True).build()
        assert validate(amap) == (finding("AM303", "thesis", "claim"),)

    def test_a_node_that_is_only_attacked_is_not_isolated(self) -> None:
        amap = (
            base()
            .claim("rival", "Ties do not matter.")
            .rebuttal("no", "They do.", attacks="rival")
            .build()
        )
        assert validate(amap) == ()


# -- AM303 precedence: no double reports --------------------------------------------------------


class TestPrecedence:
    def test_isolated_rebuttal_gets_only_am301(self) -> None:
        amap = base().rebuttal("doubt", "Trade would have grown anyway.").build()
        assert validate(amap) == (finding("AM301", "doubt"),)

    def test_isolated_recommendation_gets_only_am302(self) -> None:
        amap = base().recommendation("talk", "Keep talking.").build()
        assert validate(amap) == (finding("AM302", "talk"),)

    def test_isolated_premise_gets_only_am303(self) -> None:
        amap = base().premise("aside", "The weather was fine.").build()
        assert validate(amap) == (finding("AM303", "aside", "premise"),)

    def test_other_checks_still_apply_to_an_isolated_node(self) -> None:
        amap = base().premise("again", "TRADE  grew.").build()
        assert validate(amap) == (
            finding("AM303", "again", "premise"),
            finding("AM309", "again", "premise", "trade"),
        )


# -- AM304 support-cycle ----------------------------------------------------------------------


class TestSupportCycle:
    def test_three_cycle_is_reported_once_in_map_order(self) -> None:
        amap = (
            base()
            .premise("x", "X.", supports="y")
            .premise("z", "Z.", supports="x")
            .premise("y", "Y.", supports="z")
            .build()
        )
        [result] = validate(amap)
        assert result.code == "AM304"
        assert result.severity is Severity.ERROR
        assert result.location == Location(element="x")
        assert result.message == (
            "the supports among 'x', 'z', 'y' run in a circle, so each ends up supporting "
            "itself; remove or reverse one of them"
        )

    def test_two_separate_cycles_are_two_findings(self) -> None:
        amap = (
            base()
            .premise("a", "A.", supports=["b", "thesis"])
            .premise("c", "C.", supports="d")
            .premise("b", "B.", supports="a")
            .premise("d", "D.", supports="e")
            .premise("e", "E.", supports="c")
            .build()
        )
        found = validate(amap)
        assert [(f.code, f.location.element) for f in found] == [("AM304", "a"), ("AM304", "c")]
        assert "among 'a', 'b' run" in found[0].message
        assert "among 'c', 'd', 'e' run" in found[1].message

    def test_a_linked_co_premise_is_in_the_cycle(self) -> None:
        amap = (
            base()
            .premise("a", "A.")
            .premise("b", "B.")
            .support("c", by=["a", "b"])
            .claim("c", "C.", supports=["a", "thesis"])
            .build()
        )
        [result] = validate(amap)
        assert (result.code, result.location.element) == ("AM304", "a")
        assert "among 'a', 'c' run" in result.message

    def test_a_tail_into_a_cycle_is_not_part_of_it(self) -> None:
        amap = (
            base()
            .premise("tail", "T.", supports="a")
            .premise("a", "A.", supports="b")
            .premise("b", "B.", supports=["a", "thesis"])
            .build()
        )
        [result] = validate(amap)
        assert (result.code, result.location.element) == ("AM304", "a")
        assert "among 'a', 'b' run" in result.message

    def test_a_node_cannot_support_itself_so_a_cycle_has_two_nodes(self) -> None:
        with pytest.raises(argmap.ModelError, match=r"AM203 support 'a->a': 'a' cannot support"):
            base().premise("a", "A.", supports="a").build()

    def test_supports_in_both_directions_without_a_cycle(self) -> None:
        amap = (
            base()
            .premise("first", "F.", supports="second")
            .premise("second", "S.", supports="thesis")
            .build()
        )
        assert validate(amap) == ()


def chain(size: int, *, closed: bool) -> ArgumentMap:
    """``n1`` supports ``n0``, ``n2`` supports ``n1``, ...; ``start`` (first) supports the last.

    The first edge runs forward in map order and the others backward, so the cycle search
    walks the whole chain, ``size`` nodes deep.
    """
    nodes: list[Node] = [Premise("start", "Start.")]
    nodes += [Premise(f"n{i}", f"Step {i}.") for i in range(size)]
    nodes[1] = Claim("n0", "Step 0.", main=True)
    relations: list[Relation] = [Support(["start"], f"n{size - 1}")]
    relations += [Support([f"n{i}"], f"n{i - 1}") for i in range(1, size)]
    if closed:
        relations.append(Support(["n0"], f"n{size - 1}"))
    return ArgumentMap("Chain", nodes, relations)


class TestLargeMaps:
    def test_long_chain_without_a_cycle(self) -> None:
        assert validate(chain(20_000, closed=False)) == ()

    def test_long_cycle_without_recursion(self) -> None:
        [result] = validate(chain(20_000, closed=True))
        assert (result.code, result.location.element) == ("AM304", "n0")
        assert result.message.count("'n") == 20_000


# -- AM305 no-main-claim ----------------------------------------------------------------------


class TestNoMainClaim:
    def test_map_without_main_claim_is_a_map_level_warning(self) -> None:
        amap = MapBuilder("Ties").claim("c", "C.").premise("p", "P.", supports="c").build()
        [result] = validate(amap)
        assert result == Finding(
            "AM305",
            Severity.WARNING,
            "map 'Ties' has no main claim; mark its thesis with 'main: true'",
            Location(),
        )
        assert result.location.element is None

    def test_a_main_claim_anywhere_is_enough(self) -> None:
        amap = MapBuilder("T").premise("p", "P.", supports="c").claim("c", "C.", main=True).build()
        assert validate(amap) == ()


# -- AM306 unused-participant, AM307 unused-source ---------------------------------------------


class TestProvenance:
    def test_participant_who_speaks_no_node(self) -> None:
        amap = (
            base()
            .participant("kim", "Kim")
            .participant("wang", "Wang")
            .premise("share", "A fifth.", supports="thesis", speaker="kim")
            .build()
        )
        [result] = validate(amap)
        assert result == finding("AM306", "wang")
        assert result.severity is Severity.WARNING

    def test_source_no_node_cites(self) -> None:
        amap = (
            base()
            .source("op-ed", "Op-ed")
            .source("report", "Report")
            .premise("share", "A fifth.", supports="thesis", source=("report", (3,)))
            .build()
        )
        [result] = validate(amap)
        assert result == finding("AM307", "op-ed")
        assert result.severity is Severity.WARNING


# -- AM308 idle-premise -----------------------------------------------------------------------


class TestIdlePremise:
    def test_supported_premise_that_supports_nothing(self) -> None:
        amap = (
            base()
            .premise("tourism", "Tourism grew.")
            .premise("visas", "Visas were eased.", supports="tourism")
            .build()
        )
        [result] = validate(amap)
        assert result == finding("AM308", "tourism")
        assert result.severity is Severity.WARNING

    def test_attacked_premise_that_supports_nothing(self) -> None:
        amap = (
            base()
            .premise("tourism", "Tourism grew.")
            .rebuttal("no", "It did not.", attacks="tourism")
            .build()
        )
        assert validate(amap) == (finding("AM308", "tourism"),)

    def test_premise_that_attacks_is_not_idle(self) -> None:
        amap = (
            base()
            .rebuttal("doubt", "D.", attacks="thesis")
            .premise("data", "Data.", attacks="doubt")
            .build()
        )
        assert validate(amap) == ()

    def test_claims_may_be_conclusions(self) -> None:
        amap = base().claim("sub", "Sub.").premise("why", "Why.", supports="sub").build()
        assert validate(amap) == ()


# -- AM309 duplicate-text ---------------------------------------------------------------------


class TestDuplicateText:
    @pytest.mark.parametrize(
        "text",
        ["Trade grew.", "TRADE GREW.", "trade  grew.", "Trade\u00a0grew.", "Trade \u3000grew."],
    )
    def test_same_text_ignoring_case_and_spacing(self, text: str) -> None:
        amap = base().premise("again", text, supports="thesis").build()
        [result] = validate(amap)
        assert result == finding("AM309", "again", "premise", "trade")
        assert result.severity is Severity.WARNING

    def test_case_folding_is_unicode(self) -> None:
        amap = (
            base()
            .claim("a", "Die Straße.", supports="thesis")
            .claim("b", "DIE STRASSE.", supports="thesis")
            .build()
        )
        assert validate(amap) == (finding("AM309", "b", "claim", "a"),)

    def test_every_copy_names_the_first(self) -> None:
        amap = (
            base()
            .premise("two", "trade grew.", supports="thesis")
            .premise("three", "Trade Grew.", supports="thesis")
            .build()
        )
        assert validate(amap) == (
            finding("AM309", "two", "premise", "trade"),
            finding("AM309", "three", "premise", "trade"),
        )

    def test_different_words_differ(self) -> None:
        amap = base().premise("other", "Trade grew fast.", supports="thesis").build()
        assert validate(amap) == ()


# -- order and locations --------------------------------------------------------------------------


def test_findings_come_in_map_order_then_by_code() -> None:
    amap = (
        MapBuilder("T")
        .participant("kim", "Kim")
        .source("op-ed", "Op-ed")
        .claim("a", "Same.")
        .rebuttal("r", "SAME.")
        .premise("p", "P.", supports="q")
        .premise("q", "Q.", supports="p")
        .build()
    )
    assert codes(amap) == [
        ("AM305", None),
        ("AM303", "a"),
        ("AM301", "r"),
        ("AM309", "r"),
        ("AM304", "p"),
        ("AM306", "kim"),
        ("AM307", "op-ed"),
    ]


YAML_MAP = textwrap.dedent("""\
    title: Seminar
    participants:
      kim: {name: Kim Ji-won}
    sources:
      op-ed: {title: Avoid short-term gains}
    nodes:
      thesis:
        claim: Ties matter.
      kim:
        rebuttal: Kim objects.
      aside:
        premise: The weather was fine.
    """)


def test_findings_of_a_map_read_from_a_file_carry_line_and_column() -> None:
    amap = argmap.loads(YAML_MAP, file="m.yaml")
    found = validate(amap)
    assert [(f.code, str(f.location)) for f in found] == [
        ("AM305", "m.yaml:1:1"),
        ("AM303", "m.yaml:7:3"),
        ("AM301", "m.yaml:9:3"),
        ("AM303", "m.yaml:11:3"),
        ("AM306", "m.yaml:3:3"),  # the participant, not the node of the same id
        ("AM307", "m.yaml:5:3"),
    ]
    assert found[2].location == Location("m.yaml", 9, 3, "kim", ("nodes", "kim"))
    assert found[4].location == Location("m.yaml", 3, 3, "kim", ("participants", "kim"))
    assert [f.message for f in found] == [
        f.message
        for f in validate(
            ArgumentMap(amap.title, amap.nodes, amap.relations, amap.sources, amap.participants)
        )
    ]


def test_findings_of_a_json_map_carry_line_and_column() -> None:
    amap = argmap.loads(
        argmap.dumps(argmap.loads(YAML_MAP), format="json"), format="json", file="m.json"
    )
    assert [str(f.location) for f in validate(amap)] == [
        "m.json:1:1",
        "m.json:15:5",
        "m.json:18:5",
        "m.json:21:5",
        "m.json:10:5",
        "m.json:5:5",
    ]


# -- property: any small map ------------------------------------------------------------------

_KINDS: tuple[Callable[..., Node], ...] = (Claim, Premise, Rebuttal, Recommendation)
_TEXTS = ("Same.", "same.", "SAME.", "Trade  grew.", "trade grew.")


@st.composite
def small_maps(draw: st.DrawFn) -> ArgumentMap:
    """Maps on up to 7 nodes with random supports (some linked), attacks and undercuts."""
    count = draw(st.integers(1, 7))
    ids = [f"n{i}" for i in range(count)]
    people = [f"u{i}" for i in range(draw(st.integers(0, 2)))]
    docs = [f"d{i}" for i in range(draw(st.integers(0, 2)))]
    nodes: list[Node] = []
    for index, ident in enumerate(ids):
        kind = draw(st.sampled_from(_KINDS))
        text = draw(st.sampled_from((*_TEXTS, f"Text {index}.")))
        speaker = draw(st.sampled_from((None, *people)))
        doc = draw(st.sampled_from((None, *docs)))
        fields: dict[str, Any] = {"speaker": speaker, "source": SourceRef(doc) if doc else None}
        if kind is Claim:
            fields["main"] = draw(st.booleans())
        nodes.append(kind(ident, text, **fields))
    node_index = st.integers(0, count - 1)
    relations: list[Relation] = []
    seen: set[tuple[tuple[str, ...], str]] = set()
    for by, target in draw(
        st.lists(
            st.tuples(st.lists(node_index, min_size=1, max_size=2, unique=True), node_index),
            max_size=10,
        )
    ):
        key = (tuple(ids[i] for i in by), ids[target])
        if target not in by and key not in seen:
            seen.add(key)
            relations.append(Support(key[0], key[1], id=f"s{len(relations)}"))
    targets = ids + [r.id for r in relations]
    for attacker, attacked in draw(
        st.lists(st.tuples(node_index, st.sampled_from(targets)), max_size=6)
    ):
        if ids[attacker] != attacked:
            relations.append(Attack(ids[attacker], attacked, id=f"a{len(relations)}"))
    return ArgumentMap(
        "Random",
        nodes,
        relations,
        sources=[Source(d, "A source.") for d in docs],
        participants=[Participant(p, "A person.") for p in people],
    )


def _position(amap: ArgumentMap) -> dict[str | None, int]:
    elements = [n.id for n in amap.nodes] + [p.id for p in amap.participants]
    elements += [s.id for s in amap.sources]
    return {None: -1, **{e: i for i, e in reversed(list(enumerate(elements)))}}


def _expected(amap: ArgumentMap) -> set[tuple[str, str | None]]:
    """The findings by the definitions, the slow and obvious way."""
    supports = [r for r in amap.relations if isinstance(r, Support)]
    attacks = [r for r in amap.relations if isinstance(r, Attack)]
    expected: set[tuple[str, str | None]] = set()
    if not any(isinstance(n, Claim) and n.main for n in amap.nodes):
        expected.add(("AM305", None))
    reach = {n.id: {s.target for s in supports if n.id in s.by} for n in amap.nodes}
    for _ in amap.nodes:
        reach = {k: v.union(*(reach[t] for t in v)) for k, v in reach.items()}
    for node in amap.nodes:
        ident = node.id
        supporting = any(ident in s.by for s in supports)
        attacking = any(a.attacker == ident for a in attacks)
        related = supporting or attacking or any(r.target == ident for r in amap.relations)
        if isinstance(node, Rebuttal) and not attacking:
            expected.add(("AM301", ident))
        elif isinstance(node, Recommendation) and not any(s.target == ident for s in supports):
            expected.add(("AM302", ident))
        elif not related:
            expected.add(("AM303", ident))
        elif isinstance(node, Premise) and not supporting and not attacking:
            expected.add(("AM308", ident))
        cycle = [n.id for n in amap.nodes if n.id in reach[ident] and ident in reach[n.id]]
        if cycle and cycle[0] == ident:
            expected.add(("AM304", ident))
        key = " ".join(node.text.casefold().split())
        first = next(n for n in amap.nodes if " ".join(n.text.casefold().split()) == key)
        if first is not node:
            expected.add(("AM309", ident))
    expected |= {
        ("AM306", p.id) for p in amap.participants if all(n.speaker != p.id for n in amap.nodes)
    }
    expected |= {
        ("AM307", s.id)
        for s in amap.sources
        if all(n.source is None or n.source.doc != s.id for n in amap.nodes)
    }
    return expected


@given(small_maps())
def test_any_small_map_validates_deterministically_and_in_order(amap: ArgumentMap) -> None:
    found = validate(amap)
    assert validate(amap) == found
    position = _position(amap)
    keys = [(position[f.location.element], f.code) for f in found]
    assert keys == sorted(set(keys))
    for result in found:
        assert result.severity == CODES[result.code].severity
        assert result.code.startswith("AM3")
    assert {(f.code, f.location.element) for f in found} == _expected(amap)


# Letters whose case folding is special (sharp s, dotted and dotless i, final sigma, a
# ligature, titlecase digraphs), spaces of several widths, caseless scripts.
_TRICKY = "aAßSsẞİi\u0131Σ\u03c3ςﬀfḞ ǅǆ\u00a0\u2003\u3000\u202f 中무é"
_VALID_TEXT = st.text(alphabet=_TRICKY, min_size=1, max_size=6).filter(
    lambda text: text.strip() == text and bool(text)
)


@given(_VALID_TEXT, _VALID_TEXT)
def test_duplicate_text_is_equality_after_casefold_and_collapsing_space(a: str, b: str) -> None:
    amap = base().premise("a", a, supports="thesis").premise("b", b, supports="thesis").build()
    same = " ".join(a.casefold().split()) == " ".join(b.casefold().split())
    assert ("AM309", "b") in codes(amap) if same else ("AM309", "b") not in codes(amap)


# -- the page docs/checks.md ---------------------------------------------------------------------

_SECTION = re.compile(r"^## (AM\d{3}) (\S+)\n(.*?)(?=^## |\Z)", re.MULTILINE | re.DOTALL)


def _sections() -> dict[str, tuple[str, str]]:
    text = CHECKS_PAGE.read_text(encoding="utf-8")
    return {m.group(1): (m.group(2), m.group(3)) for m in _SECTION.finditer(text)}


def test_every_code_has_a_heading_on_the_checks_page() -> None:
    text = CHECKS_PAGE.read_text(encoding="utf-8")
    for info in CODES.values():
        assert f"\n## {info.code} {info.name}\n" in text, info.code
    assert list(_sections()) == list(CODES)


def test_each_section_of_the_checks_page_states_the_registry_severity() -> None:
    for code, (_, body) in _sections().items():
        assert body.lstrip().startswith(f"**{argmap.Code(code).severity.capitalize()}.**"), code


def test_the_checks_page_has_the_marker_its_table_of_codes_replaces() -> None:
    assert CHECKS_PAGE.read_text(encoding="utf-8").count("\n<!-- codes -->\n") == 1


def test_every_code_builds_findings_of_its_own_severity() -> None:
    for code in argmap.Code:
        finding = code.finding("message")
        assert (finding.code, finding.severity) == (code.value, CODES[code].severity)
        assert argmap.Code(code.value) is code


def test_every_example_on_the_checks_page_gives_its_code_and_message() -> None:
    without_example = []
    for code, (_, body) in _sections().items():
        example = re.search(r"```yaml\n(.*?)```\s*```text\n(.*?)\n```", body, re.DOTALL)
        if example is None:
            without_example.append(code)
            continue
        try:
            found = validate(argmap.loads(example.group(1), file="map.yaml"))
        except argmap.ParseError as error:
            found = error.findings
        lines = [f"{f.location}: {f.code} {f.severity}: {f.message}" for f in found]
        assert example.group(2) in lines, code
    # These depend on bytes or file names, not on what a map says.
    # AM4xx are about other tools' files (the formats guide shows them).
    assert without_example == ["AM107", "AM109", "AM112", "AM401", "AM402"]


@pytest.mark.parametrize(
    ("role", "reported"),
    [
        ("moderator, first session", False),
        ("Chair", False),
        ("speaker", True),
        (None, True),
        ("co-moderator", True),
    ],
)
def test_a_moderator_or_chair_may_speak_no_node(role: str | None, reported: bool) -> None:
    amap = (
        argmap.MapBuilder("T")
        .participant("kim", "Kim", role=role)
        .participant("lee", "Lee")
        .claim("c", "C.", main=True, speaker="lee")
        .premise("p", "P.", supports="c", speaker="lee")
        .build()
    )
    assert [f.code for f in validate(amap)] == (["AM306"] if reported else [])
