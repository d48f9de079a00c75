"""Captions: the drawing's title and citations, and the captions of clusters."""

from __future__ import annotations

import re
import urllib.parse

from argmap.argument_map import ArgumentMap
from argmap.nodes import Node
from argmap.provenance import Source, SourceRef
from argmap.render._text import escape, isolate, isolated_lines
from argmap.render.labels import wrap

__all__ = [
    "CAPTION_WIDTH",
    "caption",
    "citation",
    "cluster_caption",
    "group_of",
    "link",
    "paragraphs",
    "source_mark",
]

#: The width captions wrap at, in columns.
CAPTION_WIDTH = 80
#: The width citations wrap at: about the title's, in their smaller print.
_CITATION_WIDTH = 120


def _lines(text: str, width: int = CAPTION_WIDTH) -> str:
    """``text`` of isolated pieces, wrapped and escaped: lines joined by ``<BR/>``."""
    return "<BR/>".join(escape(line) for line in isolated_lines(wrap(text, width)))


def citation(source: Source) -> str:
    """``authors (or affiliation), outlet, date`` of a source, each piece isolated."""
    who = ", ".join(map(isolate, source.authors)) or (
        isolate(source.affiliation) if source.affiliation else None
    )
    parts = (who, source.outlet and isolate(source.outlet), source.date and isolate(source.date))
    return ", ".join(part for part in parts if part)


def caption(amap: ArgumentMap, *, keyed: bool = False, note: str | None = None) -> str:
    """The graph's caption: the map's title in bold, then one citation per source.

    A ``note`` (such as the semantics of an evaluation drawn) comes under the title.
    A citation of a source with a web address (:func:`link`) is a link to it. With
    ``keyed`` and more than one source, each citation starts with its source's id, which
    the marks of ``show_sources`` name.

    >>> from argmap import ArgumentMap, Source
    >>> caption(ArgumentMap("T", sources=[Source("s", "S", outlet="Daily", date="2022")]))
    '<<B>T</B><BR/><FONT POINT-SIZE="9">Daily, 2022</FONT>>'
    """
    keyed = keyed and len(amap.sources) > 1
    title = f"<B>{_lines(isolate(amap.title))}</B>"
    if note:
        title += f'<BR/><FONT POINT-SIZE="9"><I>{_lines(note)}</I></FONT>'
    cited = []
    for source in amap.sources:
        said = citation(source)
        if said:
            said = f"{isolate(source.id)}: {said}" if keyed else said
            cited.append((source, f'<FONT POINT-SIZE="9">{_lines(said, _CITATION_WIDTH)}</FONT>'))
    if not any(link(source) for source, _ in cited):
        return "<" + "<BR/>".join([title, *(line for _, line in cited)]) + ">"
    # Links need table cells: one row each, centred as the lines of plain text are.
    rows = [_cell(title), *(_cell(line, source) for source, line in cited)]
    return f"<{_TABLE}{''.join(rows)}</TABLE>>"


#: A table drawn as nothing but its cells' text, for labels with links.
_TABLE = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
#: The most characters of a link's address and its tooltip: dot reads at most 16,381 bytes
#: between the ``<`` and ``>`` of a tag (see ``MAX_LINE``).
_LONGEST_URL = 2000
_LONGEST_TOOLTIP = 300
# What a URL may not hold as typed in a DOT attribute or an SVG one: percent-encoded.
_UNSAFE = re.compile(r'[\s"<>\\^`{|}]')


def link(source: Source) -> str | None:
    r"""The source's web address as a label's ``HREF`` may hold it, or None if it has none.

    Only ``http`` and ``https`` addresses are links (never ``javascript:`` or ``file:``);
    spaces, quotes, ``<``, ``>`` and backslashes are percent-encoded, ``&`` escaped.

    >>> link(Source("s", "S", url="https://example.org/a b?x=1&y=2"))
    'https://example.org/a%20b?x=1&amp;y=2'
    >>> link(Source("s", "S", url="javascript:alert(1)")) is None
    True
    """
    url = source.url
    if url is None:
        return None
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:  # such as an unclosed '[' of an IPv6 host
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    safe = _UNSAFE.sub(lambda match: urllib.parse.quote(match[0], safe=""), url)
    safe = safe.replace("&", "&amp;")
    return safe if len(safe) <= _LONGEST_URL else None


def _cell(text: str, source: Source | None = None) -> str:
    """A table row of one cell holding ``text``; a link to ``source`` if it has an address.

    The link's tooltip is the source's title (renderers write a ``TITLE`` as typed).
    """
    href = None if source is None else link(source)
    if source is None or href is None:
        return f"<TR><TD>{text}</TD></TR>"
    tip = source.title
    if len(tip) > _LONGEST_TOOLTIP:
        tip = tip[: _LONGEST_TOOLTIP - 1] + "…"
    tip = "".join(_ATTRIBUTE_ENTITIES.get(char, char) for char in tip)
    return f'<TR><TD HREF="{href}" TITLE="{tip}">{text}</TD></TR>'


_ATTRIBUTE_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}


#: Between the ends of a run of numbers: an en dash.
_THROUGH = "\u2013"


def paragraphs(numbers: tuple[int, ...]) -> str:
    r"""Paragraph numbers in order; a run of consecutive numbers as its ends and an en dash.

    >>> paragraphs((9, 2, 3, 4, 7)) == "2\u20134, 7, 9", paragraphs((5,)), paragraphs(())
    (True, '5', '')
    """
    runs: list[list[int]] = []
    for number in sorted(numbers):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(
        f"{run[0]}{_THROUGH}{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs
    )


def source_mark(amap: ArgumentMap, ref: SourceRef) -> str:
    """Where in the sources ``ref`` points, such as ``¶5``; '' if that says nothing.

    Paragraphs are as :func:`paragraphs` writes them; the source's id comes first
    (``op-ed ¶5``) if the map has more than one source.

    >>> from argmap import ArgumentMap, Source
    >>> source_mark(ArgumentMap("T", sources=[Source("s", "S")]), SourceRef("s", (7, 5)))
    '¶5, 7'
    """
    parts = [ref.doc] if len(amap.sources) > 1 else []
    if ref.paragraphs:
        parts.append("¶" + paragraphs(ref.paragraphs))
    return " ".join(parts)


def group_of(amap: ArgumentMap, node: Node, group_by: str) -> tuple[str, str] | None:
    """The key and the caption (isolated pieces) of the cluster ``node`` is in, or None."""
    if group_by == "speaker" and node.speaker is not None:
        participant = amap.participant(node.speaker)
        name = isolate(participant.name)
        details = ", ".join(
            isolate(detail) for detail in (participant.affiliation, participant.country) if detail
        )
        return node.speaker, f"{name} ({details})" if details else name
    if group_by == "tag" and node.tags:
        return node.tags[0], isolate(node.tags[0])
    if group_by == "source" and node.source is not None:
        return node.source.doc, isolate(amap.source(node.source.doc).title)
    return None


def cluster_caption(text: str, source: Source | None = None) -> str:
    """The HTML-like label of a cluster captioned ``text`` (from :func:`group_of`).

    The caption of a ``source``'s cluster links to its web address, if it has one.
    """
    bold = f"<B>{_lines(text)}</B>"
    if source is None or link(source) is None:
        return f"<{bold}>"
    return f"<{_TABLE}{_cell(bold, source)}</TABLE>>"
