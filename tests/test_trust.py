"""Regressions from adversarial testing: what is read is kept, or reported where it is."""

from __future__ import annotations

import json

import pytest

import argmap
from argmap import ParseError

_MAP = {"argmap": 1, "title": "T", "nodes": {"c": {"claim": "C.", "main": True}}}


def _json_error(document: object) -> list[str]:
    with pytest.raises(ParseError) as caught:
        argmap.loads(json.dumps(document), format="json", file="m.json")
    return [str(finding) for finding in caught.value.findings]


class TestMetadataCharacters:
    def test_a_lone_surrogate_metadata_value_is_reported_not_written_later(self) -> None:
        assert _json_error({**_MAP, "metadata": {"k": "\ud800"}}) == [
            "m.json:1:76: AM105 map metadata['k'] holds the lone surrogate U+D800; remove it"
        ]

    def test_a_lone_surrogate_metadata_key_is_reported_not_written_later(self) -> None:
        assert _json_error({**_MAP, "metadata": {"\udfff": 1}}) == [
            "m.json:1:76: AM105 map metadata has a key holding the lone surrogate U+DFFF: "
            "'\\udfff'; remove it"
        ]

    def test_metadata_nested_past_the_limit_is_one_located_finding(self) -> None:
        deep: object = "leaf"
        for _ in range(argmap.MAX_METADATA_DEPTH):
            deep = [deep]
        assert _json_error({**_MAP, "metadata": {"k": deep}}) == [
            "m.json:1:76: AM105 map metadata is nested more than 64 levels deep; flatten it "
            "(a mapping or list within 64 levels)"
        ]
