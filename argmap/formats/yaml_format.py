"""YAML, the authoring format: parsed safely, every value with its line and column.

We use PyYAML's composer only (libyaml's C parser when present), never its object
construction: tags other than the plain ones, anchors and aliases are refused, and
scalars stay text until the document reader knows what type a field wants. A syntax error
is explained in the author's terms (:mod:`~argmap.formats.yaml_diagnose`), and so is a
comment that cuts a text short (:mod:`~argmap.formats.yaml_comments`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from argmap.codes import Code
from argmap.errors import ParseError
from argmap.findings import DocPath, Location
from argmap.formats.document import InputError, Scalar, resolves_plain
from argmap.formats.yaml_comments import cut_texts
from argmap.formats.yaml_diagnose import diagnose

__all__ = ["dumps", "parse"]


_STR = "tag:yaml.org,2002:str"
_PLAIN_TAGS = frozenset((_STR, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"))

#: libyaml's C parser when PyYAML was built with it. Its "base" resolver has no implicit
#: types, so every scalar is composed as text with its style.
LIBYAML = hasattr(yaml, "CBaseLoader")


class _Composer(yaml.composer.Composer):
    """PyYAML's composer in Python, refusing anchors and aliases before it follows one.

    libyaml's own composer recurses in C and crashes the interpreter on input nested some
    ten thousand levels deep; this one stops at Python's recursion limit.
    """

    file: str | None = None

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[attr-defined]
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            mark = event.start_mark
            raise InputError(
                Code.FORBIDDEN_YAML.finding(
                    "YAML anchors and aliases (&name, *name) are not "
                    "allowed in a map file; write the value out",
                    Location(self.file, mark.line + 1, mark.column + 1),
                )
            )
        return super().compose_node(parent, index)


class _PythonLoader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    _Composer,
    yaml.resolver.BaseResolver,
):
    """PyYAML in Python alone: where libyaml is missing (and in tests, to compare)."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        _Composer.__init__(self)
        yaml.resolver.BaseResolver.__init__(self)


#: The loader ``compose`` uses: libyaml's parser when present.
_Loader: type[_PythonLoader] = _PythonLoader
if LIBYAML:
    from yaml._yaml import CParser

    class _CLoader(_Composer, CParser, yaml.resolver.BaseResolver):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _Composer.__init__(self)
            yaml.resolver.BaseResolver.__init__(self)

    _Loader = _CLoader  # type: ignore[assignment]


def _at(node: yaml.Node, file: str | None, code: Code, message: str) -> InputError:
    mark = node.start_mark
    return InputError(code.finding(message, Location(file, mark.line + 1, mark.column + 1)))


def _to_data(root: yaml.Node, file: str | None) -> Any:
    seen: set[int] = set()

    def convert(node: yaml.Node) -> Any:
        if node.tag not in _PLAIN_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise _at(
                node,
                file,
                Code.FORBIDDEN_YAML,
                f"YAML tags such as {tag!r} are not allowed in a map file",
            )
        # An alias is the very node its anchor names, met a second time; scalars too.
        if id(node) in seen:
            raise _at(
                node,
                file,
                Code.FORBIDDEN_YAML,
                "YAML anchors and aliases (&name, *name) are not allowed in a map file; "
                "write the value out",
            )
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            return Scalar(node.value, node.style or None)
        if isinstance(node, yaml.SequenceNode):
            return [convert(item) for item in node.value]
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                raise _at(key_node, file, Code.FORBIDDEN_YAML, "mapping keys must be plain text")
            key = key_node.value
            if key == "<<" and not key_node.style:  # libyaml gives plain style as ''
                raise _at(
                    key_node, file, Code.FORBIDDEN_YAML, "YAML merge keys ('<<') are not allowed"
                )
            if key in result:
                raise _at(key_node, file, Code.DUPLICATE_KEY, _duplicate(node, key, value_node))
            result[key] = convert(value_node)
        return result

    return convert(root)


def _duplicate(mapping: yaml.Node, key: str, again: yaml.Node) -> str:
    """What to say of ``key`` written a second time in ``mapping``."""
    first, value = next(
        (k, v) for k, v in mapping.value if isinstance(k, yaml.ScalarNode) and k.value == key
    )
    message = (
        f"duplicate key {key!r}: each key may appear once in a mapping, and {key!r} is "
        f"already on line {first.start_mark.line + 1}"
    )
    if key not in ("supports", "attacks"):
        return message
    targets = [item for node in (value, again) for item in _items(node)]
    both = ", ".join(targets) if all(targets) else "..."
    verb = "support" if key == "supports" else "attack"
    return f"{message}; to {verb} several nodes, write one list: '{key}: [{both}]'"


def _items(node: yaml.Node) -> list[str]:
    """The ids a relation value names, '' for what is not a plain id."""
    nodes = node.value if isinstance(node, yaml.SequenceNode) else [node]
    return [item.value if isinstance(item, yaml.ScalarNode) else "" for item in nodes]


def compose(text: str, file: str | None) -> yaml.Node | None:
    """The YAML node tree of ``text`` (one document), or a :class:`InputError`."""
    loader = None
    try:
        loader = _Loader(text)  # the Python reader checks the characters here
        loader.file = file
        return loader.get_single_node()
    except yaml.YAMLError as error:
        raise InputError(diagnose(error, text, file)) from None
    finally:
        if loader is not None:
            loader.dispose()


def parse(text: str, file: str | None) -> tuple[Any, Callable[[DocPath], tuple[int, int] | None]]:
    """Parse ``text`` to document data and a locator.

    A YAML error is an :class:`InputError` saying what to fix where; comments that cut texts
    short are a :class:`ParseError` listing each.
    """
    root = compose(text, file)
    if root is None:
        raise InputError(
            Code.EMPTY_FILE.finding(
                "the input holds no YAML document, "
                "only comments; expected a map with 'title' and 'nodes'",
                Location(file, 1, 1),
            )
        )
    data = _to_data(root, file)
    cut = cut_texts(root, text, file)
    if cut:
        raise ParseError(cut)
    cache: dict[str, Any] = {"root": root}

    members: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = {}

    def locate(path: DocPath) -> tuple[int, int] | None:
        node = cache.get("root")
        if node is None:
            node = cache["root"] = compose(text, file)
        if node is None:
            return None
        mark = node.start_mark
        for step in path:
            if isinstance(node, yaml.MappingNode):
                if id(node) not in members:  # first occurrence wins, as in the reader
                    members[id(node)] = {k.value: (k, v) for k, v in reversed(node.value)}
                pair = members[id(node)].get(str(step))
                if pair is None:
                    break
                mark, node = pair[0].start_mark, pair[1]
            elif (
                isinstance(node, yaml.SequenceNode)
                and isinstance(step, int)
                and step < len(node.value)
            ):
                node = node.value[step]
                mark = node.start_mark
            else:
                break
        return mark.line + 1, mark.column + 1

    def release() -> None:
        cache["root"] = None
        members.clear()

    locate.release = release  # type: ignore[attr-defined]
    return data, locate


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
