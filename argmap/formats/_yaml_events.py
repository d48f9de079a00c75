"""The YAML reader's one pass over the parser's events: document data, and no node tree.

PyYAML's composer keeps a node, with two marks, for every scalar until the whole document is
composed: some fifty times the size of a file of short texts, where the data itself is
fifteen. Here each event becomes data as it comes, and is dropped; all that is kept besides
the data is the start event of each open mapping and list and of the key being read (where
a text hangs from), and the plain texts a comment follows.
"""

from __future__ import annotations

import re
import sys
from typing import Any

import attrs
import yaml
from yaml.events import (
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from argmap.codes import Code
from argmap.findings import DocPath, Finding, Location
from argmap.formats.document import InputError, Scalar

__all__ = ["Document", "Duplicate", "Plain", "read_events"]

_STR = "tag:yaml.org,2002:str"
#: The tags a value may carry: none, the non-specific ``!``, and the plain ones.
_VALUE_TAGS = frozenset((None, "!", _STR, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"))
#: The tags a key may carry: those that leave it text.
_KEY_TAGS = frozenset((None, "!", _STR))

#: What is said of an anchor or an alias.
_ANCHORS = (
    "YAML anchors and aliases (&name, *name) are not allowed in a map file; write the value out"
)

#: After a plain scalar: a comment on its line (group 1), or on a following line, after
#: blank lines only, indented by group 2.
_AFTER = re.compile(r"[ \t]*(?:(#)|\r?\n(?:[ \t]*\r?\n)*([ \t]*)#)")

#: Where the reader is in a mapping: a key comes next.
_KEY: Any = object()
#: The key of a value whose key was no text (refused already).
_NO_KEY: Any = object()


@attrs.frozen
class Plain:
    """A plain text that a comment follows, which may have cut it short.

    ``key`` is the key it is the value of, or ``None`` in a list.
    """

    path: DocPath
    value: str
    comment: int  # where the comment starts in the text
    key: str | None


@attrs.define(eq=False)
class Duplicate:
    """A key written a second time in one mapping; its second value is read into ``mapping``.

    It is its own key there, so that the first value stays as it was.
    """

    path: DocPath  # of the mapping
    key: str
    location: Location  # of the second key
    first: Any  # the first value
    mapping: dict[Any, Any] = attrs.field(repr=False)

    @property
    def second(self) -> Any:
        """The value written after the second key."""
        return self.mapping.get(self)


@attrs.frozen
class Document:
    """What the events said: the data, the first thing refused in it, if any.

    And the plain texts a comment follows, while nothing is refused.
    """

    data: Any
    refused: Finding | Duplicate | None
    plains: list[Plain]


def _at(event: Any, file: str | None, code: Code, message: str) -> Finding:
    mark = event.start_mark
    return code.finding(message, Location(file, mark.line + 1, mark.column + 1))


def _path(stack: list[tuple[Any, Any, Any, Any]]) -> DocPath:
    """The document path of the mapping or list now being read."""
    return tuple(
        parent_key if type(parent) is dict else len(parent)
        for parent, parent_key, _, _ in stack[1:]
    )


# One loop with its cases inline: a function call per event (a million and a half in an 8 MB
# file) would make it a third slower.
def read_events(loader: Any, text: str, file: str | None) -> Document | None:  # noqa: PLR0912, PLR0915
    """The document in ``loader``'s events, or None if the stream holds none.

    Anchors and aliases are an :class:`InputError` at once, and nesting too deep for a map
    a :class:`RecursionError`; a syntax error is the parser's :class:`yaml.YAMLError`.
    Anything else a map file may not hold (tags, merge keys, keys that are no text, a key
    written twice) is noted, the first only, and the events are read on to their end: an
    anchor or a syntax error further on is told instead, as PyYAML's composer would.
    """
    get_event = loader.get_event
    get_event()  # the stream's start
    if loader.check_event(StreamEndEvent):
        get_event()
        return None
    get_event()  # the document's start
    comments = "#" in text
    # No map nests past some seventy levels (its metadata stops at 64). Past a third of
    # Python's recursion limit, where PyYAML's own composer would stop, a document is
    # nested too deeply to be one.
    limit = sys.getrecursionlimit() // 3 - 20
    refused: Finding | Duplicate | None = None
    plains: list[Plain] = []
    memo: dict[str, str] = {}  # one string for each key, as json.loads does
    # The open collections around the one being read, each with the key (or _KEY) its
    # value goes under, the event of that key, and its own start event.
    stack: list[tuple[Any, Any, Any, Any]] = []
    container: Any = None  # the mapping or list being read; None around the root
    key: Any = _KEY
    key_event: Any = None
    opener: Any = None
    first = loader.peek_event()  # where the document starts
    while True:
        event = get_event()
        kind = type(event)
        if kind is ScalarEvent:
            if event.anchor is not None:
                raise InputError(_at(event, file, Code.FORBIDDEN_YAML, _ANCHORS))
            if key is _KEY and type(container) is dict:
                name = event.value
                name = memo.setdefault(name, name)
                if refused is None:
                    if event.tag not in _KEY_TAGS:
                        refused = _at(
                            event, file, Code.FORBIDDEN_YAML, "mapping keys must be plain text"
                        )
                    elif name == "<<" and not event.style:  # libyaml gives plain style as ''
                        refused = _at(
                            event,
                            file,
                            Code.FORBIDDEN_YAML,
                            "YAML merge keys ('<<') are not allowed",
                        )
                    elif name in container:
                        mark = event.start_mark
                        refused = Duplicate(
                            _path(stack),
                            name,
                            Location(file, mark.line + 1, mark.column + 1),
                            container[name],
                            container,
                        )
                        name = refused
                key = name
                key_event = event
                continue
            style = event.style
            if refused is None:
                if event.tag not in _VALUE_TAGS:
                    refused = _tag(event, file)
                elif comments and not style and event.value and container is not None:
                    in_mapping = type(container) is dict
                    found = _comment(event, key_event if in_mapping else opener, text)
                    if found is not None:
                        step = key if in_mapping else len(container)
                        plains.append(
                            Plain(
                                (*_path(stack), step),
                                event.value,
                                found,
                                key if in_mapping else None,
                            )
                        )
            value: Any = Scalar(event.value, style or None)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None:
                raise InputError(_at(event, file, Code.FORBIDDEN_YAML, _ANCHORS))
            if refused is None:
                if key is _KEY and type(container) is dict:
                    refused = _at(
                        event, file, Code.FORBIDDEN_YAML, "mapping keys must be plain text"
                    )
                elif event.tag not in _VALUE_TAGS:
                    refused = _tag(event, file)
            stack.append((container, key, key_event, opener))
            if len(stack) > limit:
                raise RecursionError("the document is nested too deeply")
            container = {} if kind is MappingStartEvent else []
            key = _KEY
            opener = event
            continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            value = container
            container, key, key_event, opener = stack.pop()
        else:  # an alias: the only other event inside a document
            raise InputError(_at(event, file, Code.FORBIDDEN_YAML, _ANCHORS))
        if container is None:
            break
        if type(container) is list:
            container.append(value)
        elif key is _KEY:  # a mapping or list as a key, refused above
            key = _NO_KEY
        else:
            container[key] = value
            key = _KEY
    get_event()  # the document's end
    if not loader.check_event(StreamEndEvent):
        raise yaml.composer.ComposerError(
            "expected a single document in the stream",
            first.start_mark,
            "but found another document",
            get_event().start_mark,
        )
    get_event()
    return Document(value, refused, plains if refused is None else [])


def _tag(event: Any, file: str | None) -> Finding:
    tag = str(event.tag).replace("tag:yaml.org,2002:", "!!")
    return _at(
        event, file, Code.FORBIDDEN_YAML, f"YAML tags such as {tag!r} are not allowed in a map file"
    )


def _comment(event: Any, parent: Any, text: str) -> int | None:
    """Where the comment after the plain scalar of ``event`` starts, if one follows it.

    A comment on a line of its own belongs to the text only when it is indented deeper
    than the key or list the text hangs from (``parent``).
    """
    after = _AFTER.match(text, event.end_mark.index)
    if after is None:
        return None
    if after.group(1) is None and len(after.group(2)) <= parent.start_mark.column:
        return None  # a comment line of the enclosing mapping, not of this text
    return after.end() - 1
