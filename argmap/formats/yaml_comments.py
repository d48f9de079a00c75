"""Comments that cut a text short: a ``#`` that YAML reads as a comment inside an author's words.

In YAML `` #`` starts a comment, so ``premise: Sunset at 5 p.m. #winter is grim.`` is the
text ``Sunset at 5 p.m.``. A comment that follows an unquoted (plain) text on its line, or
stands on the next line where the text would have gone on, cuts that text; we find each
one from the end mark of the plain scalars in free-text fields, one look per scalar.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from argmap.codes import Code
from argmap.findings import DocPath, Finding, Location, format_path
from argmap.formats.document import KEYS, resolves_plain
from argmap.formats.yaml_lines import line_column
from argmap.nodes import NODE_KINDS

__all__ = ["cut_texts"]

#: After a plain scalar: a comment on its line (group 1), or on a following line, after
#: blank lines only, indented by group 2.
_AFTER = re.compile(r"[ \t]*(?:(#)|\r?\n(?:[ \t]*\r?\n)*([ \t]*)#)")

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


def cut_texts(root: yaml.Node, text: str, file: str | None) -> list[Finding]:
    r"""A finding for each comment that cuts a plain free-text value short, in file order.

    >>> from argmap.formats.yaml_format import compose
    >>> source = "title: Sunset at 5 p.m. #winter\nnodes: {}\n"
    >>> [finding] = cut_texts(compose(source, "m.yaml"), source, "m.yaml")
    >>> print(finding.location, finding.code)
    m.yaml:1:25 AM113
    """
    if "#" not in text or not isinstance(root, yaml.MappingNode):
        return []
    found = []
    for path, key, value in _free_texts(root):
        for scalar, parent, where in _plain_scalars(value, key, path):
            cut = _cut(scalar, parent.start_mark.column, text)
            if cut is not None and not _not_text(scalar.value, path):
                found.append(_finding(cut, text, file, where, parent.value))
    found.sort(key=lambda finding: (finding.location.line or 0, finding.location.column or 0))
    return found


def _not_text(value: str, path: DocPath) -> bool:
    """Whether a plain ``value`` is no text: a null, or in the metadata a number or yes/no.

    Where a text is wanted, ``False`` and ``1.10`` are texts as written.
    """
    return resolves_plain(value) if path[0] == "metadata" else value in _NULLS


def _free_texts(root: yaml.MappingNode) -> Iterator[tuple[DocPath, yaml.Node, yaml.Node]]:
    """Each free-text value of the document: its path, its key node and its value node."""
    for key, value in root.value:
        name = key.value
        if name in ("title", "metadata"):
            yield (name,), key, value
        elif name in _SECTIONS and isinstance(value, yaml.MappingNode):
            fields = _SECTIONS[name]
            for ident, item in value.value:
                if not isinstance(item, yaml.MappingNode):
                    continue
                for field, field_value in item.value:
                    if field.value in fields:
                        yield (name, ident.value, field.value), field, field_value
                    elif name == "nodes" and field.value in ("supports", "attacks"):
                        yield from _relation_notes(field_value, (name, ident.value, field.value))


def _relation_notes(
    value: yaml.Node, path: DocPath
) -> Iterator[tuple[DocPath, yaml.Node, yaml.Node]]:
    """The notes of a node's supports or attacks written as mappings."""
    items = enumerate(value.value) if isinstance(value, yaml.SequenceNode) else [(None, value)]
    for index, item in items:
        if isinstance(item, yaml.MappingNode):
            for key, note in item.value:
                if key.value in _RELATION_TEXTS:
                    where = path if index is None else (*path, index)
                    yield (*where, key.value), key, note


def _plain_scalars(
    node: yaml.Node, parent: yaml.Node, path: DocPath
) -> Iterator[tuple[yaml.ScalarNode, yaml.Node, DocPath]]:
    """The plain scalars holding words in ``node``, with the key or list they hang from.

    Each comes with its path in the document.
    """
    if isinstance(node, yaml.ScalarNode):
        if not node.style and node.value:
            yield node, parent, path
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _plain_scalars(item, node, (*path, index))
    elif isinstance(node, yaml.MappingNode):  # metadata: values, not keys
        for key, value in node.value:
            yield from _plain_scalars(value, key, (*path, str(key.value)))


def _cut(scalar: yaml.ScalarNode, column: int, text: str) -> int | None:
    """Where the comment that cut ``scalar`` starts, or None if none did."""
    after = _AFTER.match(text, scalar.end_mark.index)
    if after is None:
        return None
    if after.group(1) is None and len(after.group(2)) <= column:
        return None  # a comment line of the enclosing mapping, not of this text
    return after.end() - 1


def _finding(at: int, text: str, file: str | None, path: DocPath, key: object) -> Finding:
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
        what = "the list" if not isinstance(key, str) else repr(key)
        message = (
            f"{comment!r} is read as a comment, not as more of the text above it; {keep}; "
            f"if it is a comment, indent it no deeper than {what}"
        )
    return Code.COMMENT_CUTS_TEXT.finding(
        f"{format_path(path)}: {message}", Location(file, line + 1, column + 1)
    )
