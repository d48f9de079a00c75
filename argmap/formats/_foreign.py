r"""What the interchange readers (SADFace, arg-microtexts, Kialo) share: ids, texts, kinds.

None of these formats says which statement is a claim, a premise or a rebuttal; the kind
comes from where the statement stands in the finished map (:func:`kinds`):

- a main claim is a :class:`~argmap.Claim` with ``main=True``;
- a statement that attacks something is a :class:`~argmap.Rebuttal`;
- a statement something supports is a :class:`~argmap.Claim`;
- any other is a :class:`~argmap.Premise`.

>>> ids = Ids()
>>> ids.take("a1"), ids.take("two words"), ids.take("a1"), ids.changed
('a1', 'two-words', 'a1-2', {'two-words': 'two words', 'a1-2': 'a1'})
>>> clean_text("  a\n text\x00 here ")
'a text here'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from pathlib import PurePath
from typing import Any

from argmap.argument_map import ArgumentMap
from argmap.codes import Code
from argmap.errors import ModelError, ParseError
from argmap.findings import Finding, Location
from argmap.invariants import NONCHARACTERS, is_valid_id
from argmap.metadata import check_metadata, freeze
from argmap.nodes import Basis, Claim, Node, Premise, Rebuttal
from argmap.provenance import Source, SourceRef
from argmap.relations import Attack, Relation

__all__ = [
    "Ids",
    "Note",
    "clean_text",
    "file_title",
    "id_spelling",
    "kinds",
    "make_map",
    "make_node",
    "safe_metadata",
]

#: A reader's way to record a finding; each reader fixes its own arguments.
Note = Callable[..., None]

_BAD = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ud800-\\udfff{NONCHARACTERS}]")
_RUN = re.compile(f" *(?:{_BAD.pattern})+ *")
_NOT_ID = re.compile(r"[^\w.+>-]+")


def clean_text(text: str) -> str:
    """``text`` as one paragraph, otherwise kept as written.

    Each run of control characters (line breaks too), with the spaces around it, becomes one
    space, and outer white space goes.
    """
    return _RUN.sub(" ", text).strip()


def id_spelling(text: str) -> str:
    """``text`` with each run of characters an id cannot hold made one ``-``, ends trimmed.

    >>> id_spelling("(tag 3)")
    'tag-3'
    """
    return _NOT_ID.sub("-", text).strip("-.+>")


def file_title(file: str | None, default: str) -> str:
    """A map's title from its file's name, or ``default`` without one.

    >>> file_title("maps/cars.json", "x"), file_title(None, "Kialo discussion")
    ('cars', 'Kialo discussion')
    """
    return (clean_text(PurePath(file).stem) if file else "") or default


class Ids:
    """Hands out unique argmap ids for a file's own ids, and remembers the ones it changed."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self._taken = set(taken)
        #: argmap id -> the file's id, for every id that had to change.
        self.changed: dict[str, str] = {}

    def take(self, raw: object) -> str:
        """A fresh id for ``raw``: itself if it is a valid, unused id; else a cleaned one."""
        text = str(raw)
        ident = text if is_valid_id(text) else id_spelling(text)
        if not is_valid_id(ident):
            ident = f"n{ident}" if ident else "n"
            ident = ident if is_valid_id(ident) else "n"
        ident = self.fresh(ident)
        if ident != raw:
            self.changed[ident] = text
        return ident

    def fresh(self, wanted: str) -> str:
        """``wanted`` (a valid id), or it with ``-2``, ``-3``... if taken; now taken."""
        ident, count = wanted, 1
        while ident in self._taken:
            count += 1
            ident = f"{wanted}-{count}"
        self._taken.add(ident)
        return ident


def kinds(
    ids: Iterable[str], *, mains: Collection[str], relations: Iterable[Relation]
) -> dict[str, str]:
    """The kind a reader gives each statement of ``ids``: see the module's docstring.

    >>> from argmap import Support
    >>> kinds(["c", "p", "r"], mains=(), relations=[Support(["p"], "c"), Attack("r", "p")])
    {'c': 'claim', 'p': 'premise', 'r': 'rebuttal'}
    """
    attackers: set[str] = set()
    supported: set[str] = set()
    for relation in relations:
        if type(relation) is Attack:
            attackers.add(relation.attacker)
        else:
            supported.add(relation.target)
    return {ident: _kind(ident, mains, attackers, supported) for ident in ids}


def _kind(ident: str, mains: Collection[str], attackers: set[str], supported: set[str]) -> str:
    if ident in mains:
        return "claim"
    if ident in attackers:
        return "rebuttal"
    return "claim" if ident in supported else "premise"


def make_node(
    ident: str,
    text: str,
    kind: str,
    *,
    main: bool = False,
    source: SourceRef | None = None,
    basis: Basis | None = None,
) -> Node:
    """The node of ``kind`` (``claim``, ``premise`` or ``rebuttal``); a basis only on premises."""
    if kind == "claim":
        return Claim(ident, text, main=main, source=source)
    if kind == "rebuttal":
        return Rebuttal(ident, text, source=source)
    return Premise(ident, text, source=source, basis=basis)


def make_map(
    title: str,
    *,
    nodes: Iterable[Node],
    relations: Iterable[Relation],
    sources: Iterable[Source] = (),
    metadata: dict[str, Any],
) -> ArgumentMap:
    """The map these parts make; :class:`ParseError` with the model's findings if none."""
    try:
        return ArgumentMap(
            title, nodes=nodes, relations=relations, sources=sources, metadata=metadata
        )
    except ModelError as error:  # a case the reader's checks missed: report, don't crash
        raise ParseError(error.findings) from None


def safe_metadata(
    metadata: dict[str, Any], file: str | None, findings: list[Finding]
) -> dict[str, Any]:
    """``metadata`` if a map can hold it; else each key it cannot hold is left out, with AM401."""
    kept: dict[str, Any] = {}
    for key, value in metadata.items():
        try:
            check_metadata(None, None, freeze({**kept, key: value}))
        except ModelError as error:
            problem = error.findings[0].message
            findings.append(
                Code.NOT_CARRIED.finding(
                    f"metadata {key!r} left out: {problem}", Location(file, element=key)
                )
            )
        else:
            kept[key] = value
    return kept
