"""The ``argmap`` command line: argparse glue over the public API."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

import argmap
from argmap import _cli_output
from argmap._cli_check import MAP_EXTENSIONS, run_check
from argmap._cli_evaluate import (
    EVALUATE_DESCRIPTION,
    EVALUATE_SUMMARY,
    add_evaluate_options,
    run_evaluate,
)
from argmap._cli_outline import (
    OUTLINE_DESCRIPTION,
    OUTLINE_SUMMARY,
    add_outline_options,
    run_outline,
)
from argmap._cli_render import RENDER_DESCRIPTION, RENDER_SUMMARY, add_render_options
from argmap._cli_worksheet import (
    WORKSHEET_DESCRIPTION,
    WORKSHEET_SUMMARY,
    add_worksheet_options,
    run_worksheet,
)
from argmap._cli_write import run_convert, run_render

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

__all__ = ["main"]

#: Exit codes, shared by every subcommand and listed in every help text.
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

_EXIT_CODES = """\
exit codes:
  0    success (check: no errors, and with --strict no warnings either)
  1    the check failed, an input could not be read, an output could not be written or
       drawn, or no renderer was found
  2    usage error (unknown subcommand or option, missing argument, bad option value)
  130  interrupted (Ctrl-C)
"""


#: A subcommand's runner: parsed arguments in, exit code out.
Runner = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``argmap`` command with ``argv`` (default: ``sys.argv[1:]``); the exit code.

    Never ends in a traceback: Ctrl-C gives exit code 130, and standard output that cannot
    be written (a closed pipe, a full disk, ``>&-``) ends the command with exit code 1.
    """
    try:
        _tolerate_unencodable(sys.stdout)
        code = _dispatch(_parser(), argv)
        if sys.stdout is not None:  # None when started with stdout closed (``>&-``)
            sys.stdout.flush()  # a closed pipe or a full disk shows up here, not at exit
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly
        _silence_stdout()
        return EXIT_FAILED
    except OSError as problem:  # the commands report their own files' errors
        _silence_stdout()
        with contextlib.suppress(OSError):  # standard error may be the broken one
            _cli_output.error(_unexpected(problem))
        return EXIT_FAILED
    return code


def _unexpected(problem: OSError) -> str:
    """What to say of an ``OSError`` no command handled: almost always standard output's."""
    reason = problem.strerror or str(problem)
    if problem.filename is not None:
        return f"cannot use {problem.filename!r}: {reason}; check the file, or leave it out"
    return (
        f"cannot write to standard output: {reason}; send it somewhere that can take it "
        f"(a file on a disk with space, or a pipe)"
    )


def _tolerate_unencodable(stream: TextIO | None) -> None:
    """Let text the terminal's encoding lacks print as escapes rather than crash."""
    if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
        stream.reconfigure(errors="backslashreplace")


def _silence_stdout() -> None:
    """After a failed write, point stdout at devnull so the exit flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file descriptor (e.g. in tests)
        pass
    finally:
        os.close(devnull)


def _dispatch(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> int:
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version and usage errors end inside argparse
        if stop.code is None:
            return EXIT_OK
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    run: Runner = args.run
    return run(args)


# -- the parser -----------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """argparse's parser, but failing to write help is an error, and options go anywhere.

    argparse drops ``OSError`` while printing help or usage, so ``argmap --help >/dev/full``
    would succeed without a word; here it reaches :func:`main`, which reports it.
    A command's positionals are read intermixed with its options, so that
    ``argmap convert IN --from aif OUT`` means what ``argmap convert --from aif IN OUT``
    does (argparse alone gives OUT no value after an option). A parser argparse cannot
    read so (the top level, whose command takes the rest; a FILE-or-``--example`` choice)
    reads as usual.
    """

    _intermixing = False

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self._intermixing:  # called back by the intermixed parse: parse as usual
            return super().parse_known_args(args, namespace)
        self._intermixing = True
        try:
            return self.parse_known_intermixed_args(args, namespace)
        except TypeError:  # a positional argparse cannot intermix
            return super().parse_known_args(args, namespace)
        finally:
            self._intermixing = False

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        stream = file or sys.stderr
        if message and stream is not None:
            stream.write(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="argmap",
        description="Check, convert and draw argument maps (YAML or JSON files).",
        epilog=f"Run 'argmap COMMAND --help' for a command's options.\n\n{_EXIT_CODES}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {argmap.__version__}")
    commands = parser.add_subparsers(
        title="commands", dest="command", metavar="COMMAND", required=True
    )
    for add in _COMMANDS:
        add(commands)
    return parser


def _command(
    commands: Any, name: str, summary: str, description: str, run: Runner
) -> argparse.ArgumentParser:
    """Add one subcommand with the shared help layout; ``run`` does its work."""
    sub: argparse.ArgumentParser = commands.add_parser(
        name,
        help=summary,
        description=description,
        epilog=_EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub.set_defaults(run=run)
    return sub


def _add_check(commands: Any) -> None:
    sub = _command(
        commands,
        "check",
        "read maps and report every finding",
        "Read each FILE (.yaml, .yml or .json) and run argmap's checks on it. A FOLDER\n"
        "stands for every .yaml, .yml and .json file in it and its subfolders, in sorted\n"
        "order; hidden files and folders (.git, .venv, ...) are skipped, and a folder\n"
        "with no map in it is an error.\n"
        "Every finding is printed as 'FILE:LINE:COL: CODE SEVERITY: MESSAGE';\n"
        "a file that cannot be read is reported the same way and checking goes on.\n"
        "A summary goes to stderr.",
        run_check,
    )
    sub.add_argument(
        "files",
        nargs="+",
        metavar="FILE|FOLDER",
        help=f"map files, or folders of them ({', '.join(MAP_EXTENSIONS)})",
    )
    sub.add_argument("--strict", action="store_true", help="fail on warnings as well as errors")
    sub.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="'text': one finding per line (default); 'json': one JSON list of findings",
    )


def _add_convert(commands: Any) -> None:
    sub = _command(
        commands,
        "convert",
        "convert a map between formats: argmap's YAML and JSON, AIF, Argdown, ...",
        "Read IN and write the same map to OUT. Each file's format is the one --from or\n"
        "--to names, else its extension's (a .json file is told apart by its content:\n"
        "argmap's JSON, AIF, xAIF, SADFace, Argdown's JSON export); 'argmap formats' in\n"
        "the docs lists them. What OUT's format cannot carry, and what IN held that a map\n"
        "cannot, is printed as one 'argmap: warning:' line each; --strict makes them\n"
        "errors and writes nothing. OUT is replaced whole or not at all.\n"
        "IN a folder: every file in it (and its subfolders, sorted; hidden ones skipped)\n"
        "that a format reads is converted into OUTDIR (-o), keeping the folder layout,\n"
        "with the format --to names; a file that fails does not stop the others, and a\n"
        "summary of losses and failures ends the run (exit 1 if any failed).\n"
        "OUT is written in argmap's canonical form, without IN's comments, so OUT may\n"
        "not be IN itself unless --overwrite-input is given.",
        run_convert,
    )
    sub.add_argument("input", metavar="IN", help="the map to read, or a folder of maps")
    sub.add_argument("output", metavar="OUT", nargs="?", help="the file to write")
    sub.add_argument(
        "-o",
        "--output-dir",
        metavar="OUTDIR",
        help="with IN a folder: the folder to write into (made if missing)",
    )
    sub.add_argument(
        "--from",
        dest="from_format",
        metavar="NAME",
        help="IN's format, whatever its extension (yaml, json, aif, argdown, ...)",
    )
    sub.add_argument(
        "--to",
        dest="to_format",
        metavar="NAME",
        help="OUT's format, whatever its extension; needed for a folder",
    )
    sub.add_argument(
        "--strict",
        action="store_true",
        help="fail, writing nothing, if anything is lost either way",
    )
    sub.add_argument(
        "--overwrite-input",
        action="store_true",
        help="allow OUT to be IN itself: the file is rewritten in canonical form, and its "
        "comments and layout are lost",
    )


def _add_render(commands: Any) -> None:
    sub = _command(commands, "render", RENDER_SUMMARY, RENDER_DESCRIPTION, run_render)
    add_render_options(sub)


def _add_outline(commands: Any) -> None:
    sub = _command(commands, "outline", OUTLINE_SUMMARY, OUTLINE_DESCRIPTION, run_outline)
    add_outline_options(sub)


def _add_evaluate(commands: Any) -> None:
    sub = _command(commands, "evaluate", EVALUATE_SUMMARY, EVALUATE_DESCRIPTION, run_evaluate)
    add_evaluate_options(sub)


def _add_worksheet(commands: Any) -> None:
    sub = _command(commands, "worksheet", WORKSHEET_SUMMARY, WORKSHEET_DESCRIPTION, run_worksheet)
    add_worksheet_options(sub)


def _add_renderers(commands: Any) -> None:
    _command(
        commands,
        "renderers",
        "list the renderers found and their formats",
        "Show which renderer 'argmap render' would use, and where each of Graphviz\n"
        "'dot' and graphviz-pure was found, with the formats it writes.\n"
        "Exit code 1 when neither is found.",
        _run_renderers,
    )


def _add_examples(commands: Any) -> None:
    sub = _command(
        commands,
        "examples",
        "list the worked examples",
        "List the worked example maps that come with argmap: name, title and source.\n"
        "Draw one with 'argmap render --example NAME' (into NAME.svg).",
        _run_examples,
    )
    sub.add_argument("--paths", action="store_true", help="print each example's file instead")


#: Each adds one subcommand; a new command is one more function here.
_COMMANDS: tuple[Callable[[Any], None], ...] = (
    _add_check,
    _add_convert,
    _add_render,
    _add_outline,
    _add_evaluate,
    _add_worksheet,
    _add_renderers,
    _add_examples,
)


# -- renderers and examples ----------------------------------------------------------------


def _run_renderers(args: argparse.Namespace) -> int:
    try:
        default: argmap.Renderer | None = argmap.find_renderer()
    except argmap.RenderError as error:
        default = None
        print(f"default: none ({error})")
    if default is not None:
        print(f"default: {default}")
    for name in ("graphviz", "graphviz-pure"):
        try:
            found = argmap.find_renderer(name)
        except argmap.RenderError as error:
            print(f"{name}: not found ({error})")
            continue
        print(f"{name}: {found.version} at {found.path}")
        print(f"  formats: {' '.join(sorted(found.formats))}")
    return EXIT_OK if default is not None else EXIT_FAILED


def _run_examples(args: argparse.Namespace) -> int:
    for name in argmap.examples.names():
        if args.paths:
            print(argmap.examples.path(name))
            continue
        amap = argmap.examples.load(name)
        cited = "; ".join(
            ", ".join(part for part in (*source.authors[:1], source.outlet, source.date) if part)
            for source in amap.sources
        )
        print(f"{name:<8} {amap.title}" + (f" ({cited})" if cited else ""))
    return EXIT_OK
