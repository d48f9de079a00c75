"""The shipped JSON Schema agrees with what argmap reads and writes."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given

import argmap
from argmap.formats.document import KEYS
from tests.strategies import maps

SCHEMA = argmap.json_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def _properties(definition: str) -> set[str]:
    node: dict[str, Any] = SCHEMA if definition == "map" else SCHEMA["$defs"][definition]
    if "oneOf" in node:  # a shorthand string or a mapping: the mapping holds the keys
        node = next(option for option in node["oneOf"] if option.get("type") == "object")
    return set(node["properties"])


@pytest.mark.parametrize(
    "place", ["map", "source", "participant", "source-ref", "support", "attack"]
)
def test_schema_knows_exactly_the_keys_the_reader_knows(place: str) -> None:
    assert _properties(place) == set(KEYS[place])


@pytest.mark.parametrize("kind", ["claim", "premise", "rebuttal", "recommendation"])
def test_schema_node_kinds_have_exactly_the_readers_keys(kind: str) -> None:
    assert _properties(kind) == {kind, *KEYS["node"], *KEYS[kind]}


def test_schema_basis_values_are_the_models() -> None:
    assert SCHEMA["$defs"]["premise"]["properties"]["basis"]["enum"] == [
        b.value for b in argmap.Basis
    ]


@given(maps())
def test_every_document_argmap_writes_is_valid_under_the_schema(amap: argmap.ArgumentMap) -> None:
    VALIDATOR.validate(json.loads(argmap.dumps(amap, format="json")))


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        ({"title": "T", "nodes": {"c": {"claim": "C.", "mian": True}}}, "Additional properties"),
        ({"title": "T", "nodes": {"c": {"premise": "P.", "main": True}}}, "'main' was unexpected"),
        ({"title": "T", "nodes": {"c": {"claim": "C.", "premise": "P."}}}, "valid under each of"),
        ({"title": "T", "nodes": {"c": {"main": True}}}, "is not valid under any"),
        ({"title": "T", "nodes": {"c": {"claim": "two\n\nparagraphs"}}}, "does not match"),
        ({"nodes": {}}, "'title' is a required property"),
        ({"title": "T", "nodes": {"two words": {"claim": "C."}}}, "does not match"),
    ],
)
def test_schema_rejects_what_the_reader_rejects(document: dict[str, Any], reason: str) -> None:
    with pytest.raises(jsonschema.ValidationError, match=reason):
        VALIDATOR.validate(document)
    with pytest.raises(argmap.ParseError):
        argmap.loads(json.dumps(document), format="json")
