"""argmap's exceptions.

::

    ArgmapError                     every error argmap raises on purpose
     ├── ModelError (ValueError)    a map or one of its parts breaks an invariant
     ├── ParseError (ValueError)    a file or string cannot be read as a map
     ├── FormatError (ValueError)   no format fits, or one cannot carry a map in full
     └── UnknownIdError (KeyError)  a lookup named an id that is not there

``ModelError``, ``ParseError`` and ``FormatError`` carry every problem found, as
:class:`~argmap.Finding` values, in ``.findings``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from argmap.findings import Finding, Location

__all__ = ["ArgmapError", "FormatError", "ModelError", "ParseError", "UnknownIdError"]


class ArgmapError(Exception):
    """Base class of every error argmap raises on purpose."""


class _FindingsError(ArgmapError):
    def __init__(self, findings: Iterable[Finding]) -> None:
        self.findings: tuple[Finding, ...] = tuple(findings)
        super().__init__(_summary(self.findings, self._line))

    @staticmethod
    def _line(finding: Finding) -> str:
        return str(finding)


def _summary(findings: tuple[Finding, ...], line: Callable[[Finding], str]) -> str:
    if len(findings) == 1:
        return line(findings[0])
    lines = [f"{len(findings)} problems:"]
    lines.extend(f"  {line(finding)}" for finding in findings)
    return "\n".join(lines)


class ModelError(_FindingsError, ValueError):
    """A map, node or relation breaks one of the model's invariants.

    >>> import argmap
    >>> argmap.Claim("c1", "")
    Traceback (most recent call last):
    ...
    argmap.errors.ModelError: 'c1': AM105 claim 'c1': text must not be empty
    """


class ParseError(_FindingsError, ValueError):
    """A file or string cannot be read as a map; every finding names file:line:col.

    >>> import argmap
    >>> argmap.loads("title: [", format="yaml")
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: <string>:1:8: AM101 ...
    """


class FormatError(_FindingsError, ValueError):
    """No format fits, or more than one does (``AM112``); or one cannot carry a map in full.

    A format cannot carry the map: with ``strict=True``, ``AM401`` once per loss.

    >>> import argmap
    >>> argmap.loads("title: T", format="xml")
    Traceback (most recent call last):
    ...
    argmap.errors.FormatError: AM112 unknown format 'xml'; use one of ...
    """

    @staticmethod
    def _line(finding: Finding) -> str:
        """A finding on one line; one about no place at all (a format's name) names none."""
        if finding.location == Location():
            return f"{finding.code} {finding.message}"
        return str(finding)


class UnknownIdError(ArgmapError, KeyError):
    """A lookup named an id that the map does not have.

    >>> import argmap
    >>> argmap.MapBuilder("T").claim("c", "A claim.").build().node("x")
    Traceback (most recent call last):
    ...
    argmap.errors.UnknownIdError: "no node with id 'x'"
    """
