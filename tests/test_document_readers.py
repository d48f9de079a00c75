"""The fast reader of clean nodes and the general reader agree on every document."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from unittest import mock

from hypothesis import given

import argmap
from argmap.formats import json_format, yaml_format
from argmap.formats.document import _fast, _nodes, from_document, to_document

from .strategies import maps


@contextmanager
def general_reader_only() -> Iterator[None]:
    """Every node read by the general reader: the fast one gives up on all of them."""
    with mock.patch.object(_nodes, "fast_node", lambda *args: False):
        yield


@contextmanager
def counting_fast_reads() -> Iterator[list[bool]]:
    """The fast reader as usual, each of its answers recorded."""
    answers: list[bool] = []

    def fast(*args: Any) -> bool:
        answers.append(_fast.fast_node(*args))
        return answers[-1]

    with mock.patch.object(_nodes, "fast_node", fast):
        yield answers


def read_both(text: str, parse: Any) -> tuple[argmap.ArgumentMap, argmap.ArgumentMap]:
    """The map the usual (fast first) path reads from ``text``, and the general reader's."""
    data, locate = parse(text, None)
    fast = from_document(data, file=None, locate=locate)
    with general_reader_only():
        data, locate = parse(text, None)
        general = from_document(data, file=None, locate=locate)
    return fast, general


@given(maps())
def test_the_readers_agree_on_yaml(amap: argmap.ArgumentMap) -> None:
    fast, general = read_both(yaml_format.dumps(to_document(amap)), yaml_format.parse)
    assert fast == general == amap


@given(maps())
def test_the_readers_agree_on_json(amap: argmap.ArgumentMap) -> None:
    fast, general = read_both(json_format.dumps(to_document(amap)), json_format.parse)
    assert fast == general == amap


@given(maps())
def test_the_readers_agree_on_the_documents_themselves(amap: argmap.ArgumentMap) -> None:
    document = to_document(amap)
    fast = from_document(document, file=None, locate=lambda path: None)
    with general_reader_only():
        general = from_document(to_document(amap), file=None, locate=lambda path: None)
    assert fast == general == amap


def test_the_fast_reader_takes_every_clean_node() -> None:
    amap = (
        argmap.MapBuilder("T")
        .claim("c", "C.", main=True, tags=("a",))
        .premise("p", "P.", supports="c", basis="statistic", note="n")
        .premise("q", "Q.")
        .support("c", ["p", "q"])
        .rebuttal("r", "R.", attacks="c")
        .build()
    )
    with counting_fast_reads() as answers:
        # JSON: in YAML, 'main: true' is a plain scalar, which the general reader resolves.
        again = argmap.loads(argmap.dumps(amap, format="json"), format="json")
    assert again == amap
    assert answers == [True] * len(amap.nodes)


def test_the_general_reader_alone_still_says_what_is_wrong() -> None:
    with general_reader_only():
        text = "title: T\nnodes:\n  c: {claim: C., mian: true}\n"
        try:
            argmap.loads(text)
        except argmap.ParseError as error:
            assert [f.code for f in error.findings] == ["AM102"]
        else:
            raise AssertionError("the typo was not reported")
