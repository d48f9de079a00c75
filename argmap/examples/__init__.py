"""The worked examples: five commentaries on China-South Korea relations, as argument maps.

The maps are the files ``examples/NAME.yaml`` of the source tree; wheels carry the same
files inside this package (``argmap/examples/data``), so there is one copy to edit.

>>> from argmap import examples
>>> examples.names()[:2]
('asan', 'cgtn')
>>> examples.load("sejong").title
'China and the ROK should put long-term common interests before short-term gains'
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from argmap.argument_map import ArgumentMap
from argmap.formats import read

__all__ = ["drawing_options", "load", "names", "path", "tags"]

_HERE = Path(__file__).resolve().parent


def _folder() -> Path:
    """Where the maps are: inside the installed package, else the source tree's examples/."""
    packaged = _HERE / "data"
    return packaged if packaged.is_dir() else _HERE.parent.parent / "examples"


def names() -> tuple[str, ...]:
    """The names of the example maps, sorted.

    >>> "taihe" in names()
    True
    """
    return tuple(sorted(p.stem for p in _folder().glob("*.yaml") if p.stem != "tags"))


def path(name: str) -> Path:
    """The file of the example called ``name``; ``KeyError`` names the ones there are.

    >>> path("sejong").name
    'sejong.yaml'
    """
    known = names()
    if name not in known:
        raise KeyError(f"no example {name!r}; the examples are {', '.join(known)}")
    return _folder() / f"{name}.yaml"


def load(name: str) -> ArgumentMap:
    """The example map called ``name`` (see :func:`names`).

    >>> len(load("sejong").nodes) > 20
    True
    """
    return read(path(name))


#: Options of :func:`~argmap.to_graphviz` an example reads best with, where not the defaults.
_DRAWING: Mapping[str, Mapping[str, Any]] = MappingProxyType(
    {
        # Left to right: these maps are broad (many reasons side by side), not deep.
        "asan": MappingProxyType({"direction": "LR"}),
        "cgtn": MappingProxyType({"direction": "LR"}),
        "sejong": MappingProxyType({"direction": "LR"}),
        "seoul": MappingProxyType({"direction": "LR"}),
        # The seminar: one labelled box per speaker.
        "taihe": MappingProxyType({"direction": "LR", "group_by": "speaker"}),
    }
)


def drawing_options(name: str) -> dict[str, Any]:
    """The drawing options the example ``name`` reads best with (``argmap render --example``).

    >>> drawing_options("taihe")
    {'direction': 'LR', 'group_by': 'speaker'}
    """
    path(name)  # an unknown name is a KeyError that lists the known ones
    return dict(_DRAWING.get(name, {}))


@functools.cache
def tags() -> Mapping[str, str]:
    """The theme tags the examples' nodes draw from, each with what it covers.

    >>> tags()["thaad"]
    'The THAAD missile-defence deployment in Korea and the dispute over it.'
    """
    with open(_folder() / "tags.yaml", encoding="utf-8") as file:
        loaded = yaml.safe_load(file)
    return MappingProxyType(dict(loaded))
