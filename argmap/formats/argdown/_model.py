"""What an Argdown file says, before argmap reads a map from it: Argdown's own model.

The parser (and the reader of ``argdown json`` exports) fill a :class:`Document`; the map
is made from it in one place (``_to_map``). Titles are Argdown's: untitled statements and
arguments get ``Untitled N`` as the Argdown CLI names them.
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["Argument", "Document", "Relation", "Section", "Statement", "Step"]

#: Relation types as Argdown's JSON names them.
SUPPORT, ATTACK, UNDERCUT, CONTRADICTORY = "support", "attack", "undercut", "contradictory"
ENTAILS, CONTRARY = "entails", "contrary"
#: Endpoint kinds as Argdown's JSON names them.
STATEMENT, ARGUMENT = "equivalence-class", "argument"


@attrs.define
class Statement:
    """An equivalence class: every statement given one title, and what they say."""

    title: str
    texts: list[str] = attrs.Factory(list)
    tags: list[str] = attrs.Factory(list)
    data: dict[str, Any] = attrs.Factory(dict)
    line: int = 1
    column: int = 1
    sections: list[int] = attrs.Factory(list)


@attrs.define
class Step:
    """One inference of a premise-conclusion structure: premises, then the conclusion."""

    premises: list[str]
    conclusion: str
    rules: list[str] = attrs.Factory(list)


@attrs.define
class Argument:
    """An argument: its title, descriptions and, if reconstructed, its inference steps."""

    title: str
    descriptions: list[str] = attrs.Factory(list)
    tags: list[str] = attrs.Factory(list)
    data: dict[str, Any] = attrs.Factory(dict)
    steps: list[Step] = attrs.Factory(list)
    line: int = 1
    column: int = 1
    sections: list[int] = attrs.Factory(list)

    @property
    def conclusion(self) -> str | None:
        """The title of the main conclusion, or ``None`` without a reconstruction."""
        return self.steps[-1].conclusion if self.steps else None


@attrs.frozen
class Relation:
    """A relation between two titled elements (``from_kind`` is STATEMENT or ARGUMENT)."""

    type: str
    from_kind: str
    source: str
    to_kind: str
    target: str
    line: int = 1
    column: int = 1

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        """What makes two relations the same relation (Argdown merges repeats)."""
        return (self.type, self.from_kind, self.source, self.to_kind, self.target)


@attrs.define
class Section:
    """A heading: its title and level (1 for ``#``)."""

    title: str
    level: int


@attrs.define
class Document:
    """Everything an Argdown file defines, in the order the file defines it."""

    frontmatter: dict[str, Any] = attrs.Factory(dict)
    statements: dict[str, Statement] = attrs.Factory(dict)
    arguments: dict[str, Argument] = attrs.Factory(dict)
    relations: list[Relation] = attrs.Factory(list)
    sections: list[Section] = attrs.Factory(list)
    #: The keys of :attr:`relations`, so that a repeat is found at once.
    _keys: set[tuple[str, str, str, str, str]] = attrs.Factory(set)

    def add_relation(self, relation: Relation) -> None:
        """Add a relation unless the same one is there already."""
        if relation.key not in self._keys:
            self._keys.add(relation.key)
            self.relations.append(relation)

    def settle(self) -> None:
        """Apply Argdown's model rules once the whole file is read.

        An argument with a premise-conclusion structure supports or attacks a statement
        through its main conclusion: the relation's source becomes that conclusion (as
        the Argdown CLI's JSON has it). In strict mode (``model: {mode: strict}``)
        support and attack between statements are entailment and contrariness.
        """
        strict = _mode(self.frontmatter) == "strict"
        old, self.relations, self._keys = self.relations, [], set()
        for relation in old:
            self.add_relation(self._settled(relation, strict))

    def _settled(self, relation: Relation, strict: bool) -> Relation:
        argument = self.arguments.get(relation.source)
        if (
            relation.from_kind == ARGUMENT
            and relation.to_kind == STATEMENT
            and argument is not None
            and argument.conclusion is not None
            and relation.type in (SUPPORT, ATTACK)
        ):
            relation = attrs.evolve(relation, from_kind=STATEMENT, source=argument.conclusion)
        strict_type = {SUPPORT: ENTAILS, ATTACK: CONTRARY}.get(relation.type)
        if strict and strict_type and relation.from_kind == relation.to_kind == STATEMENT:
            return attrs.evolve(relation, type=strict_type)
        return relation


def _mode(frontmatter: dict[str, Any]) -> str | None:
    model = frontmatter.get("model")
    mode = model.get("mode") if isinstance(model, dict) else None
    return mode if isinstance(mode, str) else None
