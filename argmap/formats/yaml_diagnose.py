"""YAML syntax errors explained in an author's terms: where the mistake is, and how to fix it.

PyYAML says what its parser expected where it stopped ("mapping values are not allowed
here"), often a line after the mistake. We recognise the usual mistakes from its problem
and context (in libyaml's words or the pure-Python parser's) and the source around them,
and point at the mistake itself; anything else keeps the parser's words. The mistakes seen
in the shape of lines are in :mod:`argmap.formats.yaml_lines`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs
import yaml

from argmap.codes import Code
from argmap.findings import Finding, Location
from argmap.formats.yaml_lines import QUOTE, Found, Source, colon, ended_early, no_colon
from argmap.invariants import describe_char

__all__ = ["diagnose"]

#: What YAML refuses to read at all (PyYAML's reader's rule).
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
#: Line breaks to YAML that an editor shows as none.
_BREAKS = {
    "\x85": "NEXT LINE (U+0085)",
    "\u2028": "LINE SEPARATOR (U+2028)",
    "\u2029": "PARAGRAPH SEPARATOR (U+2029)",
}


@attrs.frozen
class _Error:
    """A parser's error, its marks turned into indexes of the text."""

    problem: str
    context: str
    at: int  # where the parser stopped
    start: int | None  # where what it was reading started


def diagnose(error: yaml.YAMLError, text: str, file: str | None) -> Finding:
    r"""An AM101 finding for a YAML error in ``text``, at the mistake, saying how to fix it.

    >>> text = "title: T\nnodes:\n  p:\n    premise: Growth slowed: exports fell.\n"
    >>> try:
    ...     yaml.compose(text, Loader=yaml.SafeLoader)
    ... except yaml.YAMLError as error:
    ...     print(diagnose(error, text, "m.yaml").location)
    m.yaml:4:14
    """
    src = Source(text)
    found = _explain(error, src)
    if found is None:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        parts = (getattr(error, "context", None), getattr(error, "problem", None))
        words = " ".join(str(part) for part in parts if part) or str(error).splitlines()[0]
        found = (min(mark.index, len(text)) if mark else 0), f"invalid YAML: {words}"
    index, message = found
    line, column = src.position(index)
    return Code.SYNTAX.finding(message, Location(file, line + 1, column + 1))


def _explain(error: yaml.YAMLError, src: Source) -> Found:
    if isinstance(error, yaml.reader.ReaderError):
        bad = _NON_PRINTABLE.search(src.text)
        what = describe_char(bad.group()) if bad else "a character YAML does not allow"
        return (
            bad.start() if bad else 0
        ), f"the file holds {what}, which YAML does not allow; remove it"
    if not isinstance(error, yaml.MarkedYAMLError) or error.problem_mark is None:
        return None
    size = len(src.text)
    context_mark = error.context_mark
    err = _Error(
        str(error.problem or ""),
        str(error.context or ""),
        min(error.problem_mark.index, size),
        None if context_mark is None else min(context_mark.index, size),
    )
    for recognise in _RECOGNISERS:
        found = recognise(src, err)
        if found is not None:
            return found
    return None


def _characters(src: Source, err: _Error) -> Found:
    """A tab in the indentation, or a line break an editor shows as none."""
    for index in (err.at, err.start):
        if index is None:
            continue
        line = src.position(index)[0]
        text = src.lines[line]
        for char, name in _BREAKS.items():
            if char in text:
                return src.at(line, text.index(char)), (
                    f"this line holds the invisible character {name}, which YAML reads as a "
                    "line break; remove it"
                )
        lead = text[: len(text) - len(text.lstrip(" \t"))]
        if "\t" in lead:
            return src.at(line, lead.index("\t")), (
                "this line is indented with a tab, which YAML does not allow; indent with "
                "spaces only"
            )
    if "cannot start any token" in err.problem and src.text[err.at : err.at + 1] == "\t":
        # PyYAML without libyaml takes no tab after a key's ':' or in '{...}'.
        return err.at, "a tab where this YAML reader takes only spaces; replace it with a space"
    return None


def _documents(src: Source, err: _Error) -> Found:
    """A second document (``---``), or text after the end of the first (``...``)."""
    at = err.at
    if "expected a single document" in err.context:
        if src.text.startswith("---", at):
            return at, (
                "'---' starts a second YAML document here, but a map file holds one map; "
                "remove this line (to set parts of a map apart, use a blank line or a comment)"
            )
        return at, "a second YAML document starts here, but a map file holds one map; remove it"
    if "<document start>" not in err.problem:
        return None
    line = src.position(at)[0]
    ends = [n for n in range(line) if src.lines[n].rstrip() == "..."]
    if ends:
        return at, (
            f"text after the '...' on line {ends[-1] + 1}, which ends the YAML document: a "
            "map file holds one map; remove the '...' line, or what follows it"
        )
    return at, (
        "text after the end of the YAML document: a map file holds one map; remove it, "
        "or move it into the map"
    )


def _keys(src: Source, err: _Error) -> Found:
    """A ': ' in a text, a key on a text's next line, a key with no ':' or no space after."""
    if "mapping values are not allowed" in err.problem:
        return colon(src, err.at)
    if "could not find expected ':'" in err.problem and err.start is not None:
        return no_colon(src, src.position(err.start)[0])
    if "found unexpected ':'" in err.problem and err.start is not None:  # libyaml, in {...}
        line, column = src.position(err.at)
        value, depth = "", 0
        for char in src.lines[line][column + 1 :]:
            depth += {"[": 1, "{": 1, "]": -1, "}": -1}.get(char, 0)
            if depth < 0 or (depth == 0 and char == ","):
                break
            value += char
        shown = f"{src.text[err.start : err.at]}: {value.strip()}"
        return err.at, f"YAML needs a space after the ':' of a key: write '{shown}'"
    return None


def _quotes(src: Source, err: _Error) -> Found:
    """A quoted text never closed, or an escape double quotes do not know."""
    if "quoted scalar" not in err.context or err.start is None:
        return None
    text = src.text
    if "escape" not in err.problem:
        quote = text[err.start]
        return err.start, (
            f"the text opened here with {quote!r} is never closed: end it with {quote!r}"
        )
    at = err.at - 1 if text[err.at : err.at + 1] != "\\" else err.at  # libyaml: at the '\'
    return at, (
        f"'{text[at : at + 2]}' is not an escape YAML knows: inside \"...\" a backslash "
        "starts one, such as \\n; write \\\\ for a backslash, or put the text in single "
        "quotes ('...')"
    )


def _flows(src: Source, err: _Error) -> Found:
    """A ``[`` or ``{`` never closed, or a comma missing between their items."""
    if not err.context.startswith("while parsing a flow"):
        return None
    if "flow node" in err.context or err.start is None:  # only the end of input was found
        depth = 0
        for index in range(err.at - 1, -1, -1):
            depth += {"]": 1, "}": 1, "[": -1, "{": -1}.get(src.text[index], 0)
            if depth < 0:
                return _flow(src, index, len(src.text))
        return None
    return _flow(src, err.start, err.at)


def _flow(src: Source, start: int, at: int) -> Found:
    opener = src.text[start]
    closer, what = ("]", "list") if opener == "[" else ("}", "mapping")
    line = src.position(start)[0]
    if src.position(at)[0] == line and closer in src.lines[line][src.position(at)[1] :]:
        items = "items of a [...] list" if opener == "[" else "entries of a {...} mapping"
        return at, f"a ',' is missing before this: the {items} are separated by commas"
    rest = src.lines[line][src.position(start)[1] :]
    comment = re.search(r"[ \t]#", rest)
    if comment is not None and closer in rest[comment.end() :]:
        return start + comment.end() - 1, (
            f"' #' starts a comment in YAML, which hides the rest of the line, its {closer!r} "
            "too; put the text that holds the '#' in quotes (\"...\")"
        )
    return start, f"the {what} opened here with {opener!r} is never closed: end it with {closer!r}"


def _blocks(src: Source, err: _Error) -> Found:
    """``did not find expected key``: a stray list item, a bad indent, a text ended early."""
    at = err.at
    if err.context.startswith("while parsing a block collection") and err.start is not None:
        at = err.start
    elif not err.context.startswith("while parsing a block mapping"):
        return None
    text = src.text
    char = text[at : at + 1]
    if char == "-" and text[at + 1 : at + 2] in ("", " ", "\t", "\n", "\r"):
        return at, (
            "a list item ('- ') among 'key: value' lines; remove the '- ', or write the "
            "list under its key, as in 'supports: [a, b]'"
        )
    if char in ("]", "}"):
        return at, f"a {char!r} that closes nothing; remove it"
    return ended_early(src, at)


def _reserved(src: Source, err: _Error) -> Found:
    """A text that starts with a character YAML gives a meaning: ``*``, ``@``, ``- ``, ``>``."""
    text, at, start = src.text, err.at, err.start
    if err.context.startswith(("while scanning an alias", "while scanning an anchor")) and (
        start is not None
    ):
        return start, (
            f"a text cannot start with {text[start]!r}, which YAML reads as a reference "
            f"to a value named elsewhere; {QUOTE}"
        )
    if err.context.startswith("while scanning a block scalar") and start is not None:
        return at, (
            f"a {text[start:at].strip()!r} block starts its text on the next line: move the "
            "text there, indented deeper than its key"
        )
    if "cannot start any token" in err.problem and text[at : at + 1] in ("@", "`"):
        return at, f"a text cannot start with {text[at]!r}, which YAML reserves; {QUOTE}"
    if "are not allowed" in err.problem and text[at : at + 1] in ("-", "?"):
        what = "list item" if text[at] == "-" else "key"
        return at, (
            f"a text cannot start with '{text[at]} ', which YAML reads as the start of a "
            f"{what}; {QUOTE}"
        )
    return None


_RECOGNISERS: tuple[Callable[[Source, _Error], Found], ...] = (
    _characters,
    _documents,
    _keys,
    _quotes,
    _flows,
    _blocks,
    _reserved,
)
