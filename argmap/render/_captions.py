"""Captions: the drawing's title and citations, and the captions of clusters."""

from __future__ import annotations

from argmap.argument_map import ArgumentMap
from argmap.nodes import Node
from argmap.provenance import Source
from argmap.render._text import escape, isolate, isolated_lines
from argmap.render.labels import wrap

__all__ = ["CAPTION_WIDTH", "caption", "cluster_caption", "group_of"]

#: The width captions wrap at, in columns.
CAPTION_WIDTH = 80
#: The width citations wrap at: about the title's, in their smaller print.
_CITATION_WIDTH = 120


def _lines(text: str, width: int = CAPTION_WIDTH) -> str:
    """``text`` of isolated pieces, wrapped and escaped: lines joined by ``<BR/>``."""
    return "<BR/>".join(escape(line) for line in isolated_lines(wrap(text, width)))


def _citation(source: Source) -> str:
    """``authors (or affiliation), outlet, date`` of a source, each piece isolated."""
    who = ", ".join(map(isolate, source.authors)) or (
        isolate(source.affiliation) if source.affiliation else None
    )
    parts = (who, source.outlet and isolate(source.outlet), source.date and isolate(source.date))
    return ", ".join(part for part in parts if part)


def caption(amap: ArgumentMap) -> str:
    """The graph's caption: the map's title in bold, then one citation per source.

    >>> from argmap import ArgumentMap, Source
    >>> caption(ArgumentMap("T", sources=[Source("s", "S", outlet="Daily", date="2022")]))
    '<<B>T</B><BR/><FONT POINT-SIZE="9">Daily, 2022</FONT>>'
    """
    lines = [f"<B>{_lines(isolate(amap.title))}</B>"]
    lines.extend(
        f'<FONT POINT-SIZE="9">{_lines(citation, _CITATION_WIDTH)}</FONT>'
        for citation in map(_citation, amap.sources)
        if citation
    )
    return "<" + "<BR/>".join(lines) + ">"


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


def cluster_caption(text: str) -> str:
    """The HTML-like label of a cluster captioned ``text`` (from :func:`group_of`)."""
    return f"<<B>{_lines(text)}</B>>"
