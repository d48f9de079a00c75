"""Write a map as a SADFace v0.2 document, and say what SADFace cannot carry."""

from __future__ import annotations

import json
import uuid
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from argmap.argument_map import ArgumentMap
from argmap.formats._foreign import kinds
from argmap.formats.interchange import Exported, Loss
from argmap.formats.sadface._resources import resource
from argmap.nodes import Claim, Premise
from argmap.relations import Relation, Support

__all__ = ["made_id", "reader_mains", "structural_mains", "write"]

#: The namespace of the ids the writer makes: fixed, so that its output is too.
_NAMESPACE = uuid.UUID("9b1d3c52-5a0e-4f7e-9d7c-0c6a2b8e4a11")


def made_id(*parts: str) -> str:
    """A UUID made from ``parts``: the same parts, the same id.

    >>> made_id("edge", "p", "c") == made_id("edge", "p", "c") != made_id("edge", "c", "p")
    True
    """
    return str(uuid.uuid5(_NAMESPACE, "\x00".join(parts)))


def _plain(value: Any) -> Any:
    """Frozen metadata as JSON data: read-only mappings to dicts, tuples to lists."""
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


def reader_mains(amap: ArgumentMap) -> set[str]:
    """The main claims reading the written document gives back."""
    mains = [node.id for node in amap.nodes if type(node) is Claim and node.main]
    if len(mains) == 1:
        return set(mains)
    return structural_mains(amap.relations)


def structural_mains(relations: Collection[Relation]) -> set[str]:
    """The statements a support concludes that premise nothing: main claims by structure.

    >>> structural_mains([Support(["p"], "c")])
    {'c'}
    """
    concluded = {r.target for r in relations if type(r) is Support}
    return concluded - {ident for r in relations for ident in r.by}


def write(amap: ArgumentMap) -> Exported:
    """SADFace JSON for ``amap``; see :mod:`argmap.formats.sadface` for the mapping."""
    kept = _plain(amap.metadata.get("sadface", {}))
    kept = kept if isinstance(kept, dict) else {}
    names = _renames(amap, kept.get("ids"))
    core = dict(kept.get("core") or {})
    core.pop("version", None)
    core.setdefault("id", made_id("document", amap.title))
    core.update(version="0.2", title=amap.title)
    mains = [node.id for node in amap.nodes if type(node) is Claim and node.main]
    if len(mains) == 1:
        core["claim"] = names(mains[0])
    atoms_kept = kept.get("atoms") or {}
    nodes: list[dict[str, Any]] = []
    for node in amap.nodes:
        more = atoms_kept.get(node.id, {}) if isinstance(atoms_kept, dict) else {}
        sources = more.get("sources") or (
            [{"resource_id": node.source.doc}] if node.source is not None else []
        )
        nodes.append(
            {
                "id": names(node.id),
                "metadata": more.get("metadata", {}),
                "sources": sources,
                "text": node.text,
                "type": "atom",
            }
        )
    schemes = kept.get("schemes") or {}
    edges: list[dict[str, Any]] = []
    for relation in amap.relations:
        default = "support" if type(relation) is Support else "conflict"
        name = schemes.get(relation.id, default) if isinstance(schemes, dict) else default
        scheme = names(relation.id)
        nodes.append({"id": scheme, "metadata": {}, "name": name, "type": "scheme"})
        edges.extend(_edge(names(by), scheme) for by in relation.by)
        edges.append(_edge(scheme, names(relation.target)))
    resources_kept = kept.get("resources") or {}
    resources = [resource(source, resources_kept.get(source.id)) for source in amap.sources]
    metadata = {**(kept.get("metadata") or {}), "core": core}
    document = {"edges": edges, "metadata": metadata, "nodes": nodes, "resources": resources}
    text = json.dumps(document, indent=4, ensure_ascii=False, sort_keys=True) + "\n"
    return Exported(text, losses(amap))


def _edge(source: str, target: str) -> dict[str, str]:
    return {"id": made_id("edge", source, target), "source_id": source, "target_id": target}


def _renames(amap: ArgumentMap, changed: object) -> Any:
    """A function giving each id the file's own id a read changed it from, if still unique."""
    if not isinstance(changed, dict) or not changed:
        return str
    ids = [n.id for n in amap.nodes] + [r.id for r in amap.relations]
    back = {ident: str(changed.get(ident, ident)) for ident in ids}
    if len(set(back.values())) < len(back):
        return str
    return lambda ident: back.get(ident, ident)


def losses(amap: ArgumentMap) -> list[Loss]:
    """One loss per kind of thing in ``amap`` that SADFace cannot carry."""
    mains = reader_mains(amap)
    read_kinds = kinds((n.id for n in amap.nodes), mains=mains, relations=amap.relations)
    nodes, relations = amap.nodes, amap.relations
    found = [
        Loss(
            "kind",
            _ids(n for n in nodes if read_kinds[n.id] != n.kind),
            "SADFace atoms have no kind: reading gives main claims, rebuttals (attackers), "
            "claims (supported) and premises",
        ),
        Loss(
            "main claim",
            _ids(n for n in nodes if (n.id in mains) != (type(n) is Claim and n.main)),
            "SADFace names one main claim (core.claim); with several or none the reader "
            "takes the atoms that conclude something and are premises of nothing",
        ),
        Loss("basis", _ids(n for n in nodes if type(n) is Premise and n.basis is not None)),
        Loss("implicit premise", _ids(n for n in nodes if type(n) is Premise and n.implicit)),
        Loss("tag", _ids(n for n in nodes if n.tags)),
        Loss("note", _ids([*(n for n in nodes if n.note), *(r for r in relations if r.note)])),
        Loss("speaker", _ids(n for n in nodes if n.speaker)),
        Loss("participant", _ids(amap.participants)),
        Loss(
            "paragraphs",
            _ids(n for n in nodes if n.source and n.source.paragraphs),
            "an atom's source names a resource, not its paragraphs",
        ),
        Loss(
            "source of a relation",
            _ids(r for r in relations if r.source),
            "SADFace schemes cite no resource",
        ),
        Loss("implicit relation", _ids(r for r in relations if r.implicit)),
        Loss(
            "metadata",
            sorted(key for key in amap.metadata if key != "sadface"),
            "SADFace keeps only its own metadata",
        ),
    ]
    return [loss for loss in found if loss.ids]


def _ids(items: Iterable[Any]) -> tuple[str, ...]:
    return tuple(item.id for item in items)
