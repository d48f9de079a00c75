"""Print pip constraints pinning argmap's and its test extra's requirements to their lowest.

Each ``name>=X`` in ``pyproject.toml`` (the core dependencies and the ``test`` extra)
becomes ``name==X``, so ``./dev test-lowest`` checks that the lower bounds we declare
really work. Run from the repository root: ``python requirements/lowest.py``.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

_LOWER = re.compile(r"^\s*([A-Za-z0-9_.-]+)(\[[^\]]*\])?\s*>=\s*([^,;\s]+)")


def lowest(pyproject: Path) -> list[str]:
    """``name==version`` for every lower-bounded core and test requirement."""
    project = tomllib.loads(pyproject.read_text("utf-8"))["project"]
    requirements = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    pins = []
    for requirement in requirements:
        match = _LOWER.match(requirement)
        if match is None:
            sys.exit(f"requirements/lowest.py: no lower bound in {requirement!r}; give one")
        pins.append(f"{match[1]}=={match[3]}")
    return sorted(pins, key=str.lower)


if __name__ == "__main__":
    print("\n".join(lowest(Path(__file__).resolve().parent.parent / "pyproject.toml")))
