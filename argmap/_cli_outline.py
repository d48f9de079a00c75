"""``argmap outline``: the argument as an outline in Markdown, plain text or HTML."""

from __future__ import annotations

import argparse
import os
import sys

import argmap
from argmap._cli_check import read_or_report
from argmap._cli_map import add_map_choice, same_file
from argmap._cli_output import error, os_problem, say
from argmap._cli_write import add_evaluate_option, evaluation_of
from argmap._files import replace_file
from argmap.render.outline_export import OUTLINE_FORMATS, OutlineFormat

__all__ = ["OUTLINE_DESCRIPTION", "OUTLINE_SUMMARY", "add_outline_options", "run_outline"]

OUTLINE_SUMMARY = "write a map as an outline: Markdown, text or HTML"
OUTLINE_DESCRIPTION = (
    "Read FILE (or the worked example NAME) and write the argument as an indented\n"
    "outline: each main claim, then what supports (+), attacks (-) and undercuts (_)\n"
    "it, down to the last reason; the nodes no main claim reaches come last. Without\n"
    "-o the outline goes to standard output, in Markdown unless --format says\n"
    "otherwise; OUT's extension names its format (.md, .txt or .html) unless --format\n"
    "is given. OUT is replaced whole or not at all."
)

#: The format each extension of OUT names.
_EXTENSIONS: dict[str, OutlineFormat] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
}


def add_outline_options(sub: argparse.ArgumentParser) -> None:
    """The arguments and options of ``argmap outline``."""
    add_map_choice(sub, file_help="the map to write out", verb="write")
    sub.add_argument(
        "-o", "--output", metavar="OUT", help="the file to write (default: standard output)"
    )
    sub.add_argument(
        "--format",
        choices=OUTLINE_FORMATS,
        help="default: the one OUT's extension names (.md, .txt, .html), else markdown",
    )
    add_evaluate_option(sub)


def run_outline(args: argparse.Namespace) -> int:
    """Write the outline of FILE (or an example) to OUT or standard output; the exit code."""
    output: str | None = args.output
    form = args.format or _format_of(output)
    if form is None:
        extension = os.path.splitext(output or "")[1]
        error(
            f"cannot tell the outline format of {output!r} from its extension "
            f"{extension!r}; use one of {', '.join(_EXTENSIONS)}, or give --format "
            f"{'|'.join(OUTLINE_FORMATS)}"
        )
        return 2
    amap = _read(args, output)
    if amap is None:
        return 1
    labelling = None if args.evaluate is None else evaluation_of(amap, args.evaluate)
    text = argmap.to_outline(amap, format=form, labelling=labelling)
    if output is None:
        sys.stdout.write(text)
        return 0
    try:
        replace_file(output, text.encode("utf-8"))
    except OSError as problem:
        error(os_problem(problem, output))
        return 1
    say(f"argmap: wrote {output!r} ({form} outline)")
    return 0


def _format_of(output: str | None) -> OutlineFormat | None:
    """The format OUT's extension names; Markdown for standard output; None if unknown."""
    if output is None:
        return "markdown"
    return _EXTENSIONS.get(os.path.splitext(output)[1].lower())


def _read(args: argparse.Namespace, output: str | None) -> argmap.ArgumentMap | None:
    """The map to write out, or None once its problem is reported."""
    if args.example is not None:
        return argmap.examples.load(args.example)
    amap = read_or_report(args.input)
    if amap is not None and output is not None and same_file(args.input, output):
        error(f"OUT {output!r} is the map file itself; give another file to write into")
        return None
    return amap
