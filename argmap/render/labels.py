"""Node labels: line wrapping by display width (CJK aware) and Graphviz HTML-like markup."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence

from argmap.nodes import Node, Premise
from argmap.render._text import MAX_LINE, escape, isolate, isolated_lines

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


#: No-break spaces and joiners: a line never breaks next to one (but at a space beside it).
_TIES = frozenset("\u00a0\u2007\u202f\u2060\ufeff\u200d")
# What a character does to the breaks around it, as bits.
_AROUND = 1  # a line may break before and after it (Chinese and Japanese writing)
_BEFORE = 2  # it joins what precedes it (closing punctuation, combining marks)
_AFTER = 4  # what follows it joins it (opening punctuation)
_TIE = 8  # it joins the characters it touches (no-break spaces, joiners)
_CLASSES: dict[str, int] = {}


def _class_of(char: str) -> int:
    """The :data:`_AROUND`, :data:`_BEFORE`, :data:`_AFTER` and :data:`_TIE` bits, cached."""
    found = _CLASSES.get(char)
    if found is None:
        category = unicodedata.category(char)
        around = (
            unicodedata.east_asian_width(char) in ("W", "F")
            and not _is_hangul(char)
            and category not in ("So", "Sk", "Cs")
        )
        before = char in CLOSING or category in ("Mn", "Me")
        after = char in OPENING
        tie = char in _TIES
        found = _CLASSES[char] = around * _AROUND | before * _BEFORE | after * _AFTER | tie * _TIE
    return found


# Lines break only at runs of breakable white space: any but the no-break spaces.
_SPACE = "[^\\S\u00a0\u2007\u202f]"
_WORDS = re.compile(f"({_SPACE}*)([\\S\u00a0\u2007\u202f]+)").findall


def _words(text: str) -> Iterable[tuple[str, str]]:
    """The words of ``text`` (runs of all but breakable white space), with the space before.

    The first word has none before it.
    """
    words = text.split()
    if " ".join(words) == text:  # single spaces only, the usual case: done faster
        return zip(itertools.chain(("",), itertools.repeat(" ")), words, strict=False)
    return _WORDS(text)


def _atoms(text: str) -> Iterator[tuple[str, str]]:
    """The unbreakable pieces of ``text``, each with the white space that came before it.

    Words of ASCII are taken whole; only words with other characters are walked
    character by character (Chinese and Japanese break between characters).
    """
    atom = ""
    gap = ""  # the white space before the atom being built
    # The bits of the atom's last character, each true or 0:
    glue = 0  # opening punctuation: what follows joins it
    closed = _AROUND  # a CJK character: the atom may not grow
    tied = 0  # a tie
    classes = _CLASSES
    for gap_before, word in _words(text):
        space = gap_before
        if word.isascii():
            # ASCII never breaks inside a word: what the walk below does, word at a time.
            if atom and (glue or word[0] in CLOSING):
                atom += space + word
            else:
                if atom:
                    yield gap, atom
                atom, gap = word, space
            glue = word[-1] in OPENING
            closed = tied = 0
            continue
        for char in word:
            kind = classes.get(char)
            if kind is None:
                kind = _class_of(char)
            if atom and (
                glue
                or kind & _BEFORE
                or not (space or ((closed or kind & _AROUND) and not (tied or kind & _TIE)))
            ):
                atom += space + char
            else:
                if atom:
                    yield gap, atom
                atom, gap = char, space
            closed = kind & _AROUND
            glue = kind & _AFTER
            tied = kind & _TIE
            space = ""
    if atom:
        yield gap, atom


#: Words up to this many columns (or the label's width, if wider) are never cut.
UNBROKEN = 80

# Text that breaks only at ASCII spaces, with words of known width: printable ASCII, Latin
# (up to IPA, but not the soft hyphen, which takes no width) and Hangul syllables (two
# columns each); the no-break space is part of a word.
_PLAIN = re.compile("[^\x20-\x7e\xa0-\xac\xae-\u02ff\uac00-\ud7a3]").search
# ... and with no punctuation that must glue to the word before or after it.
_BREAK_RULES = re.compile(
    "(?:^| )[" + re.escape("".join(sorted(c for c in CLOSING if c.isascii()))) + "]"
    "|[" + re.escape("".join(sorted(c for c in OPENING if c.isascii()))) + "](?: |$)"
).search
_HANGUL_SYLLABLE = re.compile("[\uac00-\ud7a3]")
# Each Hangul syllable takes two columns: followed by this mark, it takes two characters.
_SECOND_COLUMN = "\ue000"
_SHADOW = {code: chr(code) + _SECOND_COLUMN for code in range(0xAC00, 0xD7A4)}
_LINES: dict[int, re.Pattern[str]] = {}


def _wrap_plain(text: str, width: int) -> tuple[list[str], float]:
    """:func:`measured_wrap` for text of the kind ``_PLAIN`` allows, by a regular expression."""
    pattern = _LINES.get(width)
    if pattern is None:
        # The longest run of whole words that fits, else one word alone (a too long one,
        # cut if longer than UNBROKEN too). Spaces inside a line are kept as typed.
        middle = f"(?:.{{0,{width - 2}}}[^ ])?" if width > 1 else ""
        pattern = _LINES[width] = re.compile(
            f"[^ ]{middle}(?= |$)|[^ ]{{1,{min(max(width, UNBROKEN), MAX_LINE)}}}"
        )
    if text.isascii() or _HANGUL_SYLLABLE.search(text) is None:
        return pattern.findall(text), 0.0
    # Measure on a shadow in which every Hangul syllable takes two characters.
    lines = []
    widest = 0.0
    for shadow in pattern.findall(text.translate(_SHADOW)):
        line = shadow.replace(_SECOND_COLUMN, "")
        lines.append(line)
        widest = max(widest, _ems(len(shadow), len(line)))
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


def _cut(atom: str, most: int) -> list[str]:
    """``atom`` cut into pieces of at most ``most`` columns and ``most`` characters."""
    pieces = []
    piece, used = "", 0
    for char in atom:
        size = _char_width(char)
        if piece and (used + size > most or len(piece) >= most):
            pieces.append(piece)
            piece, used = "", 0
        piece += char
        used += size
    pieces.append(piece)
    return pieces


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
    most = min(max(width, UNBROKEN), MAX_LINE)
    lines: list[str] = []
    line = ""
    used = 0  # the display width of line
    widest = 0.0
    huge = len(text) > MAX_LINE  # else no line can hold too many (zero-width) characters
    for gap, atom in _atoms(text):
        size = display_width(atom)
        if size > most or (huge and len(atom) > most):  # cut: a line each, the last goes on
            *whole, rest = _cut(atom, most)
            for piece in (line, *whole) if line else whole:
                lines.append(piece)
                widest = max(widest, _ems(display_width(piece), len(piece)))
            line, used = rest, display_width(rest)
            continue
        if line:
            spaced = used + size + (0 if not gap else 1 if gap == " " else display_width(gap))
            if spaced <= width and not (huge and len(line) + len(gap) + len(atom) > MAX_LINE):
                line += gap + atom
                used = spaced
                continue
            lines.append(line)
            widest = max(widest, _ems(used, len(line)))
        line, used = atom, size
    if line:
        lines.append(line)
        widest = max(widest, _ems(used, len(line)))
    return lines, widest


def wrap(text: str, width: int) -> list[str]:
    r"""Lines of at most ``width`` columns; Chinese and Japanese break between characters.

    Lines break only at breakable white space, which the break replaces; a run of
    spaces inside a line, and any other space, is kept as typed. No-break spaces
    (U+00A0, U+2007, U+202F) and the word joiner (U+2060) never break.
    Latin words and Korean words (Hangul) break only at spaces; a word wider than
    ``width`` gets a line of its own, and one wider than ``max(width, 80)`` columns is
    cut into lines that wide. No line but the first starts with closing
    punctuation, and no line ends with opening punctuation.

    >>> wrap("Both sides gain from steady ties.", 12)
    ['Both sides', 'gain from', 'steady ties.']
    >>> wrap("中韩两国应当重视长期共同利益。", 10)
    ['中韩两国应', '当重视长期', '共同利益。']
    >>> wrap("한국과 중국은 장기적 이익을 추구해야 한다", 14)
    ['한국과 중국은', '장기적 이익을', '추구해야 한다']
    >>> wrap("It is 100\u00a0km  away.", 9)
    ['It is', '100\xa0km', 'away.']
    """
    return measured_wrap(text, width)[0]


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
    mark: str | None = None,
    badge: str | None = None,
) -> str:
    """The HTML-like label of ``node``: a small caption line, then the wrapped text.

    The caption holds an evaluation's ``badge`` (such as ``[IN]``) if given, then
    ``caption`` (the kind's name, ``MAIN`` added for a main claim), a
    premise's basis, ``implicit``, a provenance ``mark`` (such as ``¶5``), the node's id
    if ``show_id`` and the ``speaker``'s name if given: these three in an isolate if they
    hold right-to-left letters or direction controls, so that they cannot turn what
    follows. A caption wider than
    ``max(width, 80)`` columns wraps. ``lines`` is the text already wrapped (else it is
    wrapped to ``width``).
    A main claim's text is larger (not bold: every renderer measures a larger
    size right, while bold text overflows the box in some), an implicit premise's italic.

    >>> from argmap import Premise
    >>> print(node_label(Premise("p1", "Trade grew <70x>.", basis="statistic"), "PREMISE"))
    <<FONT POINT-SIZE="8">PREMISE · statistic</FONT><BR/>Trade grew &lt;70x&gt;.>
    """
    main = getattr(node, "main", False)
    tags = [badge] if badge else []
    tags.append(f"MAIN {caption}" if main else caption)
    if isinstance(node, Premise):
        if node.basis is not None:
            tags.append(node.basis.value)
        if node.implicit:
            tags.append("implicit")
    if mark:
        tags.append(isolate(mark))
    if show_id:
        tags.append(isolate(f"#{node.id}"))
    if speaker is not None:
        tags.append(isolate(speaker))
    head = " · ".join(tags)
    most = max(width, UNBROKEN)
    if len(head) * 2 > most and (display_width(head) > most or len(head) > MAX_LINE):
        head = "\n".join(isolated_lines(wrap(head, most)))
    head = f'<FONT POINT-SIZE="{caption_fontsize}">{escape(head)}</FONT>'
    body = escape("\n".join(wrap(node.text, width) if lines is None else lines))
    if main:
        body = f'<FONT POINT-SIZE="{main_fontsize}">{body}</FONT>'
    elif isinstance(node, Premise) and node.implicit:
        body = f"<I>{body}</I>"
    return f"<{head}<BR/>{body}>".replace("\n", "<BR/>")
