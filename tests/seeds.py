"""The source documents of the worked examples, split into paragraphs as their README counts.

The documents live outside the project, in ``../shared/seeds`` (see
:mod:`tests.fingerprints`); :func:`document` is ``None`` where they are absent.
"""

from __future__ import annotations

import re

from tests.fingerprints import DOCUMENTS, SEEDS

#: Blocks are separated by blank lines; a line of spaces, tabs or no-break spaces is blank.
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")


def paragraphs(text: str) -> list[str]:
    """The paragraphs of ``text``: its blocks between blank lines; paragraph N is ``[N - 1]``.

    >>> paragraphs("Title\\n\\nOne\\nstill one.\\n \\u00a0\\t\\nTwo\\n\\n\\n")
    ['Title', 'One\\nstill one.', 'Two']
    """
    return [block for block in _BLANK_LINE.split(text) if block.strip()]


def document(name: str) -> list[str] | None:
    """The paragraphs of the document the example ``name`` encodes, or None if it is absent."""
    found = sorted(SEEDS.glob(f"{DOCUMENTS[name]}_*.txt"))
    if not found:
        return None
    (path,) = found
    return paragraphs(path.read_text(encoding="utf-8"))
