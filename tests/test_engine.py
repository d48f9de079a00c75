"""Running a renderer: finding one, drawing SVG/PNG/DOT files, errors, and the Jupyter view."""

from __future__ import annotations

import html
import itertools
import os
import re
import shutil
import sys
import sysconfig
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.render import RendererName
from argmap.render.labels import display_width, wrap

ROOT = Path(__file__).resolve().parent.parent
SEJONG = ROOT / "examples" / "sejong.yaml"
SVG = "{http://www.w3.org/2000/svg}"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
GRAPHVIZ_HELP = (
    "install Graphviz (apt-get install graphviz, brew install graphviz, "
    "or https://graphviz.org/download/)"
)
posix_only = pytest.mark.skipif(os.name != "posix", reason="fake renderers are shell scripts")


#: Each test searches for a renderer afresh (see tests/conftest.py).
pytestmark = pytest.mark.usefixtures("fresh_search")


@pytest.fixture(scope="module")
def sejong() -> argmap.ArgumentMap:
    return argmap.read(SEJONG)


def svg_text(svg: bytes | str) -> str:
    """All the text an SVG drawing shows, joined with spaces."""
    root = ET.fromstring(svg)
    return " ".join(text.strip() for element in root.iter() for text in [element.text or ""])


def first_words(amap: argmap.ArgumentMap, node: str) -> str:
    """The first three words of a node's text: on the first line of its label."""
    return " ".join(amap.node(node).text.split()[:3])


def fake_renderer(tmp_path: Path, *, version: str, formats: str, draw: str) -> str:
    """A shell script answering ``-V`` and ``-T?`` like dot, and running ``draw`` otherwise."""
    script = tmp_path / "fake-dot"
    script.write_text(
        "#!/bin/sh\n"
        f'if [ "$1" = -V ]; then echo "{version}" >&2; exit 0; fi\n'
        f'if [ "$1" = "-T?" ]; then echo \'Format: "?" not recognized. Use one of: {formats}\' '
        ">&2; exit 1; fi\n"
        f"cat > /dev/null\n{draw}\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return str(script)


# -- finding a renderer ----------------------------------------------------------------------


def test_graphviz_pure_is_found_as_a_dependency() -> None:
    found = argmap.find_renderer("graphviz-pure")
    assert found.name == "graphviz-pure"
    assert re.fullmatch(r"\d+\.\d+\.\d+", found.version)
    assert {"svg", "png", "dot"} <= found.formats
    assert "pdf" not in found.formats
    assert str(found) == f"graphviz-pure {found.version} ({found.path})"


def test_the_search_is_cached_per_preference_and_environment() -> None:
    assert argmap.find_renderer("graphviz-pure") is argmap.find_renderer("graphviz-pure")


def test_without_dot_on_path_the_default_is_graphviz_pure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    assert argmap.find_renderer().name == "graphviz-pure"


def test_asking_for_graphviz_without_dot_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PATH", "")
    with pytest.raises(argmap.RenderError) as caught:
        argmap.find_renderer("graphviz")
    assert str(caught.value) == f"Graphviz 'dot' is not on PATH; {GRAPHVIZ_HELP}"


def test_no_renderer_at_all_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sejong: argmap.ArgumentMap
) -> None:
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr(sysconfig, "get_path", lambda name: str(tmp_path))
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    message = (
        "no renderer found: pip install graphviz-pure (SVG and PNG), or "
        f"{GRAPHVIZ_HELP} for every format including PDF; "
        "or set ARGMAP_DOT to the path of a 'dot' program"
    )
    with pytest.raises(argmap.RenderError, match=re.escape(message)):
        argmap.find_renderer()
    with pytest.raises(argmap.RenderError, match=r"^graphviz-pure is not installed"):
        argmap.find_renderer("graphviz-pure")
    with pytest.raises(argmap.RenderError, match=re.escape(message)):
        argmap.render_file(sejong, tmp_path / "map.svg")
    assert sorted(os.listdir(tmp_path)) == []


def test_argmap_dot_naming_a_missing_file_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = str(tmp_path / "no-dot")
    monkeypatch.setenv("ARGMAP_DOT", missing)
    with pytest.raises(argmap.RenderError) as caught:
        argmap.find_renderer()
    assert str(caught.value) == (
        f"ARGMAP_DOT is {missing!r}, which is not an executable file; "
        "point it at Graphviz 'dot' or 'graphviz-pure', or unset it"
    )


def test_argmap_dot_wins_over_the_search(monkeypatch: pytest.MonkeyPatch) -> None:
    pure = argmap.find_renderer("graphviz-pure")
    monkeypatch.setenv("ARGMAP_DOT", pure.path)
    assert argmap.find_renderer() == pure
    with pytest.raises(argmap.RenderError, match="which is graphviz-pure, but graphviz was"):
        argmap.find_renderer("graphviz")


def test_an_unknown_preference_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="renderer must be None or one of graphviz, graphviz-pure"):
        argmap.find_renderer("neato")  # type: ignore[arg-type]


@posix_only
def test_system_graphviz_is_recognised_by_its_version_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = fake_renderer(
        tmp_path, version="dot - graphviz version 2.43.0 (0)", formats="pdf:cairo svg", draw=""
    )
    monkeypatch.setenv("ARGMAP_DOT", fake)
    assert argmap.find_renderer("graphviz") == argmap.Renderer(
        "graphviz", fake, "2.43.0", frozenset({"pdf", "svg"})
    )


# -- drawing ---------------------------------------------------------------------------------


def test_svg_with_graphviz_pure_is_xml_with_the_node_texts(
    tmp_path: Path, sejong: argmap.ArgumentMap
) -> None:
    output = tmp_path / "sejong.svg"
    used = argmap.render_file(sejong, output, renderer="graphviz-pure")
    assert used is not None and used.name == "graphviz-pure"
    shown = svg_text(output.read_bytes())
    assert "CLAIM" in shown
    assert "Legend" in shown
    assert first_words(sejong, "thesis") in shown
    assert sorted(os.listdir(tmp_path)) == ["sejong.svg"]


def test_png_with_graphviz_pure_is_a_png(tmp_path: Path, sejong: argmap.ArgumentMap) -> None:
    output = tmp_path / "sejong.png"
    argmap.render_file(sejong, output, renderer="graphviz-pure")
    assert output.read_bytes().startswith(PNG_SIGNATURE)


# -- both renderers: graphviz-pure always, system Graphviz where installed (always in CI) ----


FORMAT_SIGNATURES = {"svg": b"<?xml", "png": PNG_SIGNATURE, "jpeg": b"\xff\xd8\xff", "pdf": b"%PDF"}


@pytest.mark.parametrize("format", sorted(FORMAT_SIGNATURES))
def test_each_renderer_writes_each_format_it_lists(
    renderer: RendererName, format: str, tmp_path: Path, sejong: argmap.ArgumentMap
) -> None:
    tool = argmap.find_renderer(renderer)
    output = tmp_path / f"sejong.{format}"
    if format not in tool.formats:
        assert (renderer, format) == ("graphviz-pure", "pdf")
        with pytest.raises(argmap.RenderError, match="cannot write 'pdf'"):
            argmap.render_file(sejong, output, renderer=tool)
        assert not output.exists()
        return
    assert argmap.render_file(sejong, output, renderer=tool) == tool
    assert output.read_bytes().startswith(FORMAT_SIGNATURES[format])


def test_each_renderer_draws_every_node_text(
    renderer: RendererName, sejong: argmap.ArgumentMap
) -> None:
    shown = "".join(svg_text(argmap.to_svg(sejong, renderer=renderer)).split())
    for node in sejong.nodes:
        assert "".join(node.text.split()) in shown, node.id


def test_system_graphviz_is_the_default_when_dot_is_on_path(renderer: RendererName) -> None:
    if renderer == "graphviz":
        assert argmap.find_renderer() == argmap.find_renderer("graphviz")
        assert argmap.find_renderer().name == "graphviz"
    else:
        assert argmap.find_renderer().name == ("graphviz" if shutil.which("dot") else renderer)


def node_groups(svg: str) -> dict[str, ET.Element]:
    """Each node's group in an SVG drawing, by the node's name (its id).

    Graphviz writes the name in a comment before the group; the group's ``<title>`` says
    the node's kind and text (argmap.render.accessible).
    """
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))
    groups = {}
    for parent in ET.fromstring(svg, parser).iter():
        children = list(parent)
        for comment, group in itertools.pairwise(children):
            # a comment's tag is the ET.Comment factory, an element's a name
            if callable(comment.tag) and group.get("class") == "node":
                groups[html.unescape((comment.text or "").strip())] = group
    return groups


def _box_widths(svg: str) -> dict[str, float]:
    """Each node's box width in points, from the SVG's polygon or path outline."""
    widths = {}
    for name, group in node_groups(svg).items():
        xs = [
            float(x)
            for shape in (*group.iter(f"{SVG}polygon"), *group.iter(f"{SVG}path"))
            for x in re.findall(r"(-?[\d.]+),-?[\d.]+", shape.get("points") or shape.get("d") or "")
        ]
        widths[name] = max(xs) - min(xs)
    return widths


@pytest.mark.parametrize("fonts", [None, ("Helvetica",)])
def test_each_renderer_gives_cjk_text_one_em_per_character(
    renderer: RendererName, fonts: tuple[str, ...] | None
) -> None:
    # Helvetica: a font graphviz-pure has metrics for, but not for CJK characters.
    theme = argmap.THEMES["default"]
    theme = theme if fonts is None else attrs.evolve(theme, fonts=fonts)
    amap = (
        argmap.MapBuilder("한중 관계")
        .claim("c", "한국과 중국은 장기적인 공동 이익을 단기적 이익보다 앞세워야 한다", main=True)
        .premise("p", "中韩两国的贸易额三十年间增长了七十多倍。", supports="c", basis="statistic")
        .build()
    )
    svg = argmap.to_svg(amap, renderer=renderer, legend=False, theme=theme)
    widths = _box_widths(svg)
    for node, size in (("c", 13.0), ("p", 11.0)):
        lines = wrap(amap.node(node).text, 30)
        needed = max(sum(1.0 if display_width(ch) == 2 else 0.0 for ch in line) for line in lines)
        assert widths[node] >= needed * size, (node, widths[node], needed * size)


def test_graphviz_pure_png_of_hangul_warns_and_still_writes(tmp_path: Path) -> None:
    amap = argmap.MapBuilder("T").claim("c", "한국과 중국", main=True).build()
    output = tmp_path / "m.png"
    with pytest.warns(argmap.RenderWarning, match=r"\(과국중한\) as empty boxes in PNG; write SVG"):
        argmap.render_file(amap, output, renderer="graphviz-pure")
    assert output.read_bytes().startswith(PNG_SIGNATURE)


def test_latin_greek_and_cyrillic_png_and_any_svg_do_not_warn(tmp_path: Path) -> None:
    latin = argmap.MapBuilder("T").claim("c", "Café, Ωμέγα, Привет", main=True).build()
    hangul = argmap.MapBuilder("T").claim("c", "한국과 중국", main=True).build()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        argmap.render_file(latin, tmp_path / "m.png", renderer="graphviz-pure")
        argmap.render_file(hangul, tmp_path / "m.svg", renderer="graphviz-pure")


def test_render_bytes_gives_the_drawing_in_memory(sejong: argmap.ArgumentMap) -> None:
    png = argmap.render_bytes(sejong, "png", renderer="graphviz-pure", direction="LR")
    assert png.startswith(PNG_SIGNATURE)


def test_drawing_options_reach_the_drawing(sejong: argmap.ArgumentMap) -> None:
    plain = argmap.to_svg(sejong, renderer="graphviz-pure", legend=False)
    assert "Legend" not in svg_text(plain)
    assert "thesis" in svg_text(argmap.to_svg(sejong, renderer="graphviz-pure", show_ids=True))


@pytest.mark.parametrize("suffix", [".dot", ".gv", ".DOT"])
def test_dot_files_hold_the_dot_source_and_need_no_renderer(
    suffix: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sejong: argmap.ArgumentMap
) -> None:
    monkeypatch.setenv("ARGMAP_DOT", str(tmp_path / "no-dot"))  # would fail if it were run
    output = tmp_path / f"sejong{suffix}"
    assert argmap.render_file(sejong, output, group_by="speaker") is None
    assert output.read_text("utf-8") == argmap.to_dot(sejong, group_by="speaker")


def test_a_renderer_object_can_be_passed(tmp_path: Path, sejong: argmap.ArgumentMap) -> None:
    pure = argmap.find_renderer("graphviz-pure")
    assert argmap.render_file(sejong, tmp_path / "m.svg", renderer=pure) is pure


def test_an_explicit_format_overrides_the_extension(
    tmp_path: Path, sejong: argmap.ArgumentMap
) -> None:
    output = tmp_path / "drawing.img"
    argmap.render_file(sejong, output, format="png", renderer="graphviz-pure")
    assert output.read_bytes().startswith(PNG_SIGNATURE)


def test_the_written_file_has_the_usual_mode(tmp_path: Path, sejong: argmap.ArgumentMap) -> None:
    output = tmp_path / "m.svg"
    argmap.render_file(sejong, output, renderer="graphviz-pure")
    mask = os.umask(0o022)
    os.umask(mask)
    assert output.stat().st_mode & 0o777 == 0o666 & ~mask


# -- errors ----------------------------------------------------------------------------------


def test_pdf_with_graphviz_pure_says_to_install_graphviz(
    tmp_path: Path, sejong: argmap.ArgumentMap
) -> None:
    pure = argmap.find_renderer("graphviz-pure")
    output = tmp_path / "sejong.pdf"
    with pytest.raises(argmap.RenderError) as caught:
        argmap.render_file(sejong, output, renderer="graphviz-pure")
    assert str(caught.value) == (
        f"graphviz-pure {pure.version} ({pure.path}) cannot write 'pdf'; "
        f"it writes {', '.join(sorted(pure.formats))}. For PDF, {GRAPHVIZ_HELP}"
    )
    assert isinstance(caught.value, argmap.ArgmapError)
    assert isinstance(caught.value, RuntimeError)
    assert not output.exists()


def test_an_unknown_extension_lists_the_known_ones(
    tmp_path: Path, sejong: argmap.ArgumentMap
) -> None:
    output = tmp_path / "map.txt"
    with pytest.raises(argmap.RenderError) as caught:
        argmap.render_file(sejong, output)
    assert str(caught.value) == (
        f"cannot tell the image format of {str(output)!r} from its extension '.txt'; "
        "use one of .svg, .png, .pdf, .jpg, .jpeg, .dot, .gv"
    )
    assert not output.exists()


def test_bad_drawing_options_fail_before_anything_is_written(
    tmp_path: Path, sejong: argmap.ArgumentMap
) -> None:
    with pytest.raises(ValueError, match="label_width must be a whole number of columns from 1"):
        argmap.render_file(sejong, tmp_path / "m.svg", label_width=0)
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("timeout", [0, -1, 2**40, 86_401, float("inf"), float("nan"), "5", True])
def test_a_timeout_out_of_range_is_refused_before_anything_runs(
    timeout: Any, tmp_path: Path, sejong: argmap.ArgumentMap
) -> None:
    message = f"timeout must be a number of seconds above 0 and at most 86,400, got {timeout!r}"
    with pytest.raises(ValueError, match=re.escape(message)):
        argmap.render_file(sejong, tmp_path / "m.svg", timeout=timeout)
    with pytest.raises(ValueError, match=re.escape(message)):
        argmap.render_bytes(sejong, "dot", timeout=timeout)
    with pytest.raises(ValueError, match=re.escape(message)):
        argmap.draw(sejong, timeout=timeout)
    assert os.listdir(tmp_path) == []


def test_writing_under_a_regular_file_raises_the_os_error_and_leaves_nothing(
    tmp_path: Path, sejong: argmap.ArgumentMap
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    with pytest.raises(NotADirectoryError):
        argmap.render_file(sejong, blocker / "m.svg", renderer="graphviz-pure")
    assert sorted(os.listdir(tmp_path)) == ["blocker"]


def test_writing_onto_a_directory_leaves_no_temporary(
    tmp_path: Path, sejong: argmap.ArgumentMap
) -> None:
    (tmp_path / "taken.svg").mkdir()
    with pytest.raises(OSError):
        argmap.render_file(sejong, tmp_path / "taken.svg", renderer="graphviz-pure")
    assert sorted(os.listdir(tmp_path)) == ["taken.svg"]


@posix_only
def test_a_failing_renderer_is_reported_with_its_stderr_and_the_old_file_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sejong: argmap.ArgumentMap
) -> None:
    fake = fake_renderer(
        tmp_path,
        version="dot - graphviz version 9.9.9 (0)",
        formats="svg png:cairo",
        draw="echo partial; echo 'Error: out of crayons' >&2; exit 3",
    )
    monkeypatch.setenv("ARGMAP_DOT", fake)
    output = tmp_path / "m.svg"
    output.write_text("keep me")
    with pytest.raises(argmap.RenderError) as caught:
        argmap.render_file(sejong, output)
    assert str(caught.value) == "graphviz failed to draw 'svg' (exit code 3): Error: out of crayons"
    assert output.read_text() == "keep me"
    assert sorted(os.listdir(tmp_path)) == ["fake-dot", "m.svg"]


@posix_only
def test_a_renderer_that_hangs_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sejong: argmap.ArgumentMap
) -> None:
    fake = fake_renderer(
        tmp_path, version="dot - graphviz version 9.9.9 (0)", formats="svg", draw="exec sleep 5"
    )
    monkeypatch.setenv("ARGMAP_DOT", fake)
    with pytest.raises(argmap.RenderError, match=r"did not finish within 0\.2 seconds; draw "):
        argmap.render_bytes(sejong, "svg", timeout=0.2)


@posix_only
def test_a_program_that_is_not_graphviz_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = fake_renderer(tmp_path, version="cowsay 3.0", formats="svg", draw="")
    monkeypatch.setenv("ARGMAP_DOT", fake)
    with pytest.raises(argmap.RenderError) as caught:
        argmap.find_renderer()
    assert str(caught.value) == f"{fake!r} is not Graphviz: '{fake} -V' printed 'cowsay 3.0'"


# -- Jupyter ---------------------------------------------------------------------------------


def test_a_drawing_shows_as_svg_in_jupyter(sejong: argmap.ArgumentMap) -> None:
    drawing = argmap.draw(sejong, renderer="graphviz-pure", legend=False)
    bundle = drawing._repr_mimebundle_()
    assert list(bundle) == ["image/svg+xml"]
    assert first_words(sejong, "thesis") in svg_text(bundle["image/svg+xml"])
    assert drawing._repr_svg_() == bundle["image/svg+xml"]


def test_a_drawing_honours_include_and_exclude(sejong: argmap.ArgumentMap) -> None:
    drawing = argmap.draw(sejong, renderer="graphviz-pure")
    assert drawing._repr_mimebundle_(include={"text/plain"}) == {}
    assert drawing._repr_mimebundle_(exclude={"image/svg+xml"}) == {}


def test_draw_checks_its_options_at_once(sejong: argmap.ArgumentMap) -> None:
    with pytest.raises(ValueError, match="direction must be one of TB, LR, BT, RL; got 'up'"):
        argmap.draw(sejong, direction="up")
    with pytest.raises(ValueError, match="renderer must be None or one of"):
        argmap.draw(sejong, renderer="neato")


@pytest.mark.parametrize("through", ["to_svg", "render_file"])
def test_graphviz_pure_draws_in_a_font_it_can_measure(through: str, tmp_path: Path) -> None:
    amap = argmap.MapBuilder("T").claim("c", "A claim.", main=True).build()
    if through == "to_svg":
        svg = argmap.to_svg(amap, renderer="graphviz-pure")
    else:
        argmap.render_file(amap, tmp_path / "m.svg", renderer="graphviz-pure")
        svg = (tmp_path / "m.svg").read_text(encoding="utf-8")
    families = set(re.findall(r'font-family="([^"]+)"', svg))
    assert families == {"Arimo,Liberation Sans,Arial,Helvetica,sans-serif"}
    assert "Noto Sans" in argmap.to_dot(amap)  # the theme itself is unchanged


@pytest.mark.parametrize("direction", ["TB", "BT", "LR", "RL"])
def test_the_legend_lists_the_kinds_in_order_in_every_direction(
    renderer: RendererName, direction: str, sejong: argmap.ArgumentMap
) -> None:
    svg = argmap.to_svg(sejong, renderer=renderer, direction=direction)
    root = ET.fromstring(svg)
    places = {}
    for group in root.iter(f"{SVG}g"):
        title = group.find(f"{SVG}title")
        text = group.find(f"{SVG}text")
        if title is not None and text is not None and (title.text or "").startswith("legend "):
            places[(title.text or "")[len("legend ") :]] = (
                float(text.get("x", 0)),
                float(text.get("y", 0)),
            )
    kinds = ["claim", "premise", "rebuttal", "recommendation"]
    order = sorted(kinds, key=lambda kind: places[kind][0])  # a row, left to right
    assert order == kinds


# -- every typed character drawn as typed, by each renderer ----------------------------------


def drawn_lines(svg: str) -> list[str]:
    """The text of every line the SVG draws, in order, as it is (not stripped)."""
    return [text.text or "" for text in ET.fromstring(svg).iter(f"{SVG}text")]


def node_lines(svg: str, ident: str) -> list[str]:
    """The lines drawn in the node named ``ident``: its caption, then its text."""
    group = node_groups(svg).get(ident)
    if group is None:
        raise AssertionError(f"no node {ident!r} in the SVG")
    return [text.text or "" for text in group.iter(f"{SVG}text")]


def typed_as(line: str) -> str:
    """A pattern for what was typed to draw ``line``: renderers write each space that
    follows a space as a no-break space (U+00A0), so that SVG viewers keep the run."""
    parts = re.split("( \u00a0+)", line)
    return "".join(
        " " + "[ \u00a0]" * (len(part) - 1) if index % 2 else re.escape(part)
        for index, part in enumerate(parts)
    )


#: White space that a line may break at, the break replacing it.
BREAKABLE = "[^\\S\u00a0\u2007\u202f]*"


def is_drawn_as_typed(lines: list[str], text: str) -> bool:
    """Whether ``lines`` are ``text`` as typed, up to line breaks at breakable spaces."""
    return re.fullmatch(BREAKABLE.join(map(typed_as, lines)), text) is not None


BACKSLASHES = r"C:\Nodes\Graphs \E \L \T \H \l \r \n \\ \G\N end\ "[:-1]


def test_each_renderer_draws_backslash_sequences_as_typed(renderer: RendererName) -> None:
    theme = argmap.THEMES["default"]
    theme = attrs.evolve(theme, claim=attrs.evolve(theme.claim, caption=r"CL\l"))
    amap = argmap.ArgumentMap(
        r"Title \G \N \\",
        nodes=[argmap.Claim("c", BACKSLASHES, speaker="s", source=argmap.SourceRef("d"))],
        sources=[argmap.Source("d", r"Doc \E", authors=(r"A\N",), outlet=r"O\\L")],
        participants=[argmap.Participant("s", r"S\N", country=r"\T")],
    )
    options: dict[str, Any] = {"renderer": renderer, "theme": theme, "label_width": 200}
    lines = drawn_lines(argmap.to_svg(amap, **options))
    assert r"Title \G \N \\" in lines
    assert r"A\N, O\\L" in lines
    assert [r"CL\l · S\N", BACKSLASHES] in [lines[i : i + 2] for i in range(len(lines))]
    assert r"CL\l" in lines  # the legend
    assert r"S\N (\T)" in drawn_lines(argmap.to_svg(amap, group_by="speaker", **options))
    assert r"Doc \E" in drawn_lines(argmap.to_svg(amap, group_by="source", **options))


def test_each_renderer_draws_white_space_as_typed(renderer: RendererName) -> None:
    text = "two  spaces,   three; 100\u00a0km, «\u202fOui\u202f», 中文\u3000日本, thin\u2009space"
    amap = (
        argmap.MapBuilder("A  title\u00a0with\u3000spaces")
        .claim("c", text, main=True)
        .premise("p", "It is 100\u00a0km  away.", supports="c")
        .build()
    )
    svg = argmap.to_svg(amap, renderer=renderer, legend=False, label_width=100)
    _, line = node_lines(svg, "c")
    assert is_drawn_as_typed([line], text), line
    _, line = node_lines(svg, "p")
    assert is_drawn_as_typed([line], "It is 100\u00a0km  away."), line
    narrow = argmap.to_svg(amap, renderer=renderer, legend=False, label_width=8)
    assert node_lines(narrow, "p")[1:] == ["It is", "100\u00a0km", "away."]
    assert is_drawn_as_typed([drawn_lines(svg)[0]], amap.title)


def test_each_renderer_draws_unbroken_runs_of_20000_characters(renderer: RendererName) -> None:
    ident = "p" * 20_000
    amap = argmap.ArgumentMap(
        "t" * 20_000,
        nodes=[
            argmap.Claim("c", "a" * 20_000, speaker="s", source=argmap.SourceRef("d")),
            argmap.Premise(ident, "é" * 20_000),
        ],
        relations=[argmap.Support([ident], "c")],
        sources=[argmap.Source("d", "D", authors=("x" * 20_000,))],
        participants=[argmap.Participant("s", "n" * 20_000)],
    )
    svg = argmap.to_svg(amap, renderer=renderer, legend=False)
    # the caption (the speaker's name), then the text, in lines of 80 characters
    assert "".join(node_lines(svg, "c")) == "CLAIM ·" + "n" * 20_000 + "a" * 20_000
    assert "".join(node_lines(svg, ident)) == "PREMISE" + "é" * 20_000
    drawn = "".join(drawn_lines(svg))
    assert "t" * 20_000 in drawn and "x" * 20_000 in drawn
    assert max(map(len, drawn_lines(svg))) == 120  # citations wrap wider


@pytest.mark.parametrize(
    "title",
    ["Both sides gain", r"C:\Nodes & <b> \"q\" -- it's \G\\", "한국과 중국 · 中文", "ab\u202ecd"],
)
def test_each_renderer_gives_the_svg_the_maps_title(renderer: RendererName, title: str) -> None:
    amap = argmap.MapBuilder(title).claim("c", "A claim.").build()
    root = ET.fromstring(argmap.to_svg(amap, renderer=renderer))
    assert root.findtext(f"{SVG}g/{SVG}title") == title


def test_each_renderer_keeps_a_name_with_an_override_apart_from_the_next(
    renderer: RendererName,
) -> None:
    rlo, fsi, pdi, lrm = "\u202e", "\u2068", "\u2069", "\u200e"
    amap = argmap.ArgumentMap(
        "T",
        nodes=[argmap.Claim("c", "Said.", speaker="s", source=argmap.SourceRef("d"))],
        sources=[argmap.Source("d", "D", authors=(f"Ahn {rlo}Ho", "Kim"), outlet="Daily")],
        participants=[argmap.Participant("s", f"Ana {rlo}Silva", country="Portugal")],
    )
    lines = drawn_lines(argmap.to_svg(amap, renderer=renderer, legend=False))
    # every character typed is drawn; each name ends its own isolate before the next field
    assert f"{lrm}{fsi}Ahn {rlo}Ho{pdi}, Kim, Daily" in lines
    assert f"CLAIM · {fsi}Ana {rlo}Silva{pdi}" in lines
    grouped = drawn_lines(argmap.to_svg(amap, renderer=renderer, group_by="speaker"))
    assert f"{lrm}{fsi}Ana {rlo}Silva{pdi} (Portugal)" in grouped


_AWKWARD = st.sampled_from(
    [
        *(f"\\{letter}" for letter in "NGELTHlrn\\"),
        "\\",
        "word",
        "a",
        "<b>",
        "&amp;",
        '"',
        "{x|y}",
        "中文",
        "한국어",
        "مرحبا",
        *(" ", "  ", "   ", "\u00a0", "\u202f", "\u2007", "\u2060", "\u3000", "\u2009"),
    ]
)
# Anything the model takes: no controls, surrogates, line or paragraph separators, and
# (for XML) no unassigned code points; texts neither start nor end with white space.
_TYPED = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Cn")), max_size=40)
_NODE_TEXTS = (
    st.lists(st.one_of(_AWKWARD, _TYPED), min_size=1, max_size=12)
    .map("".join)
    .map(str.strip)
    .filter(bool)
)


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_NODE_TEXTS, width=st.sampled_from([4, 30]))
def test_node_text_reaches_the_svg_exactly_as_typed(
    renderer: RendererName, text: str, width: int
) -> None:
    amap = argmap.MapBuilder("T").claim("c", text, main=True).build()
    svg = argmap.to_svg(amap, legend=False, renderer=renderer, label_width=width)
    caption, *lines = node_lines(svg, "c")
    assert caption == "MAIN CLAIM"
    # Wrapping only breaks lines (at breakable spaces, or between CJK characters).
    assert is_drawn_as_typed(lines, text), lines
