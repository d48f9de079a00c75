"""Making many values at once: the same values, and the same errors, as one constructor call
each; and the whole-column forms of the model's checks, which it relies on."""

from __future__ import annotations

import pickle
import re
import sys
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import Attack, Claim, Premise, Rebuttal, Support
from argmap._many import make_many
from argmap.invariants import COLUMN_CHECKS, NONCHARACTERS, is_paragraph

# Values of every field, most of them good, some of each way to be wrong.
_IDS = st.one_of(
    st.sampled_from(["p1", "c", "p1->c", "무역", "a.b+c"]),
    st.sampled_from(["", "two words", "a\nb", " p", 7, None]),
)
_TEXTS = st.one_of(
    st.sampled_from(["Trade grew.", "Ties\u00a0held.", "\u03a3 and \u03c3.", "So  it goes."]),
    st.sampled_from(["", " pad", "pad ", "two\nlines", "\x00", "\ufffe", 7]),
    st.text(max_size=8),
)
_BOOLS = st.sampled_from([True, False, 1, None])
_ROWS: dict[type, dict[str, st.SearchStrategy[Any]]] = {
    Claim: {"id": _IDS, "text": _TEXTS, "speaker": st.none() | _IDS, "main": _BOOLS},
    Premise: {
        "id": _IDS,
        "text": _TEXTS,
        "basis": st.sampled_from([None, "statistic", "fact", "statistics", 3]),
        "implicit": _BOOLS,
        "tags": st.sampled_from([(), ("a",), ["a", "b"], ("a", "a"), "ab", (" x",)]),
    },
    Support: {
        "by": st.sampled_from([("p1",), ("p1", "p2"), (), ("c",), ["p1"], ("p1", "p1"), "p1"]),
        "target": _IDS,
        "id": _IDS,
    },
    Attack: {
        "by": st.sampled_from([("r",), "r", ("r", "s"), ("c",), ()]),
        "target": _IDS,
        "id": _IDS,
    },
}


def _one_by_one(cls: type, columns: dict[str, list[Any]]) -> Any:
    rows = [dict(zip(columns, row, strict=True)) for row in zip(*columns.values(), strict=True)]
    try:
        return [cls(**row) for row in rows]
    except argmap.ModelError as error:
        return str(error)


def _at_once(cls: type, columns: dict[str, list[Any]]) -> Any:
    try:
        return make_many(cls, **columns)
    except argmap.ModelError as error:
        return str(error)


@st.composite
def columns(draw: st.DrawFn) -> tuple[type, dict[str, list[Any]]]:
    cls = draw(st.sampled_from(sorted(_ROWS, key=lambda c: c.__name__)))
    fields = draw(st.sets(st.sampled_from(sorted(_ROWS[cls]))))
    fields |= {"id", "text"} if cls in (Claim, Premise) else {"by", "target", "id"}
    size = draw(st.integers(0, 6))
    return cls, {
        name: draw(st.lists(_ROWS[cls][name], min_size=size, max_size=size))
        for name in sorted(fields)
    }


@given(columns())
def test_make_many_makes_what_the_constructor_makes(
    case: tuple[type, dict[str, list[Any]]],
) -> None:
    """The same values, equal and of the same class, or the same first error."""
    cls, found = case
    expected = _one_by_one(cls, found)
    made = _at_once(cls, found)
    assert made == expected
    if isinstance(made, list):
        assert [type(value) for value in made] == [cls] * len(made)
        assert [hash(value) for value in made] == [hash(value) for value in expected]


def test_make_many_refuses_what_it_cannot_make() -> None:
    with pytest.raises(ValueError, match="different lengths"):
        make_many(Claim, id=["a"], text=["A.", "B."])
    with pytest.raises(TypeError, match="no field colour"):
        make_many(Claim, id=["a"], text=["A."], colour=["red"])
    with pytest.raises(TypeError, match=r"give Claim\.text as a column"):
        make_many(Claim, id=["a"])
    with pytest.raises(TypeError, match=r"give Support\.id as a column"):
        make_many(Support, by=[("a",)], target=["b"])  # its id is made from the others
    with pytest.raises(TypeError, match="init fields"):
        make_many(argmap.ArgumentMap, title=["T"])


def test_made_values_are_like_any_other() -> None:
    """Frozen, picklable, and evolvable (which checks them again)."""
    (made,) = make_many(Rebuttal, id=["r"], text=["No."], speaker=["ann"])
    assert pickle.loads(pickle.dumps(made)) == made == Rebuttal("r", "No.", speaker="ann")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.text = "Yes."  # type: ignore[misc]
    with pytest.raises(argmap.ModelError):
        attrs.evolve(made, id="two words")


# --- the checks ----------------------------------------------------------------------------

_PATTERN = re.compile(
    f"[^\\s\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ud800-\\udfff{NONCHARACTERS}]"
    f"(?:[^\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ud800-\\udfff{NONCHARACTERS}]*"
    f"[^\\s\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ud800-\\udfff{NONCHARACTERS}])?"
)


@given(st.text() | st.sampled_from(["\u00a0x", "x\u3000", "a\u2028b", "\ud800", "x\ufdd0"]))
def test_is_paragraph_is_the_rule_for_texts(text: str) -> None:
    assert is_paragraph(text) == (_PATTERN.fullmatch(text) is not None)


def test_the_printable_shortcut_holds_for_every_character() -> None:
    """Its premise: a printable character is neither forbidden nor white space but ' '."""
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        if char.isprintable():
            assert char == " " or _PATTERN.fullmatch(char), hex(point)


_COLUMN_VALUES = st.one_of(
    _IDS, _TEXTS, _BOOLS, st.sampled_from([("a",), ("a", "a"), (), ("a b",)])
)


@given(st.lists(_COLUMN_VALUES, max_size=5), st.data())
def test_each_column_check_passes_a_column_when_its_validator_passes_every_value(
    values: list[Any], data: st.DataObject
) -> None:
    validator = data.draw(st.sampled_from(sorted(COLUMN_CHECKS, key=lambda v: v.__qualname__)))
    field = type("Field", (), {"name": "field"})()

    def passes(value: Any) -> bool:
        try:
            validator(None, field, value)
        except argmap.ModelError:
            return False
        return True

    if validator.__name__ in ("_check_by", "_check_attacker", "check_ids"):
        values = [value for value in values if type(value) is tuple]  # converted before
    assert COLUMN_CHECKS[validator](values) == all(map(passes, values))
