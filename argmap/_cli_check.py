"""``argmap check``: read maps, from files or whole folders, and report every finding."""

from __future__ import annotations

import argparse
import json
import os
import warnings

import argmap
from argmap._cli_output import error, finding_line, finding_record, say

__all__ = ["MAP_EXTENSIONS", "map_files", "read_or_report", "run_check"]

#: The extensions of the files ``check`` reads in a folder.
MAP_EXTENSIONS = (".yaml", ".yml", ".json")


def run_check(args: argparse.Namespace) -> int:
    """Check every map named, or found in the folders named; the exit code."""
    names, problems = _gather(args.files)
    findings: list[tuple[str, argmap.Finding]] = []
    implicit = 0
    for name in names:
        file_findings, file_implicit = _check_file(name)
        implicit += file_implicit
        findings.extend((name, finding) for finding in file_findings)
        if args.format == "text":
            for finding in file_findings:
                print(finding_line(finding, name))
    if args.format == "json":
        records = [finding_record(finding, name) for name, finding in findings]
        print(json.dumps(records, indent=2))
    counts = {severity: 0 for severity in argmap.Severity}
    counts[argmap.Severity.ERROR] = problems
    for _, finding in findings:
        counts[finding.severity] += 1
    say(_summary(len(names), counts, implicit))
    failing = counts[argmap.Severity.ERROR]
    if args.strict:
        failing += counts[argmap.Severity.WARNING]
    return 1 if failing else 0


def map_files(folder: str) -> tuple[list[str], list[OSError]]:
    """The map files in ``folder`` and its subfolders, sorted; and the folders unreadable.

    Maps are the ``.yaml``, ``.yml`` and ``.json`` files. Hidden files and folders (whose
    names start with ``.``, such as ``.git`` or ``.venv``) are skipped, and links to
    folders are not followed. Names start with ``folder`` as given (without ``./``).
    """
    found: list[tuple[list[str], str]] = []
    unreadable: list[OSError] = []
    for where, folders, files in os.walk(folder, onerror=unreadable.append):
        folders[:] = [name for name in folders if not name.startswith(".")]
        relative = os.path.relpath(where, folder)
        parts = [] if relative == os.curdir else relative.split(os.sep)
        for name in files:
            if not name.startswith(".") and name.lower().endswith(MAP_EXTENSIONS):
                found.append(([*parts, name], name))
    found.sort()
    top = [] if os.path.normpath(folder) == os.curdir else [folder]
    return [os.path.join(*top, *parts) for parts, _ in found], unreadable


def _gather(paths: list[str]) -> tuple[list[str], int]:
    """The files to check, folders replaced by the maps in them; and the problems printed."""
    names: list[str] = []
    problems = 0
    for path in paths:
        if not os.path.isdir(path):
            names.append(path)  # a missing file is reported by reading it
            continue
        found, unreadable = map_files(path)
        for problem in unreadable:
            where = problem.filename or path
            error(
                f"cannot read the folder {where!r}: {problem.strerror or problem}; "
                f"check its permissions, or leave it out"
            )
        problems += len(unreadable)
        if not found and not unreadable:
            error(
                f"no maps in the folder {path!r}: no .yaml, .yml or .json file in it or its "
                f"subfolders (hidden ones are skipped); name map files, or a folder that "
                f"holds some"
            )
            problems += 1
        names.extend(found)
    return names, problems


def _check_file(name: str) -> tuple[tuple[argmap.Finding, ...], int]:
    """Every finding about one file, and how many of its relations are implicit."""
    with warnings.catch_warnings(record=True) as caught:  # another tool's file: what it lost
        warnings.simplefilter("always", argmap.LossWarning)
        try:
            amap = argmap.read(name)
        except (argmap.ParseError, argmap.ModelError, argmap.FormatError) as problem:
            return problem.findings, 0
    lost = tuple(
        warning.message.finding
        for warning in caught
        if isinstance(warning.message, argmap.LossWarning) and warning.message.finding
    )
    implicit = sum(relation.implicit for relation in amap.relations)
    return lost + argmap.validate(amap), implicit


def _summary(files: int, counts: dict[argmap.Severity, int], implicit: int = 0) -> str:
    checked = f"{_plural(files, 'file')} checked"
    parts = [
        _plural(counts[argmap.Severity.ERROR], "error"),
        _plural(counts[argmap.Severity.WARNING], "warning"),
    ]
    if counts[argmap.Severity.INFO]:
        parts.append(_plural(counts[argmap.Severity.INFO], "info"))
    said = f"{checked}: {', '.join(parts)}"
    if implicit:  # the analyst's readings, which a reviewer should see are there
        said += f"; {_plural(implicit, 'implicit relation')}"
    return said


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def read_or_report(path: str) -> argmap.ArgumentMap | None:
    """The map in ``path``, or None after printing why it cannot be read to stderr."""
    try:
        return argmap.read(path)
    except (argmap.ParseError, argmap.ModelError, argmap.FormatError) as problem:
        for finding in problem.findings:
            say(finding_line(finding, path))
        return None
