"""An evaluation on a drawing: checking a labelling against the map, and what it says of a node."""

from __future__ import annotations

from argmap.analysis.framework import Label, Labelling
from argmap.argument_map import ArgumentMap

__all__ = ["check_labelling", "label_of", "semantics_note", "shown_labels"]


def check_labelling(amap: ArgumentMap, labelling: Labelling | None) -> None:
    """Raise a ``ValueError`` naming the first id ``labelling`` labels that ``amap`` lacks.

    >>> import argmap
    >>> m = argmap.MapBuilder("T").claim("c", "C.").build()
    >>> check_labelling(m, Labelling("grounded", {"c": Label.IN, "x": Label.OUT}))
    Traceback (most recent call last):
    ...
    ValueError: the evaluation labels 'x', which is not a node of map 'T'
    """
    if labelling is None:
        return
    known = {node.id for node in amap.nodes}
    strays = [ident for ident in labelling.labels if ident not in known]
    if strays:
        more = f" (and {len(strays) - 1} more)" if len(strays) > 1 else ""
        raise ValueError(
            f"the evaluation labels {strays[0]!r}{more}, which is not a node of map {amap.title!r}"
        )


def shown_labels(labelling: Labelling | None, amap: ArgumentMap) -> Labelling | None:
    """``labelling`` cut down to the nodes of ``amap`` (a part of the map it was made for).

    >>> import argmap
    >>> m = argmap.MapBuilder("T").claim("c", "C.").build()
    >>> dict(shown_labels(Labelling("grounded", {"c": "in", "x": "out"}), m).labels)
    {'c': <Label.IN: 'in'>}
    """
    if labelling is None:
        return None
    known = {node.id for node in amap.nodes}
    if all(ident in known for ident in labelling.labels):
        return labelling
    kept = {ident: label for ident, label in labelling.labels.items() if ident in known}
    return Labelling(labelling.semantics, kept)


def label_of(labelling: Labelling | None, ident: str) -> Label | None:
    """The label of node ``ident``, or None: no evaluation, or none for that node."""
    return None if labelling is None else labelling.labels.get(ident)


def semantics_note(labelling: Labelling) -> str:
    """What a drawing's or an outline's caption says of the evaluation shown.

    >>> semantics_note(Labelling("grounded", {}))
    'Evaluated under grounded semantics'
    """
    return f"Evaluated under {labelling.semantics} semantics"
