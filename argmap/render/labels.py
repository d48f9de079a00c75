"""Node labels: line wrapping by display width (CJK aware) and Graphviz HTML-like markup."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from argmap.nodes import Node, Premise

__all__ = ["display_width", "escape", "node_label", "text_width", "wrap"]

#: Punctuation that must never begin a line (it closes or ends what comes before it).
CLOSING = frozenset("，。、；：！？）」』】〕〉》”’・…ー々ゝゞ〜.,;:!?)]}%")  # noqa: RUF001 (CJK punctuation, on purpose)
#: Punctuation that must never end a line (it opens what comes after it).
OPENING = frozenset("（「『【〔〈《“‘([{")  # noqa: RUF001 (CJK punctuation, on purpose)

_HANGUL = (
    (0x1100, 0x11FF),
    (0x3130, 0x318F),
    (0xA960, 0xA97F),
    (0xAC00, 0xD7AF),
    (0xD7B0, 0xD7FF),
)

# What HTML-like labels must not hold literally: the XML specials, plus characters that
# have a meaning elsewhere in DOT labels (record fields, escStrings), written as references
# so that no Graphviz version reads them as markup.
_ENTITIES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
    "{": "&#123;",
    "|": "&#124;",
    "}": "&#125;",
    "\\": "&#92;",
    "[": "&#91;",
    "]": "&#93;",
}
_TABLE = str.maketrans(_ENTITIES)


def _char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    """How many terminal columns ``text`` takes: wide and full-width characters count 2.

    >>> display_width("abc"), display_width("中文"), display_width("한국")
    (3, 4, 4)
    """
    return sum(map(_char_width, text))


def _is_hangul(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _HANGUL)


def _breaks_around(char: str) -> bool:
    """Whether a line may break before and after ``char`` (Chinese and Japanese writing)."""
    return (
        unicodedata.east_asian_width(char) in ("W", "F")
        and not _is_hangul(char)
        and unicodedata.category(char) not in ("So", "Sk", "Cs")
    )


def _atoms(text: str) -> Iterable[tuple[bool, str]]:
    """The unbreakable pieces of ``text``, each with whether a space came before it."""
    atom = ""
    space = False  # whether whitespace came before the atom being built
    pending = False  # whitespace seen since the last character
    glue = False  # the atom ends in opening punctuation: the next character joins it
    closed = True  # the atom may not grow (it ends a CJK character)
    for char in text:
        if char.isspace():
            pending = True
            continue
        if char in CLOSING and atom:
            # Never start a line with closing punctuation: it joins what precedes it.
            atom += (" " if pending else "") + char
            closed = _breaks_around(char)
        elif glue or (atom and not pending and not closed and not _breaks_around(char)):
            atom += (" " if pending and glue else "") + char
            closed = _breaks_around(char)
        else:
            if atom:
                yield space, atom
            atom, space = char, pending
            closed = _breaks_around(char)
        glue = char in OPENING
        pending = False
    if atom:
        yield space, atom


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` columns; Chinese and Japanese break between characters.

    Latin words and Korean words (Hangul) break only at spaces; a word wider than
    ``width`` gets a line of its own. No line but the first starts with closing
    punctuation, and no line ends with opening punctuation.

    >>> wrap("Both sides gain from steady ties.", 12)
    ['Both sides', 'gain from', 'steady ties.']
    >>> wrap("中韩两国应当重视长期共同利益。", 10)
    ['中韩两国应', '当重视长期', '共同利益。']
    >>> wrap("한국과 중국은 장기적 이익을 추구해야 한다", 14)
    ['한국과 중국은', '장기적 이익을', '추구해야 한다']
    """
    if width < 1:
        raise ValueError(f"width must be at least 1, got {width!r}")
    lines: list[str] = []
    line = ""
    for space, atom in _atoms(text):
        candidate = f"{line} {atom}" if line and space else line + atom
        if not line or display_width(candidate) <= width:
            line = candidate
        else:
            lines.append(line)
            line = atom
    if line:
        lines.append(line)
    return lines


def escape(text: str) -> str:
    """``text`` made safe inside a Graphviz HTML-like label.

    >>> escape('a < b & "c" {d|e}')
    'a &lt; b &amp; &quot;c&quot; &#123;d&#124;e&#125;'
    """
    return text.translate(_TABLE)


def node_label(
    node: Node,
    caption: str,
    *,
    width: int = 30,
    show_id: bool = False,
    speaker: str | None = None,
    caption_fontsize: str = "8",
    main_fontsize: str = "13",
) -> str:
    """The HTML-like label of ``node``: a small caption line, then the wrapped text.

    The caption holds ``caption`` (the kind's name, ``MAIN`` added for a main claim), a
    premise's basis, ``implicit``, the node's id if ``show_id`` and the ``speaker``'s name
    if given. A main claim's text is larger (not bold: every renderer measures a larger
    size right, while bold text overflows the box in some), an implicit premise's italic.

    >>> from argmap import Premise
    >>> print(node_label(Premise("p1", "Trade grew <70x>.", basis="statistic"), "PREMISE"))
    <<FONT POINT-SIZE="8">PREMISE · statistic</FONT><BR/>Trade grew &lt;70x&gt;.>
    """
    main = getattr(node, "main", False)
    tags = [f"MAIN {caption}" if main else caption]
    if isinstance(node, Premise):
        if node.basis is not None:
            tags.append(node.basis.value)
        if node.implicit:
            tags.append("implicit")
    if show_id:
        tags.append(f"#{node.id}")
    if speaker is not None:
        tags.append(speaker)
    head = f'<FONT POINT-SIZE="{caption_fontsize}">{escape(" · ".join(tags))}</FONT>'
    body = "<BR/>".join(escape(line) for line in wrap(node.text, width))
    if main:
        body = f'<FONT POINT-SIZE="{main_fontsize}">{body}</FONT>'
    elif isinstance(node, Premise) and node.implicit:
        body = f"<I>{body}</I>"
    return f"<{head}<BR/>{body}>"


#: The average advance of a narrow character, in ems, generously rounded up for sans fonts.
_NARROW_EM = 0.6


def text_width(lines: Iterable[str], fontsize: float) -> float | None:
    """The width in points the widest line takes, if any line holds wide (CJK) characters.

    Wide characters take one em each in every CJK font; renderers without CJK metrics
    guess less, so a node box sized by this estimate holds its text. Lines of narrow
    text only give None: renderers measure those well.

    >>> text_width(["中文 ok"], 10.0)
    38.0
    >>> text_width(["plain"], 10.0) is None
    True
    """
    widest = 0.0
    wide = False
    for line in lines:
        ems = 0.0
        for char in line:
            columns = _char_width(char)
            wide = wide or columns == 2
            ems += 1.0 if columns == 2 else _NARROW_EM * columns
        widest = max(widest, ems)
    return round(widest * fontsize, 2) if wide else None
