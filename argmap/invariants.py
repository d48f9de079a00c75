"""Field validators shared by the model: the local facts every value must satisfy."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, NoReturn

from argmap.errors import ModelError
from argmap.findings import Finding, Location, Severity

__all__ = ["ID_PATTERN", "fail", "is_valid_id"]

#: What an id looks like: a letter, digit or underscore, then also ``. - + >``.
#: ``p1``, ``trade-growth``, ``무역`` and the generated ``p1->thesis`` are all ids.
ID_PATTERN = r"\w[\w.+>-]*"
_ID = re.compile(ID_PATTERN)
# C0 and C1 controls, DEL, and the Unicode line/paragraph separators.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_IN_NOTE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")

INVALID_VALUE = "AM105"
SELF_REFERENCE = "AM203"


def fail(instance: Any, field: str, message: str, code: str = INVALID_VALUE) -> NoReturn:
    """Raise a :class:`ModelError` for the bad ``field`` of ``instance``."""
    kind = getattr(instance, "kind", type(instance).__name__.lower())
    ident = getattr(instance, "id", None)
    element = ident if isinstance(ident, str) else None
    owner = f"{kind} {ident!r}" if element else str(kind)
    finding = Finding(
        code, Severity.ERROR, f"{owner}: {message}", Location(element=element, path=(field,))
    )
    raise ModelError([finding])


def is_valid_id(value: object) -> bool:
    """Whether ``value`` is a usable id.

    >>> is_valid_id("trade-growth"), is_valid_id("p1->thesis"), is_valid_id("two words")
    (True, True, False)
    """
    return isinstance(value, str) and _ID.fullmatch(value) is not None


def check_id(instance: Any, attribute: Any, value: object) -> None:
    """attrs validator: an id (see :data:`ID_PATTERN`)."""
    if not is_valid_id(value):
        fail(
            instance,
            attribute.name,
            f"{attribute.name} must be an id (letters, digits and _ . - + >, no spaces), got {value!r}",
        )


def check_optional_id(instance: Any, attribute: Any, value: object) -> None:
    """attrs validator: ``None`` or an id."""
    if value is not None:
        check_id(instance, attribute, value)


def check_text(instance: Any, attribute: Any, value: object) -> None:
    """attrs validator: non-empty single-paragraph text, no control characters."""
    if not isinstance(value, str):
        fail(instance, attribute.name, f"{attribute.name} must be a string, got {type(value).__name__}")
    if not value.strip():
        fail(instance, attribute.name, f"{attribute.name} must not be empty")
    if value != value.strip():
        fail(instance, attribute.name, f"{attribute.name} must not start or end with white space")
    bad = _CONTROL.search(value)
    if bad:
        what = "a line break" if bad.group() in "\n\r\u2028\u2029" else f"control character {bad.group()!r}"
        fail(instance, attribute.name, f"{attribute.name} must be a single paragraph without control characters, found {what}")


def check_optional_text(instance: Any, attribute: Any, value: object) -> None:
    """attrs validator: ``None`` or text as :func:`check_text`."""
    if value is not None:
        check_text(instance, attribute, value)


def check_note(instance: Any, attribute: Any, value: object) -> None:
    """attrs validator: ``None`` or non-empty text; line breaks and tabs are allowed."""
    if value is None:
        return
    if not isinstance(value, str) or not value.strip():
        fail(instance, attribute.name, f"{attribute.name} must be non-empty text, got {value!r}")
    bad = _CONTROL_IN_NOTE.search(value)
    if bad:
        fail(instance, attribute.name, f"{attribute.name} must not contain control character {bad.group()!r}")


def check_bool(instance: Any, attribute: Any, value: object) -> None:
    """attrs validator: exactly ``True`` or ``False``."""
    if not isinstance(value, bool):
        fail(instance, attribute.name, f"{attribute.name} must be true or false, got {value!r}")


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """attrs converter: any iterable but a string, as a tuple."""
    if isinstance(value, str | bytes):
        raise ModelError(
            [Finding(INVALID_VALUE, Severity.ERROR, f"expected a list, got the string {value!r}")]
        )
    try:
        return tuple(value)
    except TypeError:
        raise ModelError(
            [Finding(INVALID_VALUE, Severity.ERROR, f"expected a list, got {type(value).__name__}")]
        ) from None


def check_ids(instance: Any, attribute: Any, value: tuple[Any, ...]) -> None:
    """attrs validator: a tuple of distinct ids."""
    for item in value:
        check_id(instance, attribute, item)
    if len(set(value)) != len(value):
        fail(instance, attribute.name, f"{attribute.name} must not repeat an id, got {list(value)!r}")
