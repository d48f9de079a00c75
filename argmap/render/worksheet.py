"""Worksheets: a map drawn with some statements blanked out, and its answer key."""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import Any, Literal

import attrs

from argmap._suggest import closest, did_you_mean
from argmap.argument_map import ArgumentMap
from argmap.nodes import NODE_KINDS
from argmap.render._worksheet_dot import worksheet_source
from argmap.render.options import DrawingOptions, drawing_options

__all__ = ["HINTS", "VARIANTS", "WorksheetBlank", "Worksheet", "worksheet"]

#: What a blank may keep of its node: the kind's caption (``PREMISE``), a premise's basis.
HINTS = ("caption", "basis")
#: ``fill``: fill in the blanked statements; ``build``: place every statement in its box.
VARIANTS = ("fill", "build")
Variant = Literal["fill", "build"]


@attrs.frozen
class WorksheetBlank:
    """One numbered blank: the node it stands for, the text removed, its word-bank letter."""

    number: int
    node: str
    text: str
    #: The letter of the text in the word bank (``A``, ``B``, ...), or None without one.
    letter: str | None = None


@attrs.frozen
class Worksheet:
    """A map with numbered blanks; write it and its answer key with :func:`write_worksheet`.

    ``source`` is the DOT of the worksheet's drawing, ``key_source`` that of the answer
    key; ``word_bank`` is the removed texts as the list shows them, ``(letter, text)``.
    The map itself is never changed: the blanks are a drawing choice.
    """

    map: ArgumentMap
    blanks: tuple[WorksheetBlank, ...]
    word_bank: tuple[tuple[str, str], ...]
    variant: Variant
    hints: tuple[str, ...]
    options: DrawingOptions
    source: str
    key_source: str


def worksheet(
    amap: ArgumentMap,
    *,
    blank: str | Iterable[str] | None = None,
    blank_ids: Iterable[str] = (),
    blank_random: int | None = None,
    seed: int = 0,
    hints: Iterable[str] = HINTS,
    word_bank: bool = False,
    variant: Variant = "fill",
    options: DrawingOptions | None = None,
    **overrides: Any,
) -> Worksheet:
    """A worksheet of ``amap``: its drawing with numbered boxes for the texts blanked.

    What is blanked: the nodes of the kinds ``blank`` names (``"premise"``, or several),
    and those ``blank_ids`` lists; ``blank_random=N`` keeps N of them, drawn with ``seed``
    (or N of all the nodes if neither is given). With none of the three, the premises.
    ``hints`` is what each box keeps of its node (``caption``, ``basis``; ``()``: nothing);
    ``word_bank`` lists the removed texts under the map, shuffled with ``seed`` and
    lettered. The ``build`` variant blanks every node and always lists the texts.
    Drawing options are as in :func:`~argmap.to_graphviz` (but ``focus``).

    >>> import argmap
    >>> m = (argmap.MapBuilder("T").claim("c", "Start later.", main=True)
    ...      .premise("p", "Sleep matters.", supports="c").build())
    >>> sheet = worksheet(m)
    >>> sheet.blanks
    (WorksheetBlank(number=1, node='p', text='Sleep matters.', letter=None),)
    >>> "Sleep matters." in sheet.source, "Sleep matters." in sheet.key_source
    (False, True)
    """
    chosen = drawing_options(options, **overrides)
    if chosen.focus is not None:
        raise ValueError("a worksheet draws the whole map: leave out focus (and depth)")
    if variant not in VARIANTS:
        raise ValueError(f"variant must be one of {', '.join(VARIANTS)}; got {variant!r}")
    kept = _hints(hints)
    if type(seed) is not int:
        raise ValueError(f"seed must be a whole number; got {seed!r}")
    if variant == "build":
        if blank is not None or tuple(blank_ids) or blank_random is not None:
            raise ValueError(
                "the build variant blanks every node: leave out blank, blank_ids and blank_random"
            )
        chosen_ids = [node.id for node in amap.nodes]
        word_bank = True
    else:
        chosen_ids = _chosen(amap, blank, tuple(blank_ids), blank_random, seed)
    if not chosen_ids:
        raise ValueError(f"nothing to blank: the map {amap.title!r} has no node to blank")
    texts = {node.id: node.text for node in amap.nodes}
    order = list(range(len(chosen_ids)))
    letters: dict[int, str] = {}
    if word_bank:
        random.Random(seed).shuffle(order)
        letters = {index: _letter(place) for place, index in enumerate(order)}
    blanks = tuple(
        WorksheetBlank(number, ident, texts[ident], letters.get(number - 1))
        for number, ident in enumerate(chosen_ids, 1)
    )
    bank = tuple((_letter(place), blanks[index].text) for place, index in enumerate(order))
    sheet_source, key_source = worksheet_source(
        amap, blanks, bank if word_bank else (), kept, chosen, build=variant == "build"
    )
    return Worksheet(
        amap,
        blanks,
        bank if word_bank else (),
        variant,
        kept,
        chosen,
        sheet_source,
        key_source,
    )


def _hints(hints: Iterable[str]) -> tuple[str, ...]:
    if isinstance(hints, str):
        hints = (hints,)
    kept = tuple(hints)
    for hint in kept:
        if hint not in HINTS:
            raise ValueError(f"hints must be some of {', '.join(HINTS)}; got {hint!r}")
    return tuple(hint for hint in HINTS if hint in kept)


def _chosen(
    amap: ArgumentMap,
    blank: str | Iterable[str] | None,
    ids: tuple[str, ...],
    count: int | None,
    seed: int,
) -> list[str]:
    """The ids of the nodes to blank, in the map's order."""
    kinds = (blank,) if isinstance(blank, str) else tuple(blank or ())
    for kind in kinds:
        if kind not in NODE_KINDS:
            hint = did_you_mean(closest(kind, NODE_KINDS)) if isinstance(kind, str) else ""
            raise ValueError(
                f"blank must name node kinds: {', '.join(NODE_KINDS)}; got {kind!r}{hint}"
            )
    known = {node.id for node in amap.nodes}
    for ident in ids:
        if ident not in known:
            raise ValueError(
                f"blank_ids: the map has no node {ident!r}"
                f"{did_you_mean(closest(ident, [n.id for n in amap.nodes]))}"
            )
    if blank is None and not ids:
        pool = [n.id for n in amap.nodes if count is not None or n.kind == "premise"]
    else:
        pool = [n.id for n in amap.nodes if n.kind in kinds or n.id in ids]
    if count is None:
        return pool
    if type(count) is not int or not 1 <= count <= len(pool):
        raise ValueError(
            f"blank_random must be a whole number from 1 to {len(pool)} (the "
            f"nodes to choose from); got {count!r}"
        )
    picked = set(random.Random(seed).sample(pool, count))
    return [ident for ident in pool if ident in picked]


def _letter(place: int) -> str:
    """``A`` to ``Z``, then ``AA``, ``AB``, ...: the letter of a word bank's entry."""
    letters = ""
    place += 1
    while place:
        place, rest = divmod(place - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
