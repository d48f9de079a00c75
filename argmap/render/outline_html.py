"""The outline in HTML: nested lists with an anchor per node, alone or as a part of a page."""

from __future__ import annotations

import html

from argmap.analysis.framework import Labelling
from argmap.argument_map import ArgumentMap
from argmap.provenance import Source
from argmap.render._captions import link
from argmap.render._evaluation import check_labelling, semantics_note
from argmap.render._outline_tree import Entry, outline_sections
from argmap.render._outline_words import Piece, entry_pieces, heading_pieces, sign, source_pieces

__all__ = ["outline_html"]


def outline_html(
    amap: ArgumentMap,
    *,
    id_prefix: str = "outline-",
    heading_level: int = 2,
    labelling: Labelling | None = None,
) -> str:
    """The outline of :func:`~argmap.to_outline` as a part of a web page, for screen readers.

    A ``<section>`` labelled with the map's title, holding a heading (``<h2>`` unless
    ``heading_level`` says otherwise) and a nested ``<ul>`` per main claim, then the nodes
    no main claim reaches and the sources. The entry that holds a node has the id
    ``id_prefix`` + the node's id (one of linked co-premises, the support's id), and says
    which node and relation it shows in ``data-node`` and ``data-relation``; a node met
    again links to its entry. Texts are escaped and isolated in ``<bdi>``, so any script
    shows as typed; the fragment is well-formed XML as well as HTML. A ``labelling``
    (an evaluation) names its semantics first and adds each labelled node's label, as
    ``<span class="argmap-label argmap-label-in">[IN]</span>``, and ``data-label="in"``
    on its entry; labelling an id the map lacks is a ``ValueError``.

    >>> import argmap
    >>> m = argmap.MapBuilder("T").claim("c", "<A> & 'b'.", main=True).build()
    >>> print(argmap.outline_html(m))
    <section class="argmap-outline" aria-label="Outline: T">
    <h2>Main claim c</h2>
    <ul>
    <li id="outline-c" data-node="c">1 Main claim c: <bdi>&lt;A&gt; &amp; &#x27;b&#x27;.</bdi></li>
    </ul>
    </section>
    """
    if not id_prefix or any(char.isspace() for char in id_prefix):
        raise ValueError(f"id_prefix must be a non-empty id with no spaces; got {id_prefix!r}")
    if heading_level not in range(1, 7):
        raise ValueError(f"heading_level must be a whole number from 1 to 6; got {heading_level!r}")
    check_labelling(amap, labelling)
    h = f"h{heading_level}"
    label = html.escape(f"Outline: {amap.title}")
    out = [f'<section class="argmap-outline" aria-label="{label}">']
    if labelling is not None:
        out.append(f"<p>{html.escape(semantics_note(labelling))}.</p>")
    for section in outline_sections(amap):
        out.append(f"<{h}>{_html(heading_pieces(section), id_prefix)}</{h}>")
        out.append("<ul>")
        for entry in section.entries:
            _entry(amap, entry, id_prefix, out, labelling)
        out.append("</ul>")
    if amap.sources:
        out += [f"<{h}>Sources</{h}>", "<ul>"]
        out += [
            f"<li>{_html(source_pieces(source), id_prefix, source)}</li>" for source in amap.sources
        ]
        out.append("</ul>")
    out.append("</section>")
    return "\n".join(out)


def _entry(
    amap: ArgumentMap, entry: Entry, prefix: str, out: list[str], labelling: Labelling | None
) -> None:
    """The ``<li>`` of ``entry``, with a ``<ul>`` of the entries under it."""
    attributes = []
    node, relation = entry.node, entry.relation
    if node is None and relation is not None:
        attributes.append(("id", relation.id))
    elif node is not None and entry.role == "continued":
        attributes.append(("id", f"{node.id}:continued"))
    elif node is not None and entry.seen is None:
        attributes.append(("id", node.id))
    if node is not None:
        attributes.append(("data-node", node.id))
        if labelling is not None and node.id in labelling.labels:
            attributes.append(("data-label", labelling.labels[node.id].value))
    if relation is not None:
        attributes.append(("data-relation", relation.id))
    written = "".join(
        f' {name}="{html.escape(prefix + value if name == "id" else value)}"'
        for name, value in attributes
    )
    mark = sign(entry)
    mark = f'<span class="argmap-sign" aria-hidden="true">{mark}</span> ' if mark else ""
    said = _html(entry_pieces(amap, entry, marks=True, labelling=labelling), prefix)
    line = f"<li{written}>{mark}{entry.number} {said}"
    if not entry.children:
        out.append(f"{line}</li>")
        return
    out += [line, "<ul>"]
    for child in entry.children:
        _entry(amap, child, prefix, out, labelling)
    out.append("</ul></li>")


def _html(pieces: list[Piece], prefix: str, source: Source | None = None) -> str:
    """Pieces in HTML: texts in ``<bdi>``, links to entries, a source's web address."""
    written = []
    for piece in pieces:
        value = html.escape(piece.value)
        if piece.kind == "text":
            value = f"<bdi>{value}</bdi>"
        elif piece.kind == "link":
            value = f'<a href="#{html.escape(prefix + piece.anchor)}">{value}</a>'
        elif piece.kind == "label":
            value = f'<span class="argmap-label argmap-label-{piece.anchor}">{value}</span>'
        elif piece.kind == "url" and source is not None and link(source) is not None:
            value = f'<a href="{link(source)}">{value}</a>'
        written.append(value)
    return "".join(written)
