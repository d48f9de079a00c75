"""arg-microtexts edges between ADUs as a map's supports and attacks.

``sup`` and ``exa`` are supports, with the ``add`` edges on them as co-premises (a linked
support); ``reb`` attacks an ADU; ``und`` attacks an edge: a support (an undercut), or an
attack, which a map cannot hold. ``add`` on an attack makes a linked attack, which a map
cannot hold either: the attack keeps its first attacker. What is left out is kept in the
map's metadata (``undercuts of attacks``, ``linked attacks``) and reported (AM401).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from argmap.codes import Code
from argmap.formats.microtexts._xml import Element
from argmap.relations import Attack, Support

__all__ = ["Note", "relations"]

#: How the reader records a finding about an element.
Note = Callable[[Code, str, Element], None]


def relations(
    edges: dict[str, Element], node_ids: dict[str, str], note: Note
) -> tuple[dict[str, Support], dict[str, Attack], dict[str, Any]]:
    """Supports and attacks by edge id, and what the map keeps of what it cannot hold."""
    adds: dict[str, list[Element]] = {}
    for edge in edges.values():
        if edge.attrs["type"] == "add":
            adds.setdefault(edge.attrs["trg"], []).append(edge)

    def ends(edge: Element, target_is_edge: bool) -> tuple[str, str] | None:
        src, trg = edge.attrs["src"], edge.attrs["trg"]
        if src not in node_ids or (not target_is_edge and trg not in node_ids):
            wrong = src if src not in node_ids else trg
            note(
                Code.BROKEN_ELEMENT,
                f"{edge.attrs['type']} edge {edge.attrs['id']!r} needs an "
                f"ADU with text at {wrong!r}: left out",
                edge,
            )
            return None
        return node_ids[src], trg if target_is_edge else node_ids[trg]

    supports: dict[str, Support] = {}
    attacks: dict[str, Attack] = {}
    kept: dict[str, Any] = {"undercuts of attacks": [], "linked attacks": {}}
    for ident, edge in edges.items():
        kind = edge.attrs["type"]
        found = ends(edge, False) if kind in ("sup", "exa", "reb") else None
        if found is None:
            continue
        src, trg = found
        if kind == "reb":
            attacks[ident] = Attack(src, trg)
            continue
        extra = [a for a in adds.get(ident, ()) if ends(a, True) is not None]
        by = tuple(dict.fromkeys([src, *(node_ids[a.attrs["src"]] for a in extra)]))
        if trg in by:
            note(
                Code.BROKEN_ELEMENT, f"edge {ident!r} makes {trg!r} support itself: left out", edge
            )
            continue
        supports[ident] = Support(by, trg)
    pending = [e for e in edges.values() if e.attrs["type"] == "und"]
    while pending:  # an undercut of an undercut needs the undercut first
        progress = [e for e in pending if e.attrs["trg"] not in {p.attrs["id"] for p in pending}]
        for edge in progress or pending:
            _undercut(edge, supports, attacks, node_ids=node_ids, note=note, kept=kept)
        pending = [e for e in pending if e not in (progress or pending)]
    _linked_attacks(adds, attacks, supports, edges, node_ids=node_ids, note=note, kept=kept)
    return supports, attacks, {k: v for k, v in kept.items() if v}


def _undercut(
    edge: Element,
    supports: dict[str, Support],
    attacks: dict[str, Attack],
    *,
    node_ids: dict[str, str],
    note: Note,
    kept: dict[str, Any],
) -> None:
    ident, src, trg = edge.attrs["id"], edge.attrs["src"], edge.attrs["trg"]
    if src not in node_ids:
        note(
            Code.BROKEN_ELEMENT,
            f"und edge {ident!r} needs an ADU with text at {src!r}: left out",
            edge,
        )
    elif trg in supports:
        attacks[ident] = Attack(node_ids[src], supports[trg].id)
    elif trg in attacks:
        kept["undercuts of attacks"].append(
            {"edge": ident, "by": node_ids[src], "target": attacks[trg].id}
        )
        note(
            Code.NOT_CARRIED,
            f"und edge {ident!r} undercuts the attack {trg!r}; a map "
            "attacks statements and supports, not attacks: left out, kept in the map's "
            "metadata",
            edge,
        )
    else:
        note(
            Code.BROKEN_ELEMENT,
            f"und edge {ident!r} undercuts {trg!r}, which is no support or attack read: left out",
            edge,
        )


def _linked_attacks(
    adds: dict[str, list[Element]],
    attacks: dict[str, Attack],
    supports: dict[str, Support],
    edges: dict[str, Element],
    *,
    node_ids: dict[str, str],
    note: Note,
    kept: dict[str, Any],
) -> None:
    """Report the ``add`` edges on attacks (linked attacks), keeping them in ``kept``."""
    for trg, extra in adds.items():
        if trg in attacks:
            linked = [node_ids.get(a.attrs["src"], a.attrs["src"]) for a in extra]
            kept["linked attacks"][attacks[trg].id] = [attacks[trg].attacker, *linked]
            for add in extra:
                note(
                    Code.NOT_CARRIED,
                    f"add edge {add.attrs['id']!r} joins "
                    f"{add.attrs['src']!r} to the attack {trg!r} as a co-attacker; a map's "
                    "attack has one attacker: the attack keeps its first, the rest is kept in "
                    "the map's metadata",
                    add,
                )
        elif trg in (left := {u["edge"]: u for u in kept["undercuts of attacks"]}):
            left[trg]["with"] = [node_ids.get(a.attrs["src"], a.attrs["src"]) for a in extra]
            for add in extra:
                note(
                    Code.NOT_CARRIED,
                    f"add edge {add.attrs['id']!r} joins "
                    f"{add.attrs['src']!r} to the undercut {trg!r}, which is left out: "
                    "left out with it, kept in the map's metadata",
                    add,
                )
        elif trg not in supports and trg in edges:
            for add in extra:
                note(
                    Code.BROKEN_ELEMENT,
                    f"add edge {add.attrs['id']!r} adds to {trg!r}, "
                    "which is not a support or an attack read: left out",
                    add,
                )
