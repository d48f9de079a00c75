"""What a reader or a writer of another tool's format gives back: the map, and what did not fit.

Every interchange format (AIF, Argdown, SADFace, ...) is read by a function
``read(text, *, file=None) -> Imported`` and written by ``write(amap) -> Exported``.
A reader raises :class:`~argmap.ParseError` for a file it cannot read at all, and
returns the findings (``AM401`` not-carried, ``AM402`` broken-element) of what it met and
could not represent; a writer returns one :class:`Loss` per kind of thing the format cannot
carry, so that nothing is lost without a word.

>>> import argmap
>>> m = argmap.MapBuilder("T").claim("c", "C.", main=True).build()
>>> loss = Loss("basis", ("p1", "p2"), "AIF has no place for a premise's basis")
>>> print(loss.message("aif"))
aif cannot carry basis (2: p1, p2): AIF has no place for a premise's basis
>>> Exported("{}", (loss,)).losses[0].count
2
>>> Imported(m).findings
()
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from argmap.argument_map import ArgumentMap
from argmap.findings import Finding

__all__ = ["Exported", "Imported", "Loss", "LossWarning"]

#: How many ids a loss's message names before it says how many more.
_NAMED = 5


# Typed converters: mypy's attrs plugin takes ``converter=tuple`` (or a generic function)
# to accept nothing; one per element type lets every iterable of it in.
def _ids(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _findings(items: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(items)


class LossWarning(UserWarning):
    """Part of a map was lost: a writer could not carry it, or a reader could not hold it.

    ``finding`` is the reader's finding (``AM401``, ``AM402``), ``loss`` the writer's
    :class:`Loss`; the message is the text of either.

    >>> from argmap import Code, Location
    >>> warning = LossWarning.of(Code.NOT_CARRIED.finding("PA node '7' left out", Location()))
    >>> str(warning), warning.finding.code
    ("$: AM401 PA node '7' left out", 'AM401')
    """

    def __init__(
        self, message: str, *, finding: Finding | None = None, loss: Loss | None = None
    ) -> None:
        super().__init__(message)
        self.finding = finding
        self.loss = loss

    @classmethod
    def of(cls, finding: Finding) -> LossWarning:
        """The warning of a reader's finding."""
        return cls(str(finding), finding=finding)


@attrs.frozen
class Loss:
    """One kind of thing a format cannot carry, and the ids of what had it.

    ``kind`` is short and stable (``"basis"``, ``"speaker"``, ``"undercut of an
    undercut"``, ``"note"``, ``"tag"``); ``detail`` says what the writer did instead.
    """

    kind: str
    ids: tuple[str, ...] = attrs.field(converter=_ids)
    detail: str = ""

    @property
    def count(self) -> int:
        """How many elements had it."""
        return len(self.ids)

    def message(self, format: str) -> str:
        """One line for ``argmap convert`` and :class:`LossWarning`."""
        named = ", ".join(self.ids[:_NAMED])
        more = f" and {self.count - _NAMED} more" if self.count > _NAMED else ""
        said = f"{format} cannot carry {self.kind} ({self.count}: {named}{more})"
        return f"{said}: {self.detail}" if self.detail else said


def _losses(items: Iterable[Loss]) -> tuple[Loss, ...]:
    return tuple(items)


@attrs.frozen
class Imported:
    """What a reader made of a file: the map, and findings of what it could not represent."""

    map: ArgumentMap
    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_findings)


@attrs.frozen
class Exported:
    """What a writer made of a map: the text, and one loss per kind of thing left out."""

    text: str
    losses: tuple[Loss, ...] = attrs.field(default=(), converter=_losses)
