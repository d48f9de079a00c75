"""An MkDocs hook that writes each worked example's interactive page while the docs build.

Each example (``argmap.examples``) becomes ``interactive/NAME.html`` in the site: the one
offline page of :func:`argmap.to_html`, drawn with the options the example reads best
with, through whichever renderer ``argmap.find_renderer`` picks. docs/classroom.md,
docs/interactive.md and the examples' pages link them. Nothing is written into docs/.
It is registered under ``hooks:`` in mkdocs.yml.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

import argmap

#: Where the pages go in the site.
FOLDER = "interactive"


def page(name: str) -> str:
    """The interactive page of the worked example ``name``."""
    amap = argmap.examples.load(name)
    try:
        return argmap.to_html(amap, **argmap.examples.drawing_options(name))
    except (argmap.RenderError, ValueError) as error:
        raise PluginError(f"cannot write the interactive page of {name!r}: {error}") from error


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add each example's page to the site's files (an MkDocs event)."""
    names = argmap.examples.names()
    with ThreadPoolExecutor() as pool:  # each page is a run of the renderer
        pages = list(pool.map(page, names))
    for name, text in zip(names, pages, strict=True):
        files.append(File.generated(config, f"{FOLDER}/{name}.html", content=text))
    return files
