"""The argument as an outline to read, print or hand out: Markdown, plain text or HTML."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Literal, get_args

from argmap.analysis.framework import Labelling
from argmap.argument_map import ArgumentMap
from argmap.render._evaluation import check_labelling, semantics_note
from argmap.render._outline_tree import outline_sections
from argmap.render._outline_words import (
    Piece,
    entry_pieces,
    heading_pieces,
    plain,
    sign,
    source_pieces,
)
from argmap.render.outline_html import outline_html

__all__ = ["OUTLINE_FORMATS", "OutlineFormat", "to_outline"]

#: The formats :func:`to_outline` writes.
OutlineFormat = Literal["markdown", "text", "html"]
OUTLINE_FORMATS: tuple[OutlineFormat, ...] = get_args(OutlineFormat)

#: Writes an entry's pieces in a format.
_Writer = Callable[[list[Piece]], str]


def to_outline(
    amap: ArgumentMap, *, format: OutlineFormat = "markdown", labelling: Labelling | None = None
) -> str:
    r"""The argument as an indented outline, from each main claim down; deterministic.

    Each main claim has a section: the claim, then what supports it (``+``; linked
    co-premises together, as one entry), then what attacks it (``-``), each followed by
    its own reasons and objections; an undercut (``_``) comes under the support it
    attacks. Every entry gives the node's kind, id, basis, speaker, place in the sources
    (``¶5``) and text as typed. A node met again is written once and then referred to
    (``see 1.2``). The nodes no main claim reaches follow, in a section of their own,
    then the sources.

    A ``labelling`` (an evaluation, :class:`~argmap.Labelling`) adds each labelled
    node's label after its details (``[IN]``, ``[OUT]``, ``[UNDEC]``) and names its
    semantics under the title; labelling an id the map lacks is a ``ValueError``.

    ``format`` is ``"markdown"``, ``"text"`` or ``"html"`` (a whole page; for a part of
    a page, see :func:`~argmap.outline_html`). The examples leave out blank lines.

    >>> import argmap
    >>> m = (argmap.MapBuilder("Trees").claim("c", "Cities should plant trees.", main=True)
    ...      .premise("p", "Trees cool streets.", supports="c", basis="fact")
    ...      .rebuttal("r", "Trees cost *money*.", attacks="c").build())
    >>> print(argmap.to_outline(m))
    # Trees
    ## Main claim `c`
    - 1 Main claim `c`: Cities should plant trees.
        - `+` 1.1 Supported by premise `p` (fact): Trees cool streets.
        - `-` 1.2 Attacked by rebuttal `r`: Trees cost \*money\*.
    >>> print(argmap.to_outline(m, format="text"))
    Trees
    Main claim c
    1 Main claim c: Cities should plant trees.
      + 1.1 Supported by premise p (fact): Trees cool streets.
      - 1.2 Attacked by rebuttal r: Trees cost *money*.
    """
    check_labelling(amap, labelling)
    if format == "html":
        return _page(amap, labelling)
    if format == "markdown":
        return _written(
            amap, _markdown, labelling, title="# ", heading="## ", indent="    ", item="- "
        )
    if format == "text":
        return _written(amap, plain, labelling, title="", heading="", indent="  ", item="")
    allowed = ", ".join(map(repr, OUTLINE_FORMATS))
    raise ValueError(f"format must be one of {allowed}; got {format!r}")


def _written(
    amap: ArgumentMap,
    write: _Writer,
    labelling: Labelling | None,
    *,
    title: str,
    heading: str,
    indent: str,
    item: str,
) -> str:
    """The outline in Markdown or text: headings, then entries as items indented a level each."""
    out = [f"{title}{write([Piece('text', amap.title)])}", ""]
    if labelling is not None:
        out += [write([Piece("words", semantics_note(labelling) + ".")]), ""]
    for section in outline_sections(amap):
        out.append(heading + write(heading_pieces(section)))
        if heading:  # Markdown: a blank line between a heading and its list
            out.append("")
        stack = [(entry, 0) for entry in reversed(section.entries)]
        while stack:
            entry, depth = stack.pop()
            mark = sign(entry)
            if mark:
                mark = f"`{mark}` " if heading else f"{mark} "
            said = write(entry_pieces(amap, entry, marks=True, labelling=labelling))
            out.append(f"{indent * depth}{item}{mark}{entry.number} {said}")
            stack.extend((child, depth + 1) for child in reversed(entry.children))
        out.append("")
    if amap.sources:
        out.append(f"{heading}Sources")
        if heading:
            out.append("")
        out += [f"{item}{write(source_pieces(source))}" for source in amap.sources]
        out.append("")
    return "\n".join(out)


# What Markdown would read as markup, written so that it shows as typed: escaped with a
# backslash where both CommonMark and Python-Markdown take one, else as entities.
_MARKDOWN = str.maketrans(
    {char: "\\" + char for char in "\\`*_{}[]#"} | {"<": "&lt;", "&": "&amp;", "~": "&#126;"}
)


def _markdown(pieces: list[Piece]) -> str:
    """Pieces in Markdown: ids in code spans, everything else escaped to show as typed."""
    return "".join(
        f"`{piece.value}`" if piece.kind == "id" else piece.value.translate(_MARKDOWN)
        for piece in pieces
    )


#: The page ``to_outline(amap, format="html")`` writes: no script, nothing fetched.
_PAGE = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; line-height: 1.5; max-width: 52rem;
       margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; background: #fff; }}
.argmap-outline ul {{ list-style: none; padding-left: 1.5rem; }}
.argmap-outline > ul {{ padding-left: 0; }}
.argmap-sign {{ font-weight: bold; }}
.argmap-label {{ font-weight: bold; font-size: 0.85em; }}
.argmap-label-out {{ color: #595959; }}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
{outline}
</main>
</body>
</html>
"""


def _page(amap: ArgumentMap, labelling: Labelling | None) -> str:
    """A whole web page holding the map's title and its outline (:func:`outline_html`)."""
    title = html.escape(amap.title)
    return _PAGE.format(title=title, outline=outline_html(amap, labelling=labelling))
