"""The map document: the plain data YAML and JSON share, to and from the model.

Both formats parse to the same tree of dicts, lists and scalars; this package turns that
tree into an :class:`~argmap.ArgumentMap` (collecting every problem, each with its
document path) and back. YAML scalars arrive as :class:`Scalar` strings that remember
how they were written, so that ``country: NO`` stays the text ``"NO"``.

One concern a module: the keys (``_schema``), plain values (``_values``), the general
reader (``_scalars`` for values, ``_nodes`` for nodes and relations, ``_reader`` for the
whole document and where its findings are), the fast reader of clean nodes (``_fast``)
and the writer (``_writer``).
"""

from __future__ import annotations

from argmap.formats.document._reader import from_document
from argmap.formats.document._schema import FORMAT_VERSION, KEYS
from argmap.formats.document._values import InputError, Scalar, resolves_plain
from argmap.formats.document._writer import to_document

__all__ = [
    "FORMAT_VERSION",
    "KEYS",
    "InputError",
    "Scalar",
    "from_document",
    "resolves_plain",
    "to_document",
]
