"""YAML, the authoring format: parsed safely, every value with its line and column.

We use PyYAML's composer only (libyaml's C parser when present), never its object
construction: tags other than the plain ones, anchors and aliases are refused, and
scalars stay text until the document reader knows what type a field wants.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from argmap.findings import DocPath, Finding, Location, Severity
from argmap.formats.document import SYNTAX, InputProblem, Scalar

__all__ = ["dumps", "parse"]



_STR = "tag:yaml.org,2002:str"
_PLAIN_TAGS = frozenset((_STR, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"))

#: libyaml's C parser when PyYAML was built with it. Its "base" resolver has no implicit
#: types, so every scalar is composed as text with its style.
LIBYAML = hasattr(yaml, "CBaseLoader")
_Loader = yaml.CBaseLoader if LIBYAML else yaml.BaseLoader
_SafeDumper = yaml.CSafeDumper if LIBYAML else yaml.SafeDumper


def _at(node: yaml.Node, file: str | None, code: str, message: str) -> InputProblem:
    mark = node.start_mark
    return InputProblem(
        Finding(code, Severity.ERROR, message, Location(file, mark.line + 1, mark.column + 1))
    )


def _to_data(root: yaml.Node, file: str | None) -> Any:
    seen: set[int] = set()

    def convert(node: yaml.Node) -> Any:
        if node.tag not in _PLAIN_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise _at(node, file, "AM110", f"YAML tags such as {tag!r} are not allowed in a map file")
        if isinstance(node, yaml.ScalarNode):
            return Scalar(node.value, node.style or None)
        if id(node) in seen:
            raise _at(node, file, "AM110",
                      "YAML anchors and aliases (&name, *name) are not allowed in a map file; "
                      "write the value out")
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            return [convert(item) for item in node.value]
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                raise _at(key_node, file, "AM110", "mapping keys must be plain text")
            key = key_node.value
            if key == "<<" and key_node.style is None:
                raise _at(key_node, file, "AM110", "YAML merge keys ('<<') are not allowed")
            if key in result:
                raise _at(key_node, file, "AM111",
                          f"duplicate key {key!r}: each key may appear once in a mapping")
            result[key] = convert(value_node)
        return result

    return convert(root)


def compose(text: str, file: str | None) -> yaml.Node | None:
    """The YAML node tree of ``text`` (one document), or a :class:`InputProblem`."""
    loader = _Loader(text)
    try:
        return loader.get_single_node()  # type: ignore[no-any-return]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        message = " ".join(str(part) for part in (error.context, error.problem) if part)
        raise InputProblem(
            Finding(SYNTAX, Severity.ERROR, f"invalid YAML: {message}", Location(file, line, column))
        ) from None
    except yaml.YAMLError as error:
        position = getattr(error, "position", None)
        line, column = _line_col(text, position) if isinstance(position, int) else (1, 1)
        reason = getattr(error, "reason", None) or str(error).splitlines()[0]
        raise InputProblem(
            Finding(SYNTAX, Severity.ERROR, f"invalid YAML: {reason}", Location(file, line, column))
        ) from None
    finally:
        loader.dispose()


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def parse(text: str, file: str | None) -> tuple[Any, Callable[[DocPath], tuple[int, int] | None]]:
    """Parse ``text`` to document data and a locator; :class:`InputProblem` if it can't."""
    root = compose(text, file)
    data = None if root is None else _to_data(root, file)
    cache: dict[str, Any] = {"root": root}

    def locate(path: DocPath) -> tuple[int, int] | None:
        node = cache.get("root")
        if node is None:
            node = cache["root"] = compose(text, file)
        if node is None:
            return None
        mark = node.start_mark
        for step in path:
            if isinstance(node, yaml.MappingNode):
                pair = next((p for p in node.value if p[0].value == step), None)
                if pair is None:
                    break
                mark, node = pair[0].start_mark, pair[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) \
                    and step < len(node.value):
                node = node.value[step]
                mark = node.start_mark
            else:
                break
        return mark.line + 1, mark.column + 1

    def release() -> None:
        cache["root"] = None

    locate.release = release  # type: ignore[attr-defined]
    return data, locate


class _Dumper(_SafeDumper):  # type: ignore[misc,valid-type]
    """Block style, long texts folded, keys in the order we give them."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = ">" if len(value) > 80 and "\n" not in value and value == value.strip() else None
    return dumper.represent_scalar(_STR, value, style=style)


_Dumper.add_representer(str, _represent_str)


def dumps(data: Any) -> str:
    """YAML text for document data: block style, unicode as is, deterministic."""
    return yaml.dump(  # type: ignore[no-any-return]
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False,
        width=88, indent=2,
    )
