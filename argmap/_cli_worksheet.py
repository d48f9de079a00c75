"""``argmap worksheet``: a map with numbered blanks to fill in, and its answer key."""

from __future__ import annotations

import argparse
import os
from typing import Any

import attrs

import argmap
from argmap._cli_check import read_or_report
from argmap._cli_map import add_map_choice, same_file
from argmap._cli_numbers import whole_number_from
from argmap._cli_output import error, os_problem, say
from argmap.nodes import NODE_KINDS
from argmap.render import page as pages
from argmap.render.worksheet import HINTS
from argmap.render.worksheet_output import WORKSHEET_EXTENSIONS, key_path

__all__ = ["WORKSHEET_DESCRIPTION", "WORKSHEET_SUMMARY", "add_worksheet_options", "run_worksheet"]

WORKSHEET_SUMMARY = "write a worksheet with numbered blanks, and its answer key"
WORKSHEET_DESCRIPTION = (
    "Read FILE (or the worked example NAME) and draw it into OUT (.pdf, .svg or .html)\n"
    "with some statements blanked out: numbered boxes with lines to write on. The\n"
    "answer key, the whole map with each blank's number, goes beside it as\n"
    "OUT-key.EXT. Without --blank, --blank-ids or --random, the premises are blanked;\n"
    "--random N keeps N of those chosen (or of all nodes), drawn with --seed. --build\n"
    "blanks every node and lists the statements to place. Both files are written,\n"
    "or neither."
)


def add_worksheet_options(sub: argparse.ArgumentParser) -> None:
    """The arguments and options of ``argmap worksheet``."""
    add_map_choice(sub, file_help="the map to make a worksheet of", verb="use")
    sub.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        required=True,
        help="the worksheet to write (.pdf, .svg or .html); the key goes to OUT-key.EXT",
    )
    choose = sub.add_argument_group("what to blank")
    choose.add_argument(
        "--blank",
        action="append",
        choices=tuple(NODE_KINDS),
        metavar="KIND",
        help=f"blank the texts of this kind ({', '.join(NODE_KINDS)}); repeat for several",
    )
    choose.add_argument(
        "--blank-ids", metavar="ID,...", help="blank these nodes (ids, separated by commas)"
    )
    choose.add_argument(
        "--random",
        type=whole_number_from(1, "nodes"),
        metavar="N",
        help="blank N of those chosen, at random",
    )
    choose.add_argument(
        "--seed",
        type=int,
        default=0,
        metavar="S",
        help="the seed of --random and of the word "
        "bank's order (default 0): the same seed gives the same worksheet",
    )
    choose.add_argument(
        "--build",
        action="store_true",
        help="'build the map': blank every node and list all statements, lettered",
    )
    hints = sub.add_argument_group("what the blanks keep")
    kept = hints.add_mutually_exclusive_group()
    kept.add_argument("--no-hints", action="store_true", help="neither kind caption nor basis")
    kept.add_argument(
        "--hint",
        action="append",
        choices=HINTS,
        help="keep only this hint (repeat for both; default: caption and basis)",
    )
    hints.add_argument(
        "--word-bank", action="store_true", help="list the removed texts, shuffled and lettered"
    )
    look = sub.add_argument_group("drawing and page")
    option = attrs.fields(argmap.DrawingOptions)
    look.add_argument("--theme", choices=option.theme.metadata["choices"])
    look.add_argument("--direction", choices=option.direction.metadata["choices"])
    look.add_argument("--no-legend", action="store_true", help="leave out the legend")
    look.add_argument("--page", choices=tuple(pages.PAGES), help="fit both files to this page")
    look.add_argument("--landscape", action="store_true", help="with --page: turn the page")
    look.add_argument(
        "--min-text",
        type=float,
        metavar="PT",
        help=f"with --page: never shrink text below PT points (default {pages.MIN_TEXT:g})",
    )
    look.add_argument(
        "--renderer", choices=("graphviz", "graphviz-pure"), help="insist on one renderer"
    )


def run_worksheet(args: argparse.Namespace) -> int:
    """Write the worksheet and its key; the exit code."""
    output: str = args.output
    usage = _usage_problem(args)
    if usage is not None:
        error(usage)
        return 2
    read = _read(args, output)
    if read is None:
        return 1
    amap, drawing = read
    hints: tuple[str, ...] = () if args.no_hints else tuple(args.hint or HINTS)
    ids = [ident.strip() for ident in (args.blank_ids or "").split(",") if ident.strip()]
    page: dict[str, Any] = {"page": args.page, "landscape": args.landscape}
    if args.min_text is not None:
        page["min_font_pt"] = args.min_text
    try:
        sheet = argmap.worksheet(
            amap,
            blank=args.blank,
            blank_ids=ids,
            blank_random=args.random,
            seed=args.seed,
            hints=hints,
            word_bank=args.word_bank,
            variant="build" if args.build else "fill",
            **drawing,
        )
        written = argmap.write_worksheet(sheet, output, renderer=args.renderer, **page)
    except ValueError as problem:
        error(_as_options(str(problem)))
        return 2
    except argmap.RenderError as problem:
        error(str(problem))
        return 1
    except OSError as problem:
        error(os_problem(problem, output))
        return 1
    count = len(sheet.blanks)
    said = f"{count} blank{'s' * (count != 1)}"
    say(f"argmap: wrote {written[0]!r} ({said}) and its key {written[1]!r}")
    return 0


def _usage_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the options as given, before anything is read."""
    output: str = args.output
    extension = os.path.splitext(output)[1].lower()
    if extension not in WORKSHEET_EXTENSIONS:
        return (
            f"cannot tell the worksheet format of {output!r} from its extension "
            f"{extension!r}; use one of {', '.join(WORKSHEET_EXTENSIONS)}"
        )
    if args.landscape and args.page is None:
        return "--landscape turns a page: give --page too (--page a4 --landscape)"
    return None


def _read(
    args: argparse.Namespace, output: str
) -> tuple[argmap.ArgumentMap, dict[str, Any]] | None:
    """The map and its drawing options, or None once its problem is reported."""
    if args.example is not None:
        amap = argmap.examples.load(args.example)
        drawing: dict[str, Any] = dict(argmap.examples.drawing_options(args.example))
        drawing.pop("group_by", None)  # boxes around speakers: too busy for a worksheet
    else:
        loaded = read_or_report(args.input)
        if loaded is None:
            return None
        amap, drawing = loaded, {}
        for path in (output, key_path(output)):
            if same_file(args.input, path):
                error(f"{path!r} is the map file itself; give another OUT")
                return None
    for name in ("theme", "direction"):
        if getattr(args, name) is not None:
            drawing[name] = getattr(args, name)
    if args.no_legend:
        drawing["legend"] = False
    return amap, drawing


def _as_options(message: str) -> str:
    """A message of the Python API, in the names of this command's options."""
    for name, flag in (
        ("blank_ids", "--blank-ids"),
        ("blank_random", "--random"),
        ("min_font_pt", "--min-text"),
    ):
        message = message.replace(name, flag)
    return message
