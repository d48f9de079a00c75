"""Hypothesis strategies that build valid argument maps, with texts that stress the formats."""

from __future__ import annotations

import string
from typing import Any

from hypothesis import strategies as st

import argmap

# Word characters from several scripts: ids may use any of them.
_WORD = string.ascii_letters + string.digits + "_" + "éßøñçλжщ中文字무역한국ﾐ٣"
_ID_REST = _WORD + "-."

#: Texts that a careless writer would mangle: YAML indicators, JSON escapes, YAML 1.1
#: booleans and numbers, markup, scripts written right to left, emoji.
TRICKY_TEXTS = (
    '"double quotes"',
    "it's a single quote",
    "back\\slash and \\n not a newline",
    "# not a comment",
    "a # not a comment either",
    "key: value",
    "trailing colon:",
    "<b>markup</b> & entities &amp; {braces} [brackets] a | b > c",
    "- looks like a list item",
    "? looks like a complex key",
    "! looks like a tag",
    "!!python/object/apply:os.system",
    "* looks like an alias",
    "& looks like an anchor",
    "% looks like a directive",
    "@ reserved",
    "` reserved too",
    "---",
    "...",
    "yes",
    "NO",
    "on",
    "Off",
    "null",
    "Null",
    "~",
    "true",
    "FALSE",
    "1e3",
    "0x10",
    "0o17",
    "1_000",
    "3.14",
    "-.inf",
    ".NaN",
    "2022-05-01",
    "12:30:45",
    "<<",
    "=",
    "中华人民共和国和大韩民国",
    "한반도 평화를 위한 대화",
    "emoji 🎉 👍🏽 👩‍👩‍👧",
    "עברית מימין לשמאל",
    "العربية من اليمين",
    "mixed עברית and English",
    "zero\u200bwidth and \u200fmarks",
    "non\xa0breaking space",
    "tab-free    wide   spacing",
    "A long text that goes on and on, well past the eighty characters at which the "
    "YAML writer folds lines, to make sure folding reads back as written.",
)

#: Unicode's noncharacters, which no text may hold.
NONCHARACTERS = "".join(chr(point) for point in range(0xFDD0, 0xFDF0)) + "".join(
    chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000)
)
_TEXT_CHARS = st.characters(
    exclude_categories=("Cc", "Cs", "Zl", "Zp"), exclude_characters=NONCHARACTERS
)
#: Metadata text follows the rules of notes: line breaks and tabs too.
_METADATA_CHARS = st.characters(
    exclude_categories=("Cc", "Cs", "Zl", "Zp"),
    include_characters="\t\n",
    exclude_characters=NONCHARACTERS,
)
_KINDS = ("claim", "premise", "rebuttal", "recommendation")


def _join(first: str, rest: str) -> str:
    return first + rest


def _strip(value: str) -> str:
    return value.strip()


def _long(text: str) -> str:
    return text if len(text) > 80 else f"{text} {TRICKY_TEXTS[-1]}"


def _has_text(note: str) -> bool:
    return bool(note.strip())


# Strategies are built once, here: building them inside every draw is slow.

#: Valid ids: a word character, then word characters, ``-`` and ``.``.
IDS = st.builds(_join, st.sampled_from(_WORD), st.text(st.sampled_from(_ID_REST), max_size=8))

#: Valid texts, cheap to draw: for the many minor fields.
LABELS = st.sampled_from(TRICKY_TEXTS)

_GENERATED = st.text(_TEXT_CHARS, min_size=1, max_size=16).map(_strip).filter(bool)
_COMBINED = st.lists(st.one_of(LABELS, _GENERATED), min_size=2, max_size=3).map(" ".join)

#: Valid single-paragraph texts: never empty, no control characters, no outer white space;
#: tricky ones, random unicode, combinations of both, and long ones the YAML writer folds.
TEXTS = st.one_of(LABELS, _GENERATED, _COMBINED, _COMBINED.map(_long))

#: Valid notes: several lines, blank lines between paragraphs, tabs and outer spaces.
NOTES = (
    st.lists(
        st.one_of(LABELS, st.sampled_from(["", "\tindented with a tab", "  spaced  "])),
        min_size=1,
        max_size=4,
    )
    .map("\n".join)
    .filter(_has_text)
)

#: JSON-like data: text, whole and finite decimal numbers, booleans, null, lists, mappings.
JSON_VALUES: st.SearchStrategy[Any] = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        LABELS,
        st.text(_METADATA_CHARS, max_size=20),
    ),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.one_of(LABELS, st.text(_METADATA_CHARS, max_size=10)), children, max_size=3
        )
    ),
    max_leaves=6,
)

#: A map's free-form metadata.
METADATA = st.dictionaries(st.one_of(IDS, LABELS), JSON_VALUES, max_size=4)

_OPTIONAL_LABEL = st.none() | LABELS
_PARAGRAPHS = st.lists(st.integers(1, 500), unique=True, max_size=4).map(tuple)
_TAGS = st.lists(IDS, unique=True, max_size=3).map(tuple)
_OPTIONAL_NOTE = st.none() | NOTES
_BASES = st.none() | st.sampled_from(argmap.Basis)
_UNIQUE_IDS = st.lists(IDS, max_size=3, unique=True)
_DATES = st.none() | st.sampled_from(["2022", "2022-05-01", "May 2022"])
_URLS = st.none() | st.just("https://example.org/a?b=c&d=e#f")
_LANGUAGES = st.none() | st.sampled_from(["en", "ko", "NO"])
_COUNTRIES = st.none() | st.sampled_from(["NO", "Korea", "yes"])
_AUTHORS = st.lists(LABELS, max_size=2).map(tuple)


def _pick(draw: st.DrawFn, choices: tuple[str, ...]) -> str:
    """One of ``choices``; cheaper than building a ``sampled_from`` for every draw."""
    return choices[draw(st.integers(0, len(choices) - 1))]


@st.composite
def sources(draw: st.DrawFn) -> list[argmap.Source]:
    """Source documents with distinct ids."""
    return [
        argmap.Source(
            ident,
            draw(LABELS),
            authors=draw(_AUTHORS),
            affiliation=draw(_OPTIONAL_LABEL),
            outlet=draw(_OPTIONAL_LABEL),
            date=draw(_DATES),
            url=draw(_URLS),
            language=draw(_LANGUAGES),
        )
        for ident in draw(_UNIQUE_IDS)
    ]


@st.composite
def participants(draw: st.DrawFn) -> list[argmap.Participant]:
    """Participants with distinct ids."""
    return [
        argmap.Participant(
            ident,
            draw(LABELS),
            affiliation=draw(_OPTIONAL_LABEL),
            country=draw(_COUNTRIES),
            role=draw(_OPTIONAL_LABEL),
        )
        for ident in draw(_UNIQUE_IDS)
    ]


@st.composite
def nodes(
    draw: st.DrawFn,
    id: str,
    source_ids: tuple[str, ...] = (),
    speaker_ids: tuple[str, ...] = (),
) -> argmap.Node:
    """A node of any kind, with any of its fields, citing only the given sources and speakers."""
    fields: dict[str, Any] = {}
    if draw(st.booleans()) and speaker_ids:
        fields["speaker"] = _pick(draw, speaker_ids)
    if draw(st.booleans()) and source_ids:
        fields["source"] = argmap.SourceRef(_pick(draw, source_ids), draw(_PARAGRAPHS))
    fields["tags"] = draw(_TAGS)
    fields["note"] = draw(_OPTIONAL_NOTE)
    kind = draw(st.sampled_from(_KINDS))
    text = draw(TEXTS)
    if kind == "claim":
        return argmap.Claim(id, text, main=draw(st.booleans()), **fields)
    if kind == "premise":
        basis = draw(_BASES)
        return argmap.Premise(id, text, basis=basis, implicit=draw(st.booleans()), **fields)
    if kind == "rebuttal":
        return argmap.Rebuttal(id, text, **fields)
    return argmap.Recommendation(id, text, **fields)


@st.composite
def relations(
    draw: st.DrawFn, node_ids: tuple[str, ...], source_ids: tuple[str, ...] = ()
) -> list[argmap.Relation]:
    """Supports (single and linked) and attacks on nodes and on supports, ids all distinct,
    some citing the given sources, some implicit, some with notes.
    """
    used = set(node_ids)

    def provenance() -> dict[str, Any]:
        implicit: bool = draw(st.booleans())
        note: str | None = draw(_OPTIONAL_NOTE)
        fields: dict[str, Any] = {"implicit": implicit, "note": note}
        cite: bool = draw(st.booleans())
        if cite and source_ids:
            fields["source"] = argmap.SourceRef(_pick(draw, source_ids), draw(_PARAGRAPHS))
        return fields

    result: list[argmap.Relation] = []
    if len(node_ids) < 2:
        return result

    def fresh_id(default: str) -> str | None:
        """The relation's id: the default, or sometimes an explicit one; None if taken."""
        ident = draw(IDS) if draw(st.integers(0, 4)) == 0 else default
        return None if ident in used else ident

    choose_several = st.lists(
        st.integers(0, len(node_ids) - 1), min_size=1, max_size=3, unique=True
    )
    for _ in range(draw(st.integers(0, 2 * len(node_ids)))):
        target = _pick(draw, node_ids)
        by = tuple(node_ids[i] for i in draw(choose_several) if node_ids[i] != target)
        if not by:
            continue
        ident = fresh_id(argmap.Support(by, target).id)
        if ident is not None:
            used.add(ident)
            result.append(argmap.Support(by, target, id=ident, **provenance()))
    supports = [relation.id for relation in result]
    for _ in range(draw(st.integers(0, len(node_ids)))):
        by_node = _pick(draw, node_ids)
        target = _pick(draw, tuple(i for i in node_ids if i != by_node) + tuple(supports))
        ident = fresh_id(argmap.Attack(by_node, target).id)
        if ident is not None:
            used.add(ident)
            result.append(argmap.Attack(by_node, target, id=ident, **provenance()))
    return draw(st.permutations(result))


@st.composite
def maps(draw: st.DrawFn, *, max_nodes: int = 6) -> argmap.ArgumentMap:
    """Valid argument maps: every kind of node, relation, provenance and metadata."""
    the_sources = draw(sources())
    the_participants = draw(participants())
    source_ids = tuple(source.id for source in the_sources)
    speaker_ids = tuple(participant.id for participant in the_participants)
    node_ids = tuple(draw(st.lists(IDS, min_size=1, max_size=max_nodes, unique=True)))
    the_nodes = [draw(nodes(ident, source_ids, speaker_ids)) for ident in node_ids]
    return argmap.ArgumentMap(
        draw(TEXTS),
        nodes=the_nodes,
        relations=draw(relations(node_ids, source_ids)),
        sources=the_sources,
        participants=the_participants,
        metadata=draw(METADATA),
    )
