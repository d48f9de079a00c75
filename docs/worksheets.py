"""An MkDocs hook that draws the flagship examples' worksheets and keys while the docs build.

docs/classroom.md links ``img/worksheets/NAME.svg`` and ``NAME-key.svg`` for each map of
:data:`WORKSHEETS`, drawn here with ``argmap.worksheet`` and ``argmap.write_worksheet``
through whichever renderer ``argmap.find_renderer`` picks. Nothing is written into docs/.
It is registered under ``hooks:`` in mkdocs.yml.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

import argmap

#: Where the worksheets go in the site.
FOLDER = "img/worksheets"
#: Each flagship example and what its worksheet blanks: rebuttals and a few premises, or
#: a random few claims and premises, with a word bank.
WORKSHEETS: Mapping[str, Mapping[str, Any]] = {
    "sejong": {"blank": ["rebuttal"], "blank_ids": ["exchanges", "trade"], "word_bank": True},
    "asan": {"blank": ["claim", "premise"], "blank_random": 8, "seed": 3, "word_bank": True},
}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add each worksheet and its key to the site's files (an MkDocs event)."""
    with tempfile.TemporaryDirectory() as folder:
        for name, choice in WORKSHEETS.items():
            amap = argmap.examples.load(name)
            options = dict(argmap.examples.drawing_options(name))
            options.pop("group_by", None)
            try:
                sheet = argmap.worksheet(amap, **choice, **options)
                written = argmap.write_worksheet(sheet, Path(folder, f"{name}.svg"))
            except (argmap.RenderError, ValueError) as error:
                raise PluginError(f"cannot draw the worksheet of {name!r}: {error}") from error
            for path in written:
                content = Path(path).read_text("utf-8")
                files.append(File.generated(config, f"{FOLDER}/{Path(path).name}", content=content))
    return files
