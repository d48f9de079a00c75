"""A map as a plain-text outline: each main claim, then what supports and attacks it."""

from __future__ import annotations

from argmap.argument_map import ArgumentMap
from argmap.nodes import Node
from argmap.relations import Attack, Relation
from argmap.render._captions import citation
from argmap.render._outline_tree import DEEPEST, Entry, is_undercut, outline_sections
from argmap.render._outline_words import entry_pieces, ids_together, node_pieces, plain

__all__ = [
    "DEEPEST",
    "describe",
    "is_undercut",
    "outline_lines",
    "relation_title",
    "source_lines",
]


def describe(amap: ArgumentMap, node: Node, *, with_id: bool = True, marks: bool = False) -> str:
    """The node's kind, id (if ``with_id``) and details, such as ``premise trade (statistic)``.

    The details are a premise's basis, ``implicit``, the speaker and, if ``marks``, where
    in the sources the node is (as :func:`~argmap.to_graphviz` draws with ``show_sources``).

    >>> from argmap import ArgumentMap, Premise
    >>> m = ArgumentMap("T", nodes=[Premise("trade", "Trade grew.", basis="statistic")])
    >>> describe(m, m.node("trade")), describe(m, m.node("trade"), with_id=False)
    ('premise trade (statistic)', 'premise (statistic)')
    """
    return plain(node_pieces(amap, node, with_id=with_id, marks=marks))


def relation_title(amap: ArgumentMap, relation: Relation) -> str:
    """What a relation says, in words: ``trade supports thesis``, ``mood undercuts a->b``.

    >>> from argmap import MapBuilder
    >>> m = (MapBuilder("T").claim("c", "C.").premise("p", "P.").premise("q", "Q.")
    ...      .support("c", by=["p", "q"]).rebuttal("r", "R.", attacks="p+q->c").build())
    >>> [relation_title(m, relation) for relation in m.relations]
    ['p and q together support c', 'r undercuts p+q->c']
    """
    if isinstance(relation, Attack):
        verb = "undercuts" if is_undercut(amap, relation) else "attacks"
        said = f"{relation.attacker} {verb} {relation.target}"
    elif len(relation.by) == 1:
        said = f"{relation.by[0]} supports {relation.target}"
    else:
        said = f"{plain(ids_together(relation.by))} together support {relation.target}"
    return f"{said} (implicit)" if relation.implicit else said


def source_lines(amap: ArgumentMap) -> list[str]:
    """One line per source: its id, title, citation and URL.

    >>> from argmap import ArgumentMap, Source
    >>> source_lines(ArgumentMap("T", sources=[Source("s", "Ties", outlet="Daily", url="u")]))
    ['Source s: Ties. Daily. u']
    """
    lines = []
    for source in amap.sources:
        parts = [source.title, citation(source), source.url or ""]
        lines.append(f"Source {source.id}: " + ". ".join(part for part in parts if part))
    return lines


def outline_lines(amap: ArgumentMap, *, marks: bool = False) -> list[str]:
    r"""The map as an outline, one line per entry, in reading order; deterministic.

    Each main claim comes first, then what supports it (linked co-premises together, as
    one entry), then what attacks it, each followed by its own reasons and objections;
    an undercut comes under the support it attacks. Then the nodes no main claim
    reaches, from those that bear on nothing. Entries are numbered by their place
    (``1.2.1``) and indented two spaces a level; a node met again is not repeated
    (``see 1.2``), and a branch deeper than :data:`DEEPEST` levels goes on in an entry
    of its own. With ``marks``, nodes say where in the sources they are (``¶5``).

    >>> from argmap import MapBuilder
    >>> m = (MapBuilder("Trees").claim("c", "Cities should plant trees.", main=True)
    ...      .premise("p", "Trees cool streets.", supports="c", basis="fact")
    ...      .rebuttal("r", "Trees cost money.", attacks="c").build())
    >>> print("\n".join(outline_lines(m)))
    1 Main claim c: Cities should plant trees.
      1.1 Supported by premise p (fact): Trees cool streets.
      1.2 Attacked by rebuttal r: Trees cost money.
    """
    out: list[str] = []
    sections = outline_sections(amap)
    for section in sections:
        if section.main is None and len(sections) > 1:
            out.append("Not reached from a main claim:")
        for entry in section.entries:
            _write(amap, entry, 0, marks, out)
    return out


def _write(amap: ArgumentMap, entry: Entry, depth: int, marks: bool, out: list[str]) -> None:
    """The lines of ``entry`` and of the entries under it, ``depth`` levels in."""
    said = plain(entry_pieces(amap, entry, marks=marks))
    out.append(f"{'  ' * depth}{entry.number} {said}")
    for child in entry.children:
        _write(amap, child, depth + 1, marks, out)
