"""Every finding code argmap reports: the one place a code, its severity and summary live.

Codes are stable: a code, once published, keeps its meaning. ``AM1xx`` are problems
reading a file, ``AM2xx`` breaks of the map's structure, ``AM3xx`` the policy checks of
:func:`argmap.validate`, ``AM4xx`` what reading another tool's format met. Every finding
argmap makes is built by :meth:`Code.finding`, so its severity is the registry's;
docs/checks.md and :data:`CODES` are drawn from here.

>>> Code.ISOLATED_NODE.finding("node 'x' is connected to nothing").severity
<Severity.WARNING: 'warning'>
>>> CODES["AM303"].name
'isolated-node'
"""

from __future__ import annotations

import enum

import attrs

from argmap.findings import Finding, Location, Severity

__all__ = ["CODES", "Code", "CodeInfo"]

_E, _W = Severity.ERROR, Severity.WARNING


class Code(enum.StrEnum):
    """A finding code: its text (``"AM303"``), name, severity and one-line summary.

    >>> Code("AM303") is Code.ISOLATED_NODE, Code.ISOLATED_NODE.slug
    (True, 'isolated-node')
    """

    SYNTAX = "AM101"
    UNKNOWN_KEY = "AM102"
    WRONG_TYPE = "AM103"
    MISSING_VALUE = "AM104"
    INVALID_VALUE = "AM105"
    UNSUPPORTED_VERSION = "AM106"
    NOT_UTF8 = "AM107"
    EMPTY_FILE = "AM108"
    TOO_LARGE = "AM109"
    FORBIDDEN_YAML = "AM110"
    DUPLICATE_KEY = "AM111"
    UNKNOWN_FORMAT = "AM112"
    COMMENT_CUTS_TEXT = "AM113"
    DUPLICATE_ID = "AM201"
    UNKNOWN_REFERENCE = "AM202"
    SELF_REFERENCE = "AM203"
    REBUTTAL_ATTACKS_NOTHING = "AM301"
    UNSUPPORTED_RECOMMENDATION = "AM302"
    ISOLATED_NODE = "AM303"
    SUPPORT_CYCLE = "AM304"
    NO_MAIN_CLAIM = "AM305"
    UNUSED_PARTICIPANT = "AM306"
    UNUSED_SOURCE = "AM307"
    IDLE_PREMISE = "AM308"
    DUPLICATE_TEXT = "AM309"
    UNEXPLAINED_IMPLICIT_RELATION = "AM310"
    NOT_CARRIED = "AM401"
    BROKEN_ELEMENT = "AM402"

    @property
    def slug(self) -> str:
        """The code's name, as the docs' headings give it (``"isolated-node"``)."""
        return _ABOUT[self][0]

    @property
    def severity(self) -> Severity:
        """How bad every finding of this code is."""
        return _ABOUT[self][1]

    @property
    def summary(self) -> str:
        """What the code means, in one line."""
        return _ABOUT[self][2]

    def finding(self, message: str, location: Location | None = None) -> Finding:
        """A finding of this code, with the registry's severity.

        >>> str(Code.NO_MAIN_CLAIM.finding("no claim is marked main", Location(line=1)))
        '<string>:1:1: AM305 no claim is marked main'
        """
        return Finding(self.value, self.severity, message, location or Location())


#: Each code's name, severity and summary: what docs/checks.md and :data:`CODES` show.
_ABOUT: dict[Code, tuple[str, Severity, str]] = {
    Code.SYNTAX: ("syntax", _E, "The file is not valid YAML or JSON."),
    Code.UNKNOWN_KEY: ("unknown-key", _E, "A key the format does not know (often a typo)."),
    Code.WRONG_TYPE: (
        "wrong-type",
        _E,
        "A value of the wrong type, such as a list where text belongs.",
    ),
    Code.MISSING_VALUE: ("missing-value", _E, "A required key or value is missing."),
    Code.INVALID_VALUE: (
        "invalid-value",
        _E,
        "A value breaks a rule: id syntax, empty text, a bad basis.",
    ),
    Code.UNSUPPORTED_VERSION: (
        "unsupported-version",
        _E,
        "The file declares a format version argmap can't read.",
    ),
    Code.NOT_UTF8: ("not-utf8", _E, "The file is not UTF-8 text."),
    Code.EMPTY_FILE: ("empty-file", _E, "The file holds no map at all."),
    Code.TOO_LARGE: ("too-large", _E, "The file is larger than the reader's size limit."),
    Code.FORBIDDEN_YAML: ("forbidden-yaml", _E, "YAML tags, anchors, aliases or merge keys."),
    Code.DUPLICATE_KEY: ("duplicate-key", _E, "The same key twice in one mapping."),
    Code.UNKNOWN_FORMAT: (
        "unknown-format",
        _E,
        "A file name whose extension names no format argmap knows.",
    ),
    Code.COMMENT_CUTS_TEXT: (
        "comment-cuts-text",
        _E,
        "A ' #' comment that cuts an unquoted text short.",
    ),
    Code.DUPLICATE_ID: ("duplicate-id", _E, "Two nodes or relations share an id."),
    Code.UNKNOWN_REFERENCE: ("unknown-reference", _E, "A reference to an id that is not declared."),
    Code.SELF_REFERENCE: ("self-reference", _E, "A relation joins a node to itself."),
    Code.REBUTTAL_ATTACKS_NOTHING: (
        "rebuttal-attacks-nothing",
        _E,
        "A rebuttal that attacks nothing.",
    ),
    Code.UNSUPPORTED_RECOMMENDATION: (
        "unsupported-recommendation",
        _W,
        "A recommendation with no support.",
    ),
    Code.ISOLATED_NODE: ("isolated-node", _W, "A node connected to nothing."),
    Code.SUPPORT_CYCLE: (
        "support-cycle",
        _E,
        "Supports that run in a circle (A supports B supports A).",
    ),
    Code.NO_MAIN_CLAIM: ("no-main-claim", _W, "No claim is marked main."),
    Code.UNUSED_PARTICIPANT: ("unused-participant", _W, "A participant who speaks no node."),
    Code.UNUSED_SOURCE: ("unused-source", _W, "A source no node cites."),
    Code.IDLE_PREMISE: (
        "idle-premise",
        _W,
        "A premise that neither supports nor attacks anything.",
    ),
    Code.DUPLICATE_TEXT: ("duplicate-text", _W, "Two nodes with the same text."),
    Code.UNEXPLAINED_IMPLICIT_RELATION: (
        "unexplained-implicit-relation",
        _W,
        "An implicit relation with no note saying how the text implies it.",
    ),
    Code.NOT_CARRIED: (
        "not-carried",
        _W,
        "Something in another tool's file that a map cannot hold: kept as metadata or left out.",
    ),
    Code.BROKEN_ELEMENT: (
        "broken-element",
        _W,
        "A broken element of another tool's file (an edge to nothing, an inference with no "
        "premise or conclusion): left out.",
    ),
}


@attrs.frozen
class CodeInfo:
    """What a finding code means: a plain-data view of one :class:`Code`."""

    code: str
    name: str
    severity: Severity
    summary: str


#: Finding codes by code, in code order.
CODES: dict[str, CodeInfo] = {
    code.value: CodeInfo(code.value, code.slug, code.severity, code.summary) for code in Code
}
