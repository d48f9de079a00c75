"""The interactive page's data: each node's details and neighbours, as JSON safe in a script."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from argmap.analysis.framework import Labelling
from argmap.argument_map import ArgumentMap
from argmap.nodes import Node, Premise
from argmap.provenance import Source
from argmap.relations import Attack, Relation, Support
from argmap.render._captions import link, paragraphs
from argmap.render.outline import describe, is_undercut

__all__ = ["map_data", "reading_order", "script_json"]

# Characters that could end or confuse a <script> element, and ones JSON allows but no
# UTF-8 text can hold (lone surrogates): written as JSON escapes, which parse back the same.
_UNSAFE = re.compile("[<>&\u2028\u2029\ud800-\udfff]")


def script_json(value: Any) -> str:
    r"""``value`` as JSON to put in a ``<script>``: ``<``, ``>`` and ``&`` written as escapes.

    Those characters occur only inside JSON strings, where ``\u003c`` means ``<``: no text
    can close the script element (``</script>``) or open a comment, and every character is
    kept. The output is the same for the same value.

    >>> script_json({"text": "</script> & <!--"})
    '{"text":"\\u003c/script\\u003e \\u0026 \\u003c!--"}'
    >>> json.loads(script_json(["</script>"]))
    ['</script>']
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return _UNSAFE.sub(lambda match: f"\\u{ord(match[0]):04x}", text)


def _children(amap: ArgumentMap, ident: str) -> Iterator[str]:
    """What bears on node ``ident``, in the outline's order.

    That is each support's premises, then its undercutters; then the attackers.
    """
    for support in amap.supports_of(ident):
        yield from support.by
        yield from (attack.attacker for attack in amap.attacks_on(support.id))
    yield from (attack.attacker for attack in amap.attacks_on(ident))


def reading_order(amap: ArgumentMap) -> list[str]:
    """The node ids in the order the outline reads them: each main claim, then depth first.

    Then the nodes no main claim reaches, those that bear on nothing first. Every node
    is listed once.

    >>> from argmap import MapBuilder
    >>> m = (MapBuilder("T").premise("p", "P.").claim("c", "C.", main=True)
    ...      .support("c", by="p").rebuttal("r", "R.", attacks="c")
    ...      .premise("q", "Q.", supports="r").build())
    >>> reading_order(m)
    ['c', 'p', 'r', 'q']
    """
    order: dict[str, None] = {}
    mains = [node.id for node in amap.nodes if getattr(node, "main", False)]
    bearing = {ident for relation in amap.relations for ident in relation.by}
    ids = [node.id for node in amap.nodes]
    starts = [*mains, *(i for i in ids if i not in bearing), *ids]
    for start in starts:
        stack = [start]  # not recursive: a chain may be thousands deep
        while stack:
            ident = stack.pop()
            if ident in order:
                continue
            order[ident] = None
            stack.extend(reversed([child for child in _children(amap, ident)]))
    return list(order)


def _parents(amap: ArgumentMap, outgoing: list[Relation]) -> list[str]:
    """What a node bears on: the targets of its ``outgoing`` relations.

    For an undercut, that is the conclusion of the support it attacks.
    """
    return list(dict.fromkeys(_conclusion(amap, relation) for relation in outgoing))


def _conclusion(amap: ArgumentMap, relation: Relation) -> str:
    """The node a relation ends at; for an undercut, the support's target."""
    if isinstance(relation, Attack) and is_undercut(amap, relation):
        return amap.relation(relation.target).target
    return relation.target


def _ends(amap: ArgumentMap, relation: Relation) -> list[str]:
    """Every node a relation joins, an undercut's support's nodes included."""
    if isinstance(relation, Attack) and is_undercut(amap, relation):
        support = amap.relation(relation.target)
        return [relation.attacker, *support.by, support.target]
    return [*relation.by, relation.target]


def _together(ids: list[str]) -> str:
    return ids[0] if len(ids) == 1 else f"{', '.join(ids[:-1])} and {ids[-1]}"


def _item(nodes: list[str], relation: Relation, *details: str) -> dict[str, Any]:
    said = [detail for detail in details if detail]
    if relation.implicit:
        said.append("implicit: the analyst's reading")
    if relation.note:
        said.append(relation.note)
    return {"nodes": nodes, "detail": "; ".join(said)}


def _links(amap: ArgumentMap, node: Node, outgoing: list[Relation]) -> list[list[Any]]:
    """The panel's lists of what a node supports and attacks, and what bears on it."""
    ident = node.id
    groups: dict[str, list[dict[str, Any]]] = {
        "Supports": [],
        "Attacks": [],
        "Undercuts the support of": [],
        "Supported by": [],
        "Attacked by": [],
        "Undercut by": [],
    }
    for relation in outgoing:
        if isinstance(relation, Support):
            others = [other for other in relation.by if other != ident]
            linked = f"together with {_together(others)}" if others else ""
            groups["Supports"].append(_item([relation.target], relation, linked))
        elif is_undercut(amap, relation):
            support = amap.relation(relation.target)
            by = f"by {_together(list(support.by))}"
            groups["Undercuts the support of"].append(_item([support.target], relation, by))
        else:
            groups["Attacks"].append(_item([relation.target], relation))
    for support in amap.supports_of(ident):
        linked = "together" if len(support.by) > 1 else ""
        groups["Supported by"].append(_item(list(support.by), support, linked))
        for attack in amap.attacks_on(support.id):
            by = f"of the support by {_together(list(support.by))}"
            groups["Undercut by"].append(_item([attack.attacker], attack, by))
    for attack in amap.attacks_on(ident):
        groups["Attacked by"].append(_item([attack.attacker], attack))
    return [[heading, items] for heading, items in groups.items() if items]


def _source(amap: ArgumentMap, node: Node) -> dict[str, Any] | None:
    if node.source is None:
        return None
    source: Source = amap.source(node.source.doc)
    address = link(source)
    return {
        "doc": source.id,
        "title": source.title,
        "authors": list(source.authors),
        "affiliation": source.affiliation,
        "outlet": source.outlet,
        "date": source.date,
        # Only http(s) addresses, as the drawing links them; the page unescapes nothing.
        "url": source.url if address is not None else None,
        "paragraphs": list(node.source.paragraphs),
        "where": paragraphs(node.source.paragraphs),  # such as '2\u20134, 7'
    }


def _speaker(amap: ArgumentMap, node: Node) -> dict[str, Any] | None:
    if node.speaker is None:
        return None
    person = amap.participant(node.speaker)
    return {
        "id": person.id,
        "name": person.name,
        "affiliation": person.affiliation,
        "country": person.country,
        "role": person.role,
    }


def _node(
    amap: ArgumentMap,
    node: Node,
    children: list[str],
    outgoing: list[Relation],
    labelling: Labelling | None,
) -> dict[str, Any]:
    basis = node.basis.value if isinstance(node, Premise) and node.basis is not None else None
    data: dict[str, Any] = {
        "id": node.id,
        "kind": node.kind,
        "main": bool(getattr(node, "main", False)),
        "label": describe(amap, node, with_id=False),
        "text": node.text,
        "basis": basis,
        "implicit": bool(getattr(node, "implicit", False)),
        "speaker": _speaker(amap, node),
        "source": _source(amap, node),
        "note": node.note,
        "tags": list(node.tags),
        "links": _links(amap, node, outgoing),
        "children": children,
        "parents": _parents(amap, outgoing),
    }
    if labelling is not None:
        label = labelling.labels.get(node.id)
        data["evaluation"] = None if label is None else label.value
    return data


def map_data(amap: ArgumentMap, labelling: Labelling | None = None) -> dict[str, Any]:
    """What the page's script needs: the title, the reading order, each node and relation.

    With a ``labelling`` (an evaluation), each node has its ``evaluation`` (``"in"``,
    ``"out"``, ``"undec"``, or None if unlabelled) and ``semantics`` names the semantics.

    Each node has its details (kind, text, basis, speaker, source, note), the lists its
    panel shows (``links``), and its neighbours for the arrow keys: ``children`` (what
    bears on it, in reading order) and ``parents`` (what it bears on). Each relation
    lists the nodes it joins, for highlighting a branch.

    >>> from argmap import MapBuilder
    >>> m = (MapBuilder("T").claim("c", "C.", main=True)
    ...      .premise("p", "P.", supports="c", basis="fact").build())
    >>> data = map_data(m)
    >>> data["order"], data["nodes"][1]["parents"], data["nodes"][0]["links"]
    (['c', 'p'], ['c'], [['Supported by', [{'nodes': ['p'], 'detail': ''}]]])
    """
    outgoing: dict[str, list[Relation]] = {node.id: [] for node in amap.nodes}
    for relation in amap.relations:
        for ident in relation.by:
            outgoing[ident].append(relation)
    nodes = [
        _node(
            amap,
            node,
            list(dict.fromkeys(_children(amap, node.id))),
            outgoing[node.id],
            labelling,
        )
        for node in amap.nodes
    ]
    data: dict[str, Any] = {
        "title": amap.title,
        "order": reading_order(amap),
        "nodes": nodes,
        "relations": {relation.id: _ends(amap, relation) for relation in amap.relations},
    }
    if labelling is not None:
        data["semantics"] = labelling.semantics
    return data
