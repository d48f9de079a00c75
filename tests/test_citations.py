"""The worked examples cite their source documents faithfully, paragraph by paragraph.

Paragraph numbers count as the seeds' README says (:func:`tests.seeds.paragraphs`). For
every example, each check is one test, so that a failure names what it is about:

* every paragraph a node or relation cites is in the document;
* every figure of a node's text (``1992``, ``$5 billion`` as 5, ``80%`` or ``80 percent``
  as 80, ``10,000`` as 10000; number words are not looked for) is in a paragraph the node
  cites. A figure the paraphrase works out rather than finds (the 30 years from 1992 to
  2022) is excused by a line of the node's ``note`` that starts ``Computed:`` and holds it,
  for instance ``Computed: 30, the years from 1992 to 2022.``;
* every paragraph is cited, or left out on purpose in the map's metadata, with a reason::

      metadata:
        paragraphs-left-out:
          brief:            # a source the map declares
            1: The title and byline.
            28: A note on the author.

* a paragraph left out is in the document, and nothing cites it.

The documents live in ``../shared/seeds``; where they are absent these tests skip.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

import pytest

import argmap
from argmap import ArgumentMap, SourceRef
from tests import seeds
from tests.fingerprints import SEEDS

NAMES = argmap.examples.names()
#: The metadata key that lists the paragraphs a map leaves out, by source id.
LEFT_OUT = "paragraphs-left-out"

#: A figure: digits, maybe with thousands separators and a decimal part.
_FIGURE = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?")
#: A line of a note that excuses the figures on it.
_COMPUTED = re.compile(r"^[ \t]*computed:(.*)$", re.IGNORECASE | re.MULTILINE)


class Citation(NamedTuple):
    """Who cites which paragraphs of which source: ``node 'x'`` or ``relation 'a->b'``."""

    who: str
    doc: str
    paragraphs: tuple[int, ...]


def citations(amap: ArgumentMap) -> Iterator[Citation]:
    """Every node's and every relation's source, in the map's order."""
    for node in amap.nodes:
        if node.source is not None:
            yield Citation(f"node {node.id!r}", node.source.doc, node.source.paragraphs)
    for relation in amap.relations:
        # Relations carry a source only from the day the model gives them one.
        source: SourceRef | None = getattr(relation, "source", None)
        if source is not None:
            yield Citation(f"relation {relation.id!r}", source.doc, source.paragraphs)


def left_out(amap: ArgumentMap) -> tuple[dict[str, dict[int, str]], list[str]]:
    """The paragraphs each source leaves out, with reasons; and what is wrong with the list."""
    listed: Any = amap.metadata.get(LEFT_OUT, {})
    if not isinstance(listed, Mapping):
        return {}, [f"metadata {LEFT_OUT!r} must map source ids to paragraphs, got {listed!r}"]
    declared = {source.id for source in amap.sources}
    found: dict[str, dict[int, str]] = {}
    problems: list[str] = []
    for doc, reasons in listed.items():
        if doc not in declared:
            problems.append(f"{LEFT_OUT} names {doc!r}, not a source of the map")
            continue
        if not isinstance(reasons, Mapping):
            problems.append(f"{LEFT_OUT}[{doc!r}] must map paragraph numbers to reasons")
            continue
        found[doc] = {}
        for number, reason in reasons.items():
            if not re.fullmatch(r"[1-9]\d*", number):
                problems.append(f"{LEFT_OUT}[{doc!r}] has {number!r}, not a paragraph number")
            elif not isinstance(reason, str) or not reason.strip():
                problems.append(f"{LEFT_OUT}[{doc!r}][{number}] needs a reason, got {reason!r}")
            else:
                found[doc][int(number)] = reason
    return found, problems


def figures(text: str) -> set[str]:
    """The figures of ``text``, thousands separators dropped.

    >>> sorted(figures("From $5 billion (1992) to 10,000 people, 80% or 2.5 percent."))
    ['10000', '1992', '2.5', '5', '80']
    >>> sorted(figures("On Aug 9,2022"))  # a comma before four digits separates no thousands
    ['2022', '9']
    """
    return {match.replace(",", "") for match in _FIGURE.findall(text)}


def the_document(name: str) -> tuple[str, list[str]]:
    """The example's one source id and its document's paragraphs; skips without the seeds."""
    paragraphs = seeds.document(name)
    if paragraphs is None:
        pytest.skip(f"the source documents are not in {SEEDS} (CI has them)")
    sources = argmap.examples.load(name).sources
    assert len(sources) == 1, f"{name}: these tests know one document per example"
    return sources[0].id, paragraphs


def fail_with(problems: list[str]) -> None:
    """Fail listing every problem, one a line, if there are any."""
    if problems:
        pytest.fail(f"{len(problems)} problem(s):\n" + "\n".join(problems), pytrace=False)


@pytest.mark.parametrize("name", NAMES)
def test_every_cited_paragraph_is_in_the_document(name: str) -> None:
    doc, paragraphs = the_document(name)
    problems = [
        f"{name}: {citation.who} cites paragraph {number} of {doc!r}, "
        f"which has {len(paragraphs)} paragraphs"
        for citation in citations(argmap.examples.load(name))
        for number in citation.paragraphs
        if citation.doc == doc and number > len(paragraphs)
    ]
    fail_with(problems)


@pytest.mark.parametrize("name", NAMES)
def test_every_figure_of_a_node_is_in_a_paragraph_it_cites(name: str) -> None:
    doc, paragraphs = the_document(name)
    problems: list[str] = []
    for node in argmap.examples.load(name).nodes:
        if node.source is None or node.source.doc != doc:
            continue
        cited = node.source.paragraphs
        found = set().union(
            *(figures(paragraphs[number - 1]) for number in cited if number <= len(paragraphs))
        )
        computed = set().union(*(figures(line) for line in _COMPUTED.findall(node.note or "")))
        problems.extend(
            f"{name}: node {node.id!r} has {figure}, not in paragraphs {list(cited)} of {doc!r}"
            for figure in sorted(figures(node.text) - found - computed, key=float)
        )
    fail_with(problems)


@pytest.mark.parametrize("name", NAMES)
def test_every_paragraph_is_cited_or_left_out(name: str) -> None:
    doc, paragraphs = the_document(name)
    amap = argmap.examples.load(name)
    listed, problems = left_out(amap)
    cited = {n for c in citations(amap) if c.doc == doc for n in c.paragraphs}
    missing = [
        n for n in range(1, len(paragraphs) + 1) if n not in cited | set(listed.get(doc, {}))
    ]
    if missing:
        problems.append(
            f"paragraphs {missing} of {doc!r} (of {len(paragraphs)}) are neither cited nor "
            f"in metadata[{LEFT_OUT!r}][{doc!r}]"
        )
    fail_with([f"{name}: {problem}" for problem in problems])


@pytest.mark.parametrize("name", NAMES)
def test_a_paragraph_left_out_is_in_the_document_and_not_cited(name: str) -> None:
    doc, paragraphs = the_document(name)
    amap = argmap.examples.load(name)
    listed, _ = left_out(amap)  # the test above reports a malformed list
    problems: list[str] = []
    for number in sorted(listed.get(doc, {})):
        if number > len(paragraphs):
            problems.append(
                f"{name}: paragraph {number} of {doc!r} is left out, but the document has "
                f"{len(paragraphs)} paragraphs"
            )
        citing = [c.who for c in citations(amap) if c.doc == doc and number in c.paragraphs]
        if citing:
            problems.append(
                f"{name}: paragraph {number} of {doc!r} is left out, yet cited by "
                + ", ".join(citing)
            )
    fail_with(problems)
