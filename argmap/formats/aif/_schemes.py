"""RA and CA nodes as supports and attacks; MA and PA nodes kept as metadata."""

from __future__ import annotations

from typing import Any

from argmap.codes import Code
from argmap.formats.aif._context import Context
from argmap.formats.aif._graph import TYPES, AifNode, Graph
from argmap.formats.aif._ids import IdMap
from argmap.relations import Attack, Relation, Support

__all__ = ["Schemes", "read_schemes"]

#: Node types that join an S-node to the dialogue, not to its premises.
_DIALOGUE = ("YA", "TA")
#: What may point into an S-node besides its premises: the dialogue, and attacks on it.
_NOT_PREMISES = ("I", "CA", *_DIALOGUE)
#: Every type an S-node's edge may point at but a statement.
_NOT_CONCLUSIONS = ("RA", "CA", "MA", "PA", "L", *_DIALOGUE)


def read_schemes(graph: Graph, statements: dict[str, str], ids: IdMap, ctx: Context) -> Schemes:
    """Supports from RA nodes, then attacks from CA nodes; MA and PA nodes as metadata.

    ``statements`` maps the AIF id of every statement read to its argmap id.
    """
    schemes = Schemes(graph, statements, ids, ctx)
    for node in graph.of_type("RA"):
        schemes.inference(node)
    for node in graph.of_type("CA"):
        schemes.conflict(node)
    for node in (*graph.of_type("MA"), *graph.of_type("PA")):
        schemes.keep(node)
    return schemes


class Schemes:
    """What the S-nodes became: relations, the support each RA became, and metadata."""

    def __init__(self, graph: Graph, statements: dict[str, str], ids: IdMap, ctx: Context) -> None:
        self.graph, self.statements, self.ids, self.ctx = graph, statements, ids, ctx
        self.relations: list[Relation] = []
        self.support_of: dict[str, str] = {}
        self.metadata: dict[str, list[dict[str, Any]]] = {}

    def _add(self, code: Code, node: AifNode, message: str) -> None:
        self.ctx.add(code, message, element=node.id, path=("nodes", node.position))

    def _premises(self, node: AifNode) -> list[str]:
        graph = self.graph
        strays = [
            i for i in graph.into.get(node.id, []) if graph.nodes[i].type not in _NOT_PREMISES
        ]
        self._strays(node, strays, "premise(s)")
        return [i for i in graph.sources(node.id, "I") if i in self.statements]

    def _strays(self, node: AifNode, strays: list[str], side: str) -> None:
        """AM401 for an S-node's premises or conclusions that are not statements."""
        if strays:
            named = ", ".join(f"{i!r} ({self.graph.nodes[i].type})" for i in strays)
            self._add(
                Code.NOT_CARRIED,
                node,
                f"{node.type} node {node.id!r} has {side} {named}, not a statement; a map's "
                f"{'supports' if node.type == 'RA' else 'attacks'} join statements only, so "
                "left out of it",
            )

    def _complete(self, node: AifNode, premises: list[str], conclusions: list[str]) -> bool:
        found = (("premise", premises), ("conclusion", conclusions))
        missing = [what for what, items in found if not items]
        if missing:
            noun = "an inference" if node.type == "RA" else "a conflict"
            self._add(
                Code.BROKEN_ELEMENT,
                node,
                f"{node.type} node {node.id!r} has no statement as "
                f"{' and no statement as '.join(missing)}; {noun} needs both, so it is left out",
            )
            return False
        return True

    def _relation_id(self, node: AifNode, number: int) -> str:
        own = self.ids.of(node.id)
        return own if number == 1 else self.ids.fresh(f"{own}.{number}")

    def inference(self, node: AifNode) -> None:
        """An RA node as one support (one per conclusion, if it has several)."""
        premises = self._premises(node)
        graph, statements = self.graph, self.statements
        conclusions = [i for i in graph.targets(node.id, "I") if i in statements]
        self._strays(node, graph.targets(node.id, *_NOT_CONCLUSIONS), "conclusion(s)")
        if not self._complete(node, premises, conclusions):
            return
        if len(conclusions) > 1:
            self._add(
                Code.NOT_CARRIED,
                node,
                f"RA node {node.id!r} has {len(conclusions)} conclusions; a support has one, so "
                "it is read as one support per conclusion",
            )
        number = 0
        for conclusion in conclusions:
            by = tuple(dict.fromkeys(statements[p] for p in premises if p != conclusion))
            if not by:
                self._add(
                    Code.BROKEN_ELEMENT,
                    node,
                    f"RA node {node.id!r} infers statement {conclusion!r} from itself; left out",
                )
                continue
            number += 1
            support_id = self._relation_id(node, number)
            self.relations.append(Support(by, statements[conclusion], id=support_id))
            self.support_of.setdefault(node.id, support_id)

    def conflict(self, node: AifNode) -> None:
        """A CA node as one attack (one per attacker and target, if it has several)."""
        premises = self._premises(node)
        targets: list[str] = []
        on_attack = False
        for target in self.graph.targets(node.id, "I", *_NOT_CONCLUSIONS):
            kind = self.graph.nodes[target].type
            if kind == "I" and target in self.statements:
                targets.append(self.statements[target])
            elif kind == "RA" and target in self.support_of:
                targets.append(self.support_of[target])
            elif kind == "RA":
                self._add(
                    Code.BROKEN_ELEMENT,
                    node,
                    f"CA node {node.id!r} attacks RA node {target!r}, which was left out; so is "
                    "this attack on it",
                )
            elif kind == "CA":
                on_attack = True
                self.metadata.setdefault("attacks-on-attacks", []).append(
                    {"id": node.id, "by": [self.statements[p] for p in premises], "target": target}
                )
                self._add(
                    Code.NOT_CARRIED,
                    node,
                    f"CA node {node.id!r} attacks CA node {target!r}, an attack on an attack; a "
                    "map's attacks target statements and supports only, so it is kept in the "
                    "map's metadata under aif.attacks-on-attacks",
                )
            else:
                self._strays(node, [target], "target")
        if (on_attack and not targets) or not self._complete(node, premises, targets):
            return
        if len(premises) > 1 or len(targets) > 1:
            self._add(
                Code.NOT_CARRIED,
                node,
                f"CA node {node.id!r} joins {len(premises)} attacker(s) to {len(targets)} "
                "target(s); an attack has one of each, so it is read as one attack per pair",
            )
        number = 0
        for target in targets:
            for premise in premises:
                attacker = self.statements[premise]
                if attacker == target:
                    self._add(
                        Code.BROKEN_ELEMENT,
                        node,
                        f"CA node {node.id!r} has statement {premise!r} attack itself; left out",
                    )
                    continue
                number += 1
                self.relations.append(Attack(attacker, target, id=self._relation_id(node, number)))

    def keep(self, node: AifNode) -> None:
        """An MA or PA node in the metadata, with the ends of its edges."""
        key = "rephrases" if node.type == "MA" else "preferences"
        graph = self.graph
        ends = {
            side: [
                self.statements.get(i, i) for i in idents if graph.nodes[i].type not in _DIALOGUE
            ]
            for side, idents in (
                ("from", graph.into.get(node.id, [])),
                ("to", graph.out.get(node.id, [])),
            )
        }
        self.metadata.setdefault(key, []).append({"id": node.id, **ends})
        self._add(
            Code.NOT_CARRIED,
            node,
            f"{node.type} node {node.id!r} ({TYPES[node.type]} from {ends['from']} to "
            f"{ends['to']}) is neither a support nor an attack; kept in the map's metadata "
            f"under aif.{key}",
        )
