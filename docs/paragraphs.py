"""An MkDocs hook that writes, on each worked example's page, what the map makes of each paragraph.

docs/examples/NAME.md holds ``<!-- paragraphs -->`` where the table goes. Each row is a
paragraph of the source document, in order, with the nodes and relations that cite it, or
the reason the map gives for leaving it out (``metadata: paragraphs-left-out:``). The
document itself is not read: the table runs to the highest paragraph the map cites or
leaves out, so the build needs nothing outside the project and gives the same page
everywhere. tests/test_citations.py checks, where the documents are, that every paragraph
is cited or left out, so that this is the document's length.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

import argmap

FOLDER = "examples"
MARKER = "<!-- paragraphs -->"
#: The metadata key that lists the paragraphs a map leaves out, by source id.
LEFT_OUT = "paragraphs-left-out"


def left_out(amap: argmap.ArgumentMap, doc: str) -> dict[int, str]:
    """The paragraphs of source ``doc`` the map leaves out, with its reasons."""
    listed: Any = amap.metadata.get(LEFT_OUT, {})
    reasons: Any = listed.get(doc, {}) if isinstance(listed, Mapping) else None
    try:
        return {int(number): " ".join(reason.split()) for number, reason in reasons.items()}
    except (AttributeError, TypeError, ValueError) as error:
        raise PluginError(
            f"metadata {LEFT_OUT!r} of {amap.title!r} must map each source id to paragraph "
            f"numbers and reasons, as in '{LEFT_OUT}: {{{doc}: {{1: The title.}}}}'"
        ) from error


def citing(amap: argmap.ArgumentMap, doc: str) -> dict[int, list[str]]:
    """Who cites each paragraph of source ``doc``: nodes, then relations, in the map's order."""
    found: dict[int, list[str]] = {}
    for item in (*amap.nodes, *amap.relations):
        # Relations carry a source only from the day the model gives them one.
        source: argmap.SourceRef | None = getattr(item, "source", None)
        if source is not None and source.doc == doc:
            for number in source.paragraphs:
                found.setdefault(number, []).append(f"`{item.id}` ({item.kind})")
    return found


def table(amap: argmap.ArgumentMap, doc: str) -> str:
    """The paragraphs of source ``doc`` as a Markdown table, one row each."""
    cited, reasons = citing(amap, doc), left_out(amap, doc)
    last = max((*cited, *reasons), default=0)
    if not last:
        return f"The map cites no paragraph of `{doc}`."
    rows = ["| Paragraph | What the map makes of it |", "|--:|---|"]
    for number in range(1, last + 1):
        said = list(cited.get(number, ()))
        if number in reasons:
            said.append("left out: " + reasons[number].replace("|", "\\|"))
        rows.append(f"| {number} | {', '.join(said) or '*not cited*'} |")
    return "\n".join(rows)


def tables(amap: argmap.ArgumentMap) -> str:
    """A table for each source of the map; under its id when there are several."""
    if len(amap.sources) == 1:
        return table(amap, amap.sources[0].id)
    return "\n\n".join(f"**`{s.id}`**\n\n{table(amap, s.id)}" for s in amap.sources)


def on_page_markdown(markdown: str, page: Page, **_: Any) -> str:
    """Put the table where an example's page has its marker."""
    folder, _slash, file = page.file.src_uri.partition("/")
    name = file.removesuffix(".md")
    if folder != FOLDER or name not in argmap.examples.names():
        return markdown
    if MARKER not in markdown:
        raise PluginError(f"docs/{page.file.src_uri} has lost its {MARKER} marker")
    return markdown.replace(MARKER, tables(argmap.examples.load(name)))
