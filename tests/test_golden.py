"""Golden DOT files: the drawing of each example is pinned byte for byte.

After an intended change to the drawing, regenerate them with
``ARGMAP_UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

import argmap

ROOT = Path(__file__).parent.parent
GOLDEN = Path(__file__).parent / "golden"

#: Each example as `argmap render --example` draws it, plus one with every option changed.
CASES: list[tuple[str, str, dict[str, Any]]] = [
    *(
        (f"{name}.dot", name, argmap.examples.drawing_options(name))
        for name in argmap.examples.names()
    ),
    ("sejong-print-lr-ids.dot", "sejong", {"theme": "print", "direction": "LR", "show_ids": True}),
]


@pytest.mark.parametrize(("golden", "example", "options"), CASES)
def test_example_dot_matches_its_golden_file(
    golden: str, example: str, options: dict[str, Any]
) -> None:
    source = argmap.to_dot(argmap.examples.load(example), **options)
    path = GOLDEN / golden
    if os.environ.get("ARGMAP_UPDATE_GOLDEN") == "1":
        path.write_text(source, encoding="utf-8", newline="\n")
    assert source == path.read_text(encoding="utf-8")
