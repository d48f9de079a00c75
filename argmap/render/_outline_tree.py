"""The outline of a map as a tree of numbered entries, each main claim a section of its own."""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterator
from typing import Literal

import attrs

from argmap.argument_map import ArgumentMap
from argmap.errors import UnknownIdError
from argmap.nodes import Node
from argmap.relations import Attack, Relation, Support

__all__ = ["DEEPEST", "Entry", "Role", "Section", "is_undercut", "outline_sections"]

#: The most levels an outline nests: a node deeper down is continued as an entry of its own.
DEEPEST = 8

#: How an entry comes to be where it is: a section's first entry (``root``), a branch put
#: off (``continued``), a reason, an objection, an undercut of the support it is under, a
#: support of linked co-premises (``linked``, with no node) or one of those co-premises.
Role = Literal["root", "continued", "support", "attack", "undercut", "linked", "co-premise"]


@attrs.frozen
class Entry:
    """One entry: its number (``1.2.1``), its role, its node and the relation that leads here.

    A node met again is not repeated: ``seen`` is the number of the entry that holds it.
    ``continued_at`` is the number of the entry its branch goes on in, ``continued_from``
    the number of the entry a ``continued`` one goes on from.
    """

    number: str
    role: Role
    node: Node | None
    relation: Relation | None = None
    seen: str | None = None
    continued_at: str | None = None
    continued_from: str | None = None
    children: tuple[Entry, ...] = ()


@attrs.frozen
class Section:
    """A main claim's entries (or, with ``main`` None, those of the nodes no main claim reaches).

    The first entry of a main claim's section is the main claim; branches put off follow it.
    """

    main: Node | None
    entries: tuple[Entry, ...]


def outline_sections(amap: ArgumentMap) -> tuple[Section, ...]:
    """A section per main claim, then one of the nodes no main claim reaches (if any).

    Every node is written in full in exactly one entry, and every relation leads to
    exactly one entry; the order is the map's, so the outline is deterministic.

    >>> from argmap import MapBuilder
    >>> m = (MapBuilder("T").claim("c", "C.", main=True).premise("p", "P.", supports="c")
    ...      .claim("d", "D.").build())
    >>> [(s.main and s.main.id, [e.number for e in s.entries]) for s in outline_sections(m)]
    [('c', ['1']), (None, ['2'])]
    """
    return _Walk(amap).sections()


def is_undercut(amap: ArgumentMap, attack: Attack) -> bool:
    """Whether ``attack`` is on a support (an undercut) rather than on a node."""
    try:
        return isinstance(amap.relation(attack.target), Support)
    except UnknownIdError:
        return False


class _Walk:
    """Walks the map from each main claim down; remembers where each node was written."""

    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        self.places: dict[str, str] = {}  # node id -> the number of its entry
        # Branches too deep, to go on as entries of their own: the node, the number of its
        # entry and of the entry to come (numbered as they are put off, written in turn).
        self.later: deque[tuple[Node, str, str]] = deque()
        self.roots = itertools.count(1)

    def sections(self) -> tuple[Section, ...]:
        amap = self.amap
        mains = [node for node in amap.nodes if getattr(node, "main", False)]
        found = [Section(node, self._root(node)) for node in mains]
        rest = [node for node in amap.nodes if node.id not in self.places]
        bearing = {ident for relation in amap.relations for ident in relation.by}
        entries: list[Entry] = []
        # First what bears on nothing (the conclusions), then what is left (in cycles).
        for node in (*(n for n in rest if n.id not in bearing), *rest):
            if node.id not in self.places:
                entries.extend(self._root(node))
        if entries:
            found.append(Section(None, tuple(entries)))
        return tuple(found)

    def _root(self, node: Node) -> tuple[Entry, ...]:
        """The entry of ``node``, then those of the branches put off below it."""
        entries = [self._entry(node, str(next(self.roots)), 0, "root")]
        while self.later:
            deep, was, number = self.later.popleft()
            children = tuple(self._children(deep.id, number, 1, itertools.count(1)))
            entries.append(Entry(number, "continued", deep, continued_from=was, children=children))
        return tuple(entries)

    def _entry(
        self,
        node: Node,
        number: str,
        depth: int,
        role: Role,
        *,
        relation: Relation | None = None,
        undercuts: tuple[Attack, ...] = (),
    ) -> Entry:
        """A node's entry, with its reasons and objections, then ``undercuts``."""
        seen = self.places.get(node.id)
        count = itertools.count(1)
        children: list[Entry] = []
        later = None
        if seen is None:
            self.places[node.id] = number
            if depth + 1 >= DEEPEST and self._bears(node.id):
                later = str(next(self.roots))
                self.later.append((node, number, later))
            else:
                children = self._children(node.id, number, depth + 1, count)
        children += self._undercuts(undercuts, number, depth + 1, count)
        return Entry(number, role, node, relation, seen, later, children=tuple(children))

    def _bears(self, ident: str) -> bool:
        """Whether anything supports or attacks the node ``ident``."""
        return bool(self.amap.supports_of(ident) or self.amap.attacks_on(ident))

    def _children(self, ident: str, number: str, depth: int, count: Iterator[int]) -> list[Entry]:
        """The entries of what supports and attacks node ``ident``, numbered on from ``count``."""
        amap = self.amap
        children = []
        for support in amap.supports_of(ident):
            undercuts = amap.attacks_on(support.id)
            place = f"{number}.{next(count)}"
            if len(support.by) == 1:
                node = amap.node(support.by[0])
                children.append(
                    self._entry(
                        node, place, depth, "support", relation=support, undercuts=undercuts
                    )
                )
                continue
            inner = itertools.count(1)
            premises = [
                self._entry(amap.node(premise), f"{place}.{next(inner)}", depth + 1, "co-premise")
                for premise in support.by
            ]
            premises += self._undercuts(undercuts, place, depth + 1, inner)
            children.append(Entry(place, "linked", None, support, children=tuple(premises)))
        for attack in amap.attacks_on(ident):
            place = f"{number}.{next(count)}"
            children.append(
                self._entry(amap.node(attack.attacker), place, depth, "attack", relation=attack)
            )
        return children

    def _undercuts(
        self, undercuts: tuple[Attack, ...], number: str, depth: int, count: Iterator[int]
    ) -> list[Entry]:
        amap = self.amap
        return [
            self._entry(
                amap.node(attack.attacker),
                f"{number}.{next(count)}",
                depth,
                "undercut",
                relation=attack,
            )
            for attack in undercuts
        ]
