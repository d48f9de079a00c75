"""MapBuilder: the one mutable, fluent way to assemble a map in code."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from argmap.argument_map import ArgumentMap
from argmap.nodes import Basis, Claim, Node, Premise, Rebuttal, Recommendation
from argmap.provenance import Participant, Source, SourceRef
from argmap.relations import Attack, Relation, Support

__all__ = ["MapBuilder"]

Targets = str | Iterable[str] | None


def _targets(value: Targets) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


class MapBuilder:
    """Assemble a map node by node, with relations inline, then :meth:`build` it.

    References may point forward; everything is checked once, by :meth:`build`.

    >>> from argmap import MapBuilder
    >>> amap = (
    ...     MapBuilder("Keep the long view")
    ...     .claim("thesis", "Seoul and Beijing should protect long-term ties.", main=True)
    ...     .premise("trade", "Trade grew about seventy-fold since 1992.",
    ...              basis="statistic", supports="thesis")
    ...     .rebuttal("thaad", "The THAAD dispute shows ties are fragile.", attacks="thesis")
    ...     .build()
    ... )
    >>> [r.id for r in amap.relations]
    ['trade->thesis', 'thaad->thesis']
    """

    def __init__(self, title: str) -> None:
        self._title = title
        self._nodes: list[Node] = []
        self._relations: list[Relation] = []
        self._sources: list[Source] = []
        self._participants: list[Participant] = []
        self._metadata: dict[str, Any] = {}

    def source(self, id: str, title: str, **fields: Any) -> MapBuilder:
        """Declare a source document (fields as :class:`~argmap.Source`)."""
        self._sources.append(Source(id, title, **fields))
        return self

    def participant(self, id: str, name: str, **fields: Any) -> MapBuilder:
        """Declare a participant (fields as :class:`~argmap.Participant`)."""
        self._participants.append(Participant(id, name, **fields))
        return self

    def metadata(self, **values: Any) -> MapBuilder:
        """Add free-form metadata entries."""
        self._metadata.update(values)
        return self

    def claim(
        self,
        id: str,
        text: str,
        *,
        main: bool = False,
        supports: Targets = None,
        attacks: Targets = None,
        **fields: Any,
    ) -> MapBuilder:
        """Add a claim; ``supports``/``attacks`` name targets (one id or several)."""
        return self._add(Claim(id, text, main=main, **_common(fields)), supports, attacks)

    def premise(
        self,
        id: str,
        text: str,
        *,
        basis: Basis | str | None = None,
        implicit: bool = False,
        supports: Targets = None,
        attacks: Targets = None,
        **fields: Any,
    ) -> MapBuilder:
        """Add a premise, with an optional basis and implicit flag."""
        node = Premise(id, text, basis=basis, implicit=implicit, **_common(fields))
        return self._add(node, supports, attacks)

    def rebuttal(
        self,
        id: str,
        text: str,
        *,
        supports: Targets = None,
        attacks: Targets = None,
        **fields: Any,
    ) -> MapBuilder:
        """Add a rebuttal; it should attack something."""
        return self._add(Rebuttal(id, text, **_common(fields)), supports, attacks)

    def recommendation(
        self,
        id: str,
        text: str,
        *,
        supports: Targets = None,
        attacks: Targets = None,
        **fields: Any,
    ) -> MapBuilder:
        """Add a recommendation."""
        return self._add(Recommendation(id, text, **_common(fields)), supports, attacks)

    def support(self, target: str, by: str | Iterable[str], *, id: str | None = None) -> MapBuilder:
        """Add a support; several ``by`` nodes make one linked support.

        >>> from argmap import MapBuilder
        >>> b = MapBuilder("T").claim("c", "C.").premise("a", "A.").premise("b", "B.")
        >>> b.support("c", by=["a", "b"]).build().relation("a+b->c").by
        ('a', 'b')
        """
        sources = _targets(by)
        relation = Support(sources, target) if id is None else Support(sources, target, id=id)
        self._relations.append(relation)
        return self

    def attack(self, target: str, by: str, *, id: str | None = None) -> MapBuilder:
        """Add an attack on a node, or on a support (an undercut)."""
        self._relations.append(Attack(by, target) if id is None else Attack(by, target, id=id))
        return self

    def build(self) -> ArgumentMap:
        """The frozen map; raises :class:`~argmap.ModelError` listing every problem."""
        return ArgumentMap(
            self._title,
            nodes=self._nodes,
            relations=self._relations,
            sources=self._sources,
            participants=self._participants,
            metadata=self._metadata,
        )

    def _add(self, node: Node, supports: Targets, attacks: Targets) -> MapBuilder:
        # Relations first: if one is invalid, the builder is left as it was.
        relations: list[Relation] = [Support((node.id,), target) for target in _targets(supports)]
        relations.extend(Attack(node.id, target) for target in _targets(attacks))
        self._nodes.append(node)
        self._relations.extend(relations)
        return self


def _common(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Node fields shared by all kinds; ``source`` may be a doc id or (doc, paragraphs)."""
    result = dict(fields)
    source = result.get("source")
    if isinstance(source, str):
        result["source"] = SourceRef(source)
    elif isinstance(source, tuple):
        result["source"] = SourceRef(*source)
    return result
