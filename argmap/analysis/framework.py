"""Abstract argumentation frameworks and labellings: what evaluating a map works on and gives.

A :class:`Framework` is Dung's: arguments and an attack relation between them. A
:class:`Labelling` says of each argument whether it is ``IN`` (accepted), ``OUT``
(rejected: an accepted argument attacks it) or ``UNDEC`` (neither), under one semantics.

>>> af = Framework(("a", "b", "c"), {("a", "b"), ("b", "c")})
>>> af.attackers_of("c")
('b',)
>>> labels = Labelling("grounded", {"a": Label.IN, "b": Label.OUT, "c": Label.IN})
>>> labels.accepted, labels.label("b"), labels.rejected, labels.undecided
(('a', 'c'), <Label.OUT: 'out'>, ('b',), ())
>>> af.targets_of("a")
('b',)
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from types import MappingProxyType

import attrs

__all__ = ["Framework", "Label", "Labelling"]


class Label(enum.StrEnum):
    """What a semantics makes of an argument."""

    IN = "in"
    OUT = "out"
    UNDEC = "undec"


def _arguments(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _attacks(items: Iterable[tuple[str, str]]) -> frozenset[tuple[str, str]]:
    return frozenset((attacker, target) for attacker, target in items)


@attrs.frozen
class Framework:
    """Arguments (in a fixed order, which outputs follow) and who attacks whom.

    Every attack joins two of the arguments; an argument may attack itself.
    """

    arguments: tuple[str, ...] = attrs.field(converter=_arguments)
    attacks: frozenset[tuple[str, str]] = attrs.field(converter=_attacks)

    def __attrs_post_init__(self) -> None:
        known = set(self.arguments)
        if len(known) != len(self.arguments):
            raise ValueError("a framework's arguments must be distinct")
        strays = sorted({end for pair in self.attacks for end in pair} - known)
        if strays:
            raise ValueError(f"attacks name arguments the framework lacks: {', '.join(strays)}")

    def attackers_of(self, argument: str) -> tuple[str, ...]:
        """The arguments that attack ``argument``, in the framework's order."""
        attackers = {a for a, b in self.attacks if b == argument}
        return tuple(a for a in self.arguments if a in attackers)

    def targets_of(self, argument: str) -> tuple[str, ...]:
        """The arguments that ``argument`` attacks, in the framework's order."""
        targets = {b for a, b in self.attacks if a == argument}
        return tuple(b for b in self.arguments if b in targets)


def _labels(items: Mapping[str, Label]) -> Mapping[str, Label]:
    labels = dict(items)  # a copy: nobody else holds it (copying a dict is a memcpy)
    if not set(map(type, labels.values())) <= {Label}:
        labels = {name: Label(label) for name, label in labels.items()}
    return MappingProxyType(labels)


@attrs.frozen
class Labelling:
    """One labelling of a framework's arguments (or a map's nodes) under ``semantics``."""

    semantics: str
    labels: Mapping[str, Label] = attrs.field(converter=_labels)

    def label(self, argument: str) -> Label:
        """The label of ``argument``; a ``KeyError`` if it has none."""
        return self.labels[argument]

    @property
    def accepted(self) -> tuple[str, ...]:
        """The arguments labelled ``IN``, in the labelling's order."""
        return tuple(name for name, label in self.labels.items() if label is Label.IN)

    @property
    def rejected(self) -> tuple[str, ...]:
        """The arguments labelled ``OUT``, in the labelling's order."""
        return tuple(name for name, label in self.labels.items() if label is Label.OUT)

    @property
    def undecided(self) -> tuple[str, ...]:
        """The arguments labelled ``UNDEC``, in the labelling's order."""
        return tuple(name for name, label in self.labels.items() if label is Label.UNDEC)
