"""``argmap convert`` and ``argmap render``: the commands that write a file."""

from __future__ import annotations

import argparse
import os
import shlex
import warnings
from typing import Any

import argmap
from argmap._cli_check import read_or_report
from argmap._cli_convert import convert_file, convert_folder
from argmap._cli_map import same_file
from argmap._cli_output import error, os_problem, say, warn
from argmap._cli_page import check_page_options, page_options
from argmap._files import replace_file
from argmap.analysis.evaluation import SEMANTICS, evaluate
from argmap.render.interactive import to_html

__all__ = ["WEB_PAGES", "add_evaluate_option", "default_output", "run_convert", "run_render"]


def run_convert(args: argparse.Namespace) -> int:
    """Convert IN into OUT, or every map in the folder IN into OUTDIR; the exit code."""
    if os.path.isdir(args.input):
        if args.output is not None:
            error(
                f"IN {args.input!r} is a folder: write its maps into a folder with "
                f"--to NAME -o OUTDIR, not into OUT {args.output!r}"
            )
            return 2
        return convert_folder(args)
    if args.output is None:
        error("convert IN OUT needs OUT, the file to write (or IN a folder, with -o OUTDIR)")
        return 2
    if same_file(args.input, args.output) and not args.overwrite_input:
        if read_or_report(args.input) is None:
            return 1
        error(
            f"OUT {args.output!r} is the same file as IN {args.input!r}: converting would "
            f"rewrite it in "
            f"canonical form and lose its comments and layout; write to another file, "
            f"or pass --overwrite-input to rewrite it anyway"
        )
        return 1
    return convert_file(args)


def default_output(args: argparse.Namespace) -> str:
    """Where ``render`` draws when not told: FILE's name with ``.svg``, or ``NAME.svg``."""
    if args.example is not None:
        return f"{args.example}.svg"
    stem, _ = os.path.splitext(args.input)
    return f"{stem}.svg"


#: The extensions of the interactive web page (:func:`argmap.render.interactive.to_html`).
WEB_PAGES = (".html", ".htm")
#: Options for printed pages and bitmaps, which a web page (fitted to its window) has not.
_PRINT_ONLY = ("page", "size", "ratio", "landscape", "split", "min_text", "dpi")


def _is_web_page(output: str) -> bool:
    return os.path.splitext(output)[1].lower() in WEB_PAGES


def _web_page_mismatch(args: argparse.Namespace, output: str) -> str | None:
    """What is wrong with drawing into the web page ``output`` with these options."""
    given = [name for name in _PRINT_ONLY if getattr(args, name, None) not in (None, False)]
    if not given:
        return None
    flag = "--" + given[0].replace("_", "-")
    return (
        f"{flag} is for printed pages and bitmaps; {output!r} is an interactive web page, "
        f"which fits the drawing to its window (leave out {flag}, or write .svg, .png or .pdf)"
    )


def run_render(args: argparse.Namespace) -> int:
    """Draw FILE (or an example) into OUT; the exit code."""
    output = args.output or default_output(args)
    if _is_web_page(output):
        mismatch = _web_page_mismatch(args, output)
    else:
        mismatch = check_page_options(args, output)
    if mismatch is not None:
        error(mismatch)
        return 2
    return _render(args, output)


def _render(args: argparse.Namespace, output: str) -> int:
    """Draw FILE (or an example) into ``output``, once the options are known to fit together."""
    if args.example is not None:
        amap: argmap.ArgumentMap | None = argmap.examples.load(args.example)
        options = argmap.examples.drawing_options(args.example)
    else:
        amap, options = read_or_report(args.input), {}
        if amap is not None and same_file(args.input, output):
            error(f"OUT {output!r} is the map file itself; give another file to draw into")
            return 1
    if amap is None or not _focus_is_usable(amap, args):
        return 1 if amap is None else 2  # a map that cannot be read, or a bad --focus
    if args.input is not None:
        _warn_of_errors(amap, args.input)
    given = {
        "theme": args.theme,
        "direction": args.direction,
        "group_by": args.group_by,
        "label_width": args.label_width,
        "legend": False if args.no_legend else None,
        "show_ids": True if args.show_ids else None,
        "show_sources": True if args.show_sources else None,
        "focus": args.focus,
        "depth": args.depth,
    }
    options.update((key, value) for key, value in given.items() if value is not None)
    options.update(page_options(args))
    try:
        options.update(_evaluation(amap, args))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", argmap.RenderWarning)
            drawn, used = _draw(amap, output, args, options)
        for warning in caught:
            warn(str(warning.message))
    except (argmap.RenderError, ValueError) as problem:
        message = str(problem)
        error(message if repr(output) in message else f"cannot draw {output!r}: {message}")
        return 1
    except OSError as problem:
        error(os_problem(problem, output))
        return 1
    if drawn:
        _say_pages(drawn)
        return 0
    how = "as DOT source, no renderer needed" if used is None else f"with {used}"
    if _is_web_page(output):
        how = f"as an interactive web page, {how}"
    say(f"argmap: wrote {output!r} {how}")
    return 0


#: What ``--evaluate`` evaluates a map under when it names no semantics.
DEFAULT_SEMANTICS = "grounded"


def add_evaluate_option(sub: argparse.ArgumentParser) -> None:
    """``--evaluate [SEMANTICS]`` of ``render`` and ``outline``: each node's label, shown."""
    sub.add_argument(
        "--evaluate",
        nargs="?",
        const=DEFAULT_SEMANTICS,
        choices=SEMANTICS,
        metavar="SEMANTICS",
        help="evaluate the map and show each node's label (IN, OUT, UNDEC): drawn with a "
        "badge and a border of its own, or written in the outline; SEMANTICS is one of "
        f"{', '.join(SEMANTICS)} (default: {DEFAULT_SEMANTICS})",
    )


def evaluation_of(amap: argmap.ArgumentMap, semantics: str) -> argmap.Labelling:
    """The labelling of ``amap`` under ``semantics`` that ``--evaluate`` draws.

    An unknown semantics is a ``ValueError``.
    """
    return evaluate(amap, semantics=semantics).labelling


def _evaluation(amap: argmap.ArgumentMap, args: argparse.Namespace) -> dict[str, Any]:
    """The ``evaluation`` option ``--evaluate`` asks for, if any; a ``ValueError`` if it fails."""
    semantics = getattr(args, "evaluate", None)  # getattr: until cli.py adds the option
    if semantics is None:
        return {}
    try:
        return {"evaluation": evaluation_of(amap, semantics)}
    except ValueError as problem:
        raise ValueError(f"--evaluate: {problem}") from None


def _draw(
    amap: argmap.ArgumentMap, output: str, args: argparse.Namespace, options: dict[str, Any]
) -> tuple[tuple[argmap.SplitPage, ...], argmap.Renderer | None]:
    """Draw into ``output``: the pages of a split drawing, and the renderer of any other."""
    if _is_web_page(output):
        return (), _write_web_page(amap, output, args.renderer, options)
    if args.split:
        return argmap.render_pages(amap, output, renderer=args.renderer, **options), None
    return (), argmap.render_file(amap, output, renderer=args.renderer, **options)


def _write_web_page(
    amap: argmap.ArgumentMap,
    output: str,
    renderer: argmap.render.RendererName | None,
    options: dict[str, Any],
) -> argmap.Renderer:
    """Write ``amap`` as an interactive web page into ``output``, whole or not at all."""
    used = argmap.find_renderer(renderer)
    page = to_html(amap, renderer=used, **options)
    replace_file(output, page.encode("utf-8"))
    return used


def _say_pages(drawn: tuple[argmap.SplitPage, ...]) -> None:
    """Where each page of a split drawing went, what it shows and how big its text prints."""
    files = list(dict.fromkeys(page.path for page in drawn))
    where = repr(files[0]) if len(files) == 1 else f"{files[0]!r} to {files[-1]!r}"
    noun = "page" if len(drawn) == 1 else "pages"
    say(f"argmap: wrote {len(drawn)} {noun}, {where}")
    for page in drawn:
        say(f"  page {page.number}: {page.shows} (statements at {page.text_size:.1f} pt)")


def _focus_is_usable(amap: argmap.ArgumentMap, args: argparse.Namespace) -> bool:
    """Whether ``--focus`` is absent or names a node of the map; if not, say what is wrong."""
    if args.focus is None:
        if args.depth is not None:
            error("--depth needs --focus NODE: the node to count the levels from")
        return args.depth is None
    try:
        argmap.focus(amap, args.focus, depth=args.depth)
    except argmap.UnknownIdError as problem:
        name = repr(args.input) if args.input is not None else f"example {args.example!r}"
        what, semicolon, hint = str(problem.args[0]).partition("; ")
        error(f"--focus: {what} in {name}{semicolon}{hint}")
        return False
    return True


def _warn_of_errors(amap: argmap.ArgumentMap, name: str) -> None:
    """Say so when ``argmap check`` would reject the map about to be drawn."""
    errors = sum(finding.severity == argmap.Severity.ERROR for finding in argmap.validate(amap))
    if errors:
        noun = "error" if errors == 1 else "errors"
        warn(
            f"{name!r} has {errors} {noun}; drawing it anyway "
            f"(see them with: argmap check {shlex.quote(name)})"
        )
