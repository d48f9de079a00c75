"""argparse types for the CLI's numeric options: each says which numbers it takes.

>>> width = whole_number_in(range(1, 1001), "columns")
>>> width("72")
72
>>> width("0")
Traceback (most recent call last):
argparse.ArgumentTypeError: expected a whole number of columns from 1 to 1000, got 0
>>> whole_number_from(0, "levels")("-1")
Traceback (most recent call last):
argparse.ArgumentTypeError: expected a whole number of levels from 0, got '-1'
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable

__all__ = ["number", "whole_number_from", "whole_number_in"]


def number(unit: str, low: float, high: float, *, above: bool = False) -> Callable[[str], float]:
    """A number of ``unit`` from ``low`` (or above it) to ``high``."""
    if above:
        allowed = f"a number of {unit} above {low:g} and at most {high:,g}"
    else:
        allowed = f"a number of {unit} from {low:g} to {high:,g}"

    def convert(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {allowed}, got {text!r}") from None
        if not math.isfinite(value) or value > high or value < low or (above and value == low):
            raise argparse.ArgumentTypeError(f"expected {allowed}, got {text!r}")
        return value

    return convert


def whole_number_in(values: range, unit: str = "") -> Callable[[str], int]:
    """A whole number (of ``unit``) among ``values``; one out of range is named as read."""
    of = f" of {unit}" if unit else ""
    allowed = f"a whole number{of} from {values[0]} to {values[-1]}"

    def convert(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {allowed}, got {text!r}") from None
        if value not in values:
            raise argparse.ArgumentTypeError(f"expected {allowed}, got {value}")
        return value

    return convert


def whole_number_from(low: int, unit: str) -> Callable[[str], int]:
    """A whole number of ``unit``, ``low`` or more."""

    def convert(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = low - 1
        if value < low:
            raise argparse.ArgumentTypeError(
                f"expected a whole number of {unit} from {low}, got {text!r}"
            )
        return value

    return convert
