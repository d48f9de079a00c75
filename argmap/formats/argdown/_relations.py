"""Argdown's relations as a map's supports and attacks, and the node kinds they imply.

Support and entailment are supports; attack, contrariness and undercut are attacks (an
undercut on a support); a contradiction is two attacks. A relation on a reconstructed
argument is read as one on its inference or its conclusion, and said so (AM401).
"""

from __future__ import annotations

from collections.abc import Collection

import attrs

from argmap.codes import Code
from argmap.findings import Finding, Location
from argmap.formats._foreign import Ids
from argmap.formats.argdown import _model as m
from argmap.relations import Attack, Relation, Support

__all__ = ["implied_kinds", "relations_between"]


def implied_kinds(relations: Collection[Relation]) -> dict[str, tuple[str, bool]]:
    """The kind the relations give each node they touch, and whether it is a main claim.

    A node that supports something is a premise; else one that attacks something is a
    rebuttal; else it is a claim, a main claim if something supports or attacks it. A node
    no relation touches is a claim that is not main.

    >>> implied_kinds([Support(["p"], "c"), Attack("r", "p")])
    {'p': ('premise', False), 'r': ('rebuttal', False), 'c': ('claim', True)}
    """
    outgoing: dict[str, set[str]] = {}
    for relation in relations:
        for source in relation.by:
            outgoing.setdefault(source, set()).add(relation.kind)
    incoming = dict.fromkeys(relation.target for relation in relations)
    return {
        node: _implied(outgoing.get(node, set()), node in incoming)
        for node in dict.fromkeys([*outgoing, *incoming])
    }


def _implied(kinds: set[str], supported_or_attacked: bool) -> tuple[str, bool]:
    if "support" in kinds:
        return "premise", False
    if "attack" in kinds:
        return "rebuttal", False
    return "claim", supported_or_attacked


def relations_between(
    doc: m.Document,
    *,
    supports: list[Support],
    node_of: dict[tuple[str, str], str],
    support_of: dict[str, str],
    ids: Ids,
    findings: list[Finding],
    file: str | None,
) -> list[Relation]:
    """The supports and attacks ``doc``'s relations make, each once; what does not fit noted.

    ``supports`` are the reconstructed arguments' own, ``node_of`` names the node of each
    titled statement or argument, ``support_of`` the last support of each reconstruction.
    """
    reading = _Reading(doc, node_of, support_of, ids, findings, file)
    undercuts: list[m.Relation] = []
    for relation in doc.relations:
        if relation.type == m.UNDERCUT and not reading.on_reconstruction(relation):
            undercuts.append(relation)
        else:
            reading.relation(relation)
    for relation in undercuts:  # undercuts of arguments that are nodes: once all supports are in
        reading.undercut(relation, supports)
    return reading.made


@attrs.define
class _Reading:
    """The relations made so far, each once and with a fresh id, and the findings."""

    doc: m.Document
    node_of: dict[tuple[str, str], str]
    support_of: dict[str, str]
    ids: Ids
    findings: list[Finding]
    file: str | None
    made: list[Relation] = attrs.Factory(list)
    seen: set[tuple[str, tuple[str, ...], str]] = attrs.Factory(set)

    def note(self, code: Code, relation: m.Relation, what: str) -> None:
        where = Location(self.file, relation.line, relation.column)
        message = f"{relation.type} from {relation.source!r} to {relation.target!r} {what}"
        self.findings.append(code.finding(message, where))

    def end(self, kind: str, title: str) -> str:
        """The node at one end: an argument's own, or its conclusion's."""
        if (kind, title) in self.node_of:
            return self.node_of[(kind, title)]
        conclusion = self.doc.arguments[title].conclusion
        return self.node_of[(m.STATEMENT, conclusion or title)]

    def add(self, cls: type[Support] | type[Attack], source: str, target: str) -> None:
        key = (cls.kind, (source,), target)
        if source == target or key in self.seen:
            return
        self.seen.add(key)
        self.made.append(cls((source,), target, id=self.ids.fresh(f"{source}->{target}")))

    def on_reconstruction(self, relation: m.Relation) -> bool:
        """Whether the relation points at an argument with a premise-conclusion structure."""
        return relation.to_kind == m.ARGUMENT and relation.target in self.support_of

    def relation(self, relation: m.Relation) -> None:
        """Add what one relation (not an undercut of an argument that is a node) makes."""
        source = self.end(relation.from_kind, relation.source)
        if relation.type in (m.SUPPORT, m.ENTAILS):
            if self.on_reconstruction(relation):
                self.note(
                    Code.NOT_CARRIED,
                    relation,
                    "supports a reconstructed argument: read as "
                    "support of its conclusion (a map cannot support a support)",
                )
            self.add(Support, source, self.end(relation.to_kind, relation.target))
        elif relation.type in (m.ATTACK, m.CONTRARY, m.UNDERCUT) and self.on_reconstruction(
            relation
        ):
            if relation.type != m.UNDERCUT:
                self.note(
                    Code.NOT_CARRIED,
                    relation,
                    "attacks a reconstructed argument without "
                    "saying which premise: read as an attack on its inference (an undercut)",
                )
            self.add(Attack, source, self.support_of[relation.target])
        elif relation.type == m.CONTRADICTORY:
            self.note(Code.NOT_CARRIED, relation, "is a contradiction: read as attacks both ways")
            target = self.end(relation.to_kind, relation.target)
            self.add(Attack, source, target)
            self.add(Attack, target, source)
        else:
            self.add(Attack, source, self.end(relation.to_kind, relation.target))

    def undercut(self, relation: m.Relation, supports: list[Support]) -> None:
        """Add the attacks an undercut of an argument that is a node makes."""
        source = self.end(relation.from_kind, relation.source)
        target = self.node_of.get((relation.to_kind, relation.target))
        if target is None or relation.to_kind != m.ARGUMENT:
            self.note(
                Code.BROKEN_ELEMENT, relation, "undercuts a statement, not an argument: left out"
            )
            return
        outgoing = [
            r.id for r in (*supports, *self.made) if isinstance(r, Support) and r.by == (target,)
        ]
        if not outgoing:
            self.note(
                Code.NOT_CARRIED,
                relation,
                "undercuts an argument that supports nothing (a map "
                "cannot attack an attack): read as an attack on the argument",
            )
            self.add(Attack, source, target)
        for support in outgoing:
            self.add(Attack, source, support)
