"""Every finding code argmap reports, with its name, severity and a one-line summary.

Codes are stable: a code, once published, keeps its meaning. ``AM1xx`` are problems
reading a file, ``AM2xx`` breaks of the map's structure, ``AM3xx`` the policy checks of
:func:`argmap.validate`.

>>> CODES["AM303"].name
'isolated-node'
"""

from __future__ import annotations

import attrs

from argmap.findings import Severity

__all__ = ["CODES", "CodeInfo"]


@attrs.frozen
class CodeInfo:
    """What a finding code means."""

    code: str
    name: str
    severity: Severity
    summary: str


_E, _W = Severity.ERROR, Severity.WARNING
_TABLE = [
    ("AM101", "syntax", _E, "The file is not valid YAML or JSON."),
    ("AM102", "unknown-key", _E, "A key the format does not know (often a typo)."),
    ("AM103", "wrong-type", _E, "A value of the wrong type, such as a list where text belongs."),
    ("AM104", "missing-value", _E, "A required key or value is missing."),
    ("AM105", "invalid-value", _E, "A value breaks a rule: id syntax, empty text, a bad basis."),
    ("AM106", "unsupported-version", _E, "The file declares a format version argmap can't read."),
    ("AM107", "not-utf8", _E, "The file is not UTF-8 text."),
    ("AM108", "empty-file", _E, "The file holds no map at all."),
    ("AM109", "too-large", _E, "The file is larger than the reader's size limit."),
    ("AM110", "forbidden-yaml", _E, "YAML tags, anchors, aliases or merge keys."),
    ("AM111", "duplicate-key", _E, "The same key twice in one mapping."),
    ("AM112", "unknown-format", _E, "A file name whose extension names no format argmap knows."),
    ("AM201", "duplicate-id", _E, "Two nodes or relations share an id."),
    ("AM202", "unknown-reference", _E, "A reference to an id that is not declared."),
    ("AM203", "self-reference", _E, "A relation joins a node to itself."),
    ("AM301", "rebuttal-attacks-nothing", _E, "A rebuttal that attacks nothing."),
    ("AM302", "unsupported-recommendation", _W, "A recommendation with no support."),
    ("AM303", "isolated-node", _W, "A node connected to nothing."),
    ("AM304", "support-cycle", _E, "Supports that run in a circle (A supports B supports A)."),
    ("AM305", "no-main-claim", _W, "No claim is marked main."),
    ("AM306", "unused-participant", _W, "A participant who speaks no node."),
    ("AM307", "unused-source", _W, "A source no node cites."),
    ("AM308", "idle-premise", _W, "A premise that neither supports nor attacks anything."),
    ("AM309", "duplicate-text", _W, "Two nodes with the same text."),
]

#: Finding codes by code.
CODES: dict[str, CodeInfo] = {row[0]: CodeInfo(*row) for row in _TABLE}
