"""Writing a map as an AIF nodeset: I, RA and CA nodes, and L and YA nodes for speakers."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from argmap.argument_map import ArgumentMap
from argmap.formats.aif._roles import roles
from argmap.formats.interchange import Loss
from argmap.nodes import Claim, Premise
from argmap.relations import Support

__all__ = ["write_nodeset"]


def write_nodeset(amap: ArgumentMap) -> tuple[dict[str, Any], tuple[Loss, ...]]:
    """The nodeset of ``amap`` as JSON-ready data, and what it could not carry."""
    rule = roles((node.id for node in amap.nodes), amap.relations)
    kept = amap.metadata.get("aif")
    kept = kept if isinstance(kept, Mapping) else {}
    out = _original_ids(amap, kept.get("ids"))
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []

    def edge(start: str, end: str) -> None:
        start, end = out.get(start, start), out.get(end, end)
        edges.append(
            {"edgeID": str(len(edges) + 1), "fromID": start, "toID": end, "formEdgeID": None}
        )

    for node in amap.nodes:
        written: dict[str, Any] = {"nodeID": out[node.id], "text": node.text, "type": "I"}
        role = (node.kind, isinstance(node, Claim) and node.main)
        if role != rule[node.id]:
            written["argmap"] = {"kind": role[0], "main": True} if role[1] else {"kind": role[0]}
        nodes.append(written)
    for relation in amap.relations:
        support = isinstance(relation, Support)
        scheme = "Default Inference" if support else "Default Conflict"
        nodes.append(
            {
                "nodeID": out[relation.id],
                "text": scheme,
                "type": "RA" if support else "CA",
                "scheme": scheme,
            }
        )
        for premise in relation.by:
            edge(premise, relation.id)
        edge(relation.id, relation.target)
    lost = _kept_schemes(kept, out, nodes, edge)
    names = {participant.id: participant.name for participant in amap.participants}
    locutions: list[dict[str, Any]] = []
    for node in amap.nodes:
        if node.speaker is None:
            continue
        said, asserting = f"L:{node.id}", f"YA:{node.id}"
        nodes.append({"nodeID": said, "text": f"{names[node.speaker]} : {node.text}", "type": "L"})
        nodes.append(
            {"nodeID": asserting, "text": "Asserting", "type": "YA", "scheme": "Asserting"}
        )
        edge(said, asserting)
        edge(asserting, node.id)
        locutions.append({"nodeID": said, "personID": node.speaker})
    participants = [
        {"participantID": participant.id, "firstname": participant.name, "surname": ""}
        for participant in amap.participants
    ]
    data = {
        "nodes": nodes,
        "edges": edges,
        "locutions": locutions,
        "participants": participants,
        "argmap": {"title": amap.title},
    }
    return data, _losses(amap, lost)


def _original_ids(amap: ArgumentMap, changed: Any) -> dict[str, str]:
    """Each node's and relation's id in the file.

    That is the AIF id it was read from, if it had to change and still names nothing else;
    otherwise its own id.
    """
    own = [element.id for element in (*amap.nodes, *amap.relations)]
    out = {ident: ident for ident in own}
    if isinstance(changed, Mapping):
        taken = set(own)
        for ident, original in changed.items():
            if ident in out and isinstance(original, str) and original not in taken:
                out[ident] = original
                taken.add(original)
    return out


#: What the reader keeps in ``metadata["aif"]`` that the writer puts back, and as what.
_KEPT = {"rephrases": "MA", "preferences": "PA", "attacks-on-attacks": "CA"}
_SCHEMES = {"MA": "Default Rephrase", "PA": "Default Preference", "CA": "Default Conflict"}


def _kept_schemes(
    kept: Mapping[str, Any],
    out: Mapping[str, str],
    nodes: list[dict[str, Any]],
    edge: Callable[[str, str], None],
) -> list[str]:
    """Write back the MA, PA and CA nodes a reader kept as metadata.

    Returns the ids of those left out because they name a node the map no longer has.
    """
    records = [
        (kind, r)
        for key, kind in _KEPT.items()
        for r in kept.get(key, ())
        if isinstance(r, Mapping)
    ]
    ids = {r.get("id") for _, r in records}
    written = set(out.values())
    lost: list[str] = []
    for kind, record in records:
        ident = record.get("id")
        starts = record.get("from", record.get("by", ()))
        ends = record.get("to", (record.get("target"),))
        ends_ok = all(
            isinstance(e, str) and (out.get(e, e) in written or e in ids) for e in (*starts, *ends)
        )
        if not isinstance(ident, str) or ident in written or not ends_ok:
            lost.append(str(ident))
            continue
        nodes.append(
            {"nodeID": ident, "text": _SCHEMES[kind], "type": kind, "scheme": _SCHEMES[kind]}
        )
        for start in starts:
            edge(start, ident)
        for end in ends:
            edge(ident, end)
    return lost


def _loss(kind: str, ids: Iterable[str], detail: str) -> Loss:
    return Loss(kind, tuple(ids), detail)


def _losses(amap: ArgumentMap, lost: list[str]) -> tuple[Loss, ...]:
    elements = (*amap.nodes, *amap.relations)
    found = [
        _loss(
            "basis",
            [n.id for n in amap.nodes if isinstance(n, Premise) and n.basis is not None],
            "AIF has no kind of ground for a statement; the basis is left out",
        ),
        _loss(
            "implicit flag",
            [e.id for e in elements if getattr(e, "implicit", False)],
            "AIF does not mark what the analyst added; written as stated",
        ),
        _loss("tag", [n.id for n in amap.nodes if n.tags], "AIF nodes have no tags; left out"),
        _loss(
            "note",
            [e.id for e in elements if e.note is not None],
            "AIF nodes have no notes; left out",
        ),
        _loss(
            "source citation",
            [e.id for e in elements if e.source is not None],
            "AIF nodes cite no document; left out",
        ),
        _loss("source", [s.id for s in amap.sources], "AIF has no source documents; left out"),
        _loss(
            "participant detail",
            [
                p.id
                for p in amap.participants
                if (p.affiliation, p.country, p.role) != (None, None, None)
            ],
            "AIF participants have a name only; affiliation, country and role are left out",
        ),
        _loss(
            "metadata",
            [key for key in amap.metadata if key != "aif"],
            "AIF has no place for a map's metadata; left out",
        ),
        _loss(
            "kept AIF node",
            lost,
            "MA, PA or CA nodes kept in metadata under 'aif' that name nodes the map no longer "
            "has; left out",
        ),
    ]
    return tuple(loss for loss in found if loss.ids)
