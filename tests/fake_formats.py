"""Small fake formats, registered for a test: how another tool's format plugs into argmap."""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager

import argmap
from argmap.formats import registry

#: What the fake "notes" format's reader reports and its writer loses.
NOTE_FINDING = "the notes had a doodle; left out"
LOSS = argmap.Loss("basis", ("p",), "notes have no place for a basis")


def _notes_read(text: str, *, file: str | None = None) -> argmap.Imported:
    """One claim per line, the first the main one."""
    builder = argmap.MapBuilder("Notes")
    for number, line in enumerate(text.splitlines(), 1):
        builder.claim(f"c{number}", line, main=number == 1)
    finding = argmap.Code.NOT_CARRIED.finding(
        NOTE_FINDING, argmap.Location(file, 1, 1, element="doodle")
    )
    return argmap.Imported(builder.build(), (finding,))


def _notes_write(amap: argmap.ArgumentMap) -> argmap.Exported:
    text = "".join(f"{node.text}\n" for node in amap.nodes)
    return argmap.Exported(text, (LOSS,))


def _tagged_json(tag: str) -> types.ModuleType:
    """A JSON format whose documents are ``{TAG: [texts]}``, read only."""
    module = types.ModuleType(f"fake_{tag}")

    def read(text: str, *, file: str | None = None) -> argmap.Imported:
        builder = argmap.MapBuilder(tag)
        for number, line in enumerate(json.loads(text)[tag], 1):
            builder.claim(f"c{number}", line)
        return argmap.Imported(builder.build())

    def sniff(data: object) -> bool:
        return isinstance(data, dict) and tag in data

    module.read = read  # type: ignore[attr-defined]
    module.sniff = sniff  # type: ignore[attr-defined]
    module.CARRIES = frozenset(("claim",))  # type: ignore[attr-defined]
    return module


def _modules() -> dict[str, types.ModuleType]:
    notes = types.ModuleType("fake_notes")
    notes.read = _notes_read  # type: ignore[attr-defined]
    notes.write = _notes_write  # type: ignore[attr-defined]
    notes.CARRIES = frozenset(("title", "claim", "main claim"))  # type: ignore[attr-defined]
    return {
        "fake_notes": notes,
        "fake_alpha": _tagged_json("alpha"),
        "fake_beta": _tagged_json("beta"),
        "fake_both": _tagged_json("alpha"),  # takes what alpha takes: ambiguous
    }


#: The fake formats: "notes" (.notes, reads and writes), "alpha" and "beta" (JSON, sniffed).
SPECS = (
    argmap.FormatSpec("notes", "fake_notes", (".notes",), "one claim a line", writes=True),
    argmap.FormatSpec("alpha", "fake_alpha", (".json",), "alpha JSON", sniffs=True),
    argmap.FormatSpec("beta", "fake_beta", (".json",), "beta JSON", sniffs=True),
    argmap.FormatSpec("missing", "fake_missing_module", (".missing",), "not in this build"),
)


@contextmanager
def fake_formats(*extra: argmap.FormatSpec) -> Iterator[None]:
    """The fake formats (and ``extra``) registered, and their modules importable, for a while."""
    modules = _modules()
    before = registry.registered_formats()
    sys.modules.update(modules)
    try:
        for spec in (*SPECS, *extra):
            argmap.register_format(spec)
        yield
    finally:
        for spec in registry.registered_formats():
            argmap.unregister_format(spec.name)
        for spec in before:  # as they were, in their order
            argmap.register_format(spec)
        for name in modules:
            sys.modules.pop(name, None)
