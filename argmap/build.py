"""MapBuilder: the one mutable, fluent way to assemble a map in code."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs

from argmap.argument_map import ArgumentMap
from argmap.codes import Code
from argmap.errors import ModelError
from argmap.findings import Finding, Location
from argmap.nodes import Basis, Claim, Node, Premise, Rebuttal, Recommendation
from argmap.provenance import Participant, Source, SourceRef
from argmap.relations import Attack, Relation, Support

__all__ = ["MapBuilder"]

Targets = str | Iterable[str] | None
_T = TypeVar("_T")


def _targets(value: Targets) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


class MapBuilder:
    """Assemble a map node by node, with relations inline, then :meth:`build` it.

    References may point forward. Everything is checked once, by :meth:`build`: a bad
    value or a misspelt keyword in any call is kept as a finding, and ``build`` raises
    one :class:`~argmap.ModelError` listing every problem of every call, in call order.

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
    >>> MapBuilder("T").claim("c", "C.", mian=True).premise("p", "P.", basis="hunch").build()
    Traceback (most recent call last):
    ...
    argmap.errors.ModelError: 2 problems:
      'c': AM102 claim 'c': unknown keyword 'mian'; did you mean 'main'? ...
      'p': AM105 premise 'p': basis must be one of ...; got 'hunch'
    """

    def __init__(self, title: str) -> None:
        self._title = title
        self._nodes: list[Node] = []
        self._relations: list[Relation] = []
        self._sources: list[Source] = []
        self._participants: list[Participant] = []
        self._metadata: dict[str, Any] = {}
        #: Problems met by the calls so far, raised together by build().
        self._findings: list[Finding] = []
        #: Nodes whose call failed: relations to or from them are left out of the map, so
        #: that one bad node is reported once, not again as every reference to it.
        self._failed: set[str] = set()

    @classmethod
    def from_map(cls, amap: ArgumentMap) -> MapBuilder:
        """A builder holding everything ``amap`` holds, to edit a built map by adding to it.

        ``MapBuilder.from_map(amap).build() == amap``; to take something out first, use
        :func:`~argmap.without`.

        >>> from argmap import MapBuilder
        >>> m = MapBuilder("T").claim("c", "C.", main=True).build()
        >>> more = MapBuilder.from_map(m).premise("p", "P.", supports="c").build()
        >>> [r.id for r in more.relations], MapBuilder.from_map(m).build() == m
        (['p->c'], True)
        """
        builder = cls(amap.title)
        builder._nodes.extend(amap.nodes)
        builder._relations.extend(amap.relations)
        builder._sources.extend(amap.sources)
        builder._participants.extend(amap.participants)
        builder._metadata.update(amap.metadata)
        return builder

    def source(self, id: str, title: str, **fields: Any) -> MapBuilder:
        """Declare a source document (fields as :class:`~argmap.Source`)."""
        known = self._known(Source, "source", id, fields, ())
        self._keep(lambda: Source(id, title, **known), self._sources)
        return self

    def participant(self, id: str, name: str, **fields: Any) -> MapBuilder:
        """Declare a participant (fields as :class:`~argmap.Participant`)."""
        known = self._known(Participant, "participant", id, fields, ())
        self._keep(lambda: Participant(id, name, **known), self._participants)
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
        return self._add(Claim, id, supports, attacks, fields, text=text, main=main)

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
        return self._add(
            Premise, id, supports, attacks, fields, text=text, basis=basis, implicit=implicit
        )

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
        return self._add(Rebuttal, id, supports, attacks, fields, text=text)

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
        return self._add(Recommendation, id, supports, attacks, fields, text=text)

    def support(
        self,
        target: str,
        by: str | Iterable[str],
        *,
        id: str | None = None,
        source: str | tuple[str, Iterable[int]] | SourceRef | None = None,
        implicit: bool = False,
        note: str | None = None,
    ) -> MapBuilder:
        """Add a support; several ``by`` nodes make one linked support.

        ``source`` cites where the text gives this reason (as a node's does); ``implicit``
        marks a support the analyst reads into the text, and ``note`` says why.

        >>> from argmap import MapBuilder
        >>> b = MapBuilder("T").claim("c", "C.").premise("a", "A.").premise("b", "B.")
        >>> b.support("c", by=["a", "b"], implicit=True, note="Implied.").build().relation(
        ...     "a+b->c").implicit
        True
        """
        sources = _targets(by)
        if self._failed.isdisjoint((*sources, target)):
            self._keep(
                lambda: Support(sources, target, **_relation_fields(id, source, implicit, note)),
                self._relations,
            )
        return self

    def attack(
        self,
        target: str,
        by: str,
        *,
        id: str | None = None,
        source: str | tuple[str, Iterable[int]] | SourceRef | None = None,
        implicit: bool = False,
        note: str | None = None,
    ) -> MapBuilder:
        """Add an attack on a node, or on a support (an undercut); provenance as for supports."""
        if self._failed.isdisjoint((by, target)):
            self._keep(
                lambda: Attack(by, target, **_relation_fields(id, source, implicit, note)),
                self._relations,
            )
        return self

    def build(self) -> ArgumentMap:
        """The frozen map; raises :class:`~argmap.ModelError` listing every problem."""
        findings = list(self._findings)
        try:
            amap = ArgumentMap(
                self._title,
                nodes=self._nodes,
                relations=self._relations,
                sources=self._sources,
                participants=self._participants,
                metadata=self._metadata,
            )
        except ModelError as error:
            findings.extend(error.findings)
        if findings:
            raise ModelError(findings)
        return amap

    def _add(
        self,
        kind: type[Node],
        id: str,
        supports: Targets,
        attacks: Targets,
        fields: dict[str, Any],
        **given: Any,
    ) -> MapBuilder:
        known = self._known(kind, kind.kind, id, fields, ("supports", "attacks"))
        node = self._keep(lambda: kind(id, **given, **_common(known)), self._nodes)
        if node is None:
            self._failed.add(id)
            return self
        for target in _targets(supports):
            self.support(target, by=id)
        for target in _targets(attacks):
            self.attack(target, by=id)
        return self

    def _keep(self, make: Callable[[], _T], into: list[_T]) -> _T | None:
        try:
            value = make()
        except ModelError as error:
            self._findings.extend(error.findings)
            return None
        into.append(value)
        return value

    def _known(
        self, cls: type, what: str, id: str, fields: Mapping[str, Any], extra: tuple[str, ...]
    ) -> dict[str, Any]:
        """The ``fields`` that ``cls`` has; a finding for each of the others."""
        allowed = sorted({field.name for field in attrs.fields(cls)} - {"id"} | set(extra))
        unknown = [name for name in fields if name not in allowed]
        for name in unknown:
            close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
            hint = f"did you mean {close[0]!r}? " if close else ""
            self._findings.append(
                Code.UNKNOWN_KEY.finding(
                    f"{what} {id!r}: unknown keyword {name!r}; {hint}"
                    f"(expected one of: {', '.join(allowed)})",
                    Location(element=id if isinstance(id, str) else None),
                )
            )
        return {name: value for name, value in fields.items() if name not in unknown}


def _common(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Node fields shared by all kinds; ``source`` may be a doc id or (doc, paragraphs)."""
    result = dict(fields)
    if "source" in result:
        result["source"] = _source_ref(result["source"])
    return result


def _source_ref(source: Any) -> Any:
    """A :class:`~argmap.SourceRef` from a doc id or ``(doc, paragraphs)``; others as given."""
    if isinstance(source, str):
        return SourceRef(source)
    if isinstance(source, tuple):
        return SourceRef(*source)
    return source


def _relation_fields(
    id: str | None, source: Any, implicit: bool, note: str | None
) -> dict[str, Any]:
    fields: dict[str, Any] = {"source": _source_ref(source), "implicit": implicit, "note": note}
    if id is not None:
        fields["id"] = id
    return fields
