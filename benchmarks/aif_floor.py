"""The floor for reading an AIF nodeset into argmap's model: the same work, no reader checks.

:func:`unchecked_read` makes the objects argmap's reader makes from a clean nodeset,
doing only what no reader can skip: parse the JSON, take the columns, group the edges,
make the nodes, relations and participants (their slots filled directly, no field checked),
and build the :class:`~argmap.ArgumentMap`, whose constructor still checks its structure.
It trusts the file: every statement is made a premise (the kinds cost the same to make),
and an odd nodeset gives a wrong map or an exception. It is a measuring stick for
``benchmarks.aif``, never a reader.
"""

from __future__ import annotations

import json
from collections import defaultdict, deque
from collections.abc import Iterable
from itertools import compress, repeat
from operator import itemgetter
from typing import Any, TypeVar

import attrs

import argmap
from argmap import Attack, Participant, Premise, Support
from argmap._gc import paused_gc

__all__ = ["unchecked_read"]

T = TypeVar("T", bound=attrs.AttrsInstance)


def unchecked_read(text: str) -> argmap.ArgumentMap:
    """The map of a clean nodeset, made with no check but the map's own structure.

    The collector is paused meanwhile, as every argmap read pauses it.
    """
    with paused_gc():
        return _read(text)


def _read(text: str) -> argmap.ArgumentMap:
    data = json.loads(text)
    nodes, edges = data["nodes"], data["edges"]
    ids = list(map(itemgetter("nodeID"), nodes))
    types = list(map(itemgetter("type"), nodes))
    type_of = dict(zip(ids, types, strict=True))
    starts = list(map(itemgetter("fromID"), edges))
    ends = list(map(itemgetter("toID"), edges))
    into: defaultdict[str, list[str]] = defaultdict(list)
    out: defaultdict[str, list[str]] = defaultdict(list)
    froms, tos = map(type_of.__getitem__, starts), map(type_of.__getitem__, ends)
    for start, end, a, b in zip(starts, ends, froms, tos, strict=True):
        if a in ("I", "L"):
            into[end].append(start)  # a premise into its RA or CA, a locution into its YA
        elif b == "I" or a == "CA":
            out[start].append(end)  # a conclusion or target, a statement a YA anchors
    inferences = list(compress(ids, map("RA".__eq__, types)))
    conflicts = list(compress(ids, map("CA".__eq__, types)))
    supports = _made(
        Support,
        len(inferences),
        id=inferences,
        by=list(map(tuple, map(into.__getitem__, inferences))),
        target=[out[i][0] for i in inferences],
    )
    attacks = _made(
        Attack,
        len(conflicts),
        id=conflicts,
        by=[(into[c][0],) for c in conflicts],
        target=[out[c][0] for c in conflicts],
    )
    persons = {record["nodeID"]: record["personID"] for record in data["locutions"]}
    speaker = {
        statement: persons[into[ya][0]]
        for ya in compress(ids, map("YA".__eq__, types))
        for statement in out[ya]
    }
    statements = list(compress(ids, map("I".__eq__, types)))
    premises = _made(
        Premise,
        len(statements),
        id=statements,
        text=list(compress(map(itemgetter("text"), nodes), map("I".__eq__, types))),
        speaker=list(map(speaker.get, statements)),
    )
    people = [Participant(p["participantID"], p["firstname"]) for p in data["participants"]]
    return argmap.ArgumentMap(
        "Floor", nodes=premises, relations=[*supports, *attacks], participants=people
    )


def _made(cls: type[T], size: int, **columns: Iterable[Any]) -> list[T]:
    """``size`` instances of the slotted attrs class ``cls``, their slots set unchecked."""
    made = list(map(object.__new__, repeat(cls, size)))
    for field in attrs.fields(cls):
        column = columns.get(field.name, repeat(field.default, size))
        deque(map(getattr(cls, field.name).__set__, made, column), maxlen=0)
    return made
