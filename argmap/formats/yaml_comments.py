"""Comments that cut a text short: a ``#`` that YAML reads as a comment inside an author's words.

In YAML `` #`` starts a comment, so ``premise: Sunset at 5 p.m. #winter is grim.`` is the
text ``Sunset at 5 p.m.``. A comment that follows an unquoted (plain) text on its line, or
stands on the next line where the text would have gone on, cuts that text. The reader notes
each plain text a comment follows (:class:`~argmap.formats._yaml_events.Plain`, one look
per scalar as it reads); here we keep those of free-text fields and say what to do.
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.codes import Code
from argmap.findings import DocPath, Finding, Location, format_path
from argmap.formats._yaml_events import Plain
from argmap.formats.document import KEYS, resolves_plain
from argmap.formats.yaml_lines import line_column
from argmap.nodes import NODE_KINDS

__all__ = ["cut_texts"]

#: The free-text fields: every field of sources and participants, a node's text and note.
_SECTIONS = {
    "sources": frozenset(KEYS["source"]),
    "participants": frozenset(KEYS["participant"]),
    "nodes": frozenset((*NODE_KINDS, "note")),
}
#: The plain values that mean no value, where a text is wanted.
_NULLS = frozenset(("~", "null", "Null", "NULL"))
#: The free-text fields of a support or attack written as a mapping.
_RELATION_TEXTS = frozenset(("note",))
#: The keys of a node whose supports or attacks may be mappings with free-text fields.
_RELATIONS = frozenset(("supports", "attacks"))


def cut_texts(plains: Iterable[Plain], text: str, file: str | None) -> list[Finding]:
    r"""A finding for each comment that cuts a plain free-text value short, in file order.

    >>> source = "title: Sunset at 5 p.m. #winter\nnodes: {}\n"
    >>> plain = Plain(("title",), "Sunset at 5 p.m.", source.index("#"), "title")
    >>> [finding] = cut_texts([plain], source, "m.yaml")
    >>> print(finding.location, finding.code)
    m.yaml:1:25 AM113
    """
    found = [
        _finding(plain.comment, text, file, plain.path, plain.key)
        for plain in plains
        if _is_free_text(plain.path) and not _not_text(plain.value, plain.path)
    ]
    found.sort(key=lambda finding: (finding.location.line or 0, finding.location.column or 0))
    return found


def _not_text(value: str, path: DocPath) -> bool:
    """Whether a plain ``value`` is no text: a null, or in the metadata a number or yes/no.

    Where a text is wanted, ``False`` and ``1.10`` are texts as written.
    """
    return resolves_plain(value) if path[0] == "metadata" else value in _NULLS


def _is_free_text(path: DocPath) -> bool:
    """Whether ``path`` is in a free-text value: the title, the metadata, a free-text field.

    A string step is a mapping's key, a number a list's index: the path tells the shape.
    """
    head = path[0]
    if head in ("title", "metadata"):
        return True
    fields = _SECTIONS.get(head) if isinstance(head, str) else None
    if fields is None or len(path) < 3 or not isinstance(path[1], str):
        return False
    field = path[2]
    if not isinstance(field, str):
        return False
    if field in fields:
        return True
    if head != "nodes" or field not in _RELATIONS:
        return False
    rest = path[4:] if len(path) > 3 and isinstance(path[3], int) else path[3:]
    return bool(rest) and isinstance(rest[0], str) and rest[0] in _RELATION_TEXTS


def _finding(at: int, text: str, file: str | None, path: DocPath, key: str | None) -> Finding:
    line, column = line_column(text, at)
    start = at - column
    end = text.find("\n", at)
    comment = text[at : len(text) if end < 0 else end].rstrip()
    if len(comment) > 40:
        comment = f"{comment[:40]}…"
    keep = "to keep it, put the whole text in quotes (\"...\") or in a '>-' block"
    if text[start:at].strip():
        message = (
            f"' #' starts a comment in YAML, so {comment!r} is cut from the text; {keep}, "
            "or write '#' without a space before it; if it is a comment, quote the text "
            "before it"
        )
    else:
        what = "the list" if key is None else repr(key)
        message = (
            f"{comment!r} is read as a comment, not as more of the text above it; {keep}; "
            f"if it is a comment, indent it no deeper than {what}"
        )
    return Code.COMMENT_CUTS_TEXT.finding(
        f"{format_path(path)}: {message}", Location(file, line + 1, column + 1)
    )
