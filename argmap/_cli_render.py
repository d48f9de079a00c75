"""``argmap render``: its help and its options."""

from __future__ import annotations

import argparse

import attrs

import argmap
from argmap._cli_map import add_map_choice
from argmap._cli_numbers import whole_number_from, whole_number_in
from argmap._cli_page import add_page_options
from argmap._cli_write import add_evaluate_option

__all__ = ["RENDER_DESCRIPTION", "RENDER_SUMMARY", "add_render_options"]

RENDER_SUMMARY = "draw a map as SVG, PNG, PDF, JPEG, DOT or an interactive web page"
RENDER_DESCRIPTION = (
    "Read FILE (or the worked example NAME) and draw it into OUT, in the format\n"
    "OUT's extension names (.svg, .png, .pdf, .jpg, .jpeg, .dot/.gv for the DOT\n"
    "source, or .html/.htm for one offline page to explore the map in: pan, zoom,\n"
    "search, a panel per node, keyboard first); without -o, into FILE's name with\n"
    ".svg (or NAME.svg). A map that\n"
    "'argmap check' rejects is drawn, with a warning. An example is drawn with its\n"
    "own options; options given win.\n"
    "The renderer is $ARGMAP_DOT, else Graphviz 'dot' on PATH, else graphviz-pure\n"
    "(no PDF); the one used is named on stderr. OUT is replaced whole or not at all."
)


#: The label widths ``--label-width`` takes: those of DrawingOptions.
_WIDTHS: range = attrs.fields(argmap.DrawingOptions).label_width.metadata["range"]


def add_render_options(sub: argparse.ArgumentParser) -> None:
    """The arguments and options of ``argmap render``."""
    add_map_choice(sub, file_help="the map to draw", verb="draw")
    sub.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="the file to write (default: FILE with .svg for its extension, or NAME.svg)",
    )
    # Choices and defaults are DrawingOptions'; no defaults here, so that an example's own
    # options (argmap.examples) apply, then the value's defaults.
    option = attrs.fields(argmap.DrawingOptions)
    sub.add_argument(
        "--theme", choices=option.theme.metadata["choices"], help=f"default: {option.theme.default}"
    )
    sub.add_argument(
        "--direction",
        choices=option.direction.metadata["choices"],
        help=f"default: {option.direction.default}",
    )
    sub.add_argument(
        "--group-by",
        choices=option.group_by.metadata["choices"],
        help=f"default: {option.group_by.default or 'none'}",
    )
    sub.add_argument(
        "--label-width",
        type=whole_number_in(_WIDTHS, "columns"),
        metavar="N",
        help=f"wrap node texts at N columns, from {_WIDTHS[0]} to {_WIDTHS[-1]}; "
        f"default {option.label_width.default}",
    )
    sub.add_argument("--no-legend", action="store_true", help="leave out the legend")
    sub.add_argument("--show-ids", action="store_true", help="show each node's id")
    sub.add_argument(
        "--show-sources",
        action="store_true",
        help="mark each node with where in its source it is (paragraph numbers)",
    )
    sub.add_argument(
        "--focus",
        metavar="NODE",
        help="draw only NODE and what supports and attacks it, with a dashed stub where an "
        "arrow leaves the drawing",
    )
    sub.add_argument(
        "--depth",
        type=whole_number_from(0, "levels"),
        metavar="K",
        help="with --focus: draw K levels of reasons and objections below NODE (default: all)",
    )
    sub.add_argument(
        "--renderer",
        choices=("graphviz", "graphviz-pure"),
        default=None,
        help="insist on one renderer (default: the first found)",
    )
    add_evaluate_option(sub)
    add_page_options(sub)
