"""The map a command works on: a file, or a worked example by name."""

from __future__ import annotations

import argparse
import os

import argmap

__all__ = ["add_map_choice", "same_file"]


def add_map_choice(sub: argparse.ArgumentParser, *, file_help: str, verb: str) -> None:
    """``FILE``, or ``--example NAME`` instead; one of the two is required.

    ``verb`` says what the command does with the example ("draw", "evaluate", ...).
    """
    which = sub.add_mutually_exclusive_group(required=True)
    which.add_argument("input", metavar="FILE", nargs="?", help=file_help)
    names = argmap.examples.names()
    which.add_argument(
        "--example",
        metavar="NAME",
        choices=names,
        help=f"{verb} a worked example instead: {', '.join(names)}",
    )


def same_file(first: str, second: str) -> bool:
    """Whether two names are one file: the same path, a link to it, or a hard link.

    >>> same_file(__file__, __file__), same_file(__file__, "no such file")
    (True, False)
    """
    try:
        return os.path.samefile(first, second)
    except (OSError, ValueError):  # either does not exist (yet), or cannot be looked at
        return False
