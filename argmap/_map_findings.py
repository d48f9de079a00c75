"""What exactly is wrong with the parts of a map its constructor refused: every finding."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator

from argmap._references import unresolved
from argmap.codes import Code
from argmap.findings import Finding, Location
from argmap.nodes import Node
from argmap.provenance import Participant, Source
from argmap.relations import Attack, Relation, Support

__all__ = ["dangling_references", "structure_findings"]


def structure_findings(
    nodes: tuple[Node, ...],
    relations: tuple[Relation, ...],
    sources: tuple[Source, ...],
    participants: tuple[Participant, ...],
    *,
    dangling: Iterable[Finding],
) -> list[Finding]:
    """AM201 for every id given twice, then the ``dangling`` references (AM202), in map order."""
    findings: list[Finding] = []
    everything = (*nodes, *relations)
    seen: dict[str, int] = {}
    for index, element in enumerate(everything):
        if element.id in seen:
            at = seen[element.id]
            place = f"at nodes[{at}]" if at < len(nodes) else _ends(everything[at])
            findings.append(_duplicate(element, everything[at], place))
        else:
            seen[element.id] = index
    _unique(sources, "sources", findings)
    _unique(participants, "participants", findings)
    findings.extend(dangling)
    return findings


def _duplicate(
    element: Node | Relation | Source | Participant,
    first: Node | Relation | Source | Participant,
    place: str,
) -> Finding:
    """AM201 for ``element``, whose id the earlier ``first`` has (``place`` says where)."""
    if isinstance(element, Support | Attack) and element == first:
        message = f"{element.kind} {element.id!r} is given twice; give it once"
    else:
        article = "an" if first.kind[0] in "aeiou" else "a"
        message = (
            f"id {element.id!r} of this {element.kind} is already used by {article} "
            f"{first.kind} {place}; ids must be unique"
        )
    return Code.DUPLICATE_ID.finding(message, Location(element=element.id))


def _ends(element: Node | Relation) -> str:
    """Where a relation runs, to name it by what its id does not say: ``from 'p' to 'c'``."""
    if not isinstance(element, Support | Attack):
        return ""
    names = [repr(ident) for ident in element.by]
    start = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return f"from {start} {'to' if isinstance(element, Support) else 'on'} {element.target!r}"


def _unique(items: tuple[Source | Participant, ...], field: str, findings: list[Finding]) -> None:
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        if item.id in seen:
            first = seen[item.id]
            findings.append(_duplicate(item, items[first], f"at {field}[{first}]"))
        else:
            seen[item.id] = index


def dangling_references(
    nodes: Iterable[Node],
    relations: Iterable[Relation],
    *,
    node_ids: Collection[str],
    support_ids: Collection[str],
    source_ids: Collection[str],
    participant_ids: Collection[str],
) -> Iterator[Finding]:
    """AM202 for every reference to an id not among those given, in map order.

    Each message ends with the id of the right kind the reference most probably means, if
    one is close (``Thesis`` or ``thesys`` for ``thesis``). The map's constructor uses it on
    itself; the readers make the same check with the ids a document declares, and word it
    in the file's terms.
    """
    found = unresolved(
        nodes,
        relations,
        node_ids=node_ids,
        support_ids=support_ids,
        source_ids=source_ids,
        participant_ids=participant_ids,
    )
    for ref in found:
        location = Location(element=ref.owner.id, path=(ref.field,))
        yield Code.UNKNOWN_REFERENCE.finding(ref.message, location)
