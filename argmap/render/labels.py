"""Node labels: line wrapping by display width (CJK aware) and Graphviz HTML-like markup."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence

from argmap.nodes import Node, Premise

__all__ = ["display_width", "escape", "measured_wrap", "node_label", "wrap"]

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
_SPECIALS = re.compile("[" + re.escape("".join(_ENTITIES)) + "]")
_SPECIAL = _SPECIALS.search


def _entity(match: re.Match[str]) -> str:
    return _ENTITIES[match[0]]


@functools.lru_cache(maxsize=4096)
def _char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    """How many terminal columns ``text`` takes: wide and full-width characters count 2.

    >>> display_width("abc"), display_width("中文"), display_width("한국")
    (3, 4, 4)
    """
    return len(text) if text.isascii() else sum(map(_char_width, text))


def _is_hangul(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _HANGUL)


@functools.lru_cache(maxsize=4096)
def _breaks_around(char: str) -> bool:
    """Whether a line may break before and after ``char`` (Chinese and Japanese writing)."""
    return (
        unicodedata.east_asian_width(char) in ("W", "F")
        and not _is_hangul(char)
        and unicodedata.category(char) not in ("So", "Sk", "Cs")
    )


def _atoms(text: str) -> Iterator[tuple[bool, str]]:
    """The unbreakable pieces of ``text``, each with whether a space came before it.

    Words of ASCII are taken whole; only words with other characters are walked
    character by character (Chinese and Japanese break between characters).
    """
    atom = ""
    space = False  # whether whitespace came before the atom being built
    glue = False  # the atom ends in opening punctuation: the next character joins it
    closed = True  # the atom may not grow (it ends a CJK character)
    pending = text[:1].isspace()  # whitespace before the word being read
    for word in text.split():
        if word.isascii():
            # ASCII never breaks inside a word: what the walk below does, word at a time.
            if atom and (glue or word[0] in CLOSING):
                atom += " " + word
            else:
                if atom:
                    yield space, atom
                atom, space = word, pending
            glue = word[-1] in OPENING
            closed = False
            pending = True
            continue
        for char in word:
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
        pending = True
    if atom:
        yield space, atom


# Text that breaks only at spaces, with words of known width: Latin (up to IPA, but not
# the soft hyphen, which takes no width) and Hangul syllables (two columns each).
_PLAIN = re.compile("[^\x00-\x7f\xa0-\xac\xae-\u02ff\uac00-\ud7a3]").search
# ... and with no punctuation that must glue to the word before or after it.
_BREAK_RULES = re.compile(
    "(?:^|\\s)[" + re.escape("".join(sorted(c for c in CLOSING if c.isascii()))) + "]"
    "|[" + re.escape("".join(sorted(c for c in OPENING if c.isascii()))) + "](?:\\s|$)"
).search
_HANGUL_SYLLABLE = re.compile("[\uac00-\ud7a3]")
_LINES: dict[int, re.Pattern[str]] = {}


def _wrap_plain(text: str, width: int) -> tuple[list[str], float]:
    """:func:`measured_wrap` for text of the kind ``_PLAIN`` allows, by a regular expression."""
    words = text.split()
    spaced = " ".join(words)
    pattern = _LINES.get(width)
    if pattern is None:
        # The longest run of whole words that fits, else one word alone (a too long one).
        middle = f"\\S.{{0,{width - 2}}}\\S|" if width > 1 else ""
        pattern = _LINES[width] = re.compile(f"(?:{middle}\\S)(?= |$)|\\S+")
    if spaced.isascii() or _HANGUL_SYLLABLE.search(spaced) is None:
        return pattern.findall(spaced), 0.0
    # Measure on a shadow in which every Hangul syllable takes two characters, then
    # cut the real words into the same lines.
    lines = []
    widest = 0.0
    start = 0
    for shadow in pattern.findall(_HANGUL_SYLLABLE.sub("xx", spaced)):
        count = shadow.count(" ") + 1
        line = " ".join(words[start : start + count])
        lines.append(line)
        widest = max(widest, _ems(len(shadow), len(line)))
        start += count
    return lines, widest


#: The average advance of a narrow character, in ems, generously rounded up for sans fonts.
_NARROW_EM = 0.6


def _ems(columns: int, length: int) -> float:
    """How many ems a line of ``length`` characters taking ``columns`` columns is wide.

    Wide characters take two columns and one em; the others one column and about
    :data:`_NARROW_EM`. A zero-width character (a combining accent) offsets one wide
    one here: rare, and then off by less than an em.
    """
    doubles = max(columns - length, 0)
    return doubles + _NARROW_EM * (length - doubles) if doubles else 0.0


def measured_wrap(text: str, width: int) -> tuple[list[str], float]:
    """:func:`wrap`'s lines, and how many ems wide the widest line holding wide characters is.

    Lines of narrow characters only count 0.0: renderers measure those well.

    >>> measured_wrap("中文 ok", 30)
    (['中文 ok'], 3.8)
    """
    if width < 1:
        raise ValueError(f"width must be at least 1, got {width!r}")
    if _PLAIN(text) is None and _BREAK_RULES(text) is None:
        return _wrap_plain(text, width)
    lines: list[str] = []
    line = ""
    used = 0  # the display width of line
    widest = 0.0
    for space, atom in _atoms(text):
        size = display_width(atom)
        gap = 1 if line and space else 0
        if not line or used + gap + size <= width:
            line = f"{line} {atom}" if gap else line + atom
            used += gap + size
        else:
            lines.append(line)
            widest = max(widest, _ems(used, len(line)))
            line, used = atom, size
    if line:
        lines.append(line)
        widest = max(widest, _ems(used, len(line)))
    return lines, widest


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
    return measured_wrap(text, width)[0]


def escape(text: str) -> str:
    """``text`` made safe inside a Graphviz HTML-like label.

    >>> escape('a < b & "c" {d|e}')
    'a &lt; b &amp; &quot;c&quot; &#123;d&#124;e&#125;'
    """
    if _SPECIAL(text) is None:
        return text
    return _SPECIALS.sub(_entity, text)


def node_label(
    node: Node,
    caption: str,
    *,
    width: int = 30,
    show_id: bool = False,
    speaker: str | None = None,
    caption_fontsize: str = "8",
    main_fontsize: str = "13",
    lines: Sequence[str] | None = None,
) -> str:
    """The HTML-like label of ``node``: a small caption line, then the wrapped text.

    The caption holds ``caption`` (the kind's name, ``MAIN`` added for a main claim), a
    premise's basis, ``implicit``, the node's id if ``show_id`` and the ``speaker``'s name
    if given. ``lines`` is the text already wrapped (else it is wrapped to ``width``).
    A main claim's text is larger (not bold: every renderer measures a larger
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
    body = escape("\n".join(wrap(node.text, width) if lines is None else lines))
    body = body.replace("\n", "<BR/>")
    if main:
        body = f'<FONT POINT-SIZE="{main_fontsize}">{body}</FONT>'
    elif isinstance(node, Premise) and node.implicit:
        body = f"<I>{body}</I>"
    return f"<{head}<BR/>{body}>"
