"""The YAML of Argdown's data (``{...}``) and frontmatter, read as Argdown itself reads it."""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

__all__ = ["load_yaml"]


class _Loader(yaml.SafeLoader):
    """YAML as Argdown's own reader (js-yaml, YAML 1.2) reads it: ``5e-324`` is a number."""


_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?[eE][-+]?[0-9]+$"),
    list("-+0123456789"),
)


def load_yaml(text: str) -> Any:
    """``text`` as YAML, with numbers such as ``1e3`` and ``5e-324`` read as numbers.

    PyYAML (YAML 1.1) reads an exponent without a dot as text; js-yaml does not. Data
    that is JSON, as argmap writes it, is read as JSON: the same value, many times faster.

    >>> load_yaml("{a: 5e-324, b: 1e3, c: '1e3'}")
    {'a': 5e-324, 'b': 1000.0, 'c': '1e3'}
    >>> load_yaml('{"argmap": {"id": "p->c"}}')
    {'argmap': {'id': 'p->c'}}
    """
    if text.startswith('{"'):
        try:
            return json.loads(text)
        except ValueError:
            pass  # YAML that only looks like JSON: the YAML reader says what it is
    return yaml.load(text, Loader=_Loader)
