r"""Argdown (``.argdown`` files, and ``argdown`` fences in Markdown): read and write.

The grammar is read by a hand-written lexer and recursive-descent parser, not a parser
library: Argdown is line- and indentation-sensitive (relation markers count only at the
start of a line, an indentation stack decides which statement a relation hangs from,
comments vanish with their line), which fits a small stateful lexer better than a grammar
generator, and it keeps argmap free of a dependency. The parser follows the Argdown CLI's
own rules (argdown-core ``lexer.ts``/``parser.ts``) and is tested against its JSON output.

>>> imported = read("[Tax]: Taxes should rise.\n  + <Revenue>: Schools need money.")
>>> [(node.kind, node.id) for node in imported.map.nodes]
[('claim', 'Tax'), ('premise', 'Revenue')]
>>> print(write(imported.map).text.splitlines()[4])
[Tax]: Taxes should rise.
"""

from __future__ import annotations

from argmap.formats.argdown._document import parse_document
from argmap.formats.argdown._to_map import to_map
from argmap.formats.argdown._writer import write
from argmap.formats.interchange import Imported

__all__ = ["CARRIES", "read", "write"]

#: The parts of a map Argdown text carries (see docs/formats/argdown.md).
CARRIES = frozenset(
    (
        "title",
        "claim",
        "premise",
        "rebuttal",
        "recommendation",
        "main claim",
        "support",
        "linked support",
        "attack",
        "undercut",
        "basis",
        "implicit",
        "speaker",
        "participant",
        "source",
        "tag",
        "note",
        "metadata",
    )
)


def read(text: str, *, file: str | None = None) -> Imported:
    """The map an Argdown text describes; ``file`` names it and finds its ``@include``s.

    Raises :class:`~argmap.ParseError` with every syntax error, each at ``file:line:col``.
    """
    document, findings = parse_document(text, file)
    return to_map(document, findings, file)
