"""The nodes and edges of an AIF nodeset: checked in bulk, or one by one to say what is broken."""

from __future__ import annotations

from collections import defaultdict
from functools import partial
from itertools import chain, compress
from operator import and_, eq, itemgetter, methodcaller
from typing import Any, NamedTuple

import attrs

from argmap.codes import Code
from argmap.formats.aif._context import Context, is_id_value, plain_id

__all__ = [
    "TYPES",
    "AifNode",
    "Columns",
    "Graph",
    "columns",
    "fast_graph",
    "field_list",
    "read_graph",
]

#: The node types of AIF and its dialogue extension, and what each is.
TYPES = {
    "I": "statement",
    "RA": "inference",
    "CA": "conflict",
    "MA": "rephrase",
    "PA": "preference",
    "L": "locution",
    "YA": "illocution",
    "TA": "transition",
}


class AifNode(NamedTuple):
    """One usable node of the nodeset, as written (a named tuple: many are made at once)."""

    id: str
    type: str
    text: Any
    #: Where it is in the ``nodes`` list.
    position: int
    extension: Any = None


@attrs.define
class Graph:
    """The usable nodes (by AIF id, in file order) and each node's edges, in file order."""

    nodes: dict[str, AifNode] = attrs.field(factory=dict)
    into: dict[str, list[str]] = attrs.field(factory=dict)
    out: dict[str, list[str]] = attrs.field(factory=dict)
    #: The nodes by type, in file order, made on the first call of :meth:`of_type`.
    _by_type: dict[str, list[AifNode]] | None = attrs.field(default=None, eq=False, repr=False)

    def sources(self, ident: str, *types: str) -> list[str]:
        """The nodes with an edge to ``ident``, of the given types."""
        return [i for i in self.into.get(ident, ()) if self.nodes[i].type in types]

    def targets(self, ident: str, *types: str) -> list[str]:
        """The nodes ``ident`` has an edge to, of the given types."""
        return [i for i in self.out.get(ident, ()) if self.nodes[i].type in types]

    def type_of(self, ident: str) -> str | None:
        """The type of the node ``ident``; None if there is no such node."""
        node = self.nodes.get(ident)
        return None if node is None else node.type

    def of_type(self, kind: str) -> list[AifNode]:
        """The nodes of one type, in file order."""
        if self._by_type is None:
            self._by_type = {kind: [] for kind in TYPES}
            for node in self.nodes.values():
                self._by_type[node.type].append(node)
        return self._by_type[kind]


def field_list(data: dict[str, Any], key: str, ctx: Context, *, required: bool) -> list[Any]:
    """The list under ``key``; a finding, and an empty list, if it is missing, null or no list."""
    if key not in data:
        if required:
            ctx.add(Code.MISSING_VALUE, f"the nodeset has no {key!r} list; read as empty")
        return []
    value = data[key]
    if isinstance(value, list):
        return value
    what = "null" if value is None else f"a {type(value).__name__}, not a list"
    ctx.add(Code.WRONG_TYPE, f"{key!r} is {what}; read as an empty list", path=(key,))
    return []


def read_graph(data: dict[str, Any], ctx: Context) -> Graph:
    """The nodeset's usable nodes and edges; a finding for each one left out and why."""
    graph = Graph()
    for index, raw in enumerate(field_list(data, "nodes", ctx, required=True)):
        node = _node(raw, index, ctx)
        if node is None:
            continue
        if node.id in graph.nodes:
            first = graph.nodes[node.id].position
            ctx.add(
                Code.DUPLICATE_ID,
                f"node {node.id!r} is given twice (first at nodes[{first}]); the second is "
                "left out",
                element=node.id,
                path=("nodes", index),
            )
            continue
        graph.nodes[node.id] = node
    seen: dict[tuple[str, str], str] = {}
    for index, raw in enumerate(field_list(data, "edges", ctx, required=True)):
        ends = _edge(raw, index, graph, ctx)
        if ends is None:
            continue
        name = _edge_name(raw, index)
        if ends in seen:
            ctx.add(
                Code.BROKEN_ELEMENT,
                f"edge {name} repeats edge {seen[ends]} from {ends[0]!r} to {ends[1]!r}; read once",
                element=_edge_id(raw),
                path=("edges", index),
            )
            continue
        seen[ends] = name
        graph.out.setdefault(ends[0], []).append(ends[1])
        graph.into.setdefault(ends[1], []).append(ends[0])
    return graph


class Columns(NamedTuple):
    """A nodeset's nodes and edges as lists: ids, types, texts, hints, the edges' ends."""

    idents: list[str]
    kinds: list[str]
    texts: list[Any]
    hints: list[Any]
    starts: list[str]
    ends: list[str]

    def of_type(self, kind: str) -> list[str]:
        """The ids of the nodes of one type, in file order."""
        return list(compress(self.idents, map(kind.__eq__, self.kinds)))


def columns(data: dict[str, Any]) -> Columns | None:
    """The nodeset's columns, taken in C; None if any is odd.

    That is: the nodes or edges are no list, a node or edge is no object or lacks its ids,
    an id is neither text nor an integer (integers are spelt as text), or a type is no text.
    """
    raw_nodes, raw_edges = data.get("nodes"), data.get("edges")
    if type(raw_nodes) is not list or type(raw_edges) is not list:
        return None
    try:
        idents = _plain_ids(list(map(_NODE_ID, raw_nodes)))
        kinds = list(map(_TYPE, raw_nodes))
        starts = _plain_ids(list(map(_FROM, raw_edges)))
        ends = _plain_ids(list(map(_TO, raw_edges)))
        texts = list(map(_TEXT, raw_nodes))
        hints = list(map(_EXTENSION, raw_nodes))
    except (TypeError, KeyError, AttributeError):  # no object, no such key
        return None
    if idents is None or starts is None or ends is None or not {str}.issuperset(map(type, kinds)):
        return None
    return Columns(idents, kinds, texts, hints, starts, ends)


def fast_graph(nodeset: Columns) -> Graph | None:
    """The graph of a well-formed nodeset, checked in bulk; None if anything is off.

    It gives the graph :func:`read_graph` gives when that reports nothing, and gives up
    (``None``, having reported nothing) on whatever :func:`read_graph` would report beyond
    what :func:`columns` refuses: a type AIF does not have, a repeated id, an edge that
    names no node or itself, joins two statements or repeats another. Each check runs over
    a whole list at once, in C.
    """
    idents, kinds, starts, ends = nodeset.idents, nodeset.kinds, nodeset.starts, nodeset.ends
    if not TYPES.keys() >= set(kinds):
        return None
    made = map(
        _new_node,
        zip(
            idents,
            kinds,
            nodeset.texts,
            range(len(idents)),
            nodeset.hints,
            strict=True,
        ),
    )
    nodes = dict(zip(idents, made, strict=True))
    statements = {ident for ident, kind in zip(idents, kinds, strict=True) if kind == "I"}
    if (
        len(nodes) != len(idents)
        or not all(map(nodes.__contains__, chain(starts, ends)))
        or any(map(eq, starts, ends))
        or any(map(and_, map(statements.__contains__, starts), map(statements.__contains__, ends)))
        or len(set(zip(starts, ends, strict=True))) != len(starts)
    ):
        return None
    into: defaultdict[str, list[str]] = defaultdict(list)
    out: defaultdict[str, list[str]] = defaultdict(list)
    for start, end in zip(starts, ends, strict=True):
        out[start].append(end)
        into[end].append(start)
    return Graph(nodes, dict(into), dict(out))


_NODE_ID, _TYPE, _FROM, _TO = map(itemgetter, ("nodeID", "type", "fromID", "toID"))
_TEXT, _EXTENSION = methodcaller("get", "text"), methodcaller("get", "argmap")
_new_node = partial(tuple.__new__, AifNode)


def _plain_ids(idents: list[Any]) -> list[str] | None:
    """``idents`` as strings if all are strings or integers (not booleans); else None."""
    types = set(map(type, idents))
    if types <= {str}:
        return idents
    if types <= {str, int}:
        return [i if type(i) is str else str(i) for i in idents]
    return None


def _node(raw: Any, index: int, ctx: Context) -> AifNode | None:
    path = ("nodes", index)
    if not isinstance(raw, dict):
        ctx.add(Code.WRONG_TYPE, f"nodes[{index}] is not an object; left out", path=path)
        return None
    ident = raw.get("nodeID")
    if not is_id_value(ident):
        code = Code.MISSING_VALUE if ident is None else Code.WRONG_TYPE
        got = "no nodeID" if ident is None else f"the nodeID {ident!r}, not a string or integer"
        ctx.add(code, f"nodes[{index}] has {got}; left out", path=path)
        return None
    ident = plain_id(ident)
    kind = raw.get("type")
    if type(kind) is not str or kind not in TYPES:
        allowed = ", ".join(TYPES)
        if kind is None:
            code, problem = Code.MISSING_VALUE, "has no type"
        else:
            code = Code.NOT_CARRIED if type(kind) is str else Code.WRONG_TYPE
            problem = f"has the type {kind!r}"
        ctx.add(
            code,
            f"node {ident!r} {problem}, not one of {allowed}; left out",
            element=ident,
            path=path,
        )
        return None
    return AifNode(ident, kind, raw.get("text"), index, raw.get("argmap"))


def _edge_name(raw: dict[str, Any], index: int) -> str:
    ident = raw.get("edgeID")
    return repr(plain_id(ident)) if is_id_value(ident) else f"edges[{index}]"


def _edge_id(raw: dict[str, Any]) -> str | None:
    ident = raw.get("edgeID")
    return plain_id(ident) if is_id_value(ident) else None


def _edge(raw: Any, index: int, graph: Graph, ctx: Context) -> tuple[str, str] | None:
    path = ("edges", index)
    if not isinstance(raw, dict):
        ctx.add(Code.WRONG_TYPE, f"edges[{index}] is not an object; left out", path=path)
        return None
    name = _edge_name(raw, index)
    element = _edge_id(raw)
    ends = []
    for key in ("fromID", "toID"):
        value = raw.get(key)
        if not is_id_value(value):
            code = Code.MISSING_VALUE if value is None else Code.WRONG_TYPE
            ctx.add(
                code,
                f"edge {name} has no usable {key} ({value!r}); left out",
                element=element,
                path=path,
            )
            return None
        ends.append(plain_id(value))
    start, end = ends
    missing = [ident for ident in ends if ident not in graph.nodes]
    if missing:
        ctx.add(
            Code.BROKEN_ELEMENT,
            f"edge {name} runs from {start!r} to {end!r}, but there is no node "
            f"{' or '.join(map(repr, missing))}; left out",
            element=element,
            path=path,
        )
        return None
    if start == end:
        ctx.add(
            Code.BROKEN_ELEMENT,
            f"edge {name} runs from {start!r} to itself; left out",
            element=element,
            path=path,
        )
        return None
    if graph.nodes[start].type == "I" and graph.nodes[end].type == "I":
        ctx.add(
            Code.NOT_CARRIED,
            f"edge {name} runs straight from statement {start!r} to statement {end!r}, with no "
            "RA or CA node to say whether it supports or attacks; left out",
            element=element,
            path=path,
        )
        return None
    return start, end
