"""Field validators shared by the model: the local facts every value must satisfy.

Each validator first tries one fast test (a type check and one compiled pattern), since
reading a 100k-node map runs them a million times, and only works out the message when
that test fails.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from typing import Any, NoReturn, TypeVar

from argmap.codes import Code
from argmap.errors import ModelError
from argmap.findings import Location

__all__ = [
    "COLUMN_CHECKS",
    "ID_PATTERN",
    "NONCHARACTERS",
    "all_ids",
    "column_check",
    "fail",
    "is_paragraph",
    "is_valid_id",
]

#: What an id looks like: a letter, digit or underscore, then also ``. - + >``.
#: ``p1``, ``trade-growth``, ``무역`` and the generated ``p1->thesis`` are all ids.
ID_PATTERN = r"\w[\w.+>-]*"
_ID = re.compile(ID_PATTERN).fullmatch
# The arrows people write for '->', with any spaces around them, and spaces around '+'.
_ARROW = re.compile(r"\s*(?:-+\s*>|=+\s*>|[→⇒⟶⟹➔➜➝➞])\s*")
_PLUS = re.compile(r"\s*\+\s*")
#: Unicode's noncharacters (U+FDD0-U+FDEF and the last two code points of every plane):
#: no text may hold them, and Graphviz's label parsers reject them.
NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000)
)
# C0 and C1 controls, DEL, the Unicode line/paragraph separators, lone surrogates
# (which no file can hold) and noncharacters.
_CONTROLS = "\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff" + NONCHARACTERS
_CONTROL = re.compile(f"[{_CONTROLS}]")
_NOTE_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff" + NONCHARACTERS
_CONTROL_IN_NOTE = re.compile(f"[{_NOTE_CONTROLS}]")
# A good text in one test: no controls, and neither starts nor ends with white space.
_TEXT = re.compile(f"[^\\s{_CONTROLS}](?:[^{_CONTROLS}]*[^\\s{_CONTROLS}])?").fullmatch
# A good note: no controls but line breaks and tabs, and not all white space.
_NOTE = re.compile(f"[^{_NOTE_CONTROLS}]*[^\\s{_NOTE_CONTROLS}][^{_NOTE_CONTROLS}]*").fullmatch


# Ids, each followed by a line break: all of them checked by one match.
_IDS = re.compile(f"(?:{ID_PATTERN}\n)*").fullmatch

_Validator = TypeVar("_Validator", bound=Callable[[Any, Any, Any], None])

#: Validators' whole-column forms: for a validator, a test of a sequence of values that
#: is True exactly when the validator passes every one of them. Making many values at
#: once (:func:`argmap._many.make_many`) uses it instead of a call per value.
COLUMN_CHECKS: dict[Callable[..., None], Callable[[Sequence[Any]], bool]] = {}


def column_check(test: Callable[[Sequence[Any]], bool]) -> Callable[[_Validator], _Validator]:
    """Register ``test`` as the whole-column form of the validator this decorates."""

    def register(validator: _Validator) -> _Validator:
        COLUMN_CHECKS[validator] = test
        return validator

    return register


def all_ids(values: Sequence[Any]) -> bool:
    r"""Whether every one of ``values`` is an id (see :data:`ID_PATTERN`), tested in one match.

    >>> all_ids(["7", "p1->c", "무역"]), all_ids(["7", "a b"]), all_ids(["a\nb"]), all_ids([7])
    (True, False, False, False)
    >>> all_ids([])
    True
    """
    if not values:
        return True
    if not {str}.issuperset(map(type, values)):
        return False
    joined = "\n".join(values) + "\n"
    return joined.count("\n") == len(values) and _IDS(joined) is not None


def _all_optional_ids(values: Sequence[Any]) -> bool:
    return all_ids([value for value in values if value is not None])


def _all_texts(values: Sequence[Any]) -> bool:
    return {str}.issuperset(map(type, values)) and all(map(is_paragraph, values))


def _all_bools(values: Sequence[Any]) -> bool:
    return {bool}.issuperset(map(type, values))


def _all_id_tuples(values: Sequence[tuple[Any, ...]]) -> bool:
    """Whether each of ``values`` is a tuple of distinct ids."""
    return all_ids(list(chain.from_iterable(values))) and list(map(len, values)) == list(
        map(len, map(set, values))
    )


def fail(instance: Any, field: str, message: str, code: Code = Code.INVALID_VALUE) -> NoReturn:
    """Raise a :class:`ModelError` for the bad ``field`` of ``instance``."""
    kind = getattr(instance, "kind", type(instance).__name__.lower())
    ident = getattr(instance, "id", None)
    element = ident if isinstance(ident, str) else None
    owner = f"{kind} {ident!r}" if element else str(kind)
    finding = code.finding(f"{owner}: {message}", Location(element=element, path=(field,)))
    raise ModelError([finding])


def is_valid_id(value: object) -> bool:
    """Tell whether ``value`` is a usable id.

    >>> is_valid_id("trade-growth"), is_valid_id("p1->thesis"), is_valid_id("two words")
    (True, True, False)
    """
    return type(value) is str and _ID(value) is not None


@column_check(all_ids)
def check_id(instance: Any, attribute: Any, value: Any) -> None:
    """Validate an id (see :data:`ID_PATTERN`); an attrs validator."""
    if type(value) is str and _ID(value):
        return
    name = attribute.name
    undercut = getattr(instance, "kind", None) == "attack" and name == "target"
    meant = support_id_spelling(value) if undercut and isinstance(value, str) else None
    hint = f"; write {meant!r} (support ids have no spaces and use '->')" if meant else ""
    fail(
        instance,
        name,
        f"{name} must be an id (letters, digits and _ . - + >, no spaces), got {value!r}{hint}",
    )


def support_id_spelling(text: str) -> str | None:
    """The support id ``text`` spells in a natural way (spaces, another arrow), or ``None``.

    >>> support_id_spelling("trade -> thesis"), support_id_spelling("a + b → c")
    ('trade->thesis', 'a+b->c')
    >>> support_id_spelling("two words") is None, support_id_spelling("a->b") is None
    (True, True)
    """
    if is_valid_id(text) or _ARROW.search(text) is None:
        return None
    spelled = _PLUS.sub("+", _ARROW.sub("->", text.strip()))
    return spelled if is_valid_id(spelled) else None


@column_check(_all_optional_ids)
def check_optional_id(instance: Any, attribute: Any, value: Any) -> None:
    """Validate ``None`` or an id; an attrs validator."""
    if value is not None:
        check_id(instance, attribute, value)


def is_paragraph(value: str) -> bool:
    r"""Whether the string ``value`` is text a node can hold: one paragraph, not blank.

    That is: no control character, line break, lone surrogate or noncharacter, and no
    white space at either end. A printable string (the usual case) is tested in C
    without the pattern: every forbidden character is unprintable, and the only
    printable white space is the plain space.

    >>> is_paragraph("Trade grew."), is_paragraph(" Trade."), is_paragraph("a\nb")
    (True, False, False)
    >>> is_paragraph("Trade\u00a0grew."), is_paragraph("")
    (True, False)
    """
    if value.isprintable():
        return value != "" and value[0] != " " and value[-1] != " "
    return _TEXT(value) is not None


@column_check(_all_texts)
def check_text(instance: Any, attribute: Any, value: Any) -> None:
    """Validate non-empty single-paragraph text; an attrs validator."""
    if type(value) is str and is_paragraph(value):
        return
    name = attribute.name
    if not isinstance(value, str):
        fail(instance, name, f"{name} must be a string, got {type(value).__name__}")
    if not value.strip():
        fail(instance, name, f"{name} must not be empty")
    bad = _CONTROL.search(value)
    if bad:
        char = bad.group()
        what = "a line break" if char in "\n\r\u2028\u2029" else describe_char(char)
        fail(
            instance,
            name,
            f"{name} must be a single paragraph without control characters, found {what}"
            + ("; replace it with a space" if char == "\t" else ""),
        )
    fail(instance, name, f"{name} must not start or end with white space")


def check_optional_text(instance: Any, attribute: Any, value: Any) -> None:
    """Validate ``None`` or text as :func:`check_text`; an attrs validator."""
    if value is not None:
        check_text(instance, attribute, value)


def check_note(instance: Any, attribute: Any, value: Any) -> None:
    """Validate ``None`` or non-empty text with line breaks allowed; an attrs validator."""
    if value is None or (type(value) is str and _NOTE(value)):
        return
    name = attribute.name
    if not isinstance(value, str) or not value.strip():
        fail(instance, name, f"{name} must be non-empty text, got {value!r}")
    bad = _CONTROL_IN_NOTE.search(value)
    fail(instance, name, f"{name} must not contain {describe_char(bad.group() if bad else value)}")


def bad_char_in_note(value: str) -> str | None:
    r"""What forbidden character ``value`` holds, by the rules of notes, or None.

    >>> bad_char_in_note("two\nlines"), bad_char_in_note("x\ufffe")
    (None, 'the noncharacter U+FFFE')
    """
    bad = _CONTROL_IN_NOTE.search(value)
    return None if bad is None else describe_char(bad.group())


def describe_char(char: str) -> str:
    r"""Name a forbidden character for a message.

    >>> describe_char("\x07"), describe_char("\uffff"), describe_char("\ud800")
    ("control character '\\x07'", 'the noncharacter U+FFFF', 'the lone surrogate U+D800')
    """
    point = ord(char)
    if 0xD800 <= point <= 0xDFFF:
        return f"the lone surrogate U+{point:04X}"
    if 0xFDD0 <= point <= 0xFDEF or point & 0xFFFE == 0xFFFE:
        return f"the noncharacter U+{point:04X}"
    return f"control character {char!r}"


@column_check(_all_bools)
def check_bool(instance: Any, attribute: Any, value: Any) -> None:
    """Validate exactly ``True`` or ``False``; an attrs validator."""
    if value is not True and value is not False:
        fail(instance, attribute.name, f"{attribute.name} must be true or false, got {value!r}")


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Convert any iterable but a string to a tuple; an attrs converter."""
    if type(value) is tuple:
        return value
    if isinstance(value, str | bytes):
        raise ModelError([Code.INVALID_VALUE.finding(f"expected a list, got the string {value!r}")])
    try:
        return tuple(value)
    except TypeError:
        raise ModelError(
            [Code.INVALID_VALUE.finding(f"expected a list, got {type(value).__name__}")]
        ) from None


@column_check(_all_id_tuples)
def check_ids(instance: Any, attribute: Any, value: tuple[Any, ...]) -> None:
    """Validate a tuple of distinct ids; an attrs validator."""
    for item in value:
        if type(item) is not str or not _ID(item):
            check_id(instance, attribute, item)
    if len(value) > 1 and len(set(value)) != len(value):
        fail(
            instance, attribute.name, f"{attribute.name} must not repeat an id, got {list(value)!r}"
        )
