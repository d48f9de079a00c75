"""What the ``argmap`` command prints: findings as lines or JSON, errors and warnings."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Sequence
from typing import Any

import argmap

__all__ = ["error", "finding_line", "finding_record", "os_problem", "say", "warn"]


def say(text: str) -> None:
    """Print a line to standard error, if there is one (``2>&-`` closes it)."""
    if sys.stderr is not None:
        print(text, file=sys.stderr)


def error(message: str) -> None:
    """Print ``argmap: error: MESSAGE`` to standard error."""
    say(f"argmap: error: {message}")


def warn(message: str) -> None:
    """Print ``argmap: warning: MESSAGE`` to standard error."""
    say(f"argmap: warning: {message}")


def finding_line(finding: argmap.Finding, file: str) -> str:
    """One finding as a line an editor can jump to: ``file:line:col: CODE severity: message``."""
    return f"{_where(finding.location, file)}: {finding.code} {finding.severity}: {finding.message}"


def finding_record(finding: argmap.Finding, file: str) -> dict[str, Any]:
    """One finding as a JSON object; the keys are always the same, in the same order."""
    location = finding.location
    return {
        "file": location.file or file,
        "line": location.line,
        "column": None if location.line is None else location.column or 1,
        "code": finding.code,
        "severity": str(finding.severity),
        "message": finding.message,
        "element": location.element,
        "path": _path_text(location.path),
    }


def _where(location: argmap.Location, file: str) -> str:
    """``file:line:col`` when the line is known, else the file and the element or path."""
    if location.line is not None:
        return str(location)
    where = f"'{location.element}'" if location.element else _path_text(location.path)
    name = location.file or file
    return name if where == "$" else f"{name}: {where}"


def _path_text(path: Sequence[str | int]) -> str:
    """Write a document path as messages do, e.g. ``$.nodes.p1.supports[0]``."""
    return "$" + "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path)


#: How to get past an operating system error while writing, by its ``errno``.
_FIXES = {
    errno.ENOSPC: "free some space, or write somewhere else",
    errno.EDQUOT: "free some space, or write somewhere else",
    errno.EACCES: "check the permissions of the file and its folder, or write somewhere else",
    errno.EPERM: "check the permissions of the file and its folder, or write somewhere else",
    errno.EROFS: "write somewhere else",
    errno.ENOTDIR: "a part of the path is a file, not a folder; fix the path",
    errno.ELOOP: "fix the symbolic links, or write somewhere else",
    errno.ENAMETOOLONG: "give a shorter name",
}


def os_problem(problem: OSError, path: str) -> str:
    """Why writing ``path`` failed, and what to do about it, as one line."""
    reason = problem.strerror or str(problem)
    if problem.errno == errno.ENOENT:
        target = os.path.realpath(path) if os.path.islink(path) else path
        folder = os.path.dirname(target) or os.curdir
        return f"cannot write {path!r}: {reason}; create the folder {folder!r} first"
    if "; " in reason:  # argmap's own reasons say what to do already
        return f"cannot write {path!r}: {reason}"
    fix = _FIXES.get(problem.errno or 0, "write somewhere else")
    return f"cannot write {path!r}: {reason}; {fix}"
