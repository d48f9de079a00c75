"""The DOT of a worksheet and of its key: the map's own drawing with some labels swapped."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs
import graphviz

from argmap.argument_map import ArgumentMap
from argmap.nodes import Node, Premise
from argmap.render._captions import CAPTION_WIDTH
from argmap.render._text import escape, isolated_lines
from argmap.render.dot import to_graphviz
from argmap.render.labels import display_width, wrap
from argmap.render.options import DrawingOptions, theme_of
from argmap.render.theme import node_style
from argmap.render.writer import quote

if TYPE_CHECKING:
    from argmap.render.worksheet import WorksheetBlank

__all__ = ["blanked_map", "worksheet_graph", "worksheet_source"]

#: The size of the writing lines' underscores, points: rows about 6 mm apart, room for
#: handwriting of 8 to 10 points.
ROW_PT = 14
#: Handwriting takes more room than print: a blank holds this many times the text's width.
_HAND = 1.3
#: The fewest rows, and the fewest columns of a row, a blank has.
_MIN_ROWS = 2
_MIN_COLUMNS = 14
#: The advance of an underscore, in ems (Helvetica, Arial, Noto Sans: 0.5 to 0.56),
#: and of the average letter the label width counts.
_UNDERSCORE_EM = 0.55
_LETTER_EM = 0.5
_TABLE = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="6" CELLPADDING="0">'


def worksheet_source(
    amap: ArgumentMap,
    blanks: Sequence[WorksheetBlank],
    bank: Sequence[tuple[str, str]],
    hints: Sequence[str],
    options: DrawingOptions,
    *,
    build: bool,
) -> tuple[str, str]:
    """The DOT of the worksheet and of its answer key."""
    sheet = worksheet_graph(amap, blanks, bank, hints, options, build=build, key=False)
    key = worksheet_graph(amap, blanks, bank, hints, options, build=build, key=True)
    return sheet.source, key.source


def worksheet_graph(
    amap: ArgumentMap,
    blanks: Sequence[WorksheetBlank],
    bank: Sequence[tuple[str, str]],
    hints: Sequence[str],
    options: DrawingOptions,
    *,
    build: bool,
    key: bool,
    with_bank: bool = True,
) -> graphviz.Digraph:
    """The map drawn with numbered blanks (or, as the ``key``, numbered answers).

    The map's own drawing is made first; then the labels of the blanked nodes, and the
    graph's caption, are replaced in its lines. Everything else (shapes, colours, arrows,
    the legend) is the map's.
    """
    graph = to_graphviz(amap, options=options)
    look = theme_of(options)
    nodes = {node.id: node for node in amap.nodes}
    labels = {}
    for blank in blanks:
        node = nodes[blank.node]
        if key:
            number = _number(blank, look.main_fontsize)
            labels[quote(blank.node)] = lambda old, number=number: f"<{number} {old[1:]}"
        else:
            label = _blank_label(node, blank, hints, options)
            labels[quote(blank.node)] = lambda _, label=label: label
    body = graph.body
    for place, line in enumerate(body):
        stripped = line.lstrip("\t")
        name, _, rest = stripped.partition(" [label=")
        swap = labels.get(name)
        if swap is not None and rest.startswith("<"):
            end = _label_end(rest)
            body[place] = line[: len(line) - len(stripped)] + (
                f"{name} [label={swap(rest[:end])}{rest[end:]}"
            )
        elif stripped.startswith("graph [") and " label=<" in stripped:
            start = line.index(" label=<") + len(" label=")
            end = start + _label_end(line[start:])
            shown = () if not with_bank else bank
            label = _caption(line[start:end], shown, key=key, build=build, blanks=blanks)
            body[place] = line[:start] + label + line[end:]
    return graph


def _label_end(text: str) -> int:
    """Where the HTML-like label that ``text`` starts with ends (after its last ``>``)."""
    depth = 0
    for place, char in enumerate(text):
        if char == "<":
            depth += 1
        elif char == ">":
            depth -= 1
            if depth == 0:
                return place + 1
    raise ValueError(f"no end to the label {text[:60]!r}")  # pragma: no cover - DOT we wrote


def _number(blank: WorksheetBlank, size: str) -> str:
    shown = str(blank.number) if blank.letter is None else f"{blank.number} = {blank.letter}"
    return f'<FONT POINT-SIZE="{size}">({shown})</FONT>'


def _blank_label(
    node: Node, blank: WorksheetBlank, hints: Sequence[str], options: DrawingOptions
) -> str:
    """A numbered box with writing lines for the handwritten text, and the hints kept."""
    look = theme_of(options)
    tags = []
    if "caption" in hints:
        caption = node_style(look, node.kind).caption
        tags.append(f"MAIN {caption}" if getattr(node, "main", False) else caption)
    if "basis" in hints and isinstance(node, Premise) and node.basis is not None:
        tags.append(node.basis.value)
    head = _number(attrs.evolve(blank, letter=None), look.main_fontsize)
    if tags:
        head += f' <FONT POINT-SIZE="{look.caption_fontsize}">{escape(" · ".join(tags))}</FONT>'
    columns, rows = handwriting_box(node.text, options.label_width)
    size = float(look.main_fontsize if getattr(node, "main", False) else look.fontsize)
    underscores = max(1, math.ceil(columns * size * _LETTER_EM / (ROW_PT * _UNDERSCORE_EM)))
    line = "_" * underscores
    ruled = "<BR/>".join([line] * rows)
    return f'<{head}<BR/><FONT POINT-SIZE="{ROW_PT}">{ruled}</FONT>>'


def handwriting_box(text: str, width: int) -> tuple[int, int]:
    """The columns and rows of a blank for ``text`` written by hand, at ``width`` columns.

    >>> handwriting_box("Yes.", 30), handwriting_box("word " * 12, 30)
    ((14, 2), (30, 3))
    """
    hand = display_width(text) * _HAND
    printed = max((display_width(line) for line in wrap(text, width)), default=0)
    columns = min(max(width, printed), max(_MIN_COLUMNS, math.ceil(hand)))
    return columns, max(_MIN_ROWS, math.ceil(hand / columns))


def _caption(
    old: str,
    bank: Sequence[tuple[str, str]],
    *,
    key: bool,
    build: bool,
    blanks: Sequence[WorksheetBlank],
) -> str:
    """The map's caption, then what the sheet asks and its word bank, or "Answer key"."""
    rows = [f"<TR><TD>{old[1:-1]}</TD></TR>"]
    if key:
        said = f"Answer key: {len(blanks)} blank{'s' * (len(blanks) != 1)}"
        if bank:
            said += ", each with its word-bank letter"
        rows.append(f"<TR><TD><B>{escape(said)}</B></TD></TR>")
        return f"<{_TABLE}{''.join(rows)}</TABLE>>"
    rows.append(f"<TR><TD>{escape(instructions(build=build, bank=bool(bank)))}</TD></TR>")
    rows.append('<TR><TD ALIGN="LEFT">Name: ______________________   Date: ____________</TD></TR>')
    if bank:
        lines = [f"<B>{'Statements' if build else 'Word bank'}</B>"]
        for letter, text in bank:
            wrapped = list(isolated_lines(wrap(text, CAPTION_WIDTH)))
            lines.append(f"{letter}.  " + "<BR/>      ".join(escape(part) for part in wrapped))
        rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{"<BR/>".join(lines)}</TD></TR>')
    return f"<{_TABLE}{''.join(rows)}</TABLE>>"


def instructions(*, build: bool, bank: bool) -> str:
    """What the worksheet asks the student to do."""
    if build:
        return "Build the map: write the letter of each statement below in its numbered box."
    if bank:
        return "Fill in each numbered box: choose its statement from the word bank."
    return "Fill in each numbered box with the missing statement."


def blanked_map(
    amap: ArgumentMap, blanks: Sequence[WorksheetBlank], hints: Sequence[str]
) -> ArgumentMap:
    """A copy of the map whose blanked texts read ``Blank N``: what the SVG tells readers.

    Only drawn, never checked: its texts are placeholders, its structure is the map's.
    """
    numbers = {blank.node: blank.number for blank in blanks}
    nodes = []
    for node in amap.nodes:
        shown = node
        if node.id in numbers:
            shown = attrs.evolve(node, text=f"Blank {numbers[node.id]}")
            if isinstance(shown, Premise) and "basis" not in hints:
                shown = attrs.evolve(shown, basis=None)
        nodes.append(shown)
    return attrs.evolve(amap, nodes=nodes)
