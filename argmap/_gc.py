"""Pausing the cyclic garbage collector while argmap builds or scans a large map."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_gc"]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run the block with the cyclic collector off, then restore it as it was.

    Reading or checking a map allocates many objects and creates no reference cycles;
    meanwhile the collector would walk every object of the map again and again, for
    nothing. Reference counting still frees everything as usual.

    >>> import gc
    >>> with paused_gc():
    ...     gc.isenabled()
    False
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
