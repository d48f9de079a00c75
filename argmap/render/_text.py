"""Drawn text exactly as typed: HTML-like escaping, bidi isolation and the graph's name."""

from __future__ import annotations

import re

__all__ = ["MAX_LINE", "escape", "graph_name", "isolate", "isolated_lines"]

#: The most characters a drawn line holds. Graphviz ``dot`` cannot read a run of more
#: than 16,381 bytes between two ``<``/``>`` of an HTML-like label; escaped, a character
#: takes at most 10 bytes (a backslash: ``&#92;&#92;``), so lines of 1,000 stay readable.
MAX_LINE = 1000

# What HTML-like labels must not hold literally: the XML specials, plus characters that
# have a meaning elsewhere in DOT labels (record fields), written as references so that no
# Graphviz version reads them as markup. Both renderers read the label's text as an
# escString after the XML references, where ``\N``, ``\G``, ``\E``, ``\H``, ``\T``, ``\L``
# name the node, graph, edge, ... and ``\\`` is one backslash: so a backslash is written
# twice, and every sequence is drawn as typed.
_ENTITIES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
    "{": "&#123;",
    "|": "&#124;",
    "}": "&#125;",
    "\\": "&#92;&#92;",
    "[": "&#91;",
    "]": "&#93;",
}
_SPECIALS = re.compile("[" + re.escape("".join(_ENTITIES)) + "]")
_SPECIAL = _SPECIALS.search


def _entity(match: re.Match[str]) -> str:
    return _ENTITIES[match[0]]


def escape(text: str) -> str:
    r"""``text`` made safe inside a Graphviz HTML-like label, to be drawn as typed.

    >>> escape('a < b & "c" {d|e}')
    'a &lt; b &amp; &quot;c&quot; &#123;d&#124;e&#125;'
    >>> escape(r"C:\Nodes")
    'C:&#92;&#92;Nodes'
    """
    if _SPECIAL(text) is None:
        return text
    return _SPECIALS.sub(_entity, text)


#: A graph's name is no escString: only what an HTML-like DOT ID must not hold literally.
_NAME_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_NAME_SPECIALS = re.compile("[&<>]")


def graph_name(title: str) -> str:
    r"""The DOT ID naming a graph whose SVG ``<title>`` is ``title`` (cut at :data:`MAX_LINE`).

    An HTML-like ID (``<...>``): both renderers write it into the SVG as it is, so
    ``&``, ``<`` and ``>`` are references and every other character is kept.

    >>> graph_name('C:\\ "A" & <B>')
    '<C:\\ "A" &amp; &lt;B&gt;>'
    """
    if len(title) > MAX_LINE:
        title = title[: MAX_LINE - 1] + "…"
    return "<" + _NAME_SPECIALS.sub(lambda match: _NAME_ENTITIES[match[0]], title) + ">"


# Characters that can change the direction of what follows them on a line: right-to-left
# letters and digits (Hebrew, Arabic, Syriac, Thaana, N'Ko, ... and their presentation
# forms), the right-to-left mark and the explicit embeddings, overrides and isolates.
_BIDI = re.compile(
    "[\u0590-\u08ff\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufefe"
    "\U00010800-\U00010fff\U0001e800-\U0001efff]"
).search
_FSI, _PDI, _LRM = "\u2068", "\u2069", "\u200e"
_ISOLATES = re.compile("[\u2066-\u2069]")


def _unbalanced(text: str) -> tuple[int, int]:
    """How many isolates ``text`` closes that it did not open, and leaves open at its end."""
    unopened = depth = 0
    for mark in _ISOLATES.findall(text):
        if mark == _PDI:
            if depth:
                depth -= 1
            else:
                unopened += 1
        else:
            depth += 1
    return unopened, depth


def isolate(piece: str) -> str:
    r"""``piece`` in a first-strong isolate if it could change the direction of what follows.

    The isolate is balanced against the piece's own isolates, so that it always ends
    where the piece does; an override typed in the piece (U+202E) ends there too.

    >>> isolate("Kim Min-ji")
    'Kim Min-ji'
    >>> isolate("Kim\u202e") == "\u2068Kim\u202e\u2069"
    True
    """
    if piece.isascii() or _BIDI(piece) is None:
        return piece
    unopened, still_open = _unbalanced(piece)
    return _FSI * (1 + unopened) + piece + _PDI * (1 + still_open)


def isolated_lines(lines: list[str]) -> list[str]:
    r"""``lines`` of isolated pieces, each made whole and left to right.

    An isolate cut by a line break is closed at the end of the line and opened again at
    the start of the next. A line holding an isolate starts with a left-to-right mark
    (U+200E), so that renderers which take a line's direction from its first letter,
    even one inside an isolate (Pango, drawing PNG and PDF), lay its pieces out in order.

    >>> lines = isolated_lines(["\u2068a", "b\u2069, c"])
    >>> lines == ["\u200e\u2068a\u2069", "\u200e\u2068b\u2069, c"]
    True
    """
    balanced = []
    for line in lines:
        if _ISOLATES.search(line) is None:
            balanced.append(line)
        else:
            unopened, still_open = _unbalanced(line)
            balanced.append(_LRM + _FSI * unopened + line + _PDI * still_open)
    return balanced
