"""A map as a networkx graph and back: statements and relations as nodes, edges source → target.

``to_networkx`` gives a ``networkx.MultiDiGraph`` laid out as AIF lays out an argument:
every statement is a node, and so is every relation (a *junction*), so that a linked
support is one node with an edge from each premise, and an undercut is an edge from an
attack's junction to the support's. Every edge runs the way its relation does: premise →
support → conclusion, attacker → attack → target. ``from_networkx`` reads that layout back.

networkx is optional (``pip install 'argmap[networkx]'``) and imported only by
``to_networkx``.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from argmap.argument_map import ArgumentMap
from argmap.codes import Code
from argmap.errors import ModelError
from argmap.findings import Finding, Location
from argmap.nodes import NODE_KINDS, Node
from argmap.relations import Attack, Relation, Support

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["from_networkx", "to_networkx"]

_RELATION_KINDS = ("support", "attack")
#: Node attributes that only some kinds have, and their value on the others.
_OWN = {"main": ("claim", False), "basis": ("premise", None), "implicit": ("premise", False)}


def to_networkx(amap: ArgumentMap) -> nx.MultiDiGraph[str]:
    """``amap`` as a ``networkx.MultiDiGraph``: its nodes and relations are the graph's nodes.

    A statement's node has the attributes ``kind`` (``claim``, ``premise``, ``rebuttal``
    or ``recommendation``), ``text``, ``basis``, ``speaker``, ``source``, ``main``,
    ``implicit``, ``tags`` and ``note`` (``basis`` None, ``main`` and ``implicit`` False
    on the kinds that have none). A relation's node has ``kind`` (``support`` or
    ``attack``), ``implicit``, ``note`` and ``source``, and edges from its premises or
    attacker and one to its target: a statement, or for an undercut, a support's node.
    Each edge's key and ``id`` are its relation's id, and its ``kind`` the relation's.
    The graph's ``title``, ``metadata``, ``sources`` and ``participants`` are the map's.

    >>> import argmap
    >>> m = (argmap.MapBuilder("T").claim("c", "C.", main=True)
    ...      .premise("p", "P.").premise("q", "Q.").support("c", by=["p", "q"])
    ...      .rebuttal("u", "U.", attacks="p+q->c").build())
    >>> g = argmap.to_networkx(m)
    >>> list(g.predecessors("p+q->c")), list(g.successors("p+q->c"))
    (['p', 'q', 'u->p+q->c'], ['c'])
    >>> list(g.edges("u->p+q->c", data="kind"))
    [('u->p+q->c', 'p+q->c', 'attack')]
    >>> argmap.from_networkx(g) == m
    True
    """
    networkx = _networkx()
    graph: nx.MultiDiGraph[str] = networkx.MultiDiGraph(
        title=amap.title,
        metadata=_thaw(amap.metadata),
        sources=amap.sources,
        participants=amap.participants,
    )
    for node in amap.nodes:
        fields = {name: getattr(node, name, default) for name, (_, default) in _OWN.items()}
        graph.add_node(
            node.id,
            kind=node.kind,
            text=node.text,
            speaker=node.speaker,
            source=node.source,
            tags=node.tags,
            note=node.note,
            **fields,
        )
    for relation in amap.relations:  # every junction before any edge: they keep this order
        graph.add_node(
            relation.id,
            kind=relation.kind,
            implicit=relation.implicit,
            note=relation.note,
            source=relation.source,
        )
    for relation in amap.relations:
        ident, kind = relation.id, relation.kind
        for start in relation.by:
            graph.add_edge(start, ident, key=ident, kind=kind, id=ident)
        graph.add_edge(ident, relation.target, key=ident, kind=kind, id=ident)
    return graph


def from_networkx(graph: nx.DiGraph[Any]) -> ArgumentMap:
    """The map a directed graph laid out as :func:`to_networkx` lays one out holds.

    Statements come in the graph's node order, relations in the order of their nodes, a
    support's premises in the order of its node's incoming edges. The graph needs a
    ``title``; its ``metadata``, ``sources`` and ``participants`` may be left out. An
    edge's ``kind`` and ``id``, if given, must be those of its relation's node; node and
    edge attributes argmap does not know (a layout's ``pos``, a ``weight``) are ignored.
    Everything wrong is raised at once as a :class:`~argmap.ModelError`.

    >>> import argmap, networkx
    >>> g = networkx.MultiDiGraph(title="By hand")
    >>> g.add_node("c", kind="claim", text="C.", main=True)
    >>> g.add_node("p", kind="premise", text="P.", basis="fact")
    >>> g.add_node("s1", kind="support")
    >>> g.add_edges_from([("p", "s1"), ("s1", "c")])
    [0, 0]
    >>> [r.id for r in argmap.from_networkx(g).relations]
    ['s1']
    >>> g.add_edge("p", "c")
    0
    >>> argmap.from_networkx(g)
    Traceback (most recent call last):
    ...
    argmap.errors.ModelError: 'p': AM105 graph edge 'p' -> 'c' joins two statements; ...
    """
    if not graph.is_directed():
        raise TypeError(f"from_networkx needs a directed graph, got {type(graph).__name__}")
    findings: list[Finding] = []
    title: Any = graph.graph.get("title")
    if title is None:
        findings.append(
            Code.MISSING_VALUE.finding(
                "the graph has no title: set graph.graph['title'] to the map's title"
            )
        )
    kinds: dict[Any, str] = {}
    for ident, data in graph.nodes(data=True):
        kind = data.get("kind")
        if kind in NODE_KINDS or kind in _RELATION_KINDS:
            kinds[ident] = kind
        else:
            allowed = ", ".join([*NODE_KINDS, *_RELATION_KINDS])
            findings.append(_invalid(ident, f"kind must be one of {allowed}; got {kind!r}"))
    nodes = [
        node
        for ident, data in graph.nodes(data=True)
        if kinds.get(ident) in NODE_KINDS
        for node in [_statement(ident, kinds[ident], data, findings)]
        if node is not None
    ]
    relations = [
        relation
        for ident, data in graph.nodes(data=True)
        if kinds.get(ident) in _RELATION_KINDS
        for relation in [_relation(graph, ident, kinds, data, findings)]
        if relation is not None
    ]
    for start, end in graph.edges():
        if kinds.get(start) in NODE_KINDS and kinds.get(end) in NODE_KINDS:
            findings.append(
                _invalid(
                    start,
                    f"graph edge {start!r} -> {end!r} joins two statements; join them through "
                    f"a node of kind 'support' or 'attack'",
                )
            )
    if findings:
        raise ModelError(findings)
    return ArgumentMap(
        title,
        nodes=nodes,
        relations=relations,
        sources=graph.graph.get("sources", ()),
        participants=graph.graph.get("participants", ()),
        metadata=graph.graph.get("metadata", {}),
    )


def _statement(
    ident: Any, kind: str, data: Mapping[str, Any], findings: list[Finding]
) -> Node | None:
    """The statement a graph node of this ``kind`` stands for; None, with findings, if none."""
    fields = {name: data[name] for name in ("speaker", "source", "tags", "note") if name in data}
    for name, (owner, default) in _OWN.items():
        value = data.get(name, default)
        if owner == kind:
            fields[name] = value
        elif value is not None and value is not default:
            findings.append(_invalid(ident, f"a {kind} has no {name}; got {value!r}"))
            return None
    try:
        text: Any = data.get("text")  # the node checks it
        return NODE_KINDS[kind](ident, text, **fields)
    except ModelError as error:
        findings.extend(error.findings)
        return None


def _relation(
    graph: nx.DiGraph[Any],
    ident: Any,
    kinds: Mapping[Any, str],
    data: Mapping[str, Any],
    findings: list[Finding],
) -> Relation | None:
    """The relation a junction stands for; None, with findings, if its edges are wrong."""
    kind = kinds[ident]
    count = len(findings)
    # A support's incoming edges from attacks are undercuts: the attacks' own edges.
    own = [
        (start, end, edge)
        for start, end, edge in graph.in_edges(ident, data=True)
        if kind == "attack" or kinds.get(start) != "attack"
    ]
    own.extend(graph.out_edges(ident, data=True))
    for start, end, edge in own:
        for name, expected in (("kind", kind), ("id", ident)):
            if name in edge and edge[name] != expected:
                findings.append(
                    _invalid(
                        ident,
                        f"graph edge {start!r} -> {end!r} has {name} {edge[name]!r}, but its "
                        f"{kind}'s node is {ident!r}",
                    )
                )
    starts = [start for start, end, _ in own if end == ident]
    ends = [end for _, end in graph.out_edges(ident)]
    if any(kinds.get(start) not in NODE_KINDS for start in starts):
        findings.append(_invalid(ident, f"a {kind} comes from statements only; got {starts!r}"))
    elif not starts or (kind == "attack" and len(starts) > 1):
        what = "one attacker" if kind == "attack" else "one premise or more"
        findings.append(_invalid(ident, f"a {kind} needs {what}; got {starts!r}"))
    allowed = (*NODE_KINDS, "support") if kind == "attack" else tuple(NODE_KINDS)
    if len(ends) != 1 or kinds.get(ends[0]) not in allowed:
        into = "a statement or a support" if kind == "attack" else "a statement"
        findings.append(_invalid(ident, f"a {kind} needs one edge to {into}; got {ends!r}"))
    if len(findings) > count:
        return None
    fields = {name: data[name] for name in ("implicit", "note", "source") if name in data}
    try:
        if kind == "support":
            return Support(starts, ends[0], id=ident, **fields)
        return Attack(starts, ends[0], id=ident, **fields)
    except ModelError as error:
        findings.extend(error.findings)
        return None


def _invalid(ident: Any, message: str) -> Finding:
    element = ident if isinstance(ident, str) else None
    return Code.INVALID_VALUE.finding(message, Location(element=element))


def _thaw(value: Any) -> Any:
    """Frozen metadata as plain dicts and lists, which a graph can copy and pickle."""
    if isinstance(value, MappingProxyType):
        return {key: _thaw(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [_thaw(item) for item in value]
    return value


def _networkx() -> Any:
    """The networkx module; an error naming the extra to install if there is none."""
    try:
        import networkx  # noqa: PLC0415 (optional: only the graph functions need it)
    except ImportError:
        raise ImportError(
            "to_networkx needs networkx: pip install 'argmap[networkx]'", name="networkx"
        ) from None
    return networkx
