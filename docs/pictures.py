"""An MkDocs hook that draws the pictures of the rendering guide while the docs build.

docs/rendering.md shows each example map as a ``yaml`` block under a
``<!-- file: NAME.yaml -->`` marker (tests/test_docs.py reads the same blocks). This hook
reads those maps from the page, draws every picture in :data:`PICTURES` with
``argmap.to_svg`` (through whichever renderer ``argmap.find_renderer`` picks), and adds
them to the site as ``img/rendering/NAME.svg``. It also draws every worked example
(``argmap.examples``, with the options it is best drawn with) as ``img/examples/NAME.svg``,
and the page's few pictures of them (:data:`EXAMPLE_PICTURES`), and one map as PNG by each
renderer (:data:`RENDERER_PICTURE`).
Nothing is written into docs/. It is registered under ``hooks:`` in mkdocs.yml.
"""

from __future__ import annotations

import html
import re
import tempfile
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import attrs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

import argmap

#: The page whose maps are drawn, and the folder of the site its pictures go in.
PAGE = "rendering.md"
FOLDER = "img/rendering"
#: Where the worked examples' pictures go: docs/examples/NAME.md shows NAME.svg.
EXAMPLES_FOLDER = "img/examples"

_BLOCK = re.compile(
    r"^<!-- file: (?P<name>\S+) -->\n```yaml\n(?P<text>.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL
)

_DEFAULT = argmap.THEMES["default"]
#: The theme that docs/rendering.md builds under "Your own theme"; keep the two alike.
SCHOOL_COLOURS = attrs.evolve(
    _DEFAULT,
    name="school-colours",
    claim=attrs.evolve(_DEFAULT.claim, fill="#FFF3C4", border="#B8860B"),
    support=attrs.evolve(_DEFAULT.support, color="#1F3A93"),
    main_penwidth="4",
)


#: The grounded labelling of docs/rendering.md's bypass map, built by hand as the page does.
BYPASS_VERDICT = argmap.Labelling(
    "grounded",
    {
        "bypass": argmap.Label.UNDEC,
        "lorries": argmap.Label.IN,
        "old-counts": argmap.Label.OUT,
        "recount": argmap.Label.IN,
        "cost": argmap.Label.UNDEC,
        "grant": argmap.Label.UNDEC,
        "closing": argmap.Label.UNDEC,
    },
)


@attrs.frozen
class Picture:
    """One picture: its name, the page's map it draws, and the options of ``to_svg``."""

    name: str
    map: str
    options: Mapping[str, Any] = attrs.field(factory=dict)


#: Every picture of docs/rendering.md, in the order the page shows them.
PICTURES: tuple[Picture, ...] = (
    Picture("school", "school.yaml"),
    Picture("school-ids", "school.yaml", {"show_ids": True, "legend": False}),
    Picture("school-lr", "school.yaml", {"direction": "LR"}),
    *(
        Picture(f"theme-{name}", "uniforms.yaml", {"theme": name, "legend": False})
        for name in argmap.THEMES
    ),
    Picture("theme-school-colours", "uniforms.yaml", {"theme": SCHOOL_COLOURS}),
    *(
        Picture(f"direction-{way.lower()}", "uniforms.yaml", {"direction": way, "legend": False})
        for way in ("TB", "LR", "BT", "RL")
    ),
    Picture("debate-speaker", "debate.yaml", {"group_by": "speaker"}),
    Picture("debate-tag", "debate.yaml", {"group_by": "tag", "legend": False}),
    Picture("cjk", "cjk.yaml"),
    Picture("cjk-narrow", "cjk.yaml", {"label_width": 16, "legend": False}),
    Picture("evaluation", "bypass.yaml", {"evaluation": BYPASS_VERDICT}),
    Picture("evaluation-print", "bypass.yaml", {"evaluation": BYPASS_VERDICT, "theme": "print"}),
)

#: Pictures of docs/rendering.md that draw a worked example (by name) rather than a page map.
EXAMPLE_PICTURES: tuple[Picture, ...] = (
    Picture("sejong-uncertain", "sejong", {"focus": "uncertain", "depth": 1}),
)

#: Worked examples printed on A4 split across pages (``argmap.render_pages``), each page
#: as ``img/rendering/NAME-N.svg``; ``<!-- split pages: NAME -->`` in the page shows them.
SPLIT_PICTURES: tuple[Picture, ...] = (
    Picture("split-sejong", "sejong", {"page": "a4", "landscape": True, "direction": "LR"}),
    Picture("split-asan", "asan", {"page": "a4", "landscape": True, "direction": "LR"}),
)
#: The split pictures' pages, by picture name: each page's file name and what it shows.
_SPLIT_PAGES: dict[str, list[tuple[str, str]]] = {}
_SPLIT_MARK = re.compile(r"^<!-- split pages: (?P<name>\S+) -->$", re.MULTILINE)


def split_pages(picture: Picture, amap: argmap.ArgumentMap) -> dict[str, str]:
    """The SVG of each page of a map split across pages, by ``NAME-N``."""
    with tempfile.TemporaryDirectory() as folder:
        try:
            drawn = argmap.render_pages(amap, Path(folder, "page.svg"), **picture.options)
        except (argmap.RenderError, ValueError) as error:
            raise PluginError(f"cannot draw picture {picture.name!r}: {error}") from error
        count = len(drawn)
        _SPLIT_PAGES[picture.name] = [
            (f"{picture.name}-{page.number}.svg", f"Page {page.number} of {count}: {page.shows}")
            for page in drawn
        ]
        return {
            f"{picture.name}-{page.number}": Path(page.path).read_text("utf-8") for page in drawn
        }


def on_page_markdown(markdown: str, **_: Any) -> str:
    """Put each split picture's pages where the page marks them (an MkDocs event)."""

    def pages(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in _SPLIT_PAGES:
            raise PluginError(f"'<!-- split pages: {name} -->': no split picture {name!r}")
        figures = [
            f'<figure markdown="span">\n  [![{html.escape(said)}]({FOLDER}/{file})'
            f'{{ style="border: 1px solid #ccc" }}]({FOLDER}/{file})\n'
            f"  <figcaption>{html.escape(said)}</figcaption>\n</figure>"
            for file, said in _SPLIT_PAGES[name]
        ]
        return '<div class="grid" markdown>\n\n' + "\n\n".join(figures) + "\n\n</div>"

    return _SPLIT_MARK.sub(pages, markdown)


#: The page's map drawn as PNG by each renderer, side by side: ``renderers-NAME.png``.
RENDERER_PICTURE = Picture("renderers", "uniforms.yaml", {"legend": False})


def renderer_pngs(picture: Picture, maps: Mapping[str, argmap.ArgumentMap]) -> dict[str, bytes]:
    """The picture as PNG by each renderer, by ``NAME-RENDERER``; its title names the renderer.

    For a renderer that is not installed, a PNG (by graphviz-pure) says so: the docs still
    build without Graphviz.
    """
    pngs = {}
    for name in ("graphviz", "graphviz-pure"):
        amap = maps[picture.map]
        try:
            try:
                renderer = argmap.find_renderer(name)
            except argmap.RenderError:
                text = f"{name} was not installed where these docs were built."
                amap = argmap.MapBuilder("Not drawn").claim("missing", text).build()
                renderer = argmap.find_renderer("graphviz-pure")
            else:  # the picture says what drew it
                amap = attrs.evolve(amap, title=f"{amap.title}, by {name} {renderer.version}")
            png = argmap.render_bytes(amap, "png", renderer=renderer, **picture.options)
        except (argmap.RenderError, ValueError) as error:
            raise PluginError(f"cannot draw picture {picture.name!r}: {error}") from error
        pngs[f"{picture.name}-{name}"] = png
    return pngs


def page_maps(page: str) -> dict[str, argmap.ArgumentMap]:
    r"""The maps of a page's ``yaml`` blocks that have a file marker, by the marker's name.

    >>> page = "Save it:\n\n<!-- file: m.yaml -->\n```yaml\ntitle: T\nnodes: {}\n```\n"
    >>> page_maps(page)["m.yaml"].title
    'T'
    """
    return {
        match["name"]: argmap.loads(match["text"], file=f"{PAGE}, {match['name']}")
        for match in _BLOCK.finditer(page)
    }


def draw(
    pictures: Iterable[Picture], maps: Mapping[str, argmap.ArgumentMap], where: str = PAGE
) -> dict[str, str]:
    """Each picture as SVG text, by name, in the order given; all by one renderer."""
    pictures = tuple(pictures)
    for picture in pictures:
        if picture.map not in maps:
            raise PluginError(
                f"picture {picture.name!r} draws {picture.map!r}, but {where} has no yaml "
                f"block under '<!-- file: {picture.map} -->'"
            )
    try:
        renderer = argmap.find_renderer()
    except argmap.RenderError as error:
        raise PluginError(f"cannot draw the pictures of {where}: {error}") from error

    def svg(picture: Picture) -> str:
        try:
            return argmap.to_svg(maps[picture.map], renderer=renderer, **picture.options)
        except (argmap.RenderError, ValueError) as error:
            raise PluginError(f"cannot draw picture {picture.name!r}: {error}") from error

    # Each drawing is a run of the renderer: run them side by side, keep the order given.
    with ThreadPoolExecutor() as pool:
        return dict(zip((p.name for p in pictures), pool.map(svg, pictures), strict=True))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the pictures to the site's files (an MkDocs event)."""
    page = Path(config.docs_dir, PAGE).read_text("utf-8")
    try:
        maps = page_maps(page)
    except argmap.ParseError as error:
        raise PluginError(f"cannot read a map of {PAGE}: {error}") from error
    for name, svg in draw(PICTURES, maps).items():
        files.append(File.generated(config, f"{FOLDER}/{name}.svg", content=svg))
    for name, png in renderer_pngs(RENDERER_PICTURE, maps).items():
        files.append(File.generated(config, f"{FOLDER}/{name}.png", content=png))
    examples = {name: argmap.examples.load(name) for name in argmap.examples.names()}
    for name, svg in draw(EXAMPLE_PICTURES, examples, "the examples").items():
        files.append(File.generated(config, f"{FOLDER}/{name}.svg", content=svg))
    for picture in SPLIT_PICTURES:
        for name, svg in split_pages(picture, examples[picture.map]).items():
            files.append(File.generated(config, f"{FOLDER}/{name}.svg", content=svg))
    gallery = [Picture(name, name, argmap.examples.drawing_options(name)) for name in examples]
    for name, svg in draw(gallery, examples, "the examples").items():
        files.append(File.generated(config, f"{EXAMPLES_FOLDER}/{name}.svg", content=svg))
    for name, example in examples.items():
        svg = overview(name, example)
        files.append(File.generated(config, f"{EXAMPLES_FOLDER}/{name}-overview.svg", content=svg))
    return files


#: The docs' column, inches: the gallery's overviews are drawn to it, text at 8 pt or more.
COLUMN = "7.5,6"


def overview(name: str, amap: argmap.ArgumentMap) -> str:
    """The first page of the example split for the docs' column: its main claims and reasons.

    A whole example is drawn far wider than the column, which would shrink its text to
    2-3 points; its overview, at the column's width, is read where it is.
    """
    options = {**argmap.examples.drawing_options(name), "size": COLUMN}
    with tempfile.TemporaryDirectory() as folder:
        try:
            drawn = argmap.render_pages(amap, Path(folder, "page.svg"), **options)
        except (argmap.RenderError, ValueError) as error:
            raise PluginError(f"cannot draw the overview of {name!r}: {error}") from error
        return Path(drawn[0].path).read_text("utf-8")
