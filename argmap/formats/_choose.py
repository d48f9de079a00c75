"""Which format a file is in: the name given, else its extension, else (``.json``) its content."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from pathlib import Path

from argmap.codes import Code
from argmap.errors import FormatError
from argmap.findings import Location
from argmap.formats.registry import (
    FormatSpec,
    format_spec,
    formats_for_extension,
    load_format,
    registered_formats,
)

__all__ = ["by_content", "by_extension", "for_reading", "for_writing"]

#: How argmap's own JSON starts (as argmap writes it): known without parsing the file twice.
_ARGMAP_JSON = re.compile(r'\A\s*\{\s*"argmap"\s*:')


def _unknown(message: str, file: str | None = None) -> FormatError:
    return FormatError([Code.UNKNOWN_FORMAT.finding(message, Location(file))])


def _extensions(specs: Sequence[FormatSpec]) -> str:
    return ", ".join(dict.fromkeys(e for spec in specs for e in spec.extensions))


def _names(specs: Sequence[FormatSpec]) -> str:
    return ", ".join(spec.name for spec in specs)


def for_reading(name: str) -> FormatSpec:
    """The format ``name``, which must read."""
    spec = format_spec(name)
    if not spec.reads:
        readers = [s for s in registered_formats() if s.reads]
        raise _unknown(f"argmap cannot read {name}; it reads {_names(readers)}")
    return spec


def for_writing(name: str) -> FormatSpec:
    """The format ``name``, which must write."""
    spec = format_spec(name)
    if not spec.writes:
        writers = [s for s in registered_formats() if s.writes]
        raise _unknown(f"argmap reads {name} but cannot write it; it writes {_names(writers)}")
    return spec


def by_extension(path: str | os.PathLike[str], *, writing: bool) -> tuple[FormatSpec, ...]:
    """The formats that read (or write) files with ``path``'s extension; at least one."""
    name = os.fspath(path)
    suffix = Path(name).suffix.lower()
    found = [
        spec for spec in formats_for_extension(suffix) if (spec.writes if writing else spec.reads)
    ]
    if found:
        return tuple(found)
    able = [s for s in registered_formats() if (s.writes if writing else s.reads)]
    raise _unknown(
        f"cannot tell the format of {name!r} from its extension {suffix!r}; use one of "
        f"{_extensions(able)}, or name the format with format= or --from/--to "
        f"(one of {_names(able)})",
        name,
    )


def by_content(candidates: Sequence[FormatSpec], text: str, file: str) -> FormatSpec:
    """Which of the JSON formats that share an extension ``text`` is in.

    argmap's own JSON comes first: a document that starts with its ``"argmap"`` key, or
    that the ``json`` format's sniff takes, is argmap's. Otherwise every other format's
    ``sniff`` looks at the parsed value, and exactly one must take it. Text that is not
    JSON, or that no format takes, goes to the first candidate (argmap's JSON for
    ``.json``), whose reader says what is wrong with it.
    """
    if len(candidates) == 1:
        return candidates[0]
    first = candidates[0]
    if first.name == "json" and _ARGMAP_JSON.match(text):
        return first
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return first
    if first.name == "json" and load_format(first).sniff(data):
        return first
    taken = [spec for spec in candidates if spec.sniffs and _sniffs(spec, data)]
    if len(taken) > 1:
        raise _unknown(
            f"{file!r} could be in any of {_names(taken)}; name the format with format= "
            f"(argmap convert: --from)",
            file,
        )
    return taken[0] if taken else first


def _sniffs(spec: FormatSpec, data: object) -> bool:
    """Whether ``spec``'s sniff takes ``data``; a format missing from this build takes nothing."""
    try:
        module = load_format(spec)
    except FormatError:
        return False
    return bool(module.sniff(data))
