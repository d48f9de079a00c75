"""The interchange corpus: real argument maps written by others, and their counts.

The files live outside the project, in ``../shared/interop-corpus`` beside the checkout
(see its README; they are never copied into the project). :data:`GROUNDTRUTH` holds the
counts an independent script made of each file, by its path in the corpus.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import argmap

#: The corpus folder, beside the project checkout.
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "interop-corpus"


def _groundtruth() -> dict[str, dict[str, Any]]:
    path = CORPUS / "groundtruth.json"
    if not path.exists():
        return {}
    files: dict[str, dict[str, Any]] = json.loads(path.read_text("utf-8"))["files"]
    return files


#: Each corpus file's counts (statements, supports, attacks, undercuts, linked supports,
#: participants, speakers, main claims, and a ``detail`` block), by its path in the corpus.
GROUNDTRUTH = _groundtruth()


def files(folder: str) -> list[str]:
    """The corpus paths under ``folder`` (``"aif"``, ``"argdown"``, ...) that have counts.

    Files the ground truth skips (a DTD schema is not a map) are left out.

    >>> all(path.startswith("aif/") for path in files("aif"))
    True
    """
    return sorted(
        path
        for path, truth in GROUNDTRUTH.items()
        if path.startswith(f"{folder}/") and "skipped" not in truth
    )


def counts(amap: argmap.ArgumentMap, keys: tuple[str, ...]) -> dict[str, object]:
    """The ground truth's counts of ``keys`` made of a map read from a corpus file.

    >>> m = argmap.MapBuilder("T").claim("c", "C.", main=True).premise("p", "P.", supports="c")
    >>> counts(m.build(), ("statements", "support", "main_claims"))
    {'statements': 2, 'support': 1, 'main_claims': ['c']}
    """
    supports = [r for r in amap.relations if isinstance(r, argmap.Support)]
    attacks = [r for r in amap.relations if isinstance(r, argmap.Attack)]
    support_ids = {r.id for r in supports}
    made: dict[str, object] = {
        "statements": len(amap.nodes),
        "support": len(supports),
        "attack": len(attacks),
        "undercut": sum(a.target in support_ids for a in attacks),
        "linked_support": sum(len(s.by) > 1 for s in supports),
        "main_claims": [n.id for n in amap.nodes if isinstance(n, argmap.Claim) and n.main],
    }
    return {key: made[key] for key in keys}
