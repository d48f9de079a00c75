"""Speakers from AIF's dialogue layer: participants, locutions, and L-nodes' ``Name :`` prefix.

A statement's speaker is the speaker of the L-node whose YA node anchors it
(L → YA → I). An L-node's speaker is the ``personID`` of its locution record, named by the
``participants`` list; an L-node with no locution is spoken by the name before the first
colon of its text (``Matt Hancock : ...``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from argmap.codes import Code
from argmap.formats.aif._context import Context, as_paragraph, is_id_value, plain_id
from argmap.formats.aif._graph import Graph, field_list
from argmap.formats.aif._ids import IdMap, valid_id
from argmap.provenance import Participant

__all__ = ["Speakers", "declared_participants", "locution_speakers", "read_speakers"]

#: ``Name : text``: a name of at most 60 characters before the first colon.
_PREFIX = re.compile(r"\s*([^:\n]{1,60}?)\s*:\s")


class Speakers:
    """The participants, and each statement's speaker by AIF id."""

    def __init__(self) -> None:
        self.participants: dict[str, Participant] = {}
        self.of: dict[str, str] = {}


def read_speakers(
    data: dict[str, Any], graph: Graph, statements: dict[str, str], ctx: Context
) -> Speakers:
    """Participants and the speakers of ``statements``; findings for dialogue left out."""
    declared = declared_participants(data, ctx)
    ids = IdMap(person for person, _ in declared)
    speakers = Speakers()
    by_name: dict[str, str] = {}
    for person, name in declared:
        ident = ids.of(person)
        speakers.participants.setdefault(ident, Participant(ident, name))
        by_name.setdefault(name, ident)
    persons = locution_speakers(data, graph.type_of, ctx)

    def prefix(locution: str) -> str | None:
        """The name before the colon of the L-node's text, if it has one."""
        text = graph.nodes[locution].text
        match = _PREFIX.match(text) if isinstance(text, str) else None
        return as_paragraph(match.group(1)) or None if match else None

    def speaker_of(locution: str) -> str | None:
        person = persons.get(locution)
        if person is None:
            name = prefix(locution)
            if name is None:
                return None
            if name not in by_name:
                by_name[name] = ident = ids.fresh(valid_id(name))
                speakers.participants[ident] = Participant(ident, name)
            return by_name[name]
        ident = ids.add(person)  # also a person the participants list does not name
        if ident not in speakers.participants:
            name = prefix(locution)
            speakers.participants[ident] = Participant(ident, name or f"person {person}")
        return ident

    used: set[str] = set()
    for node in graph.of_type("YA"):
        locutions = graph.sources(node.id, "L")
        said = [i for i in graph.targets(node.id, "I") if i in statements]
        if not locutions or not said:
            continue
        speaker = speaker_of(locutions[0])
        if speaker is None:
            ctx.add(
                Code.NOT_CARRIED,
                f"L node {locutions[0]!r} has no locution record and no 'Name :' prefix, so "
                f"statement(s) {', '.join(map(repr, said))} have no speaker",
                element=locutions[0],
                path=("nodes", graph.nodes[locutions[0]].position),
            )
            continue
        used.update((node.id, locutions[0]))
        for statement in said:
            before = speakers.of.setdefault(statement, speaker)
            if before != speaker:
                ctx.add(
                    Code.NOT_CARRIED,
                    f"statement {statement!r} is also said by {speaker!r} (through YA node "
                    f"{node.id!r}); a node has one speaker, so it keeps {before!r}",
                    element=statement,
                    path=("nodes", graph.nodes[statement].position),
                )
    _unused_dialogue(graph, used, ctx)
    return speakers


def declared_participants(data: dict[str, Any], ctx: Context) -> list[tuple[str, str]]:
    """The ``participants`` list: (participantID, full name) of each usable record."""
    found: list[tuple[str, str]] = []
    for index, raw in enumerate(field_list(data, "participants", ctx, required=False)):
        person = raw.get("participantID") if isinstance(raw, dict) else None
        if not is_id_value(person):
            ctx.add(
                Code.MISSING_VALUE,
                f"participants[{index}] has no participantID; left out",
                path=("participants", index),
            )
            continue
        parts = [raw.get(key) for key in ("firstname", "surname")]
        name = " ".join(p.strip() for p in parts if isinstance(p, str) and p.strip())
        found.append((plain_id(person), as_paragraph(name) or f"person {plain_id(person)}"))
    return found


def locution_speakers(
    data: dict[str, Any], type_of: Callable[[str], str | None], ctx: Context
) -> dict[str, str]:
    """The person who speaks each L-node, from the ``locutions`` records.

    ``type_of`` gives the type of the node with an id, or None if there is none.
    """
    persons: dict[str, str] = {}
    for index, raw in enumerate(field_list(data, "locutions", ctx, required=False)):
        path = ("locutions", index)
        node = raw.get("nodeID") if isinstance(raw, dict) else None
        person = raw.get("personID") if isinstance(raw, dict) else None
        if not is_id_value(node) or not is_id_value(person):
            ctx.add(
                Code.MISSING_VALUE,
                f"locutions[{index}] lacks a nodeID or a personID; left out",
                path=path,
            )
            continue
        node, person = plain_id(node), plain_id(person)
        kind = type_of(node)
        if kind != "L":
            what = "no node" if kind is None else f"a {kind} node"
            ctx.add(
                Code.BROKEN_ELEMENT,
                f"locutions[{index}] gives a speaker to {node!r}, {what}, not an L node; left out",
                element=node,
                path=path,
            )
            continue
        before = persons.setdefault(node, person)
        if before != person:
            ctx.add(
                Code.NOT_CARRIED,
                f"L node {node!r} is given to person {person!r} and before to {before!r}; "
                f"it keeps {before!r}",
                element=node,
                path=path,
            )
    return persons


def _unused_dialogue(graph: Graph, used: set[str], ctx: Context) -> None:
    """One AM401 per node type for the dialogue nodes that carry no speaker."""
    for kind, what in (
        ("L", "locutions that anchor no statement"),
        ("YA", "illocutions that join no locution to a statement"),
        ("TA", "transitions between locutions"),
    ):
        left = [node for node in graph.of_type(kind) if node.id not in used]
        if left:
            named = ", ".join(repr(node.id) for node in left[:5])
            more = f" and {len(left) - 5} more" if len(left) > 5 else ""
            ctx.add(
                Code.NOT_CARRIED,
                f"{len(left)} {kind} node(s), {what}, are dialogue a map does not hold; "
                f"left out: {named}{more}",
                element=left[0].id,
                path=("nodes", left[0].position),
            )
