"""AIF ids as argmap ids: kept when valid, otherwise made valid, deterministically."""

from __future__ import annotations

import re
from collections.abc import Iterable

from argmap.invariants import all_ids, is_valid_id

__all__ = ["IdMap", "valid_id"]

_INVALID = re.compile(r"[^\w.+>-]+")


def valid_id(text: str) -> str:
    """An argmap id that spells ``text`` as closely as ids allow.

    >>> valid_id("12"), valid_id("node 7"), valid_id("-3"), valid_id("")
    ('12', 'node_7', 'n-3', 'n')
    """
    if is_valid_id(text):
        return text
    spelled = _INVALID.sub("_", text)
    return spelled if is_valid_id(spelled) else f"n{spelled}"


class IdMap:
    """Hands out unique argmap ids for AIF ids (compared as strings) and derived names.

    Every id that is already valid is reserved first, so a made-up id never takes one.

    >>> ids = IdMap(["7", "a b", "a_b"])
    >>> ids.of("7"), ids.of("a b"), ids.fresh("7.2")
    ('7', 'a_b_2', '7.2')
    >>> ids.changed()
    {'a_b_2': 'a b'}
    """

    def __init__(self, aif_ids: Iterable[str]) -> None:
        wanted = list(dict.fromkeys(aif_ids))
        self._taken: set[str]
        self._ids: dict[str, str]
        if all_ids(wanted):  # the usual case: every id kept as it is
            self._taken = set(wanted)
            self._ids = dict(zip(wanted, wanted, strict=True))
            return
        self._taken = {ident for ident in wanted if is_valid_id(ident)}
        self._ids = {ident: ident for ident in self._taken}
        for ident in wanted:
            if ident not in self._ids:
                self._ids[ident] = self.fresh(valid_id(ident))

    def of(self, aif_id: str) -> str:
        """The argmap id of the AIF id ``aif_id``."""
        return self._ids[aif_id]

    def add(self, aif_id: str) -> str:
        """The argmap id of ``aif_id``, given one now if it has none yet."""
        if aif_id not in self._ids:
            self._ids[aif_id] = self.fresh(valid_id(aif_id))
        return self._ids[aif_id]

    def fresh(self, wanted: str) -> str:
        """``wanted`` (a valid id), or it with a number added if it is taken; now taken."""
        ident, number = wanted, 1
        while ident in self._taken:
            number += 1
            ident = f"{wanted}_{number}"
        self._taken.add(ident)
        return ident

    def changed(self) -> dict[str, str]:
        """The AIF ids that had to change, by their argmap id."""
        return {new: old for old, new in self._ids.items() if new != old}
