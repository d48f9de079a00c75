"""Fingerprints of the source documents, so tests can tell copied text without the texts.

The worked examples' node texts must be our own words. A test compares every run of
:data:`RUN` words of each node text with the runs of its source document. The documents
live outside the project (``../shared/seeds``) and may be absent where the tests run, and
the project never holds their sentences; so the runs are kept as short hashes in
``tests/data/seed-runs.json``. Regenerate it, where the documents are, with
``python -m tests.fingerprints``.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
STORE = Path(__file__).resolve().parent / "data" / "seed-runs.json"

#: How many words in a row make a copied run.
RUN = 12
#: Which document each example encodes (the seeds' file name prefixes).
DOCUMENTS = {"sejong": "000", "taihe": "001", "asan": "002", "cgtn": "003", "seoul": "004"}


def words(text: str) -> list[str]:
    """The words of ``text``, lower case, without punctuation."""
    return re.sub(r"[^\w\s]", "", text.lower()).split()


def runs(text: str) -> set[str]:
    """Short hashes of every run of RUN words in ``text``."""
    found = words(text)
    return {
        hashlib.blake2b(" ".join(found[i : i + RUN]).encode(), digest_size=6).hexdigest()
        for i in range(len(found) - RUN + 1)
    }


def from_documents() -> dict[str, list[str]]:
    """The runs of each example's source document, from the documents themselves."""
    result = {}
    for name, prefix in sorted(DOCUMENTS.items()):
        (path,) = SEEDS.glob(f"{prefix}_*.txt")
        result[name] = sorted(runs(path.read_text(encoding="utf-8")))
    return result


def stored() -> dict[str, set[str]]:
    """The runs kept in the store, by example."""
    loaded: dict[str, list[str]] = json.loads(STORE.read_text(encoding="utf-8"))
    return {name: set(hashes) for name, hashes in loaded.items()}


if __name__ == "__main__":
    STORE.write_text(json.dumps(from_documents(), indent=0) + "\n", encoding="utf-8")
    print(f"wrote {STORE}")
