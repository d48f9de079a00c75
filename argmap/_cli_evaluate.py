"""``argmap evaluate``: which nodes of a map stand under a semantics, and why."""

from __future__ import annotations

import argparse
import json
import sys

import argmap
from argmap._cli_check import read_or_report
from argmap._cli_map import add_map_choice
from argmap._cli_output import error, os_problem, say
from argmap._files import replace_file
from argmap.analysis.evaluation import SEMANTICS, Evaluation, evaluate
from argmap.analysis.framework import Label

__all__ = ["EVALUATE_DESCRIPTION", "EVALUATE_SUMMARY", "add_evaluate_options", "run_evaluate"]

EVALUATE_SUMMARY = "label each node IN, OUT or UNDEC under a semantics, and say why"
EVALUATE_DESCRIPTION = (
    "Read FILE (or the worked example NAME) and evaluate it: each node, in map order,\n"
    "labelled IN (it stands), OUT (it falls) or UNDEC (undecided) under --semantics\n"
    "(grounded by default; 'support' lets supports count), then the counts.\n"
    "--assume NODE=accepted|rejected|questioned overrides what the map says of a node\n"
    "(repeat it for several); --explain NODE says why NODE has its label (repeat it,\n"
    "or give 'all'). --format json prints one JSON object instead (see the docs).\n"
    "--framework iccma|apx|tgf -o OUT writes the map's framework (argmap.framework_of) for\n"
    "the field's solvers instead; ICCMA numbers the arguments, and its id table goes\n"
    "beside OUT as OUT.ids."
)

#: The solver formats ``--framework`` writes, and how.
_FRAMEWORK_FORMATS = ("iccma", "apx", "tgf")


def add_evaluate_options(sub: argparse.ArgumentParser) -> None:
    """The arguments and options of ``argmap evaluate``."""
    add_map_choice(sub, file_help="the map to evaluate", verb="evaluate")
    sub.add_argument("--semantics", choices=SEMANTICS, default="grounded", help="default: grounded")
    sub.add_argument(
        "--assume",
        metavar="NODE=HOW",
        action="append",
        default=[],
        type=_assumption,
        help="take NODE as accepted, rejected or questioned",
    )
    sub.add_argument(
        "--explain",
        metavar="NODE",
        action="append",
        default=[],
        help="say why NODE has its label ('all': every node)",
    )
    sub.add_argument("--limit", type=int, default=100, help="labellings to look for at most")
    sub.add_argument("--format", choices=("text", "json"), default="text", help="default: text")
    sub.add_argument(
        "--framework",
        choices=_FRAMEWORK_FORMATS,
        help="write the map's argumentation framework for a solver, into -o OUT",
    )
    sub.add_argument("-o", "--output", metavar="OUT", help="the file --framework writes")


def _assumption(text: str) -> tuple[str, str]:
    node, equals, how = text.partition("=")
    if not equals or not node or not how:
        raise argparse.ArgumentTypeError(
            f"expected NODE=accepted, NODE=rejected or NODE=questioned, got {text!r}"
        )
    return node, how


def run_evaluate(args: argparse.Namespace) -> int:
    """Evaluate FILE (or an example) and print the labels; the exit code."""
    misuse = _usage_problem(args)
    if misuse is not None:
        error(misuse)
        return 2
    amap = argmap.examples.load(args.example) if args.example else read_or_report(args.input)
    if amap is None:
        return 1
    if args.framework is not None:
        return _write_framework(amap, args.framework, args.output)
    try:
        result = evaluate(amap, args.semantics, assume=dict(args.assume), limit=args.limit)
        wanted = [n.id for n in amap.nodes] if "all" in args.explain else args.explain
        reasons = {node: result.explain(node) for node in wanted}
    except (argmap.UnknownIdError, ValueError) as problem:
        message = problem.args[0] if problem.args else str(problem)
        error(f"{message} (the map's ids: 'argmap outline')")
        return 2
    if args.format == "json":
        sys.stdout.write(json.dumps(to_json(result, reasons), indent=2, ensure_ascii=False) + "\n")
        return 0
    width = max((len(node) for node in result.labelling.labels), default=0)
    for node, label in result.labelling.labels.items():
        print(f"{label.name:<5} {node:<{width}}  {amap.node(node).kind}")
    counts = _counts(result)
    print(", ".join(f"{count} {name}" for name, count in counts.items()) + f" ({args.semantics})")
    if result.extensions:
        more = " (more not looked for: raise --limit)" if result.truncated else ""
        print(f"{len(result.extensions)} {args.semantics} labelling(s){more}")
    elif args.semantics == "stable":
        print("no stable labelling")
    for text in reasons.values():
        print(f"\n{text}")
    return 0


def _counts(result: Evaluation) -> dict[str, int]:
    labels = list(result.labelling.labels.values())
    return {label.name: labels.count(label) for label in Label}


def to_json(result: Evaluation, reasons: dict[str, str]) -> dict[str, object]:
    """The JSON object ``--format json`` prints."""
    return {
        "semantics": result.semantics,
        "assume": {node: how.value for node, how in result.assumptions.items()},
        "labels": {node: label.value for node, label in result.labelling.labels.items()},
        "supports": {s: label.value for s, label in result.supports.labels.items()},
        "counts": {name.lower(): count for name, count in _counts(result).items()},
        "extensions": [list(e.accepted) for e in result.extensions],
        "truncated": result.truncated,
        "explanations": reasons,
    }


def _usage_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the options given together, if anything."""
    if args.limit < 1:
        return f"--limit must be at least 1, got {args.limit}; give a whole number from 1"
    if (args.framework is None) != (args.output is None):
        return "--framework and -o go together: --framework iccma|apx|tgf -o OUT"
    return None


def _write_framework(amap: argmap.ArgumentMap, form: str, output: str) -> int:
    """Write the map's framework in ``form`` to ``output`` (and its id table); the exit code."""
    framework = argmap.framework_of(amap)
    files = {}
    if form == "iccma":
        text, table = argmap.to_iccma(framework)
        files[output] = text
        files[f"{output}.ids"] = argmap.to_id_table(table)
    else:
        files[output] = argmap.to_apx(framework) if form == "apx" else argmap.to_tgf(framework)
    try:
        for name, text in files.items():
            replace_file(name, text.encode("utf-8"))
    except OSError as problem:
        error(os_problem(problem, output))
        return 1
    count = len(framework.arguments)
    say(f"argmap: wrote {' and '.join(map(repr, files))} ({form}, {count} arguments)")
    return 0
