"""A map as a plain-text outline: each main claim, then what supports and attacks it."""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterator

from argmap.argument_map import ArgumentMap
from argmap.errors import UnknownIdError
from argmap.nodes import Node, Premise
from argmap.relations import Attack, Relation, Support
from argmap.render._captions import citation, source_mark

__all__ = [
    "DEEPEST",
    "describe",
    "is_undercut",
    "outline_lines",
    "relation_title",
    "source_lines",
]

#: The most levels an outline nests: a node deeper down is continued as an entry of its own.
DEEPEST = 8


def describe(amap: ArgumentMap, node: Node, *, with_id: bool = True, marks: bool = False) -> str:
    """The node's kind, id (if ``with_id``) and details, such as ``premise trade (statistic)``.

    The details are a premise's basis, ``implicit``, the speaker and, if ``marks``, where
    in the sources the node is (as :func:`~argmap.to_graphviz` draws with ``show_sources``).

    >>> from argmap import ArgumentMap, Premise
    >>> m = ArgumentMap("T", nodes=[Premise("trade", "Trade grew.", basis="statistic")])
    >>> describe(m, m.node("trade")), describe(m, m.node("trade"), with_id=False)
    ('premise trade (statistic)', 'premise (statistic)')
    """
    kind = "main claim" if getattr(node, "main", False) else node.kind
    details = []
    if isinstance(node, Premise):
        if node.basis is not None:
            details.append(node.basis.value)
        if node.implicit:
            details.append("implicit")
    if node.speaker is not None:
        details.append(f"speaker {amap.participant(node.speaker).name}")
    mark = source_mark(amap, node.source) if marks and node.source is not None else None
    if mark:
        details.append(mark)
    named = f"{kind} {node.id}" if with_id else kind
    return f"{named} ({', '.join(details)})" if details else named


def _together(ids: tuple[str, ...]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return ids[0] if len(ids) == 1 else f"{', '.join(ids[:-1])} and {ids[-1]}"


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
        said = f"{_together(relation.by)} together support {relation.target}"
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
    return _Outline(amap, marks).lines()


class _Outline:
    """Builds an outline's lines; remembers where each node was written."""

    def __init__(self, amap: ArgumentMap, marks: bool) -> None:
        self.amap = amap
        self.marks = marks
        self.out: list[str] = []
        self.places: dict[str, str] = {}  # node id -> the number of its entry
        # Branches too deep, to go on as entries of their own: the node, the number of its
        # entry and of the entry to come (numbered as they are put off, written in turn).
        self.later: deque[tuple[Node, str, str]] = deque()
        self.roots = itertools.count(1)

    def lines(self) -> list[str]:
        amap = self.amap
        mains = [node for node in amap.nodes if getattr(node, "main", False)]
        for node in mains:
            self._root(node)
        rest = [node for node in amap.nodes if node.id not in self.places]
        if rest and mains:
            self.out.append("Not reached from a main claim:")
        bearing = {ident for relation in amap.relations for ident in relation.by}
        # First what bears on nothing (the conclusions), then what is left (in cycles).
        for node in (*(n for n in rest if n.id not in bearing), *rest):
            if node.id not in self.places:
                self._root(node)
        return self.out

    def _root(self, node: Node) -> None:
        self._entry(node, str(next(self.roots)), 0, "")
        while self.later:
            deep, was, number = self.later.popleft()
            said = describe(self.amap, deep, marks=self.marks)
            self._line(0, number, f"Continued from {was}: {said}: {deep.text}")
            self._children(deep.id, number, 1)

    def _line(self, depth: int, number: str, text: str) -> None:
        self.out.append(f"{'  ' * depth}{number} {text}")

    def _entry(
        self, node: Node, number: str, depth: int, lead: str, undercuts: tuple[Attack, ...] = ()
    ) -> None:
        """A node's line (after ``lead``), its reasons and objections, then ``undercuts``."""
        said = describe(self.amap, node, marks=self.marks)
        said = said[0].upper() + said[1:] if not lead and not depth else said
        seen = self.places.get(node.id)
        count: Iterator[int] = itertools.count(1)
        if seen is not None:
            self._line(depth, number, f"{lead}{said}: see {seen}")
        elif depth + 1 >= DEEPEST and self._bears(node.id):
            self.places[node.id] = number
            later = str(next(self.roots))
            self._line(depth, number, f"{lead}{said}: {node.text} (continued at {later})")
            self.later.append((node, number, later))
        else:
            self.places[node.id] = number
            self._line(depth, number, f"{lead}{said}: {node.text}")
            count = self._children(node.id, number, depth + 1)
        self._undercuts(undercuts, number, depth + 1, count)

    def _bears(self, ident: str) -> bool:
        """Whether anything supports or attacks the node ``ident``."""
        return bool(self.amap.supports_of(ident) or self.amap.attacks_on(ident))

    def _children(self, ident: str, number: str, depth: int) -> Iterator[int]:
        """The entries of what supports and attacks node ``ident``; the numbering goes on."""
        amap = self.amap
        count = itertools.count(1)
        for support in amap.supports_of(ident):
            lead = "Supported (implicit) by " if support.implicit else "Supported by "
            undercuts = amap.attacks_on(support.id)
            place = f"{number}.{next(count)}"
            if len(support.by) == 1:
                self._entry(amap.node(support.by[0]), place, depth, lead, undercuts)
                continue
            self._line(depth, place, f"{lead}{_together(support.by)} together:")
            inner = itertools.count(1)
            for premise in support.by:
                self._entry(amap.node(premise), f"{place}.{next(inner)}", depth + 1, "")
            self._undercuts(undercuts, place, depth + 1, inner)
        for attack in amap.attacks_on(ident):
            lead = "Attacked (implicit) by " if attack.implicit else "Attacked by "
            self._entry(amap.node(attack.attacker), f"{number}.{next(count)}", depth, lead)
        return count

    def _undercuts(
        self, undercuts: tuple[Attack, ...], number: str, depth: int, count: Iterator[int]
    ) -> None:
        for attack in undercuts:
            implicit = " (implicit)" if attack.implicit else ""
            lead = f"Undercut{implicit} of {attack.target} by "
            self._entry(self.amap.node(attack.attacker), f"{number}.{next(count)}", depth, lead)


def is_undercut(amap: ArgumentMap, attack: Attack) -> bool:
    """Whether ``attack`` is on a support (an undercut) rather than on a node."""
    try:
        return isinstance(amap.relation(attack.target), Support)
    except UnknownIdError:
        return False
