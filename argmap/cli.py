"""The ``argmap`` command line: argparse glue over the public API."""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import Any, TextIO

import argmap

__all__ = ["main"]

#: Exit codes, shared by every subcommand and listed in every help text.
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

_EXIT_CODES = """\
exit codes:
  0  success (check: no errors, and with --strict no warnings either)
  1  the check failed, an input could not be read, an output could not be written or
     drawn, or no renderer was found
  2  usage error (unknown subcommand or option, missing argument)
"""

#: A subcommand's runner: parsed arguments in, exit code out.
Runner = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``argmap`` command with ``argv`` (default: ``sys.argv[1:]``); the exit code."""
    _tolerate_unencodable(sys.stdout)
    try:
        code = _dispatch(_parser(), argv)
        sys.stdout.flush()  # a closed pipe shows up here, not at interpreter exit
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    return code


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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
        "Read each FILE (.yaml, .yml or .json) and run argmap's checks on it.\n"
        "Every finding is printed as 'FILE:LINE:COL: CODE SEVERITY: MESSAGE';\n"
        "a file that cannot be read is reported the same way and checking goes on.\n"
        "A summary goes to stderr.",
        _run_check,
    )
    sub.add_argument("files", nargs="+", metavar="FILE", help="map files to check")
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
        "convert a map between YAML and JSON",
        "Read IN and write the same map to OUT, each in the format its extension names\n"
        "(.yaml, .yml or .json). OUT is replaced whole or not at all: when IN has\n"
        "problems they are printed to stderr and OUT is left untouched.",
        _run_convert,
    )
    sub.add_argument("input", metavar="IN", help="the map to read")
    sub.add_argument("output", metavar="OUT", help="the file to write")


def _add_render(commands: Any) -> None:
    sub = _command(
        commands,
        "render",
        "draw a map as SVG, PNG, PDF, JPEG or DOT",
        "Read FILE (or the worked example NAME) and draw it into OUT, in the format\n"
        "OUT's extension names (.svg, .png, .pdf, .jpg, .jpeg, or .dot/.gv for the DOT\n"
        "source). An example is drawn with its own options; options given win.\n"
        "The renderer is $ARGMAP_DOT, else Graphviz 'dot' on PATH, else graphviz-pure\n"
        "(no PDF); the one used is named on stderr. OUT is replaced whole or not at all.",
        _run_render,
    )
    which = sub.add_mutually_exclusive_group(required=True)
    which.add_argument("input", metavar="FILE", nargs="?", help="the map to draw")
    which.add_argument(
        "--example",
        metavar="NAME",
        choices=argmap.examples.names(),
        help=f"draw a worked example instead: {', '.join(argmap.examples.names())}",
    )
    sub.add_argument("-o", "--output", metavar="OUT", required=True, help="the file to write")
    # No defaults here: to_graphviz's apply, after an example's own (argmap.examples).
    sub.add_argument("--theme", choices=tuple(argmap.THEMES), help="default: default")
    sub.add_argument("--direction", choices=("TB", "BT", "LR", "RL"), help="default: TB")
    sub.add_argument("--group-by", choices=("speaker", "tag", "source"), help="default: none")
    sub.add_argument(
        "--label-width", type=int, metavar="N", help="wrap node texts at N columns (default 30)"
    )
    sub.add_argument("--no-legend", action="store_true", help="leave out the legend")
    sub.add_argument("--show-ids", action="store_true", help="show each node's id")
    sub.add_argument(
        "--renderer",
        choices=("graphviz", "graphviz-pure"),
        default=None,
        help="insist on one renderer (default: the first found)",
    )


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
        "Draw one with 'argmap render --example NAME -o NAME.svg'.",
        _run_examples,
    )
    sub.add_argument("--paths", action="store_true", help="print each example's file instead")


#: Each adds one subcommand; a new command is one more function here.
_COMMANDS: tuple[Callable[[Any], None], ...] = (
    _add_check,
    _add_convert,
    _add_render,
    _add_renderers,
    _add_examples,
)


# -- check ----------------------------------------------------------------------------------


def _run_check(args: argparse.Namespace) -> int:
    findings: list[tuple[str, argmap.Finding]] = []
    for name in args.files:
        file_findings = _check_file(name)
        findings.extend((name, finding) for finding in file_findings)
        if args.format == "text":
            for finding in file_findings:
                print(_line(finding, name))
    if args.format == "json":
        records = [_record(finding, name) for name, finding in findings]
        print(json.dumps(records, indent=2))
    counts = {severity: 0 for severity in argmap.Severity}
    for _, finding in findings:
        counts[finding.severity] += 1
    print(_summary(len(args.files), counts), file=sys.stderr)
    failing = counts[argmap.Severity.ERROR]
    if args.strict:
        failing += counts[argmap.Severity.WARNING]
    return EXIT_FAILED if failing else EXIT_OK


def _check_file(name: str) -> tuple[argmap.Finding, ...]:
    """Every finding about one file: why it cannot be read, or what the checks say."""
    try:
        amap = argmap.read(name)
    except (argmap.ParseError, argmap.ModelError) as error:
        return error.findings
    return argmap.validate(amap)


def _summary(files: int, counts: dict[argmap.Severity, int]) -> str:
    checked = f"{_plural(files, 'file')} checked"
    parts = [
        _plural(counts[argmap.Severity.ERROR], "error"),
        _plural(counts[argmap.Severity.WARNING], "warning"),
    ]
    if counts[argmap.Severity.INFO]:
        parts.append(_plural(counts[argmap.Severity.INFO], "info"))
    return f"{checked}: {', '.join(parts)}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _read_or_report(path: str) -> argmap.ArgumentMap | None:
    """The map in ``path``, or None after printing why it cannot be read to stderr."""
    try:
        return argmap.read(path)
    except (argmap.ParseError, argmap.ModelError) as error:
        for finding in error.findings:
            print(_line(finding, path), file=sys.stderr)
        return None


# -- convert --------------------------------------------------------------------------------


def _run_convert(args: argparse.Namespace) -> int:
    amap = _read_or_report(args.input)
    if amap is None:
        return EXIT_FAILED
    try:
        argmap.write(amap, args.output)
    except (argmap.ParseError, argmap.ModelError) as error:  # OUT's extension names no format
        for finding in error.findings:
            _error(f"{finding.code} {finding.message}")
        return EXIT_FAILED
    except OSError as error:
        _error(f"cannot write {args.output!r}: {error.strerror or error}")
        return EXIT_FAILED
    return EXIT_OK


# -- render ---------------------------------------------------------------------------------


def _run_render(args: argparse.Namespace) -> int:
    if args.example is not None:
        amap: argmap.ArgumentMap | None = argmap.examples.load(args.example)
        options = argmap.examples.drawing_options(args.example)
    else:
        amap, options = _read_or_report(args.input), {}
    if amap is None:
        return EXIT_FAILED
    given = {
        "theme": args.theme,
        "direction": args.direction,
        "group_by": args.group_by,
        "label_width": args.label_width,
        "legend": False if args.no_legend else None,
        "show_ids": True if args.show_ids else None,
    }
    options.update((key, value) for key, value in given.items() if value is not None)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", argmap.RenderWarning)
            used = argmap.render_file(amap, args.output, renderer=args.renderer, **options)
        for warning in caught:
            print(f"argmap: warning: {warning.message}", file=sys.stderr)
    except (argmap.RenderError, ValueError) as error:
        _error(str(error))
        return EXIT_FAILED
    except OSError as error:
        _error(f"cannot write {args.output!r}: {error.strerror or error}")
        return EXIT_FAILED
    how = "as DOT source, no renderer needed" if used is None else f"with {used}"
    print(f"argmap: wrote {args.output!r} {how}", file=sys.stderr)
    return EXIT_OK


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


# -- output ---------------------------------------------------------------------------------


def _where(location: argmap.Location, file: str) -> str:
    """``file:line:col`` when the line is known, else the file and the element or path."""
    if location.line is not None:
        return str(location)
    where = f"'{location.element}'" if location.element else _path_text(location.path)
    name = location.file or file
    return name if where == "$" else f"{name}: {where}"


def _line(finding: argmap.Finding, file: str) -> str:
    """One finding as a line an editor can jump to: ``file:line:col: CODE severity: message``."""
    return f"{_where(finding.location, file)}: {finding.code} {finding.severity}: {finding.message}"


def _record(finding: argmap.Finding, file: str) -> dict[str, Any]:
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


def _path_text(path: Sequence[str | int]) -> str:
    """Write a document path as messages do, e.g. ``$.nodes.p1.supports[0]``."""
    return "$" + "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path)


def _error(message: str) -> None:
    print(f"argmap: error: {message}", file=sys.stderr)


def _tolerate_unencodable(stream: TextIO) -> None:
    """Let text the terminal's encoding lacks print as escapes rather than crash."""
    if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
        stream.reconfigure(errors="backslashreplace")


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at devnull so the exit flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (e.g. captured in tests)
        pass


# -- examples -------------------------------------------------------------------------------


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
