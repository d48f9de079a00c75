"""Reading and writing maps: YAML for authors, JSON for tools, one document shape."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from argmap._files import replace_file
from argmap._gc import paused_gc
from argmap.argument_map import ArgumentMap
from argmap.codes import Code
from argmap.errors import ParseError
from argmap.findings import DocPath, Finding, Location
from argmap.formats import json_format, yaml_format
from argmap.formats.document import InputError, from_document, to_document

__all__ = ["MAX_BYTES", "Format", "dumps", "format_of", "json_schema", "loads", "read", "write"]

#: The formats argmap reads and writes.
Format = Literal["yaml", "json"]

#: The largest input read by default (64 MiB); pass ``max_bytes`` to read larger maps.
MAX_BYTES = 64 * 1024 * 1024

_EXTENSIONS: dict[str, Format] = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}
_PARSERS: dict[str, Callable[[str, str | None], tuple[Any, Callable[[DocPath], Any]]]] = {
    "yaml": yaml_format.parse,
    "json": json_format.parse,
}


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
    """The format a file name's extension names.

    >>> format_of("sejong.yaml"), format_of("sejong.json")
    ('yaml', 'json')
    """
    suffix = Path(path).suffix.lower()
    try:
        return _EXTENSIONS[suffix]
    except KeyError:
        known = ", ".join(_EXTENSIONS)
        finding = Code.UNKNOWN_FORMAT.finding(  # of the name: no line or column to give
            f"cannot tell the format of {os.fspath(path)!r} from its extension "
            f"{suffix!r}; use one of {known}",
            Location(os.fspath(path)),
        )
        raise ParseError([finding]) from None


def loads(
    text: str,
    *,
    format: Format = "yaml",
    file: str | None = None,
    max_bytes: int | None = MAX_BYTES,
) -> ArgumentMap:
    """Read a map from a string; :class:`~argmap.ParseError` lists every problem.

    ``file`` only names the text in messages.

    >>> import argmap
    >>> m = argmap.loads('''
    ... title: Keep the long view
    ... nodes:
    ...   thesis: {claim: Ties matter., main: true}
    ... ''')
    >>> m.node("thesis").main
    True
    """
    if format not in _PARSERS:
        raise ValueError(f"format must be 'yaml' or 'json', got {format!r}")
    # A character takes one to four bytes: count them only when the count could matter.
    if max_bytes is not None and 4 * len(text) > max_bytes:
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            raise _too_large(f"the input is {size:,} bytes", max_bytes, file)
    try:
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
    if not text.strip():
        raise _problem(
            Code.EMPTY_FILE, "the input is empty; expected a map with 'title' and 'nodes'", file
        )
    try:
        with paused_gc():  # a third of the time of a large read, otherwise
            amap = _read_document(format, text, file)
    except InputError as problem:
        raise ParseError([problem.finding]) from None
    except RecursionError:
        raise _problem(Code.SYNTAX, "the input is nested too deeply to be a map", file) from None
    return amap


def _read_document(format: str, text: str, file: str | None) -> ArgumentMap:
    """Parse and read ``text``; texts cut by comments are reported with every other problem."""
    cut: tuple[Finding, ...] = ()
    try:
        data, locate = _PARSERS[format](text, file)
    except yaml_format.CutTextsError as error:
        cut, data, locate = error.findings, error.data, error.locate
    try:
        amap = from_document(data, file=file, locate=locate)
    except ParseError as error:
        if not cut:
            raise
        raise ParseError(_in_file_order([*cut, *error.findings])) from None
    if cut:
        raise ParseError(cut)
    release = getattr(locate, "release", None)
    if release is not None:
        release()
    return amap


def _folder(name: str) -> ParseError:
    """A folder named where a map file belongs: no line or column to give."""
    message = "this is a folder, not a map file; name a .yaml or .json file in it"
    return ParseError([Code.SYNTAX.finding(message, Location(name))])


def _in_file_order(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.location.line or 0, f.location.column or 0))


def read(
    path: str | os.PathLike[str], *, format: Format | None = None, max_bytes: int | None = MAX_BYTES
) -> ArgumentMap:
    """Read a map from a file, in the format its extension names (``.yaml``/``.yml``/``.json``).

    Every problem is reported with ``file:line:col`` in one :class:`~argmap.ParseError`.
    """
    name = os.fspath(path)
    if os.path.isdir(name):
        raise _folder(name)
    fmt = format or format_of(name)
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
        text = raw.decode("utf-8")
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
    return loads(text, format=fmt, file=name, max_bytes=None)


def dumps(amap: ArgumentMap, *, format: Format = "yaml") -> str:
    """The map as YAML or JSON text; the same map always gives the same text.

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
    document = to_document(amap)
    if format == "yaml":
        return yaml_format.dumps(document)
    if format == "json":
        return json_format.dumps(document)
    raise ValueError(f"format must be 'yaml' or 'json', got {format!r}")


def write(amap: ArgumentMap, path: str | os.PathLike[str], *, format: Format | None = None) -> None:
    """Write the map to a file, in the format its extension names.

    The file is replaced whole or not at all: there is never a partial file.
    """
    name = os.fspath(path)
    text = dumps(amap, format=format or format_of(name))
    replace_file(name, text.encode("utf-8"))


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the map document (both the YAML and the JSON form).

    >>> json_schema()["title"]
    'argmap map document'
    """
    text = resources.files("argmap.formats").joinpath("argmap.schema.json").read_text("utf-8")
    return json.loads(text)  # type: ignore[no-any-return]
