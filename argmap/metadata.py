"""Map metadata: free-form JSON-like data, frozen, with the same character rules as notes.

Metadata holds text, numbers, true/false, null, lists and mappings with text keys, nested
at most :data:`MAX_METADATA_DEPTH` levels: both formats must be able to write it back, and every
reader and check walks it within that depth.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from argmap.codes import Code
from argmap.errors import ModelError
from argmap.findings import Location
from argmap.invariants import bad_char_in_note

__all__ = ["MAX_METADATA_DEPTH", "check_metadata", "freeze"]

#: How deep a map's metadata may nest; ``metadata`` itself is level 1.
MAX_METADATA_DEPTH = 64


def _fail(problem: str) -> ModelError:
    return ModelError([Code.INVALID_VALUE.finding(problem, Location(path=("metadata",)))])


def freeze(value: Any, _depth: int = 1) -> Any:
    """Deep-freeze JSON-like data: mappings become read-only, lists become tuples.

    >>> freeze({"tags": ["a", "b"]})["tags"]
    ('a', 'b')
    """
    if isinstance(value, Mapping | list | tuple) and _depth > MAX_METADATA_DEPTH:
        raise _fail(
            f"map metadata is nested more than {MAX_METADATA_DEPTH} levels deep; flatten it "
            f"(a mapping or list within {MAX_METADATA_DEPTH} levels)"
        )
    if isinstance(value, Mapping):
        return MappingProxyType({k: freeze(v, _depth + 1) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(freeze(v, _depth + 1) for v in value)
    return value


def _why_not_json(value: Any, path: str) -> str | None:
    """Why frozen ``value`` is not JSON-like data (both formats must write it), or None."""
    if value is None or isinstance(value, int):  # bool is an int
        return None
    if isinstance(value, str):
        bad = bad_char_in_note(value)
        return None if bad is None else f"{path} holds {bad}; remove it"
    if isinstance(value, float):
        return None if math.isfinite(value) else f"{path} is {value!r}; numbers must be finite"
    if isinstance(value, Mapping):
        return _why_not_json_mapping(value, path)
    if isinstance(value, tuple):
        problems = (_why_not_json(item, f"{path}[{index}]") for index, item in enumerate(value))
        return next((problem for problem in problems if problem is not None), None)
    return (
        f"{path} is a {type(value).__name__}; metadata holds only text, numbers, "
        f"true/false, null, lists and mappings"
    )


def _why_not_json_mapping(value: Mapping[Any, Any], path: str) -> str | None:
    for key, item in value.items():
        if not isinstance(key, str):
            return f"{path} has the key {key!r}, a {type(key).__name__}; keys must be text"
        bad = bad_char_in_note(key)
        if bad is not None:
            return f"{path} has a key holding {bad}: {key!r}; remove it"
        problem = _why_not_json(item, f"{path}[{key!r}]")
        if problem is not None:
            return problem
    return None


def check_metadata(instance: Any, attribute: Any, value: Any) -> None:
    """Validate frozen metadata; an attrs validator.

    >>> check_metadata(None, None, freeze({"seen": {2022}}))
    Traceback (most recent call last):
    ...
    argmap.errors.ModelError: $.metadata: AM105 map metadata['seen'] is a set; ...
    """
    problem = (
        "map metadata must be a mapping"
        if not isinstance(value, Mapping)
        else _why_not_json(value, "map metadata")
    )
    if problem is not None:
        raise _fail(problem)
