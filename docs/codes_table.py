"""An MkDocs hook that writes the table of finding codes into docs/checks.md from the registry.

The page holds ``<!-- codes -->`` where the table goes; each row comes from
:class:`argmap.Code`, the one place a code's name, severity and summary live.
"""

from __future__ import annotations

from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

import argmap

PAGE = "checks.md"
MARKER = "<!-- codes -->"


def table() -> str:
    """The codes as a Markdown table, each linked to its section of the page."""
    rows = ["| Code | Name | Severity | What it means |", "|---|---|---|---|"]
    for code in argmap.Code:
        anchor = f"{code.value}-{code.slug}".lower()
        rows.append(
            f"| [`{code.value}`](#{anchor}) | {code.slug} | {code.severity} | {code.summary} |"
        )
    return "\n".join(rows)


def on_page_markdown(markdown: str, page: Page, **_: Any) -> str:
    """Put the table where the checks page has its marker."""
    if page.file.src_uri != PAGE:
        return markdown
    if MARKER not in markdown:
        raise PluginError(f"docs/{PAGE} has lost its {MARKER} marker")
    return markdown.replace(MARKER, table())
