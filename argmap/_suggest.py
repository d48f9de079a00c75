"""'Did you mean': what an author probably meant by a name or an id that is not there."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable

__all__ = ["Suggester", "closest", "did_you_mean", "support_key"]

#: How many names one :class:`Suggester` compares by similarity at most. Past that (a very
#: large map with very many bad references) it offers only names equal once folded, so that
#: a broken file is still reported quickly.
_BUDGET = 50_000


def support_key(ident: str) -> str:
    """A support id folded so that case and the order of its nodes do not count.

    >>> support_key("Trade+lives->thesis") == support_key("lives+trade->Thesis")
    True
    """
    start, arrow, target = ident.casefold().partition("->")
    return "+".join(sorted(start.split("+"))) + arrow + target


class Suggester:
    """Finds the name nearest to a misspelt one among ``names``, which it reads only when asked.

    A name equal once both are folded (by ``fold``: ignoring case, unless told otherwise)
    wins; otherwise the most similar one (by :mod:`difflib`), if it is similar enough.

    >>> Suggester(["thesis", "trade"]).closest("Thesis"), Suggester(["lives"]).closest("live")
    ('thesis', 'lives')
    """

    def __init__(self, names: Iterable[str], fold: Callable[[str], str] = str.casefold) -> None:
        self._names = names
        self._fold = fold
        self._list: list[str] | None = None
        self._folded: dict[str, str] = {}
        self._budget = _BUDGET

    def closest(self, word: str) -> str | None:
        """The name ``word`` most probably means, or ``None``."""
        if self._list is None:
            self._list = list(self._names)
            for name in reversed(self._list):  # the first of names folded alike wins
                self._folded[self._fold(name)] = name
        same = self._folded.get(self._fold(word))
        if same is not None or self._budget < len(self._list):
            return same
        self._budget -= len(self._list)
        found = difflib.get_close_matches(word, self._list, n=1, cutoff=0.6)
        return found[0] if found else None


def closest(
    word: str, names: Iterable[str], fold: Callable[[str], str] = str.casefold
) -> str | None:
    """The name in ``names`` that ``word`` most probably means, or ``None``.

    >>> closest("mian", ["main", "note"]), closest("xyz", ["main"])
    ('main', None)
    """
    return Suggester(names, fold).closest(word)


def did_you_mean(name: str | None) -> str:
    """The end of a message that suggests ``name``; nothing when there is none.

    >>> did_you_mean("thesis"), did_you_mean(None)
    ("; did you mean 'thesis'?", '')
    """
    return "" if name is None else f"; did you mean {name!r}?"
