"""The document's keys, by the place each may appear, and the format's version."""

from __future__ import annotations

from argmap.nodes import NODE_KINDS

__all__ = ["ALL_NODE_KEYS", "FORMAT_VERSION", "KEYS", "KIND_NAMES", "MISPLACEABLE", "NODE_KEYS"]

FORMAT_VERSION = 1

#: Every key the format knows, by the place it may appear (the schema test reads this).
KEYS: dict[str, tuple[str, ...]] = {
    "map": ("argmap", "title", "sources", "participants", "nodes", "metadata"),
    "source": ("title", "authors", "affiliation", "outlet", "date", "url", "language"),
    "participant": ("name", "affiliation", "country", "role"),
    "node": ("speaker", "source", "tags", "note", "supports", "attacks"),
    "claim": ("main",),
    "premise": ("basis", "implicit"),
    "rebuttal": (),
    "recommendation": (),
    "source-ref": ("doc", "paragraphs"),
    "support": ("to", "with", "id", "source", "implicit", "note"),
    "attack": ("to", "id", "source", "implicit", "note"),
}
KIND_NAMES = tuple(NODE_KINDS)
NODE_KEYS = {kind: frozenset((kind, *KEYS["node"], *KEYS[kind])) for kind in KIND_NAMES}
ALL_NODE_KEYS = frozenset().union(*NODE_KEYS.values())
#: The keys of a node that an author may dedent to a node id by mistake.
MISPLACEABLE = frozenset((*KEYS["node"], *KEYS["claim"], *KEYS["premise"]))
