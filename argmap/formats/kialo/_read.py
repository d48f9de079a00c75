"""Read a Kialo text export (one-line or indented layout) into a map."""

from __future__ import annotations

import re

from argmap.codes import Code
from argmap.errors import ParseError
from argmap.findings import Finding, Location
from argmap.formats._foreign import Note, clean_text, file_title, kinds, make_map, make_node
from argmap.formats.interchange import Imported
from argmap.formats.kialo._lines import Entry, scan
from argmap.provenance import Source, SourceRef
from argmap.relations import Attack, Relation, Support

__all__ = ["read"]

_MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\((\S+?)\)")
_URL = re.compile(r"https?://\S+")


def read(text: str, *, file: str | None = None) -> Imported:
    """Read a Kialo export; see :mod:`argmap.formats.kialo` for the mapping."""
    title, entries, stray = scan(text)
    findings: list[Finding] = []

    def note(code: Code, message: str, line: int, element: str | None = None) -> None:
        findings.append(code.finding(message, Location(file, line, 1, element=element)))

    for line, content in stray:
        note(
            Code.NOT_CARRIED,
            f"a line before the first numbered claim: {content[:40]!r} left out",
            line,
        )
    by_number: dict[str, Entry] = {}
    for entry in entries:
        if entry.number in by_number:
            note(
                Code.BROKEN_ELEMENT,
                f"claim {entry.number}. is numbered twice: the second left out",
                entry.line,
                entry.number,
            )
        else:
            by_number[entry.number] = entry
    if not by_number:
        raise ParseError(
            [
                Code.EMPTY_FILE.finding(
                    "no numbered claim ('1. ...') in this Kialo export", Location(file, 1, 1)
                )
            ]
        )
    has_theses = any(e.label == "Thesis" for e in by_number.values())
    questions = {
        n for n, e in by_number.items() if has_theses and e.parent is None and e.label is None
    }
    statements = {n: e for n, e in by_number.items() if n not in questions and e.link is None}
    for number, entry in list(statements.items()):
        if not entry.text:
            note(Code.BROKEN_ELEMENT, f"claim {number}. has no text: left out", entry.line, number)
            del statements[number]
    relations = _relations(by_number, statements, questions, note)
    mains = {n for n, e in statements.items() if e.label == "Thesis" or e.parent is None}
    sources, cites = _sources(statements, note)
    the_kinds = kinds(statements, mains=mains, relations=relations)
    nodes = [
        make_node(n, e.text, the_kinds[n], main=n in mains, source=cites.get(n))
        for n, e in statements.items()
    ]
    metadata: dict[str, object] = {
        "layout": "indented" if any(e.indented for e in entries) else "one-line"
    }
    if questions:
        metadata["questions"] = [by_number[q].text for q in sorted(questions)]
    heading = (
        title
        or (by_number[min(questions)].text if questions else "")
        or file_title(file, "Kialo discussion")
    )
    amap = make_map(
        heading, nodes=nodes, relations=relations, sources=sources, metadata={"kialo": metadata}
    )
    return Imported(amap, findings)


def _relations(
    by_number: dict[str, Entry], statements: dict[str, Entry], questions: set[str], note: Note
) -> list[Relation]:
    """Pro entries support their parent and Con entries attack it; links do so for the linked."""
    relations: list[Relation] = []
    seen: set[str] = set()
    for number, entry in by_number.items():
        if entry.label not in ("Pro", "Con") or (number not in statements and not entry.link):
            continue
        parent = entry.parent
        source = entry.link or number
        if parent is None or parent not in statements:
            why = "is a question" if parent in questions else "is missing or was left out"
            note(
                Code.BROKEN_ELEMENT,
                f"claim {number}.'s parent {parent}. {why}: its "
                f"{entry.label.lower()} relation left out",
                entry.line,
                number,
            )
            continue
        if source not in statements:
            note(
                Code.BROKEN_ELEMENT,
                f"claim {number}. links to {source}., which is not a "
                "claim of this discussion: left out",
                entry.line,
                number,
            )
            continue
        if source == parent:
            note(
                Code.BROKEN_ELEMENT,
                f"claim {number}. relates {source}. to itself: left out",
                entry.line,
                number,
            )
            continue
        relation: Relation = (
            Support([source], parent) if entry.label == "Pro" else Attack(source, parent)
        )
        if relation.id in seen:
            note(
                Code.BROKEN_ELEMENT,
                f"claim {number}. relates {source}. to {parent}. a second time: left out",
                entry.line,
                number,
            )
            continue
        seen.add(relation.id)
        relations.append(relation)
    return relations


def _sources(statements: dict[str, Entry], note: Note) -> tuple[list[Source], dict[str, SourceRef]]:
    """The map's sources, one per distinct source line, and the first each claim cites."""
    sources: dict[str, Source] = {}
    cites: dict[str, SourceRef] = {}
    for number, entry in statements.items():
        for index, (line, content) in enumerate(entry.sources):
            text = clean_text(content.lstrip("-*• "))
            if not text:
                continue
            if text not in sources:
                sources[text] = _source(f"s{len(sources) + 1}", text)
            if index == 0:
                cites[number] = SourceRef(sources[text].id)
            else:
                note(
                    Code.NOT_CARRIED,
                    f"claim {number}. cites more than one source; a node "
                    f"cites one: {sources[text].id} is a source of the map, not of the claim",
                    line,
                    number,
                )
    return list(sources.values()), cites


def _source(ident: str, text: str) -> Source:
    """A source from one line: ``[title](url)``, ``title url``, or a bare url."""
    link = _MARKDOWN_LINK.fullmatch(text)
    if link:
        return Source(ident, clean_text(link.group(1)) or link.group(2), url=link.group(2))
    url = _URL.search(text)
    if url:
        title = clean_text(text.replace(url.group(), " ").strip(" -\u2013\u2014:,()"))
        return Source(ident, title or url.group(), url=url.group())
    return Source(ident, text)
