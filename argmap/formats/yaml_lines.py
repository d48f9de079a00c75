"""A broken YAML file read by its lines: colons, indentation, and where a text begins.

The second half of :mod:`argmap.formats.yaml_diagnose`: the mistakes seen in the shape
of the lines around a syntax error (a missing or unspaced ``:``, a ``: `` inside a text,
a key indented like no other, a quote or bracket that ends a text early), each found and
told as an index and a message.
"""

from __future__ import annotations

import itertools
import re

from argmap.formats.document import KEYS
from argmap.nodes import NODE_KINDS

__all__ = ["QUOTE", "Found", "Source", "colon", "ended_early", "line_column", "no_colon"]

#: A diagnosis: the index of the mistake in the text, and what to say about it.
Found = tuple[int, str] | None

#: The fix for a text that YAML's syntax cuts or misreads.
QUOTE = "put the whole text in quotes (\"...\") or write it as a '>-' block"

#: A ``key: value`` line (or ``- key: value``); no ``value`` after a bare ``key:``.
_KEY_LINE = re.compile(
    r" *(?:-[ \t]+)?(?P<key>[^\s#:'\"\[\]{}&*!|>%@`,-][^:#]*?|\"[^\"]*\"|'[^']*')"
    r"[ \t]*:(?:[ \t]+(?P<value>[^#\s].*?)?)?[ \t]*$"
)
_BREAK = re.compile(r"\r\n|\r|\n")
_KNOWN_KEYS = frozenset(key for keys in KEYS.values() for key in keys) | frozenset(NODE_KINDS)


def line_column(text: str, index: int) -> tuple[int, int]:
    r"""The 0-based line and column of ``index``, lines broken as YAML and editors break them.

    >>> line_column("a\r\nbc\rd", 6)
    (2, 0)
    """
    line = text.count("\n", 0, index) + text.count("\r", 0, index) - text.count("\r\n", 0, index)
    return line, index - max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) - 1


class Source:
    """The text of a file that failed to parse, by lines (made on that path only)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _BREAK.split(text)
        self.starts = [0, *(match.end() for match in _BREAK.finditer(text))]

    def position(self, index: int) -> tuple[int, int]:
        """The 0-based line and column of ``index``."""
        return line_column(self.text, index)

    def at(self, line: int, column: int = 0) -> int:
        """The index of a 0-based line and column."""
        return self.starts[line] + column


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _short(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else f"{text[:limit]}…"


def _spaces(count: int) -> str:
    return "1 space" if count == 1 else f"{count} spaces"


def colon(src: Source, at: int) -> Found:
    """``mapping values are not allowed``: ': ' in a text, or a key on a text's next line."""
    line, column = src.position(at)
    own = src.lines[line]
    pair = _KEY_LINE.match(own)
    if pair is not None and pair.group("value") and pair.start("value") < column:
        return _colon_in_text(src, line, pair, at)
    # The line goes on with a text that starts above it: find the text's first line.
    first = None
    for above in range(line - 1, -1, -1):
        text = src.lines[above]
        if not text.strip():
            continue
        if text.lstrip().startswith("#"):
            return None
        start = _KEY_LINE.match(text)
        if start is None:
            first = above
            continue
        if start.group("value") is None:
            break
        own_key = own[_indent(own) : column].strip()
        if own_key not in _KNOWN_KEYS and (pair is None or pair.group("value")):
            return _colon_in_text(src, above, start, at)
        key = start.group("key")
        return src.at(line, _indent(own)), (
            f"{own_key!r} is indented {_spaces(_indent(own) - _indent(text))} more than "
            f"{key!r} on line {above + 1}, so YAML reads it as more of the text of {key!r}; "
            f"keys of one mapping line up exactly: indent it {_spaces(_indent(text))}, "
            f"like {key!r}"
        )
    return None if first is None else no_colon(src, first)


def _colon_in_text(src: Source, line: int, pair: re.Match[str], at: int) -> Found:
    if (pair.group("value") or "")[:1] in "\"'[{|>":
        return None
    holds = "ends with ':'" if src.text[at + 1 : at + 2] in ("", "\n", "\r") else "holds ': '"
    return src.at(line, pair.start("value")), (
        f"the text of {pair.group('key')!r} {holds}, which YAML reads as the start of a key; "
        f"{QUOTE}"
    )


def no_colon(src: Source, line: int) -> Found:
    """A line that should be ``key: value`` (or ``- item``) and is not."""
    text = src.lines[line]
    content = text.strip()
    if not content:
        return None
    begin = _indent(text)
    block = _block_above(src, line)
    if block is not None:
        return block
    if content.startswith("-") and content[1:2] not in ("", " ", "\t"):
        return src.at(line, begin), (
            f"a list item needs a space after '-': write '- {_short(content[1:])}'"
        )
    tight = re.match(r"([^\s:]+):(\S.*)", content)
    if tight is not None:
        key, value = tight.groups()
        return src.at(line, begin + len(key)), (
            f"YAML needs a space after the ':' of a key: write '{key}: {_short(value)}'"
        )
    return _missing_colon(src, line, content)


def _missing_colon(src: Source, line: int, content: str) -> Found:
    """A key with no ':' at all: a lone id, a known key and its value, or anything else."""
    begin = _indent(src.lines[line])
    words = content.split(None, 1)
    if len(words) == 1:
        return src.at(line, begin + len(content)), (
            f"{_short(content)!r} has no ':' after it; a key or node id ends with ':' "
            f"(write '{_short(content)}:')"
        )
    if words[0] in _KNOWN_KEYS:
        return src.at(line, begin + len(words[0])), (
            f"the key {words[0]!r} has no ':' after it: write '{words[0]}: {_short(words[1])}'"
        )
    what = f"{_short(content)!r} is not 'key: value': add the ':' after its key"
    return src.at(line, begin), what


def _block_above(src: Source, line: int) -> Found:
    """A line that should have been the text of a ``>-`` block on the key line above."""
    for above in range(line - 1, -1, -1):
        if not src.lines[above].strip():
            continue
        pair = _KEY_LINE.match(src.lines[above])
        if pair is None or not re.fullmatch(r"[>|][-+0-9]*", pair.group("value") or ""):
            return None
        if _indent(src.lines[line]) > _indent(src.lines[above]):
            return None
        return src.at(line, _indent(src.lines[line])), (
            f"the text of a {pair.group('value')!r} block goes on the lines below its key, "
            f"indented deeper than the key: indent this line more than {pair.group('key')!r} "
            f"on line {above + 1}"
        )
    return None


def _indentation(src: Source, line: int) -> Found:
    """A line whose indentation lines it up with no key above it."""
    own = src.lines[line]
    indent = _indent(own)
    label = _KEY_LINE.match(own)
    name = repr(label.group("key")) if label is not None else "this line"
    levels: list[tuple[int, int, str]] = []  # the keys above, each less indented
    for above in range(line - 1, -1, -1):
        pair = _KEY_LINE.match(src.lines[above])
        if pair is not None and (not levels or _indent(src.lines[above]) < levels[-1][0]):
            levels.append((_indent(src.lines[above]), above, pair.group("key")))
    if not levels:
        return None
    at = src.at(line, indent)
    deeper, above, key = levels[0]
    if indent > deeper:
        return at, (
            f"{name} is indented {_spaces(indent - deeper)} more than {key!r} on line "
            f"{above + 1}; keys of one mapping line up exactly: indent it "
            f"{_spaces(deeper)}, like {key!r}"
        )
    for (high, high_line, high_key), (low, low_line, low_key) in itertools.pairwise(levels):
        if low < indent < high:
            return at, (
                f"{name} is indented {_spaces(indent)}: {high - indent} fewer than "
                f"{high_key!r} on line {high_line + 1} and {indent - low} more than "
                f"{low_key!r} on line {low_line + 1}; keys of one mapping line up exactly, "
                "so indent it like the key it goes with"
            )
    return None


def ended_early(src: Source, at: int) -> Found:
    """Why a line holds more than a key was expected: its indent, a quote, a ``[...]``."""
    line, column = src.position(at)
    before = src.lines[line][:column].rstrip()
    if not before:
        return _indentation(src, line)
    if before.endswith(('"', "'")):
        return _early_end(src, src.at(line, len(before) - 1), at)
    if before.endswith(("]", "}")):
        return _starts_with_bracket(src, line, before)
    return None


def _starts_with_bracket(src: Source, line: int, before: str) -> Found:
    """Text after a closing bracket, where the bracket opened the value: ``[sic] Text``."""
    depth = 0
    for index in range(len(before) - 1, -1, -1):
        depth += {"]": 1, "}": 1, "[": -1, "{": -1}.get(before[index], 0)
        if depth == 0:
            pair = _KEY_LINE.match(src.lines[line])
            if pair is None or pair.start("value") != index:
                return None
            what = "a list" if before[index] == "[" else "a mapping"
            return src.at(line, index), (
                f"the text starts with {before[index]!r}, which YAML reads as the start of "
                f"{what}; {QUOTE}"
            )
    return None


def _early_end(src: Source, close: int, at: int) -> Found:
    """Text after a closing quote: a quote inside the text, or a text that starts quoted."""
    text = src.text
    quote = text[close]
    opening = close - 1
    while opening >= 0:
        if text[opening] == quote:
            if quote == "'" and text[opening - 1 : opening] == "'":
                opening -= 2
                continue
            escapes = 0
            while text[opening - escapes - 1 : opening - escapes] == "\\":
                escapes += 1
            if quote == "'" or escapes % 2 == 0:
                break
        opening -= 1
    if opening < 0:
        return None
    line = src.position(close)[0]
    if src.position(opening)[0] < line:
        return opening, (
            f"the text opened here with {quote!r} is not closed on this line: it runs on to "
            f"the {quote!r} on line {line + 1}; end it with {quote!r} on this line"
        )
    if src.lines[line][src.position(at)[1] :].rstrip().endswith(quote):
        inside, other = ("an apostrophe twice ('')", '"') if quote == "'" else ('\\"', "'")
        return close, (
            f"this {quote!r} ends the quoted text early, leaving the rest of the line over; "
            f"inside {quote}...{quote} write {inside}, or use {other}...{other}"
        )
    whole = src.lines[line][src.position(opening)[1] :].rstrip()
    other = "'" if quote == '"' else '"'
    shown = whole if len(whole) <= 60 else f"{whole[:60]}…"
    return opening, (
        "the text starts with a quoted part and goes on after it, but YAML takes only the "
        f"quoted part as the text; quote the whole text: {other}{shown}{other}"
    )
