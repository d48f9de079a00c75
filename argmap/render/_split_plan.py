"""Which pages a map too big for one gets: see :mod:`argmap.render.split`."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from argmap.analysis.focus import Focus, focus
from argmap.argument_map import ArgumentMap
from argmap.render import _split_parts as parts
from argmap.render._text import isolate
from argmap.render.engine import RenderError
from argmap.render.options import Direction

__all__ = ["Page", "Planner", "quoted"]


@attrs.frozen
class Page:
    """A page chosen: the part drawn around ``roots`` (None: the whole map), and more."""

    part: Focus | None
    roots: tuple[str, ...]
    shows: str
    overview: bool = False
    #: Drawn as the part itself, stubs added (not by ``focus``): one of a node's fan pages.
    fan: bool = False
    legend: bool = False
    parent: int | None = None
    scale: float = 1.0
    #: The way the page is drawn, if not the drawing's own (it fits only turned).
    direction: Direction | None = None


class Planner:
    """Chooses the pages in reading order, measuring each with ``scale``.

    ``scale`` gives a page's scale and the direction it is drawn in (None: the drawing's
    own), or None if the page prints too small whichever way it is drawn.
    """

    def __init__(
        self,
        amap: ArgumentMap,
        scale: Callable[[Page], tuple[float, Direction | None] | None],
        *,
        legend: bool,
    ) -> None:
        self.amap, self.scale, self.legend = amap, scale, legend
        self.pages: list[Page] = []
        self.drawn: set[str] = set()
        #: Nodes whose reasons and objections are drawn, or are to get pages of their own.
        self.expanded: set[str] = set()

    def plan(self) -> list[Page]:
        whole = self._fitted(Page(None, (), "the whole map", legend=self.legend))
        if whole is not None:
            return [whole]
        roots = tuple(parts.starts(self.amap))
        overview = None
        # The roots with their reasons, else alone (if several); the legend if it fits.
        for depth in (1, 0) if len(roots) > 1 else (1,):
            for legend in dict.fromkeys((self.legend, False)):
                shows = f"overview: {overview_of(self.amap, roots, depth)}"
                part = parts.around(self.amap, roots, depth)
                page = Page(part, roots, shows, overview=True, legend=legend)
                overview = overview or self._fitted(page)
        if overview is not None:
            self._branches(parts.frontier(overview.part), self._add(overview))
        else:  # no overview: the main claims' branches, as they fit
            self._branches(roots, None)
        while len(self.drawn) < len(self.amap.nodes):  # the main claim's, then the rest
            first = next(node.id for node in self.amap.nodes if node.id not in self.drawn)
            self._branches([parts.top(self.amap, first, self.drawn)], None)
        return self.pages

    def _fitted(self, page: Page) -> Page | None:
        fitted = self.scale(page)
        if fitted is None:
            return None
        return attrs.evolve(page, scale=fitted[0], direction=fitted[1])

    def _add(self, page: Page) -> int:
        assert page.part is not None
        self.pages.append(page)
        ids = {node.id for node in page.part.map.nodes}
        self.drawn |= ids
        self.expanded |= ids - set(parts.frontier(page.part))
        return len(self.pages) - 1

    def _branches(self, nodes: Sequence[str], parent: int | None) -> None:
        """Pages for the branches under ``nodes``, in order.

        Whole branches share a page while they fit on it; a branch too big for a page gets
        pages of its own.
        """
        group: Page | None = None
        for node in nodes:
            if node in self.expanded or (group is not None and node in _ids(group)):
                continue
            roots = (node,) if group is None else (*group.roots, node)
            joined = self._fitted(self._whole(roots, parent))
            if joined is None and group is not None:
                self._add(group)
                joined = self._fitted(self._whole((node,), parent))
            group = joined
            if group is None:
                self._deep(node, parent)
        if group is not None:
            self._add(group)

    def _whole(self, roots: tuple[str, ...], parent: int | None) -> Page:
        first = quoted(self.amap, roots[0])
        if len(roots) == 1:
            shows = f"the branch under {first}"
        elif len(roots) == 2:
            shows = f"the branches under {first} and {quoted(self.amap, roots[1])}"
        else:
            shows = f"the branches under {first} and {len(roots) - 1} more"
        return Page(parts.around(self.amap, roots, None), roots, shows, parent=parent)

    def _deep(self, node: str, parent: int | None) -> None:
        """Pages for a branch too big for one: as many levels as fit, then what is cut off.

        If not even one level fits, the node's reasons and objections a few at a time.
        """
        self.expanded.add(node)
        shows = f"the branch under {quoted(self.amap, node)}"
        best = None
        for depth in range(1, len(self.amap.nodes)):
            part = focus(self.amap, node, depth=depth)
            page = self._fitted(Page(part, (node,), shows, parent=parent))
            if page is None or not parts.frontier(part):  # the whole branch: known not to fit
                break
            best = page
        if best is not None:
            self._branches(parts.frontier(best.part), self._add(best))
            return
        pieces, loose = self._fan(node, shows, parent)
        indices = [self._add(fanned) for fanned in pieces]
        for fanned, index in zip(pieces, indices, strict=True):
            self._branches([cut for cut in parts.frontier(fanned.part) if cut != node], index)
        self._branches(loose, indices[0] if indices else parent)

    def _fan(self, node: str, shows: str, parent: int | None) -> tuple[list[Page], list[str]]:
        """Pages of ``node`` with as many of its reasons and objections as fit on each.

        Also the nodes of those that fit with it on none: their branches get pages without it.
        """
        arms = parts.arms_of(self.amap, node)  # the supports of it and attacks on it
        pieces: list[Page] = []
        loose: list[str] = []
        start = 0
        while start < len(arms):
            best, end = None, start
            while end < len(arms):
                part = parts.piece(self.amap, node, arms, arms[start : end + 1])
                page = Page(part, (node,), f"{shows}, part 88 of 88", fan=True, parent=parent)
                fitted = self._fitted(page)
                if fitted is None:
                    break
                best, end = fitted, end + 1
            if best is None:
                loose.extend(parts.ends(self.amap, arms[start]))
                end = start + 1
            else:
                pieces.append(best)
            start = end
        if not pieces and node not in self.drawn:
            alone = Page(focus(self.amap, node, depth=0), (node,), shows, parent=parent)
            fitted = self._fitted(alone)
            if fitted is None:
                raise RenderError(
                    f"{quoted(self.amap, node)} alone would print below the minimum text "
                    "size: take a bigger page, or allow smaller text (--min-text PT; "
                    "min_font_pt in Python)"
                )
            return [fitted], loose
        numbered = [
            attrs.evolve(fanned, shows=f"{shows}, part {number} of {len(pieces)}")
            for number, fanned in enumerate(pieces, 1)
        ]
        if len(pieces) == 1:
            numbered = [attrs.evolve(pieces[0], shows=shows)]
        return numbered, loose


def _ids(page: Page) -> set[str]:
    return set() if page.part is None else {node.id for node in page.part.map.nodes}


def overview_of(amap: ArgumentMap, roots: Sequence[str], depth: int) -> str:
    """What an overview of ``roots`` shows, ``depth`` (0 or 1) levels down."""
    mains = any(getattr(node, "main", False) for node in amap.nodes)
    several = len(roots) > 1
    what = f"the {'main claim' if mains else 'conclusion'}{'s' if several else ''}"
    return (
        what if depth == 0 else f"{what} and {'their' if several else 'its'} reasons and objections"
    )


def quoted(amap: ArgumentMap, node: str) -> str:
    """The node's text, in quotes, cut short."""
    return f'"{isolate(_short(amap.node(node).text))}"'


def _short(text: str, width: int = 48) -> str:
    """``text`` on one line, cut at a word to about ``width`` characters."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    return text[:width].rsplit(" ", 1)[0].rstrip(",;:") + "..."
