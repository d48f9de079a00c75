"""YAML, the authoring format: parsed safely, every value with its line and column.

We read the events of PyYAML's parser (libyaml's C parser when present) straight into
document data (:mod:`~argmap.formats._yaml_events`), never using its object construction
and keeping no node tree: tags other than the plain ones, anchors and aliases are refused,
and scalars stay text until the document reader knows what type a field wants. Where each
value is written is read again, compactly (:mod:`~argmap.formats._yaml_positions`), only
when a finding needs its line. A syntax error is explained in the author's terms
(:mod:`~argmap.formats.yaml_diagnose`), and so is a comment that cuts a text short
(:mod:`~argmap.formats.yaml_comments`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import yaml

from argmap.argument_map import ArgumentMap
from argmap.codes import Code
from argmap.errors import ParseError
from argmap.findings import DocPath, Finding, Location
from argmap.formats._native import CARRIES, read_document, refuse_empty
from argmap.formats._yaml_events import Document, Duplicate, read_events
from argmap.formats._yaml_positions import find, positions
from argmap.formats.document import InputError, Scalar, resolves_plain, to_document
from argmap.formats.interchange import Exported, Imported
from argmap.formats.yaml_comments import cut_texts
from argmap.formats.yaml_diagnose import diagnose

__all__ = ["CARRIES", "CutTextsError", "dumps", "parse", "read", "write"]


_STR = "tag:yaml.org,2002:str"

#: libyaml's C parser when PyYAML was built with it.
LIBYAML = hasattr(yaml, "CBaseLoader")


class _PythonLoader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
    """PyYAML's parser in Python alone: where libyaml is missing (and in tests, to compare)."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)


#: The parser whose events we read: libyaml's when present.
_Loader: Callable[[str], Any] = _PythonLoader
if LIBYAML:
    from yaml._yaml import CParser

    _Loader = CParser


def _duplicate(duplicate: Duplicate, first_line: int | None) -> Finding:
    """What to say of a key written a second time in a mapping."""
    key = duplicate.key
    message = (
        f"duplicate key {key!r}: each key may appear once in a mapping, and {key!r} is "
        f"already on line {first_line}"
    )
    if key in ("supports", "attacks"):
        targets = [item for value in (duplicate.first, duplicate.second) for item in _items(value)]
        both = ", ".join(targets) if all(targets) else "..."
        verb = "support" if key == "supports" else "attack"
        message = f"{message}; to {verb} several nodes, write one list: '{key}: [{both}]'"
    return Code.DUPLICATE_KEY.finding(message, duplicate.location)


def _items(value: Any) -> list[str]:
    """The ids a relation value names, '' for what is not a plain id."""
    items = value if isinstance(value, list) else [value]
    return [str(item) if isinstance(item, Scalar) else "" for item in items]


def _read(text: str, file: str | None) -> Document | None:
    """The document in ``text``, read from the parser's events, or a :class:`InputError`."""
    loader = None
    try:
        loader = _Loader(text)  # the Python reader checks the characters here
        return read_events(loader, text, file)
    except yaml.YAMLError as error:
        raise InputError(diagnose(error, text, file)) from None
    finally:
        if loader is not None:
            loader.dispose()


def parse(text: str, file: str | None) -> tuple[Any, Callable[[DocPath], tuple[int, int] | None]]:
    """Parse ``text`` to document data and a locator.

    A YAML error is an :class:`InputError` saying what to fix where; comments that cut texts
    short are a :class:`ParseError` listing each. Nothing of the parse is kept: the locator
    reads the positions again when first asked, and forgets them on ``release()``.
    """
    document = _read(text, file)
    if document is None:
        raise InputError(
            Code.EMPTY_FILE.finding(
                "the input holds no YAML document, "
                "only comments; expected a map with 'title' and 'nodes'",
                Location(file, 1, 1),
            )
        )
    locate = _locator(text)
    refused = document.refused
    if isinstance(refused, Duplicate):
        first = locate((*refused.path, refused.key))
        refused = _duplicate(refused, None if first is None else first[0])
    if refused is not None:
        raise InputError(refused)
    cut = cut_texts(document.plains, text, file)
    if cut:
        raise CutTextsError(cut, document.data, locate)
    return document.data, locate


class CutTextsError(ParseError):
    """Comments that cut texts short, with the document as read, to be checked on as well."""

    def __init__(
        self,
        findings: Iterable[Finding],
        data: Any,
        locate: Callable[[DocPath], tuple[int, int] | None],
    ) -> None:
        super().__init__(findings)
        self.data = data
        self.locate = locate


def _locator(text: str) -> Callable[[DocPath], tuple[int, int] | None]:
    """Where a document path is written in ``text``: its key's or its item's line and column.

    The positions are read on the first call, and kept until ``release()``.
    """
    cache: list[Any] = []

    def locate(path: DocPath) -> tuple[int, int] | None:
        if not cache:
            loader = _Loader(text)
            try:
                cache.append(positions(loader))
            finally:
                loader.dispose()
        return find(cache[0], path)

    def release() -> None:
        cache.clear()

    locate.release = release  # type: ignore[attr-defined]
    return locate


class _PythonDumper(yaml.SafeDumper):
    """Block style, long texts folded, keys in the order we give them."""


#: The dumper ``dumps`` uses: libyaml's emitter when present.
_Dumper: type[yaml.representer.SafeRepresenter] = _PythonDumper
if LIBYAML:

    class _CDumper(yaml.CSafeDumper):
        """The same, written by libyaml."""

    _Dumper = _CDumper


def _represent_str(dumper: yaml.representer.SafeRepresenter, value: str) -> yaml.ScalarNode:
    style = ">" if len(value) > 80 and "\n" not in value and value == value.strip() else None
    if resolves_plain(value):  # "1e3", "True", "~": quoted, so they read back as text
        style = "'"
    if "\x85" in value:  # a line break to YAML: only an escape (\N) keeps it as it is
        style = '"'
    return dumper.represent_scalar(_STR, value, style=style)


_PythonDumper.add_representer(str, _represent_str)
if LIBYAML:
    _CDumper.add_representer(str, _represent_str)


def dumps(data: Any) -> str:
    """YAML text for document data: block style, unicode as is, deterministic."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=88,
        indent=2,
    )


def read(text: str, *, file: str | None = None) -> Imported:
    """The map in argmap's YAML ``text``; :class:`~argmap.ParseError` lists every problem."""
    refuse_empty(text, file)
    try:
        data, locate = parse(text, file)
    except CutTextsError as error:  # reported with every other problem
        return Imported(read_document(error.data, error.locate, file, error.findings))
    return Imported(read_document(data, locate, file))


def write(amap: ArgumentMap) -> Exported:
    """The map as argmap's YAML, which carries everything."""
    return Exported(dumps(to_document(amap)))
