"""Nodes and keys at the wrong depth: what an author meant when YAML read it otherwise.

A mistyped indentation often gives valid YAML with another shape: a node indented under
the one before becomes one of its keys, a node's ``source:`` dedented becomes a node of its
own. These name the mistake in the author's terms, with the fix.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

__all__ = ["dedented_key", "kindless_text", "nested_node"]

_KIND_LINE = re.compile(r"(claim|premise|rebuttal|recommendation)\b\s*(:?)\s*(.*)", re.DOTALL)


def dedented_key(
    ident: str, value: object, kinds: Collection[str], node_keys: Collection[str]
) -> str | None:
    """Why node ``ident`` is a node's key indented as a node id, or ``None`` if it is not.

    >>> print(dedented_key("source", {"doc": "brief"}, ("claim",), ("source", "tags")))
    'source' is a key of a node, but it is indented like a node id, ...
    """
    if ident not in node_keys:
        return None
    if isinstance(value, Mapping) and any(kind in value for kind in kinds):
        return None  # a node that happens to be called 'source'
    return (
        f"{ident!r} is a key of a node, but it is indented like a node id, so it is read as "
        f"a node of its own; indent it under the node it belongs to, as deep as that node's "
        f"kind key"
    )


def nested_node(key: str, value: object, kinds: Collection[str], owner: str) -> str:
    """A hint for an unknown key of a node that is itself a node, indented too deep.

    >>> print(nested_node("visits", {"premise": "P."}, ("premise",), "trade"))
    ; 'visits' looks like a node indented under 'trade': a node of its own lines up with 'trade'
    >>> nested_node("colour", "red", ("premise",), "trade")
    ''
    """
    if isinstance(value, Mapping) and any(kind in value for kind in kinds):
        return (
            f"; {key!r} looks like a node indented under {owner!r}: a node of its own lines "
            f"up with {owner!r}"
        )
    return ""


def kindless_text(ident: str, value: object) -> str | None:
    """Why a node written as one line of text is not a node, if it starts with a kind.

    >>> print(kindless_text("trade", "premise:Trade grew."))
    node 'trade' is the text ...; YAML needs a space after ':' ...: write 'premise: Trade grew.'
    >>> print(kindless_text("trade", "premise Trade grew."))
    node 'trade' is the text ...; a kind key ends with ':': write 'premise: Trade grew.'
    """
    if not isinstance(value, str):
        return None
    match = _KIND_LINE.fullmatch(value.strip())
    if match is None or not match[3]:
        return None
    kind, colon, text = match[1], match[2], match[3]
    why = "YAML needs a space after ':' to make a key" if colon else "a kind key ends with ':'"
    return f"node {ident!r} is the text {value!r}; {why}: write '{kind}: {text}'"
