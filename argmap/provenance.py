"""Where a map's content comes from: source documents, participants, and locators."""

from __future__ import annotations

from typing import Any, ClassVar

import attrs

from argmap.invariants import (
    check_id,
    check_optional_text,
    check_text,
    fail,
    to_tuple,
)

__all__ = ["Participant", "Source", "SourceRef"]


def _check_paragraphs(instance: Any, attribute: Any, value: tuple[Any, ...]) -> None:
    for item in value:
        if isinstance(item, bool) or not isinstance(item, int) or item < 1:
            fail(instance, "paragraphs", f"paragraph numbers count from 1, got {item!r}")
    if len(set(value)) != len(value):
        fail(instance, "paragraphs", f"paragraphs must not repeat a number, got {list(value)!r}")


@attrs.frozen
class SourceRef:
    """A node's provenance: a source document's id and paragraph numbers (from 1).

    >>> SourceRef("op-ed", (2, 3))
    SourceRef(doc='op-ed', paragraphs=(2, 3))
    """

    kind: ClassVar[str] = "source locator"
    doc: str = attrs.field(validator=check_id)
    paragraphs: tuple[int, ...] = attrs.field(
        default=(), converter=to_tuple, validator=_check_paragraphs
    )


@attrs.frozen
class Source:
    """A document a map encodes: an op-ed, a report, a seminar record.

    >>> Source("op-ed", "Avoid short-term gains", authors=("Ahn Ho-young",), date="2022").authors
    ('Ahn Ho-young',)
    """

    kind: ClassVar[str] = "source"
    id: str = attrs.field(validator=check_id)
    title: str = attrs.field(validator=check_text)
    authors: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=to_tuple)
    affiliation: str | None = attrs.field(default=None, kw_only=True, validator=check_optional_text)
    outlet: str | None = attrs.field(default=None, kw_only=True, validator=check_optional_text)
    date: str | None = attrs.field(default=None, kw_only=True, validator=check_optional_text)
    url: str | None = attrs.field(default=None, kw_only=True, validator=check_optional_text)
    language: str | None = attrs.field(default=None, kw_only=True, validator=check_optional_text)

    @authors.validator
    def _check_authors(self, attribute: Any, value: tuple[Any, ...]) -> None:
        for author in value:
            check_text(self, attribute, author)


@attrs.frozen
class Participant:
    """A speaker whose claims a map records, as in a seminar.

    >>> Participant("wang", "Wang Wei", country="China").country
    'China'
    """

    kind: ClassVar[str] = "participant"
    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=check_text)
    affiliation: str | None = attrs.field(default=None, kw_only=True, validator=check_optional_text)
    country: str | None = attrs.field(default=None, kw_only=True, validator=check_optional_text)
    role: str | None = attrs.field(default=None, kw_only=True, validator=check_optional_text)
