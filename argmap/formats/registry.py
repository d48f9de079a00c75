"""The formats argmap reads and writes: the one place each is declared, by name.

A format is a module with ``read(text, *, file=None) -> Imported``, ``write(amap) ->
Exported`` if it writes, ``sniff(data) -> bool`` if it is JSON that a ``.json`` file may
hold (given the parsed JSON value: whether it is a document of this format), and
``CARRIES``, the parts of a map (:data:`PARTS`) it keeps. Modules are imported only when
a format is used; one missing from this build gives a :class:`~argmap.FormatError`.

>>> [spec.name for spec in registered_formats()][:2]
['yaml', 'json']
>>> format_spec("aif").extensions
('.json',)
"""

from __future__ import annotations

import importlib
from types import ModuleType

import attrs

from argmap.codes import Code
from argmap.errors import FormatError
from argmap.findings import Location

__all__ = [
    "PARTS",
    "FormatSpec",
    "format_spec",
    "formats_for_extension",
    "load_format",
    "register_format",
    "registered_formats",
    "unregister_format",
]

#: The parts of a map a format may carry, as ``CARRIES`` and :class:`~argmap.Loss` kinds
#: name them: ``"statement"`` is a node and its text, whatever its kind; ``"claim"``,
#: ``"premise"``, ``"rebuttal"`` and ``"recommendation"`` that the kind is kept.
PARTS = frozenset(
    (
        "title",
        "statement",
        "claim",
        "premise",
        "rebuttal",
        "recommendation",
        "main claim",
        "support",
        "linked support",
        "attack",
        "undercut",
        "undercut of an undercut",
        "basis",
        "implicit",
        "speaker",
        "participant",
        "source",
        "tag",
        "note",
        "metadata",
    )
)


def _extensions(value: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(extension.lower() for extension in value)


@attrs.frozen
class FormatSpec:
    """One format: its name, the extensions that hint at it, and the module that does it.

    >>> FormatSpec("notes", "my_notes", extensions=(".notes",), writes=True).reads
    True
    """

    #: The name ``format=`` and ``--from``/``--to`` take.
    name: str
    #: The module's dotted path, imported when the format is first used.
    module: str
    #: Lower-case, with the dot; only a hint (see :func:`argmap.read`).
    extensions: tuple[str, ...] = attrs.field(default=(), converter=_extensions)
    #: What the format is, for people (the docs' table, messages).
    title: str = ""
    reads: bool = True
    writes: bool = False
    #: Whether the module has ``sniff(data)``: the format is JSON a ``.json`` file may hold.
    sniffs: bool = False


_BUILT_IN = (
    FormatSpec(
        "yaml",
        "argmap.formats.yaml_format",
        (".yaml", ".yml"),
        "argmap's own YAML, for authors",
        writes=True,
    ),
    FormatSpec(
        "json",
        "argmap.formats.json_format",
        (".json",),
        "argmap's own JSON, for tools",
        writes=True,
        sniffs=True,
    ),
    FormatSpec(
        "aif",
        "argmap.formats.aif",
        (".json",),
        "AIF, the AIFdb nodeset JSON",
        writes=True,
        sniffs=True,
    ),
    FormatSpec(
        "xaif",
        "argmap.formats.aif.xaif",
        (".json",),
        "xAIF, OVA3's {AIF, OVA, text} documents",
        writes=True,
        sniffs=True,
    ),
    FormatSpec(
        "argdown",
        "argmap.formats.argdown",
        (".argdown", ".ad"),
        "Argdown text (and argdown fences in Markdown, with format='argdown')",
        writes=True,
    ),
    FormatSpec(
        "argdown-json",
        "argmap.formats.argdown.json_export",
        (".json",),
        "the Argdown CLI's JSON export",
        sniffs=True,
    ),
    FormatSpec(
        "sadface",
        "argmap.formats.sadface",
        (".json",),
        "SADFace v0.1 and v0.2",
        writes=True,
        sniffs=True,
    ),
    FormatSpec(
        "microtexts",
        "argmap.formats.microtexts",
        (".xml",),
        "the arg-microtexts corpus XML",
    ),
    FormatSpec("kialo", "argmap.formats.kialo", (".txt",), "Kialo's text export"),
)

_FORMATS: dict[str, FormatSpec] = {spec.name: spec for spec in _BUILT_IN}


def register_format(spec: FormatSpec, *, replace: bool = False) -> None:
    """Declare a format, after the others; ``replace=True`` declares one of the same name anew.

    >>> register_format(FormatSpec("yaml", "my_yaml"))
    Traceback (most recent call last):
    ...
    ValueError: a format named 'yaml' is already registered; pass replace=True to replace it
    """
    if spec.name in _FORMATS and not replace:
        raise ValueError(
            f"a format named {spec.name!r} is already registered; pass replace=True to replace it"
        )
    if not spec.reads and not spec.writes:
        raise ValueError(f"format {spec.name!r} neither reads nor writes")
    _FORMATS[spec.name] = spec


def unregister_format(name: str) -> FormatSpec:
    """Remove a format (a format a test registered); the spec it had."""
    return _FORMATS.pop(format_spec(name).name)


def registered_formats() -> tuple[FormatSpec, ...]:
    """Every format, in the order declared: argmap's own first."""
    return tuple(_FORMATS.values())


def _names(specs: tuple[FormatSpec, ...] | list[FormatSpec]) -> str:
    return ", ".join(spec.name for spec in specs)


def format_spec(name: str) -> FormatSpec:
    """The format of this name; :class:`~argmap.FormatError` lists the names if none.

    >>> format_spec("argdown").extensions
    ('.argdown', '.ad')
    """
    try:
        return _FORMATS[name]
    except (KeyError, TypeError):
        raise FormatError(
            [
                Code.UNKNOWN_FORMAT.finding(
                    f"unknown format {name!r}; use one of {_names(registered_formats())}",
                    Location(),
                )
            ]
        ) from None


def formats_for_extension(extension: str) -> tuple[FormatSpec, ...]:
    """The formats whose files end in ``extension`` (``".json"``), in the order declared.

    >>> [spec.name for spec in formats_for_extension(".JSON")][:2]
    ['json', 'aif']
    """
    extension = extension.lower()
    return tuple(spec for spec in _FORMATS.values() if extension in spec.extensions)


def load_format(spec: FormatSpec) -> ModuleType:
    """The module that reads and writes ``spec``, imported now if it was not yet.

    :class:`~argmap.FormatError` if this build has no such module.
    """
    try:
        return importlib.import_module(spec.module)
    except ModuleNotFoundError as error:
        if error.name is None or not spec.module.startswith(error.name):
            raise  # the module is there, but something it imports is not
        raise FormatError(
            [
                Code.UNKNOWN_FORMAT.finding(
                    f"{spec.name} support is not available in this build: "
                    f"its module {spec.module!r} is missing",
                    Location(),
                )
            ]
        ) from None
