"""Where each key and list item of a YAML document is written, kept small for the locator.

Made from the parser's events, only when a finding needs a line: each mapping becomes a
dict from its keys (a flat tuple ``key, entry, key, entry, ...`` when it has few) and each
list a list; an entry is a position (line and column in one int) for a scalar, or the
position and the members of a mapping or list. A mapping's entry is at its key, a list's at
its item. That is a tenth of the size of PyYAML's node tree, and no recursion.
"""

from __future__ import annotations

from typing import Any

from yaml.events import (
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from argmap.findings import DocPath

__all__ = ["find", "positions"]

#: A position is ``line * _COLUMNS + column``, both from 0.
_COLUMNS = 1 << 32
#: Mappings with at most this many keys are kept as flat tuples, not dicts.
_SMALL = 8

#: Where a reader is in a mapping: a key comes next.
_KEY: Any = object()
#: The key of a value whose key was a mapping or a list.
_NO_KEY: Any = object()


def positions(loader: Any) -> Any:
    """The entry of the one document in ``loader``'s events (read to their end)."""
    get_event = loader.get_event
    get_event()  # the stream's start
    get_event()  # the document's start
    names: dict[str, str] = {}  # one string for each key
    stack: list[tuple[Any, Any, int, int]] = []
    members: Any = None  # of the mapping or list being read; None around the root
    key: Any = _KEY
    key_at = 0
    while True:
        event = get_event()
        kind = type(event)
        mark = event.start_mark
        at = mark.line * _COLUMNS + mark.column
        if kind is MappingStartEvent or kind is SequenceStartEvent:
            stack.append((members, key, key_at, at))
            members = {} if kind is MappingStartEvent else []
            key = _KEY
            continue
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            if type(members) is dict and len(members) <= _SMALL:
                members = tuple(item for pair in members.items() for item in pair)
            child = members
            members, key, key_at, at = stack.pop()
            entry: Any = (at, child)
        elif key is _KEY and type(members) is dict and kind is ScalarEvent:
            key = names.setdefault(event.value, event.value)
            key_at = at
            continue
        else:  # a scalar (or an alias, which the reader refuses)
            entry = at
        if members is None:
            break
        if type(members) is list:
            members.append(entry)
        elif key is _KEY:  # a mapping or a list as a key, which the reader refuses
            key = _NO_KEY
        else:
            if key is not _NO_KEY and key not in members:  # the first occurrence wins
                members[key] = key_at if type(entry) is int else (key_at, entry[1])
            key = _KEY
    get_event()  # the document's end
    get_event()  # the stream's end
    return entry


def find(entry: Any, path: DocPath) -> tuple[int, int]:
    """The 1-based line and column of ``path``, or of as much of it as is written."""
    at, members = (entry, None) if type(entry) is int else entry
    for step in path:
        found: Any = None
        if type(members) is dict:
            found = members.get(str(step))
        elif type(members) is tuple:
            name = str(step)
            if name in members:  # keys are the only strings in the tuple
                found = members[members.index(name) + 1]
        elif type(members) is list and isinstance(step, int) and step < len(members):
            found = members[step]
        if found is None:
            break
        at, members = (found, None) if type(found) is int else found
    line, column = divmod(at, _COLUMNS)
    return line + 1, column + 1
