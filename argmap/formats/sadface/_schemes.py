"""SADFace scheme nodes: which are supports and which conflicts, and the relation each makes.

A scheme's ``name`` says what it is. SADFace's own tools write ``support``, ``conflict``
and ``inference``; analysts also name argumentation schemes (``Argument from Expert
Opinion``). Conflict-like names are attacks, rephrase and preference names are left out,
and every other name (or none) is a support.

>>> role("conflict"), role("Default Inference"), role("Argument from Expert Opinion")
('attack', 'support', 'support')
>>> role("rephrase") is None
True
"""

from __future__ import annotations

from typing import Any

import attrs

from argmap.codes import Code
from argmap.formats._foreign import Ids, Note
from argmap.relations import Attack, Support

__all__ = ["Scheme", "role", "scheme_relations"]

_ATTACKS = ("conflict", "attack", "rebut", "undercut", "undermin", "contradict")
_OTHERS = ("rephras", "restat", "prefer")


def role(name: str | None) -> str | None:
    """``"support"``, ``"attack"``, or ``None`` for a scheme a map cannot hold."""
    lower = (name or "").lower()
    if any(word in lower for word in _ATTACKS):
        return "attack"
    if any(word in lower for word in _OTHERS):
        return None
    return "support"


@attrs.define
class Scheme:
    """One scheme node as read: its edges in (premises) and out (conclusions)."""

    key: str
    index: int
    name: str | None
    premises: list[str] = attrs.Factory(list)
    conclusions: list[str] = attrs.Factory(list)
    #: The id of the relation it became, once it has become one.
    ident: str | None = None

    def _note(self, note: Note, code: Code, message: str) -> None:
        note(code, f"scheme {self.key!r}: {message}", self.key, "nodes", self.index)

    def support(
        self, atoms: dict[str, Any], node_ids: dict[str, str], ids: Ids, note: Note
    ) -> Support | None:
        """The support this scheme makes, or None (noted) if it makes none."""
        premises = [node_ids[p] for p in self.premises if p in atoms]
        targets = [c for c in self.conclusions if c in atoms]
        if len(premises) < len(self.premises):
            self._note(
                note,
                Code.NOT_CARRIED,
                "a scheme as the premise of a support (a map "
                "supports statements, not inferences): that edge left out",
            )
        if len(targets) < len(self.conclusions):
            self._note(
                note,
                Code.NOT_CARRIED,
                "a support of a scheme (a map supports "
                "statements, not inferences): that edge left out",
            )
        if not premises or not targets:
            missing = "premise" if not premises else "conclusion"
            self._note(note, Code.BROKEN_ELEMENT, f"a support with no {missing}: left out")
            return None
        if len(targets) > 1:
            self._note(
                note,
                Code.NOT_CARRIED,
                f"a support of {len(targets)} conclusions: kept "
                f"the one to {targets[0]!r}, left out the rest",
            )
        target = node_ids[targets[0]]
        if target in premises:
            self._note(note, Code.BROKEN_ELEMENT, "a statement supports itself: left out")
            return None
        self.ident = ids.take(self.key)
        return Support(tuple(dict.fromkeys(premises)), target, id=self.ident)

    def attack(
        self,
        *,
        atoms: dict[str, Any],
        schemes: dict[str, Scheme],
        supports: dict[str, Support],
        node_ids: dict[str, str],
        ids: Ids,
        note: Note,
    ) -> Attack | None:
        """The attack this conflict scheme makes, or None (noted) if it makes none."""
        attackers = [node_ids[p] for p in self.premises if p in atoms]
        if len(attackers) < len(self.premises):
            self._note(
                note,
                Code.NOT_CARRIED,
                "a scheme attacks through a conflict (a map's "
                "attacker is a statement): that edge left out",
            )
        if not attackers or not self.conclusions:
            missing = "attacker" if not attackers else "target"
            self._note(note, Code.BROKEN_ELEMENT, f"a conflict with no {missing}: left out")
            return None
        if len(attackers) > 1:
            self._note(
                note,
                Code.NOT_CARRIED,
                f"a conflict of {len(attackers)} statements "
                f"together (an attack has one attacker): kept {attackers[0]!r}",
            )
        if len(self.conclusions) > 1:
            self._note(
                note,
                Code.NOT_CARRIED,
                f"a conflict with {len(self.conclusions)} "
                f"targets: kept the one on {self.conclusions[0]!r}",
            )
        end = self.conclusions[0]
        if end in atoms:
            target = node_ids[end]
        elif end in supports:
            target = supports[end].id
        elif role(schemes[end].name) == "attack":
            self._note(
                note,
                Code.NOT_CARRIED,
                f"an attack on the conflict {end!r} (a map "
                "attacks statements and supports, not attacks): left out",
            )
            return None
        else:
            self._note(
                note,
                Code.BROKEN_ELEMENT,
                f"an attack on the scheme {end!r}, which was left out: left out too",
            )
            return None
        if target == attackers[0]:
            self._note(note, Code.BROKEN_ELEMENT, "a statement attacks itself: left out")
            return None
        self.ident = ids.take(self.key)
        return Attack(attackers[0], target, id=self.ident)


def scheme_relations(
    schemes: dict[str, Scheme],
    atoms: dict[str, Any],
    node_ids: dict[str, str],
    ids: Ids,
    note: Note,
) -> tuple[dict[str, Support], list[Attack]]:
    """Supports (by scheme id), then attacks, from the schemes; what can't be held noted."""
    supports: dict[str, Support] = {}
    for scheme in schemes.values():
        if role(scheme.name) == "support":
            support = scheme.support(atoms, node_ids, ids, note)
            if support is not None:
                supports[scheme.key] = support
    attacks: list[Attack] = []
    for scheme in schemes.values():
        kind = role(scheme.name)
        if kind == "attack":
            attack = scheme.attack(
                atoms=atoms,
                schemes=schemes,
                supports=supports,
                node_ids=node_ids,
                ids=ids,
                note=note,
            )
            if attack is not None:
                attacks.append(attack)
        elif kind is None:
            note(
                Code.NOT_CARRIED,
                f"scheme {scheme.key!r} ({scheme.name}) is neither a support "
                "nor a conflict: left out",
                scheme.key,
                "nodes",
                scheme.index,
            )
    return supports, attacks
