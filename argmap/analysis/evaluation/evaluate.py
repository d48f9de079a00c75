"""``evaluate``: which nodes of a map stand, under one semantics, and why.

>>> import argmap
>>> m = (argmap.MapBuilder("T").claim("c", "C.", main=True).premise("p", "P.", supports="c")
...      .rebuttal("r", "R.", attacks="p").build())
>>> e = evaluate(m, "support")
>>> e.labelling.accepted, e.label("c")
(('r',), <Label.OUT: 'out'>)
>>> print(e.explain("c"))
the claim 'c' is OUT because its only support rests on the premise 'p', which is OUT:
the rebuttal 'r', which attacks 'p', is IN: nothing attacks 'r'.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, get_args

import attrs

from argmap._suggest import closest, did_you_mean
from argmap.analysis.evaluation import dung
from argmap.analysis.evaluation.assume import Assumption, assumed_framework, check_assumptions
from argmap.analysis.evaluation.explain import because
from argmap.analysis.evaluation.reduction import framework_of
from argmap.analysis.evaluation.support import Settled, Structure, settle
from argmap.analysis.framework import Label, Labelling
from argmap.argument_map import ArgumentMap
from argmap.errors import UnknownIdError

__all__ = ["DEFAULT_LIMIT", "SEMANTICS", "Evaluation", "Semantics", "evaluate"]

Semantics = Literal["grounded", "complete", "preferred", "stable", "support"]
#: The semantics :func:`evaluate` knows, in the order the docs give them.
SEMANTICS: tuple[str, ...] = get_args(Semantics)
#: How many labellings ``complete``, ``preferred`` and ``stable`` look for at most.
DEFAULT_LIMIT = 100


@attrs.frozen
class Evaluation:
    """What a semantics makes of a map: a label per node and per support, and why.

    ``labelling`` labels the nodes, in map order; ``supports`` the supports (``IN``: the
    inference holds). For ``complete``, ``preferred`` and ``stable`` a node is ``IN``
    (``OUT``) when it is so in every labelling found, which ``extensions`` lists (node
    labels only); ``truncated`` says that there were more than ``limit``, and the labels
    then speak of the first ``limit`` only.
    """

    semantics: str
    labelling: Labelling
    supports: Labelling
    extensions: tuple[Labelling, ...] = ()
    truncated: bool = False
    assumptions: Mapping[str, Assumption] = attrs.field(factory=dict)
    _structure: Structure = attrs.field(default=None, eq=False, repr=False)
    _settled: Settled = attrs.field(default=None, eq=False, repr=False)
    #: The labellings found, of nodes and supports (``extensions`` keeps the nodes only).
    _found: tuple[Labelling, ...] = attrs.field(default=(), eq=False, repr=False)

    def label(self, id: str) -> Label:
        """The label of the node or support ``id``; UnknownIdError (with a suggestion) if none."""
        for labelling in (self.labelling, self.supports):
            if id in labelling.labels:
                return labelling.labels[id]
        raise self._unknown(id)

    def explain(self, id: str) -> str:
        """Why the node or support ``id`` has its label: one sentence, the same every time."""
        label = self.label(id)
        name, reason = because(
            self._structure,
            self._settled,
            id,
            supports_count=self.semantics == "support",
            assume=self.assumptions,
        )
        if self.semantics in ("grounded", "support"):
            return f"{name} is {label.name} because {reason}."
        if not self.extensions:
            return f"{name} is UNDEC because the map has no {self.semantics} labelling."
        found = [labelling.labels[id] for labelling in self._found]
        grounded = self._settled.labels[id]
        among = self._among(len(found))
        if len(set(found)) > 1:
            counts = [f"{value.name} in {found.count(value)}" for value in Label if value in found]
            tally = ", ".join(counts[:-1]) + f" and {counts[-1]}"
            first = "first " if self.truncated else ""
            return (
                f"{name} is UNDEC because the {first}{len(found)} {self.semantics} "
                f"labellings disagree: it is {tally}."
            )
        if grounded is label:
            return f"{name} is {label.name} in {among}, as in the grounded labelling: {reason}."
        return (
            f"{name} is {label.name} in {among}, "
            f"though the grounded labelling leaves it UNDEC: {reason}."
        )

    def _among(self, count: int) -> str:
        if self.truncated:
            return f"each of the first {count} {self.semantics} labellings"
        if count == 1:
            return f"the only {self.semantics} labelling"
        if count == 2:
            return f"both {self.semantics} labellings"
        return f"all {count} {self.semantics} labellings"

    def _unknown(self, id: str) -> UnknownIdError:
        ids = [*self.labelling.labels, *self.supports.labels]
        hint = did_you_mean(closest(id, ids)) if isinstance(id, str) else ""
        return UnknownIdError(f"no node or support with id {id!r}{hint}")


def evaluate(
    amap: ArgumentMap,
    semantics: str = "grounded",
    *,
    assume: Mapping[str, str] | None = None,
    limit: int = DEFAULT_LIMIT,
) -> Evaluation:
    """Label every node of ``amap`` ``IN``, ``OUT`` or ``UNDEC`` under ``semantics``.

    ``assume`` maps node ids to ``"accepted"``, ``"rejected"`` or ``"questioned"``.
    ``limit`` bounds the labellings ``complete``, ``preferred`` and ``stable`` look for.
    """
    if semantics not in SEMANTICS:
        hint = did_you_mean(closest(semantics, SEMANTICS)) if isinstance(semantics, str) else ""
        raise ValueError(
            f"semantics must be one of {', '.join(SEMANTICS)}; got {semantics!r}{hint}"
        )
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ValueError(f"limit must be a whole number from 1, got {limit!r}")
    structure = Structure.of(amap)
    assumed = check_assumptions(assume, structure.nodes)
    settled = settle(structure, supports_count=semantics == "support", assume=assumed)
    nodes = {n: settled.labels[n] for n in structure.nodes}
    supports = {s: settled.labels[s] for s in structure.supports}
    extensions: tuple[Labelling, ...] = ()
    whole: tuple[Labelling, ...] = ()
    truncated = False
    if semantics in ("complete", "preferred", "stable"):
        af = assumed_framework(framework_of(amap), assumed)
        search = {"complete": dung.complete, "preferred": dung.preferred, "stable": dung.stable}
        found = search[semantics](af, limit=limit + 1)
        truncated = len(found) > limit
        whole = found[:limit]
        if semantics != "complete":  # complete: what all agree on is the grounded labelling
            nodes = _agreed(whole, nodes)
            supports = _agreed(whole, supports)
        extensions = tuple(
            Labelling(semantics, {n: e.labels[n] for n in structure.nodes}) for e in whole
        )
    return Evaluation(
        semantics,
        Labelling(semantics, nodes),
        Labelling(semantics, supports),
        extensions,
        truncated,
        assumed,
        structure,
        settled,
        whole,
    )


def _agreed(found: tuple[Labelling, ...], ids: Mapping[str, Label]) -> dict[str, Label]:
    """Per id, the label every labelling in ``found`` gives it, else ``UNDEC``."""
    agreed = {}
    for i in ids:
        seen = {e.labels[i] for e in found}
        agreed[i] = seen.pop() if len(seen) == 1 else Label.UNDEC
    return agreed
