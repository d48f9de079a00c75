"""argmap's exceptions.

::

    ArgmapError                     every error argmap raises on purpose
     ├── ModelError (ValueError)    a map or one of its parts breaks an invariant
     ├── ParseError (ValueError)    a file or string cannot be read as a map
     └── UnknownIdError (KeyError)  a lookup named an id that is not there

``ModelError`` and ``ParseError`` carry every problem found, as
:class:`~argmap.Finding` values, in ``.findings``.
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.findings import Finding

__all__ = ["ArgmapError", "ModelError", "ParseError", "UnknownIdError"]


class ArgmapError(Exception):
    """Base class of every error argmap raises on purpose."""


class _FindingsError(ArgmapError):
    def __init__(self, findings: Iterable[Finding]) -> None:
        self.findings: tuple[Finding, ...] = tuple(findings)
        super().__init__(_summary(self.findings))


def _summary(findings: tuple[Finding, ...]) -> str:
    if len(findings) == 1:
        return str(findings[0])
    lines = [f"{len(findings)} problems:"]
    lines.extend(f"  {finding}" for finding in findings)
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


class UnknownIdError(ArgmapError, KeyError):
    """A lookup named an id that the map does not have.

    >>> import argmap
    >>> argmap.MapBuilder("T").claim("c", "A claim.").build().node("x")
    Traceback (most recent call last):
    ...
    argmap.errors.UnknownIdError: "no node with id 'x'"
    """
