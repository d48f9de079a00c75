"""Reading and writing maps in any registered format: argmap's YAML and JSON, and others'."""

from __future__ import annotations

import json
import os
import warnings
from importlib import resources
from typing import Any, TypeAlias

from argmap._files import replace_file
from argmap._gc import paused_gc
from argmap.argument_map import ArgumentMap
from argmap.codes import Code
from argmap.errors import FormatError, ParseError
from argmap.findings import Finding, Location
from argmap.formats import _choose
from argmap.formats.document import InputError
from argmap.formats.interchange import Exported, Imported, LossWarning
from argmap.formats.registry import FormatSpec, load_format

__all__ = ["MAX_BYTES", "Format", "dumps", "format_of", "json_schema", "loads", "read", "write"]

#: A registered format's name: ``"yaml"``, ``"json"``, ``"aif"``, ... (see the registry).
Format: TypeAlias = str

#: The largest input read by default (64 MiB); pass ``max_bytes`` to read larger maps.
MAX_BYTES = 64 * 1024 * 1024


def _problem(
    code: Code, message: str, file: str | None, line: int = 1, column: int = 1
) -> ParseError:
    return ParseError([code.finding(message, Location(file, line, column))])


#: How to fix what stopped a file from being read, by the error's type.
_READ_FIXES: dict[type[OSError], str] = {
    FileNotFoundError: "; check the file's name and folder",
    PermissionError: "; give yourself permission to read it (chmod u+r)",
}


def _too_large(what: str, max_bytes: int, file: str | None) -> ParseError:
    return _problem(
        Code.TOO_LARGE,
        f"{what}, over the limit of {max_bytes:,}; pass max_bytes=None to read it anyway",
        file,
    )


def format_of(path: str | os.PathLike[str]) -> Format:
    """The format a file name's extension names first (argmap's own JSON for ``.json``).

    >>> format_of("sejong.yaml"), format_of("sejong.json"), format_of("debate.argdown")
    ('yaml', 'json', 'argdown')
    """
    return _choose.by_extension(path, writing=False)[0].name


def loads(
    text: str,
    *,
    format: Format = "yaml",
    file: str | None = None,
    max_bytes: int | None = MAX_BYTES,
    strict: bool = False,
) -> ArgumentMap:
    """Read a map from a string; :class:`~argmap.ParseError` lists every problem.

    ``format`` is any registered format's name. ``file`` only names the text in messages.
    What a reader of another tool's format could not represent is issued as a
    :class:`~argmap.LossWarning` each, or with ``strict=True`` raised as a ``ParseError``.

    >>> import argmap
    >>> m = argmap.loads('''
    ... title: Keep the long view
    ... nodes:
    ...   thesis: {claim: Ties matter., main: true}
    ... ''')
    >>> m.node("thesis").main
    True
    """
    imported = _import(_choose.for_reading(format), text, file, max_bytes)
    _report(imported.findings, strict=strict)
    return imported.map


def _import(spec: FormatSpec, text: str, file: str | None, max_bytes: int | None) -> Imported:
    """What ``spec``'s reader makes of ``text``, once the text is known to be readable."""
    module = load_format(spec)
    # A character takes one to four bytes: count them only when the count could matter.
    if max_bytes is not None and 4 * len(text) > max_bytes:
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            raise _too_large(f"the input is {size:,} bytes", max_bytes, file)
    try:
        if not text.isascii():  # ASCII holds no lone surrogate
            text.encode("utf-8")
    except UnicodeEncodeError as error:  # a lone surrogate: no file can hold it
        line = text.count("\n", 0, error.start) + 1
        column = error.start - (text.rfind("\n", 0, error.start) + 1) + 1
        raise _problem(
            Code.NOT_UTF8,
            f"the input is not Unicode text: it holds the lone surrogate {text[error.start]!r}",
            file,
            line,
            column,
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        with paused_gc():  # a third of the time of a large read, otherwise
            imported: Imported = module.read(text, file=file)
    except InputError as problem:
        raise ParseError([problem.finding]) from None
    except RecursionError:
        raise _problem(Code.SYNTAX, "the input is nested too deeply to be a map", file) from None
    return imported


def _report(findings: tuple[Finding, ...], *, strict: bool) -> None:
    """A reader's findings: a :class:`LossWarning` each, or one ``ParseError`` if strict."""
    if strict and findings:
        raise ParseError(findings)
    for finding in findings:
        warnings.warn(LossWarning.of(finding), stacklevel=3)


def _folder(name: str) -> ParseError:
    """A folder named where a map file belongs: no line or column to give."""
    message = "this is a folder, not a map file; name a .yaml or .json file in it"
    return ParseError([Code.SYNTAX.finding(message, Location(name))])


def read(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    max_bytes: int | None = MAX_BYTES,
    strict: bool = False,
) -> ArgumentMap:
    """Read a map from a file in any registered format: ``format``, or what the file is.

    Without ``format``, the extension hints at it (``.yaml``/``.yml``, ``.json``,
    ``.argdown``, ...), and a ``.json`` file is told apart by its content: argmap's own
    JSON, AIF, xAIF, SADFace or Argdown's JSON export. :class:`~argmap.FormatError` says
    when no format, or more than one, fits. Every problem is reported with
    ``file:line:col`` in one :class:`~argmap.ParseError`; losses are reported as in
    :func:`loads`.
    """
    imported = _read_file(path, format=format, max_bytes=max_bytes)[1]
    _report(imported.findings, strict=strict)
    return imported.map


def _read_file(
    path: str | os.PathLike[str], *, format: Format | None, max_bytes: int | None
) -> tuple[FormatSpec, Imported]:
    """The format of the file at ``path``, and what its reader made of it."""
    name = os.fspath(path)
    if os.path.isdir(name):
        raise _folder(name)
    if format is not None:
        candidates: tuple[FormatSpec, ...] = (_choose.for_reading(format),)
    else:
        candidates = _choose.by_extension(name, writing=False)
    text = _text_of(name, max_bytes)
    spec = _choose.by_content(candidates, text, name)
    return spec, _import(spec, text, name, None)


def _text_of(name: str, max_bytes: int | None) -> str:
    """The text of the file ``name``, read as UTF-8 no further than ``max_bytes``."""
    try:
        with open(name, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if max_bytes is not None and size > max_bytes:
                raise _too_large(f"the file is {size:,} bytes", max_bytes, name)
            # A pipe, a device or a /proc file reports size 0: read no more than the limit
            # allows, whatever the size said.
            raw = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
            if max_bytes is not None and len(raw) > max_bytes:
                raise _problem(
                    Code.TOO_LARGE,
                    f"the input goes on past the limit of {max_bytes:,} bytes; "
                    "pass max_bytes=None to read it anyway",
                    name,
                )
    except IsADirectoryError:
        raise _folder(name) from None
    except OSError as error:
        raise ParseError(
            [
                Code.SYNTAX.finding(
                    f"cannot read the file: {error.strerror or error}"
                    + _READ_FIXES.get(type(error), ""),
                    Location(name),
                )
            ]
        ) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        prefix = raw[: error.start]
        line = prefix.count(b"\n") + 1
        column = len(prefix[prefix.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise _problem(
            Code.NOT_UTF8,
            f"the file is not UTF-8 text: byte 0x{raw[error.start]:02x} "
            f"cannot start a character here; save it as UTF-8",
            name,
            line,
            column,
        ) from None


def dumps(amap: ArgumentMap, *, format: Format = "yaml", strict: bool = False) -> str:
    """The map as text in any registered format that writes; the same map, the same text.

    What the format cannot carry is issued as one :class:`~argmap.LossWarning` per kind
    of loss, or with ``strict=True`` raised as a :class:`~argmap.FormatError`.

    >>> import argmap
    >>> m = argmap.MapBuilder("T").claim("c", "A claim.", main=True).build()
    >>> print(argmap.dumps(m), end="")
    argmap: 1
    title: T
    nodes:
      c:
        claim: A claim.
        main: true
    """
    spec = _choose.for_writing(format)
    exported = _export(amap, spec)
    _report_losses(spec, exported, strict=strict)
    return exported.text


def _export(amap: ArgumentMap, spec: FormatSpec) -> Exported:
    """What ``spec``'s writer makes of ``amap``."""
    exported: Exported = load_format(spec).write(amap)
    return exported


def _report_losses(spec: FormatSpec, exported: Exported, *, strict: bool) -> None:
    """A writer's losses: a :class:`LossWarning` each, or one ``FormatError`` if strict."""
    messages = [loss.message(spec.name) for loss in exported.losses]
    if strict and messages:
        raise FormatError([Code.NOT_CARRIED.finding(message, Location()) for message in messages])
    for loss, message in zip(exported.losses, messages, strict=True):
        warnings.warn(LossWarning(message, loss=loss), stacklevel=3)


def write(
    amap: ArgumentMap,
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    strict: bool = False,
) -> None:
    """Write the map to a file in ``format``, or the first that writes the file's extension.

    ``.json`` is argmap's own JSON unless ``format`` says otherwise (``"aif"``,
    ``"sadface"``, ...). Losses are reported as in :func:`dumps`; with ``strict=True``
    nothing is written. The file is replaced whole or not at all: there is never a
    partial file.
    """
    name = os.fspath(path)
    if format is not None:
        spec = _choose.for_writing(format)
    else:
        spec = _choose.by_extension(name, writing=True)[0]
    exported = _export(amap, spec)
    _report_losses(spec, exported, strict=strict)
    replace_file(name, exported.text.encode("utf-8"))


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the map document (both the YAML and the JSON form).

    >>> json_schema()["title"]
    'argmap map document'
    """
    text = resources.files("argmap.formats").joinpath("argmap.schema.json").read_text("utf-8")
    return json.loads(text)  # type: ignore[no-any-return]
