"""Read an arg-microtexts argumentation graph (``arggraph`` XML) into a map."""

from __future__ import annotations

from typing import Any

from argmap.codes import Code
from argmap.errors import ParseError
from argmap.findings import Finding, Location
from argmap.formats._foreign import Ids, clean_text, file_title, kinds, make_map, make_node
from argmap.formats.interchange import Imported
from argmap.formats.microtexts._edges import Note
from argmap.formats.microtexts._edges import relations as edge_relations
from argmap.formats.microtexts._xml import Element, parse
from argmap.nodes import Basis
from argmap.relations import Attack, Support

__all__ = ["read"]

_ARGUMENTS = ("sup", "exa", "reb", "und", "add")
_TYPES = ("seg", *_ARGUMENTS)


def read(text: str, *, file: str | None = None) -> Imported:
    """Read arggraph XML; see :mod:`argmap.formats.microtexts` for the mapping."""
    elements = parse(text, file)
    root = elements[0] if elements else None
    if root is None or root.tag != "arggraph":
        tag = root.tag if root else "nothing"
        finding = Code.WRONG_TYPE.finding(
            f"an arg-microtexts file's root element is <arggraph>, not <{tag}>",
            Location(file, root.line if root else 1, root.column if root else 1),
        )
        raise ParseError([finding])
    findings: list[Finding] = []

    def note(code: Code, message: str, element: Element) -> None:
        ident = element.attrs.get("id")
        location = Location(file, element.line, element.column, element=ident)
        findings.append(code.finding(message, location))

    graph = _Graph.of(elements[1:], note)
    texts = graph.adu_texts(note)
    ids = Ids()
    node_ids = {adu: ids.take(adu) for adu in graph.adus if adu in texts}
    supports, attacks, kept = graph.relations(node_ids, note)
    relations: list[Support | Attack] = [*supports.values(), *attacks.values()]
    arguing = {e.attrs["src"] for e in graph.edges.values() if e.attrs["type"] in _ARGUMENTS}
    mains = {node_ids[adu] for adu in node_ids if adu not in arguing}
    the_kinds = kinds(node_ids.values(), mains=mains, relations=relations)
    examples = {
        node_ids.get(e.attrs["src"]) for e in graph.edges.values() if e.attrs["type"] == "exa"
    }
    nodes = [
        make_node(
            ident,
            texts[adu],
            the_kinds[ident],
            main=ident in mains,
            basis=Basis.EXAMPLE if ident in examples else None,
        )
        for adu, ident in node_ids.items()
    ]
    relation_edges: list[tuple[str, Support | Attack]] = [*supports.items(), *attacks.items()]
    metadata: dict[str, Any] = {
        key: root.attrs[key] for key in ("id", "topic_id", "stance") if key in root.attrs
    }
    metadata["roles"] = {
        node_ids[a]: e.attrs.get("type") for a, e in graph.adus.items() if a in node_ids
    }
    metadata["edges"] = {r.id: edge for edge, r in relation_edges}
    metadata.update({k: v for k, v in (("ids", ids.changed), *kept.items()) if v})
    amap = make_map(
        _title(root, file), nodes=nodes, relations=relations, metadata={"microtexts": metadata}
    )
    return Imported(amap, findings)


def _title(root: Element, file: str | None) -> str:
    for candidate in (root.attrs.get("topic_id", "").replace("_", " "), root.attrs.get("id")):
        if candidate and clean_text(candidate):
            return clean_text(candidate)
    return file_title(file, "arg-microtexts graph")


class _Graph:
    """The graph's EDUs, joints, ADUs and edges by id, the broken ones noted and left out."""

    def __init__(self) -> None:
        self.edus: dict[str, Element] = {}
        self.joints: dict[str, Element] = {}
        self.adus: dict[str, Element] = {}
        self.edges: dict[str, Element] = {}

    @classmethod
    def of(cls, elements: list[Element], note: Note) -> _Graph:
        graph = cls()
        tables = {"edu": graph.edus, "joint": graph.joints, "adu": graph.adus, "edge": graph.edges}
        seen: set[str] = set()
        for element in elements:
            table = tables.get(element.tag)
            ident = element.attrs.get("id")
            if table is None:
                note(
                    Code.NOT_CARRIED,
                    f"<{element.tag}> is no part of an arggraph: left out",
                    element,
                )
            elif not ident or ident in seen:
                what = "no id" if not ident else f"the id {ident!r} of an earlier element"
                note(Code.BROKEN_ELEMENT, f"<{element.tag}> has {what}: left out", element)
            elif element.tag == "edge" and not graph._edge_ok(element, note):
                seen.add(ident)
            else:
                seen.add(ident)
                table[ident] = element
        for ident, edge in list(graph.edges.items()):
            src, trg = edge.attrs["src"], edge.attrs["trg"]
            if src not in seen or trg not in seen:
                missing = src if src not in seen else trg
                note(
                    Code.BROKEN_ELEMENT,
                    f"edge {ident!r} runs to {missing!r}, which is not in the graph: left out",
                    edge,
                )
                del graph.edges[ident]
        return graph

    @staticmethod
    def _edge_ok(edge: Element, note: Note) -> bool:
        missing = [key for key in ("src", "trg", "type") if not edge.attrs.get(key)]
        if missing:
            note(
                Code.BROKEN_ELEMENT,
                f"edge {edge.attrs['id']!r} has no {missing[0]}: left out",
                edge,
            )
            return False
        if edge.attrs["type"] not in _TYPES:
            note(
                Code.BROKEN_ELEMENT,
                f"edge {edge.attrs['id']!r} has the type "
                f"{edge.attrs['type']!r}, not one of {', '.join(_TYPES)}: left out",
                edge,
            )
            return False
        return True

    def adu_texts(self, note: Note) -> dict[str, str]:
        """Each ADU's text: its EDUs' texts (through joints too), in document order."""
        into: dict[str, list[str]] = {}
        for edge in self.edges.values():
            if edge.attrs["type"] == "seg":
                into.setdefault(edge.attrs["trg"], []).append(edge.attrs["src"])
        order = {ident: index for index, ident in enumerate(self.edus)}
        texts: dict[str, str] = {}
        for ident, adu in self.adus.items():
            edus = {
                e
                for src in into.get(ident, ())
                for e in (into.get(src, ()) if src in self.joints else (src,))
                if e in self.edus
            }
            text = clean_text(
                " ".join(self.edus[e].text for e in sorted(edus, key=lambda e: order[e]))
            )
            if text:
                texts[ident] = text
            else:
                note(
                    Code.BROKEN_ELEMENT,
                    f"ADU {ident!r} has no text (no EDU segments into "
                    "it): left out, with its edges",
                    adu,
                )
        return texts

    def relations(
        self, node_ids: dict[str, str], note: Note
    ) -> tuple[dict[str, Support], dict[str, Attack], dict[str, Any]]:
        """Supports and attacks by edge id, and what the map keeps of what it cannot hold."""
        return edge_relations(self.edges, node_ids, note)
