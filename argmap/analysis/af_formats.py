"""Frameworks in the solvers' formats: ICCMA 2023 (``p af N``), APX and TGF, written and read.

ICCMA 2023 numbers the arguments 1..N, so :func:`to_iccma` also gives the *id table*,
the names in that order (argument ``i`` is ``table[i - 1]``); :func:`to_id_table` writes
it as ``NUMBER NAME`` lines and :func:`from_id_table` reads it back, for
:func:`from_iccma` to name the arguments again. APX carries the names themselves, quoted
where they are not plain ASP constants; TGF labels numbered nodes with them.

Output is deterministic: arguments in the framework's order, attacks sorted by it. A
reader raises one :class:`~argmap.ParseError` with every problem it found, each at a
line and column.

>>> from argmap.analysis.framework import Framework
>>> af = Framework(("thesis", "p1->thesis", "r1"), {("r1", "thesis"), ("r1", "r1")})
>>> text, table = to_iccma(af)
>>> from_iccma(text, names=from_id_table(to_id_table(table))) == af
True
>>> from_apx(to_apx(af)) == af == from_tgf(to_tgf(af))
True
"""

from __future__ import annotations

from argmap.analysis._af_apx import from_apx, to_apx
from argmap.analysis._af_iccma import from_iccma, from_id_table, to_iccma, to_id_table
from argmap.analysis._af_tgf import from_tgf, to_tgf

__all__ = [
    "from_apx",
    "from_iccma",
    "from_id_table",
    "from_tgf",
    "to_apx",
    "to_iccma",
    "to_id_table",
    "to_tgf",
]
