"""What an outline's entry says, as pieces each format writes its own way (ids, texts, links)."""

from __future__ import annotations

from typing import Literal

import attrs

from argmap.analysis.framework import Label, Labelling
from argmap.argument_map import ArgumentMap
from argmap.nodes import Node, Premise
from argmap.provenance import Source
from argmap.relations import Attack
from argmap.render._captions import source_mark
from argmap.render._outline_tree import Entry, Section

__all__ = [
    "Piece",
    "entry_pieces",
    "heading_pieces",
    "ids_together",
    "label_piece",
    "node_pieces",
    "plain",
    "sign",
    "source_pieces",
]


@attrs.frozen
class Piece:
    """A piece of an entry: words, an id, a text as typed, a link, a URL, or a label.

    A label is an evaluation's (``[IN]``); its ``anchor`` is the label's value (``in``).

    A link's ``anchor`` names what it leads to: a node's id, or a node's id and
    ``:continued`` for the entry its branch goes on in.
    """

    kind: Literal["words", "id", "text", "link", "url", "label"]
    value: str
    anchor: str = ""


def _words(value: str) -> Piece:
    return Piece("words", value)


def plain(pieces: list[Piece]) -> str:
    """The pieces as plain text, as typed.

    >>> plain([Piece("words", "see "), Piece("id", "p1")])
    'see p1'
    """
    return "".join(piece.value for piece in pieces)


def label_piece(label: Label) -> Piece:
    """An evaluation's label as a piece: ``[IN]``, ``[OUT]`` or ``[UNDEC]``.

    >>> label_piece(Label.UNDEC)
    Piece(kind='label', value='[UNDEC]', anchor='undec')
    """
    return Piece("label", f"[{label.name}]", label.value)


def node_pieces(
    amap: ArgumentMap,
    node: Node,
    *,
    with_id: bool = True,
    marks: bool = False,
    label: Label | None = None,
) -> list[Piece]:
    """The node's kind, id (if ``with_id``) and details: ``premise trade (statistic)``.

    The details are a premise's basis, ``implicit``, the speaker and, if ``marks``, where
    in the sources the node is (``¶5``); an evaluation's ``label`` comes last (``[IN]``).

    >>> from argmap import ArgumentMap, Premise
    >>> m = ArgumentMap("T", nodes=[Premise("trade", "Trade grew.", basis="statistic")])
    >>> plain(node_pieces(m, m.node("trade")))
    'premise trade (statistic)'
    """
    kind = "main claim" if getattr(node, "main", False) else node.kind
    details: list[list[Piece]] = []
    if isinstance(node, Premise):
        if node.basis is not None:
            details.append([_words(node.basis.value)])
        if node.implicit:
            details.append([_words("implicit")])
    if node.speaker is not None:
        details.append([_words("speaker "), Piece("text", amap.participant(node.speaker).name)])
    mark = source_mark(amap, node.source) if marks and node.source is not None else None
    if mark:
        details.append([Piece("text", mark)])
    pieces = [_words(kind)]
    if with_id:
        pieces += [_words(" "), Piece("id", node.id)]
    if details:
        pieces.append(_words(" ("))
        for index, detail in enumerate(details):
            pieces += [_words(", ")] if index else []
            pieces += detail
        pieces.append(_words(")"))
    if label is not None:
        pieces += [_words(" "), label_piece(label)]
    return pieces


def ids_together(ids: tuple[str, ...]) -> list[Piece]:
    """``a``, ``a and b``, ``a, b and c``, as pieces.

    >>> plain(ids_together(("a", "b", "c")))
    'a, b and c'
    """
    pieces: list[Piece] = []
    for index, ident in enumerate(ids):
        if index:
            pieces.append(_words(" and " if index == len(ids) - 1 else ", "))
        pieces.append(Piece("id", ident))
    return pieces


def _lead(entry: Entry) -> list[Piece]:
    """The words before an entry's node: ``Supported by``, ``Undercut of a->b by``, ..."""
    relation = entry.relation
    implicit = " (implicit)" if relation is not None and relation.implicit else ""
    if entry.role in {"support", "linked"}:
        return [_words(f"Supported{implicit} by ")]
    if entry.role == "attack":
        return [_words(f"Attacked{implicit} by ")]
    if entry.role == "undercut" and isinstance(relation, Attack):
        return [_words(f"Undercut{implicit} of "), Piece("id", relation.target), _words(" by ")]
    return []


def entry_pieces(
    amap: ArgumentMap,
    entry: Entry,
    *,
    marks: bool = False,
    labelling: Labelling | None = None,
) -> list[Piece]:
    """What ``entry`` says, after its number: ``Supported by premise p (fact): P.``.

    The first entry of a section starts with a capital; a node met again says where it
    is (``see 1.2``), and a branch put off says where it goes on. With ``marks``, nodes
    say where in the sources they are; with a ``labelling``, what it labels them.
    """
    lead = _lead(entry)
    node = entry.node
    if node is None:  # linked co-premises
        by = entry.relation.by if entry.relation is not None else ()
        return [*lead, *ids_together(by), _words(" together:")]
    label = None if labelling is None else labelling.labels.get(node.id)
    said = node_pieces(amap, node, marks=marks, label=label)
    if entry.role == "root":
        said[0] = _words(said[0].value[0].upper() + said[0].value[1:])
    if entry.continued_from is not None:
        was = Piece("link", entry.continued_from, node.id)
        lead = [_words("Continued from "), was, _words(": ")]
    if entry.seen is not None:
        return [*lead, *said, _words(": "), Piece("link", f"see {entry.seen}", node.id)]
    pieces = [*lead, *said, _words(": "), Piece("text", node.text)]
    if entry.continued_at is not None:
        later = Piece("link", f"continued at {entry.continued_at}", f"{node.id}:continued")
        pieces += [_words(" ("), later, _words(")")]
    return pieces


#: The mark of each kind of entry, as Argdown writes relations in its outlines.
_SIGNS = {"support": "+", "linked": "+", "attack": "-", "undercut": "_"}


def sign(entry: Entry) -> str:
    """``+`` for a support, ``-`` for an attack, ``_`` for an undercut, else ''."""
    return _SIGNS.get(entry.role, "")


def heading_pieces(section: Section) -> list[Piece]:
    """A section's heading: ``Main claim thesis``, or ``Not reached from a main claim``."""
    if section.main is None:
        return [_words("Not reached from a main claim")]
    return [_words("Main claim "), Piece("id", section.main.id)]


def source_pieces(source: Source) -> list[Piece]:
    """A source's id, title, authors (or affiliation), outlet, date and URL.

    >>> plain(source_pieces(Source("s", "Ties", authors=["Kim"], date="2022", url="u")))
    's: Ties. Kim, 2022. u'
    """
    who = ", ".join(source.authors) or source.affiliation
    cited = ", ".join(part for part in (who, source.outlet, source.date) if part)
    pieces = [Piece("id", source.id), _words(": "), Piece("text", source.title)]
    if cited:
        pieces += [_words(". "), Piece("text", cited)]
    if source.url:
        pieces += [_words(". "), Piece("url", source.url)]
    return pieces
