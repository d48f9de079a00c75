"""A document's relations as its author wrote them, and their problems told in those terms.

The model names a relation by its id, which the author often never typed (``p->thesis`` is
made from ``p: {supports: thesis}``); these messages name what is written where it is
written instead: ``'thesis' is listed twice in supports of premise 'p'``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping
from typing import Any

import attrs

from argmap._references import unresolved
from argmap._suggest import closest, support_key
from argmap.codes import Code
from argmap.findings import DocPath, Finding, Location
from argmap.nodes import NODE_KINDS, Node
from argmap.relations import Relation, Support, default_relation_id

__all__ = [
    "Written",
    "home_kind",
    "item_path",
    "relation_problem",
    "spelled_support_id",
    "structure",
    "written_relations",
]

#: What a document path is at: its (line, column), if known.
Locate = Callable[[DocPath], tuple[int, int] | None]
#: The text of a scalar as the reader takes it, or None if the reader takes none.
Text = Callable[[object], str | None]


@attrs.frozen
class Written:
    """A relation the reader built, with where and how the document writes it."""

    relation: Relation
    home_kind: str
    key: str
    path: DocPath
    mapping: bool  # written as {to: ...}
    named: bool  # the document gives its id

    @property
    def owner(self) -> str:
        """The node it is written on, as messages name it: ``premise 'p'``."""
        return f"{self.home_kind} {self.relation.by[0]!r}"

    def at(self, field: str, index: int = 0) -> DocPath:
        """Where its ``to``, ``with`` (item ``index``) or ``id`` is written."""
        return item_path(self.path, self.mapping, field, index)


def item_path(path: DocPath, mapping: bool, field: str, index: int = 0) -> DocPath:
    """Where an item's ``to``, ``with`` (item ``index``) or ``id`` is: the item, if no mapping.

    >>> item_path(("nodes", "p", "supports"), True, "with", 1)
    ('nodes', 'p', 'supports', 'with', 1)
    """
    if not mapping:
        return path
    return (*path, "with", index) if field == "with" else (*path, field)


def home_kind(raw: object) -> str:
    """The kind of a node as written: its kind key, or ``node`` when that is not clear."""
    kinds = [kind for kind in NODE_KINDS if isinstance(raw, dict) and kind in raw]
    return kinds[0] if len(kinds) == 1 else "node"


def written_relations(
    raw_nodes: Mapping[str, Any], relations: list[Relation], text: Text
) -> list[Written]:
    """Each relation of ``relations`` with where it is written, in the order of the document.

    The relations are those the reader built; an item it could not read made none, and is
    skipped here too. A relation is matched to the first item that makes it.
    """
    pending: dict[tuple[str, tuple[str, ...], str, str], list[Relation]] = {}
    for relation in reversed(relations):
        pending.setdefault(_signature(relation), []).append(relation)
    found: list[Written] = []
    for home, raw in raw_nodes.items():
        if not isinstance(raw, dict):
            continue
        kind = home_kind(raw)
        for key in [key for key in raw if key in ("supports", "attacks")]:
            value = raw[key]
            items = enumerate(value) if isinstance(value, list) else [(None, value)]
            for index, item in items:
                made = _made(str(home), key, item, text)
                queue = pending.get(made[0]) if made is not None else None
                if made is None or not queue:
                    continue
                path: DocPath = ("nodes", str(home), key)
                path = path if index is None else (*path, index)
                found.append(Written(queue.pop(), kind, key, path, *made[1:]))
    for queue in pending.values():  # not found as written (never expected): name the node
        for relation in queue:
            key = "supports" if isinstance(relation, Support) else "attacks"
            kind = home_kind(raw_nodes.get(relation.by[0]))
            where = ("nodes", relation.by[0], key)
            found.append(Written(relation, kind, key, where, mapping=False, named=True))
    return found


def _signature(relation: Relation) -> tuple[str, tuple[str, ...], str, str]:
    return relation.kind, relation.by, relation.target, relation.id


def _made(
    home: str, key: str, item: object, text: Text
) -> tuple[tuple[str, tuple[str, ...], str, str], bool, bool] | None:
    """The signature of the relation an item makes, whether it is a mapping and names its id."""
    target, ident = text(item), None
    others: tuple[str, ...] = ()
    if isinstance(item, dict):
        target = text(item.get("to"))
        given = item.get("with") if key == "supports" else None
        texts = map(text, given) if isinstance(given, list) else ()
        others = tuple(found for found in texts if found is not None)
        ident = text(item.get("id"))
    if target is None:
        return None
    kind = "support" if key == "supports" else "attack"
    by = (home, *others)
    made = ident or default_relation_id(by, target)
    return (kind, by, target, made), isinstance(item, dict), ident is not None


def structure(
    raw_nodes: Mapping[str, Any],
    nodes: list[Node],
    relations: list[Relation],
    *,
    source_ids: Collection[str],
    participant_ids: Collection[str],
    text: Text,
    locate: Locate,
) -> list[Finding]:
    """AM201 and AM202 for a document, each where the author wrote the reference or id."""
    written = written_relations(raw_nodes, relations, text)
    findings = list(_clashes(written, raw_nodes, locate))
    by_relation = {id(w.relation): w for w in written}
    found = unresolved(
        nodes,
        [w.relation for w in written],
        node_ids={str(ident) for ident in raw_nodes},
        support_ids={w.relation.id for w in written if isinstance(w.relation, Support)},
        source_ids=source_ids,
        participant_ids=participant_ids,
    )
    for ref in found:
        w = by_relation.get(id(ref.owner))
        path: DocPath
        if w is None:  # a node's speaker or source: said as the model says it
            message, path = ref.message, ("nodes", ref.owner.id, ref.field)
        elif ref.field == "source":  # the document a relation cites
            message, path = ref.message, w.at("source")
        elif ref.field == "target":
            verb = "supports" if isinstance(w.relation, Support) else "attacks"
            message = f"{w.owner} {verb} {ref.ident!r}, which is not {ref.expected}{ref.hint}"
            path = w.at("to")
        else:  # a co-premise under 'with': the node written on is always declared
            target = w.relation.target
            message = (
                f"{w.owner} supports {target!r} with {ref.ident!r}, which is not "
                f"{ref.expected}{ref.hint}"
            )
            path = w.at("with", w.relation.by.index(ref.ident) - 1)
        location = Location(element=ref.owner.id, path=path)
        findings.append(Code.UNKNOWN_REFERENCE.finding(message, location))
    return findings


def _clashes(
    written: list[Written], raw_nodes: Mapping[str, Any], locate: Locate
) -> Iterator[Finding]:
    """AM201 for each relation whose id a node or an earlier relation has."""
    first: dict[str, Written] = {}
    times: dict[str, int] = {}
    for w in written:
        ident = w.relation.id
        earlier = first.get(ident)
        path: DocPath
        if ident in raw_nodes:
            kind, path, generated = home_kind(raw_nodes[ident]), ("nodes", ident), False
        elif earlier is None:
            first[ident] = w
            continue
        elif earlier.relation == w.relation:
            times[ident] = count = times.get(ident, 1) + 1
            yield Code.DUPLICATE_ID.finding(
                f"{_as_written(w.relation)} is listed {'twice' if count == 2 else f'{count} times'}"
                f" in {w.key} of {w.owner}; list it once",
                Location(element=ident, path=w.path),
            )
            continue
        elif not (earlier.named or w.named) and earlier.relation.target == w.relation.target:
            yield Code.DUPLICATE_ID.finding(  # one node, one target: a support and an attack
                f"{w.owner} both supports and attacks {w.relation.target!r}; keep one of them",
                Location(element=ident, path=w.path),
            )
            continue
        else:
            kind, path, generated = earlier.relation.kind, earlier.path, not earlier.named
        position = locate(path)
        article = "an" if kind[0] in "aeiou" else "a"
        used = f"{article} {kind}" + (f" at line {position[0]}" if position else "")
        used += " (its id made from its ends)" if generated else ""
        if w.named:
            message = (
                f"id {ident!r} of this {w.relation.kind} is already used by {used}; "
                "ids must be unique"
            )
        else:
            message = (
                f"the id {ident!r} this {w.relation.kind} gets from its ends is already used by "
                f"{used}; give it an 'id' of its own"
            )
        yield Code.DUPLICATE_ID.finding(
            message, Location(element=ident, path=w.at("id") if w.named else w.path)
        )


def _as_written(relation: Relation) -> str:
    """The target of a relation, with its co-premises: ``'thesis' with 'a' and 'b'``."""
    others = [repr(ident) for ident in relation.by[1:]]
    if not others:
        return repr(relation.target)
    names = others[0] if len(others) == 1 else f"{', '.join(others[:-1])} and {others[-1]}"
    return f"{relation.target!r} with {names}"


def relation_problem(
    owner: str, key: str, home: str, target: str, others: tuple[str, ...]
) -> tuple[Code, str, str, int] | None:
    """A relation that names its own node or repeats one: code, message, field, ``with`` index.

    The model would say it of the relation's id (``support 'p->p'``); ``owner`` is how the
    message names the node it is written on (``premise 'p'``).
    """
    if target == home:
        verb = "support" if key == "supports" else "attack"
        message = f"{owner} lists itself in its {key}; a node cannot {verb} itself"
        return Code.SELF_REFERENCE, message, "to", 0
    for index, other in enumerate(others):
        if other == home:
            message = (
                f"{owner} lists itself in 'with'; a support holds the node it is written on "
                "already, so leave it out of 'with'"
            )
            return Code.INVALID_VALUE, message, "with", index
        if other == target:
            message = f"{owner} supports {target!r} with {target!r}; a node cannot support itself"
            return Code.SELF_REFERENCE, message, "with", index
        if other in others[:index]:
            message = f"{other!r} is listed twice in 'with' of this support; list it once"
            return Code.INVALID_VALUE, message, "with", index
    return None


def spelled_support_id(owner: str, written: str, meant: str, ids: Collection[str]) -> str:
    """The message for an attack on a support id spelt naturally (``a -> b`` for ``a->b``)."""
    start = f"{owner} attacks {written!r}, which is not an id"
    rule = "support ids have no spaces and use '->'"
    if meant in ids:
        return f"{start}; write {meant!r} ({rule})"
    guess = closest(meant, ids, support_key)
    if guess is not None:
        return f"{start}; {rule}: did you mean {guess!r}?"
    return f"{start}; {rule}, but there is no support {meant!r} either"
