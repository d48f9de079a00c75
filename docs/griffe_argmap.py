"""A griffe extension that makes argmap's plain docstrings render well in the API page.

Our docstrings are plain prose with doctest examples and Sphinx-style roles. Markdown
would read ``>>>`` as nested block quotes (and ``[...]`` output as links), so this
extension fences every doctest block as ``pycon`` and turns roles such as
``:class:`~argmap.ModelError``` into cross-references when the target is public.
It runs only while ``mkdocs build`` loads the package (see ``mkdocs.yml``).
"""

from __future__ import annotations

import re
from typing import Any

import griffe

import argmap

_ROLE = re.compile(r":(?:class|func|meth|data|attr|exc|mod):`(~?)([\w.]+)`")


def fence_doctests(text: str) -> str:
    r"""Wrap each doctest block (``>>>`` up to the next blank line) in a ``pycon`` fence.

    >>> fence_doctests("Intro.\n\n>>> 1 + 1\n2\n\nMore.").splitlines()
    ['Intro.', '', '```pycon', '>>> 1 + 1', '2', '```', '', 'More.']
    """
    lines = text.splitlines()
    result: list[str] = []
    in_block = False
    for line in lines:
        stripped = line.lstrip()
        if not in_block and stripped.startswith(">>>"):
            indent = line[: len(line) - len(stripped)]
            result.append(f"{indent}```pycon")
            in_block = True
        elif in_block and not stripped:
            result.append(f"{indent}```")
            in_block = False
        result.append(line)
    if in_block:
        result.append(f"{indent}```")
    return "\n".join(result)


def link_roles(text: str, public: frozenset[str], owner: str | None = None) -> str:
    """Turn Sphinx roles into autorefs links to public objects, or into plain code.

    >>> link_roles(":class:`~argmap.Finding` and :meth:`build`",
    ...            frozenset({"Finding", "MapBuilder"}), owner="MapBuilder")
    '[`Finding`][argmap.Finding] and [`build`][argmap.MapBuilder.build]'
    >>> link_roles(":class:`InputProblem`", frozenset())
    '`InputProblem`'
    """

    def replace(match: re.Match[str]) -> str:
        short, target = match.group(1), match.group(2)
        shown = target.rsplit(".", 1)[-1] if short else target
        name = target.removeprefix("argmap.")
        if name in public:
            return f"[`{shown}`][argmap.{name}]"
        if "." not in name and owner in public:
            return f"[`{shown}`][argmap.{owner}.{name}]"
        return f"`{shown}`"

    return _ROLE.sub(replace, text)


class ArgmapDocstrings(griffe.Extension):
    """Rewrite docstrings for Markdown as each object is loaded."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Fence doctests and link roles in ``obj``'s docstring."""
        if obj.docstring is None:
            return
        public = frozenset(argmap.__all__)
        owner = obj.name if obj.is_class else getattr(obj.parent, "name", None)
        text = fence_doctests(obj.docstring.value)
        obj.docstring.value = link_roles(text, public, owner)
