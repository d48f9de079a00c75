"""Making many nodes or relations at once, each field checked a column at a time.

A reader of a large file makes a hundred thousand nodes. One constructor call each
spends its time in attrs' generated ``__init__`` rather than in the checks themselves.
:func:`make_many` runs each field's converter and validator over a whole column (the
checks are the model's own, so the invariants stay where they are), then fills the
instances' slots directly. If any value fails, it makes the instances one by one
instead, so the first bad value raises the very :class:`~argmap.ModelError` its
constructor raises.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import repeat
from typing import Any, TypeVar

import attrs

from argmap.errors import ModelError
from argmap.invariants import COLUMN_CHECKS

__all__ = ["make_many"]

T = TypeVar("T")


def make_many(cls: type[T], **columns: Sequence[Any]) -> list[T]:
    """``cls(**row)`` for each row of ``columns`` (a sequence per field, all one length).

    Fields not given take their defaults. It equals making each one by its constructor,
    errors included, and is several times faster for a frozen, slotted attrs class.

    >>> from argmap import Premise
    >>> make_many(Premise, id=["p1", "p2"], text=["Trade grew.", "Ties held."])
    [Premise(id='p1', text='Trade grew.', ...), Premise(id='p2', text='Ties held.', ...)]
    >>> make_many(Premise, id=["p1", "two words"], text=["A.", "B."])
    Traceback (most recent call last):
    argmap.errors.ModelError: ... id must be an id (letters, digits and _ . - + >, no spaces), ...
    """
    fields = _fields(cls)
    lengths = {len(column) for column in columns.values()}
    if len(lengths) > 1:
        raise ValueError(f"make_many: columns of different lengths {sorted(lengths)}")
    unknown = columns.keys() - {field.name for field in fields}
    if unknown:
        raise TypeError(f"make_many: {cls.__name__} has no field {', '.join(sorted(unknown))}")
    size = lengths.pop() if lengths else 0
    values = _checked(cls, fields, columns, size)
    if values is not None:
        made = list(map(object.__new__, repeat(cls, size)))
        for field, column in zip(fields, values, strict=True):
            _drain(map(getattr(cls, field.name).__set__, made, column))
        post_init = getattr(cls, "__attrs_post_init__", None)
        try:
            if post_init is not None:
                _drain(map(post_init, made))
        except ModelError:
            pass
        else:
            return made
    # Something is wrong: the constructor says what, on the first bad row.
    rows = zip(*columns.values(), strict=True)
    return [cls(**dict(zip(columns, row, strict=True))) for row in rows]


def _fields(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    """The fields of a slotted attrs class whose every field is set by its constructor."""
    fields: tuple[attrs.Attribute[Any], ...] = attrs.fields(cls)
    if "__slots__" not in cls.__dict__ or not all(field.init for field in fields):
        raise TypeError(f"make_many: {cls.__name__} is no slotted attrs class of init fields")
    return fields


def _checked(
    cls: type, fields: Sequence[attrs.Attribute[Any]], columns: dict[str, Sequence[Any]], size: int
) -> list[Iterable[Any]] | None:
    """Each field's values, converted and checked; None if any value fails."""
    values: list[Iterable[Any]] = []
    try:
        for field in fields:
            convert, check = _converter(cls, field), field.validator
            column: Iterable[Any]
            if field.name in columns:
                column = columns[field.name]
                if convert is not None:
                    column = list(map(convert, column))
                test = COLUMN_CHECKS.get(check) if check is not None else None
                if test is not None:
                    if not test(column):
                        return None
                elif check is not None:
                    _drain(map(check, repeat(None), repeat(field), column))
            else:  # the same default for every row: converted and checked once
                default = _default(cls, field)
                if convert is not None:
                    default = convert(default)
                if check is not None:
                    check(None, field, default)
                column = repeat(default, size)
            values.append(column)
    except ModelError:
        return None
    return values


def _converter(cls: type, field: attrs.Attribute[Any]) -> Callable[[Any], Any] | None:
    """The field's converter, if it is a plain function of the value."""
    convert = field.converter
    if convert is None or isinstance(convert, attrs.Converter):
        if convert is not None:
            raise TypeError(f"make_many: {cls.__name__}.{field.name} has an attrs.Converter")
        return None
    return convert


def _default(cls: type, field: attrs.Attribute[Any]) -> Any:
    """The field's default value; a factory or no default needs a column instead."""
    default = field.default
    if default is attrs.NOTHING or isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        raise TypeError(f"make_many: give {cls.__name__}.{field.name} as a column")
    return default


def _drain(iterator: Iterator[Any]) -> None:
    """Run ``iterator`` to its end in C, keeping nothing."""
    deque(iterator, maxlen=0)
