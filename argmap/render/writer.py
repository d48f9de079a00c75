"""DOT text, written fast: quoting, attribute lists and nested blocks.

The layout is the one the ``graphviz`` package writes (tabs, sorted attributes, the label
first), so :func:`~argmap.to_graphviz` can hand these lines to a ``graphviz.Digraph`` as
its body; building them here is several times faster than one ``Digraph`` call per element.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from types import MappingProxyType

__all__ = ["Block", "attribute_list", "quote"]

_ID = re.compile(r"([a-zA-Z_][a-zA-Z0-9_]*|-?(\.[0-9]+|[0-9]+(\.[0-9]*)?))").fullmatch
_KEYWORDS = frozenset({"graph", "subgraph", "digraph", "strict", "node", "edge"})
# A quote, escaped or not, comes out escaped once (as the graphviz package does it).
_QUOTES = re.compile(r'(?P<backslashes>(?:\\\\)*)\\?"')
_ESCAPED = r'\g<backslashes>\\"'
#: The longest quoted string written in one part, in characters: dot reads tokens of up to
#: 16,381 bytes, and a character takes up to 4 (and an escaped quote 2 characters).
_LONGEST = 4000
_NONE: Mapping[str, str | None] = MappingProxyType({})


def quote(text: str) -> str:
    """``text`` as a DOT ID: bare if it may be, an HTML-like ``<...>`` as is, else quoted.

    >>> quote("p1"), quote("p1->c"), quote("node"), quote("<<B>x</B>>"), quote("2.5")
    ('p1', '"p1->c"', '"node"', '<<B>x</B>>', '2.5')
    """
    if text.startswith("<") and text.endswith(">"):
        return text
    if len(text) > _LONGEST:
        # dot cannot read a longer token: write the text in parts, joined by DOT's ``+``.
        parts = (text[start : start + _LONGEST] for start in range(0, len(text), _LONGEST))
        return " + ".join(f'"{_QUOTES.sub(_ESCAPED, part)}"' for part in parts)
    if _ID(text) is None or text.lower() in _KEYWORDS:
        if '"' in text:
            text = _QUOTES.sub(_ESCAPED, text)
        return f'"{text}"'
    return text


def attribute_list(attributes: Mapping[str, str | None], label: str | None = None) -> str:
    """``label=... key=value ...``: the label first, then the others sorted by key.

    >>> attribute_list({"shape": "box", "color": "#000000", "width": None}, label="<x>")
    'label=<x> color="#000000" shape=box'
    """
    parts = [f"label={quote(label)}"] if label is not None else []
    parts.extend(
        f"{quote(key)}={quote(value)}"
        for key, value in sorted(attributes.items())
        if value is not None
    )
    return " ".join(parts)


class Block:
    """The lines of a graph's body, or of a subgraph nested in it, one tab deeper each.

    >>> body = Block()
    >>> body.node("c", "<claim>", {"shape": "box"})
    >>> body.edge("c", "p", {"dir": "back"})
    >>> print("".join(body.lines), end="")
        c [label=<claim> shape=box]
        c -> p [dir=back]
    """

    def __init__(self, indent: str = "\t") -> None:
        self.lines: list[str] = []
        self.indent = indent

    def add(self, line: str) -> None:
        """One statement, written as given (without its indent and newline)."""
        self.lines.append(f"{self.indent}{line}\n")

    def defaults(self, kind: str, attributes: Mapping[str, str | None]) -> None:
        """A ``graph``, ``node`` or ``edge`` default statement."""
        self.add(f"{kind} [{attribute_list(attributes)}]")

    def set(self, attributes: Mapping[str, str | None]) -> None:
        """Attributes of this (sub)graph itself: ``key=value ...`` on a line of its own."""
        self.add(attribute_list(attributes))

    def node(
        self, name: str, label: str | None = None, attributes: Mapping[str, str | None] = _NONE
    ) -> None:
        """A node statement; with no label and no attributes, just the name."""
        listed = attribute_list(attributes, label)
        self.add(f"{quote(name)} [{listed}]" if listed else quote(name))

    def edge(
        self,
        tail: str,
        head: str,
        attributes: Mapping[str, str | None] = _NONE,
        label: str | None = None,
    ) -> None:
        """An edge statement ``tail -> head``."""
        listed = attribute_list(attributes, label)
        self.add(f"{quote(tail)} -> {quote(head)}" + (f" [{listed}]" if listed else ""))

    @contextmanager
    def subgraph(self, name: str | None = None) -> Iterator[Block]:
        """A nested block: a named subgraph (``cluster_...`` draws a box) or an anonymous one."""
        inner = Block(self.indent + "\t")
        yield inner
        opening = f"subgraph {quote(name)} {{" if name else "{"
        self.lines.append(f"{self.indent}{opening}\n")
        self.lines.extend(inner.lines)
        self.lines.append(f"{self.indent}}}\n")
