"""``argmap convert``: a map from one format into another, one file or a whole folder."""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter

import attrs

import argmap
from argmap._cli_output import error, finding_line, os_problem, say, warn
from argmap._files import replace_file
from argmap.codes import Code
from argmap.formats import _choose, _export, _read_file
from argmap.formats.registry import FormatSpec, registered_formats

__all__ = ["convert_file", "convert_folder", "readable_files"]

_PROBLEMS = (argmap.ParseError, argmap.ModelError, argmap.FormatError)


@attrs.define
class _Result:
    """What converting one file gave: the warnings to print, or the error that stopped it."""

    warnings: list[str] = attrs.Factory(list)
    #: (kind, how many elements) of each loss or reader finding.
    kinds: list[tuple[str, int]] = attrs.Factory(list)
    errors: list[str] = attrs.Factory(list)


def _convert(
    source: str, target: str, *, from_: str | None, to: str | None, strict: bool
) -> _Result:
    """Read ``source`` and write ``target``, whole or not at all; what happened."""
    result = _Result()
    try:
        _, imported = _read_file(source, format=from_, max_bytes=argmap.formats.MAX_BYTES)
    except _PROBLEMS as problem:
        result.errors = [finding_line(finding, source) for finding in problem.findings]
        return result
    for finding in imported.findings:
        result.warnings.append(str(finding))
        result.kinds.append((f"{finding.code} {Code(finding.code).slug}", 1))
    try:
        spec = _writer(target, to)
        exported = _export(imported.map, spec)
    except _PROBLEMS as problem:
        result.errors = [f"{finding.code} {finding.message}" for finding in problem.findings]
        return result
    for loss in exported.losses:
        result.warnings.append(loss.message(spec.name))
        result.kinds.append((loss.kind, loss.count))
    if strict and result.warnings:
        result.errors, result.warnings = result.warnings, []
        result.errors.append(f"--strict: nothing written to {target!r}")
        return result
    try:
        replace_file(target, exported.text.encode("utf-8"))
    except OSError as problem:
        result.errors = [os_problem(problem, target)]
    return result


def _writer(target: str, to: str | None) -> FormatSpec:
    return (
        _choose.for_writing(to) if to is not None else _choose.by_extension(target, writing=True)[0]
    )


def convert_file(args: argparse.Namespace) -> int:
    """Convert IN into OUT, saying each loss as a warning; the exit code."""
    result = _convert(
        args.input, args.output, from_=args.from_format, to=args.to_format, strict=args.strict
    )
    for line in result.warnings:
        warn(line)
    for line in result.errors:
        if line.startswith(args.input) and ": AM" in line:  # a finding in IN, as check says it
            say(line)
        else:
            error(line)
    return 1 if result.errors else 0


def readable_files(folder: str, spec: FormatSpec | None, skip: str) -> list[str]:
    """The files in ``folder`` (recursively, sorted, hidden ones skipped) a format reads.

    With ``spec``, the files with its extensions; the folder ``skip`` is not entered.
    """
    extensions = (
        spec.extensions
        if spec is not None
        else tuple({e for s in registered_formats() if s.reads for e in s.extensions})
    )
    skipped = os.path.realpath(skip)
    found: list[str] = []
    for where, folders, files in os.walk(folder):
        folders[:] = [
            name
            for name in folders
            if not name.startswith(".") and os.path.realpath(os.path.join(where, name)) != skipped
        ]
        found.extend(
            os.path.join(where, name)
            for name in files
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in extensions
        )
    return sorted(found, key=lambda path: os.path.relpath(path, folder).split(os.sep))


def convert_folder(args: argparse.Namespace) -> int:
    """Convert every readable file in IN into OUTDIR, with a summary; the exit code."""
    if args.to_format is None or args.output_dir is None:
        error(
            "converting a folder needs --to NAME and -o OUTDIR: the format to write and the "
            "folder to write into"
        )
        return 2
    try:
        target = _choose.for_writing(args.to_format)
        source = None if args.from_format is None else _choose.for_reading(args.from_format)
    except argmap.FormatError as problem:
        error(str(problem))
        return 2
    files = readable_files(args.input, source, args.output_dir)
    if not files:
        error(f"no file in {args.input!r} that argmap reads; name a folder of maps")
        return 1
    extension = target.extensions[0] if target.extensions else f".{target.name}"
    written: dict[str, str] = {}
    tally = _Tally()
    failures = tally.failures
    progress = sys.stderr is not None and sys.stderr.isatty()
    for number, name in enumerate(files, 1):
        if progress:
            sys.stderr.write(f"\rconverting {number}/{len(files)} ")
            sys.stderr.flush()
        relative = os.path.splitext(os.path.relpath(name, args.input))[0] + extension
        out = os.path.join(args.output_dir, relative)
        if out in written:
            failures.append((name, f"would overwrite {out!r}, written from {written[out]!r}"))
            continue
        try:
            os.makedirs(os.path.dirname(out) or os.curdir, exist_ok=True)
        except OSError as problem:
            failures.append((name, os_problem(problem, out)))
            continue
        result = _convert(name, out, from_=args.from_format, to=target.name, strict=args.strict)
        if result.errors:
            failures.append((name, result.errors[0]))
            continue
        written[out] = name
        for kind, count in result.kinds:
            tally.kinds[kind] += count
        for kind in {kind for kind, _ in result.kinds}:
            tally.files_with[kind] += 1
    if progress:
        sys.stderr.write("\r\033[K")
    say(
        f"argmap: converted {len(written)} of {len(files)} files from {args.input!r} into "
        f"{args.output_dir!r} ({target.name})"
    )
    tally.say()
    return 1 if failures else 0


@attrs.define
class _Tally:
    """What a folder's conversion lost, by kind, and the files that failed."""

    #: How many elements each kind of loss or reader finding had, over all files.
    kinds: Counter[str] = attrs.Factory(Counter)
    #: How many files had each kind.
    files_with: Counter[str] = attrs.Factory(Counter)
    #: Each file that failed, with the first line of its error.
    failures: list[tuple[str, str]] = attrs.Factory(list)

    def say(self) -> None:
        """The summary's lines after the first, on stderr."""
        if self.kinds:
            said = "; ".join(
                f"{kind} {count} ({_files(self.files_with[kind])})"
                for kind, count in sorted(self.kinds.items())
            )
            say(f"argmap: lost or left out: {said}")
        if self.failures:
            say(f"argmap: {_files(len(self.failures))} failed:")
            for name, line in self.failures:  # an error that names its file says it once
                say(f"  {line}" if line.startswith(f"{name}:") else f"  {name}: {line}")


def _files(count: int) -> str:
    return "1 file" if count == 1 else f"{count} files"
