"""The worked examples, mistyped as authors mistype: never read with a word silently lost.

Each test takes an example map's YAML, makes one mistake in it (a `` #`` or a ``: `` in a
text, a tab or a shifted indentation, a key written twice), and reads it. The file must
either be rejected with located findings, or be read with every text of the original map
kept, and whatever the mistake added kept too.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, ParseError

#: A line holding a free text in plain (unquoted) style: a node's text, a note, a title.
_PLAIN_TEXT_LINE = re.compile(
    r"^(?P<indent> *)(?P<key>claim|premise|rebuttal|recommendation|note|title|name): "
    r"(?P<value>[^\"'>|\[{&*!%@`#\s].*)$"
)
_INDENTED = re.compile(r"^( +)\S")
#: A line holding one of the format's keys (not a line of a folded text that has a colon).
_KEY_LINE = re.compile(
    r"^ +(claim|premise|rebuttal|recommendation|main|basis|implicit|supports|attacks|"
    r"speaker|source|tags|note|title|name|doc|paragraphs|to|with|id):( |$)"
)
#: What a mutation adds; if the file still reads, this must be somewhere in the map.
MARK = "zqx"


def _sources() -> dict[str, str]:
    return {name: argmap.examples.path(name).read_text("utf-8") for name in argmap.examples.names()}


SOURCES = _sources()


def _texts(amap: ArgumentMap) -> Counter[str]:
    """Every text of the map, as its words: a changed space loses no word."""
    texts = [amap.title, *(participant.name for participant in amap.participants)]
    for node in amap.nodes:
        texts.append(node.text)
        if node.note is not None:
            texts.append(node.note)
    return Counter(" ".join(text.split()) for text in texts)


ORIGINALS = {name: _texts(argmap.loads(text)) for name, text in SOURCES.items()}


def _read(text: str) -> ArgumentMap | ParseError:
    try:
        return argmap.loads(text, file="m.yaml")
    except ParseError as error:
        return error


def _assert_kept_or_located(name: str, text: str, added: str | None) -> None:
    result = _read(text)
    if isinstance(result, ParseError):
        assert result.findings, "a ParseError with no finding"
        for finding in result.findings:
            assert finding.location.line is not None, f"finding without a line: {finding}"
        return
    kept = _texts(result)
    lost = ORIGINALS[name] - kept
    if added is None:
        assert not lost, f"read without error, but these texts changed: {sorted(lost)[:3]}"
    else:
        everything = "\n".join(kept) + argmap.dumps(result)
        assert added in everything, f"read without error, but {added!r} was dropped"


@dataclass(frozen=True)
class Mistake:
    """One mistake in one example: shown by the line it made, not the whole file."""

    name: str
    line: int
    made: str
    text: str
    added: str | None

    def __repr__(self) -> str:
        return f"Mistake({self.name}.yaml:{self.line}: {self.made!r})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))


@st.composite
def _mistakes(draw: st.DrawFn) -> Mistake:
    name = draw(st.sampled_from(sorted(SOURCES)))
    lines = SOURCES[name].split("\n")
    kind = draw(st.sampled_from(["comment", "colon", "tab", "indent", "duplicate"]))
    added: str | None = None
    if kind in ("comment", "colon"):
        candidates = [
            i
            for i, line in enumerate(lines)
            if (match := _PLAIN_TEXT_LINE.match(line)) and " " in match["value"]
        ]
        index = draw(st.sampled_from(candidates))
        match = _PLAIN_TEXT_LINE.match(lines[index])
        assert match is not None
        value = match["value"]
        spaces = [i for i, char in enumerate(value) if char == " "]
        cut = draw(st.sampled_from(spaces))
        added = f"{MARK}{index}"
        insert = f" #{added} " if kind == "comment" else f": {added} "
        lines[index] = f"{match['indent']}{match['key']}: {value[:cut]}{insert}{value[cut + 1 :]}"
    else:
        candidates = [i for i, line in enumerate(lines) if _INDENTED.match(line)]
        if kind == "duplicate":
            candidates = [i for i in candidates if _KEY_LINE.match(lines[i])]
        index = draw(st.sampled_from(candidates))
        line = lines[index]
        if kind == "tab":
            lines[index] = "\t" + line[2:] if line.startswith("  ") else "\t" + line[1:]
        elif kind == "indent":
            lines[index] = line[1:] if draw(st.booleans()) else " " + line
        else:
            lines.insert(index + 1, line)
    return Mistake(name, index + 1, lines[index], "\n".join(lines), added)


@given(_mistakes())
def test_a_mistyped_example_is_read_whole_or_rejected_with_located_findings(
    mistake: Mistake,
) -> None:
    _assert_kept_or_located(mistake.name, mistake.text, mistake.added)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_every_example_as_written_reads_with_its_texts(name: str) -> None:
    _assert_kept_or_located(name, SOURCES[name], None)
