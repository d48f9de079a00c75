"""``argmap render``'s options for pages, slides, bitmaps and the time limit."""

from __future__ import annotations

import argparse
import os
from typing import Any

from argmap._cli_numbers import number, whole_number_in
from argmap.render import page as pages
from argmap.render.engine import _LONGEST_RUN, EXTENSIONS

__all__ = ["add_page_options", "check_page_options", "page_options"]


def add_page_options(sub: argparse.ArgumentParser) -> None:
    """Add the page, slide, bitmap and time-limit options to the ``render`` parser."""
    group = sub.add_argument_group("pages, slides and bitmaps")
    canvas = group.add_mutually_exclusive_group()
    canvas.add_argument(
        "--page",
        choices=tuple(pages.PAGES),
        help="fit the drawing on a page of this paper size, with half-inch margins",
    )
    canvas.add_argument(
        "--size",
        type=_parsed(pages.parse_size),
        metavar="W,H",
        help=f"fit the drawing on a canvas W by H inches (each {pages.SIZE_RANGE[0]:g} to "
        f"{pages.SIZE_RANGE[1]:g}), e.g. 13.33,7.5 for a 16:9 slide",
    )
    canvas.add_argument(
        "--ratio",
        type=_parsed(pages.parse_ratio),
        metavar="W:H",
        help="pad the drawing to these proportions, e.g. 16:9, without scaling it",
    )
    group.add_argument("--landscape", action="store_true", help="with --page: turn the page")
    group.add_argument(
        "--split",
        action="store_true",
        help="with --page or --size: draw a map too big for one page across several (an "
        "overview, then its branches), none with text below --min-text; a PDF gets them "
        "all (needs argmap[pdf]), other formats one file per page: OUT-1.svg, OUT-2.svg, ...",
    )
    low, high = pages.MIN_TEXT_RANGE
    group.add_argument(
        "--min-text",
        type=number("points", low, high),
        metavar="PT",
        help=f"with --page or --size: never shrink text below PT points ({low:g} to "
        f"{high:g}; default {pages.MIN_TEXT:g}); a drawing that would is refused",
    )
    group.add_argument(
        "--dpi",
        type=whole_number_in(pages.DPI_RANGE),
        metavar="N",
        help=f"PNG and JPEG: N pixels per inch ({pages.DPI_RANGE[0]} to {pages.DPI_RANGE[-1]}; "
        "default 96)",
    )
    group.add_argument(
        "--timeout",
        type=number("seconds", 0, _LONGEST_RUN, above=True),
        metavar="SECONDS",
        help=f"stop the renderer after SECONDS (above 0, at most {_LONGEST_RUN:,}; default 60)",
    )


def page_options(args: argparse.Namespace) -> dict[str, Any]:
    """The keywords of :func:`argmap.render_file` that these options give."""
    given = {
        "page": args.page,
        "landscape": True if args.landscape else None,
        "size": args.size,
        "ratio": args.ratio,
        "min_font_pt": args.min_text,
        "dpi": args.dpi,
        "timeout": args.timeout,
    }
    return {key: value for key, value in given.items() if value is not None}


def check_page_options(args: argparse.Namespace, output: str) -> str | None:
    """What is wrong with how these options go together, for drawing into ``output``."""
    if args.landscape and args.page is None:
        return "--landscape turns a page: give --page too (--page a4 --landscape)"
    if args.split and args.page is None and args.size is None:
        return "--split draws a map across pages: give --page or --size too (--page a4 --split)"
    if args.split and getattr(args, "focus", None) is not None:
        return "--split draws the whole map, --focus one branch: give one of them"
    format = EXTENSIONS.get(os.path.splitext(output)[1].lower())
    canvas = next((f"--{name}" for name in ("page", "size", "ratio") if getattr(args, name)), None)
    if format == "dot" and (canvas or args.dpi is not None):
        flag = canvas or "--dpi"
        return f"{flag} is for drawings; {output!r} is the DOT source, which has no page"
    if args.dpi is not None and format is not None and format not in pages.BITMAP_FORMATS:
        return f"--dpi is for PNG and JPEG drawings; {output!r} is {format.upper()}"
    return None


def _parsed(parse: Any) -> Any:
    """An argparse type from one of :mod:`argmap.render.page`'s parsers."""

    def convert(text: str) -> Any:
        try:
            return parse(text)
        except ValueError as problem:
            raise argparse.ArgumentTypeError(str(problem)) from None

    return convert
