"""Running a renderer: finding one, drawing SVG/PNG/DOT files, errors, and the Jupyter view."""

from __future__ import annotations

import os
import re
import shutil
import sys
import sysconfig
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import argmap
from argmap.render import RendererName
from argmap.render.engine import _find
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


@pytest.fixture(autouse=True)
def fresh_search(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test searches afresh, with no ARGMAP_DOT from the environment."""
    monkeypatch.delenv("ARGMAP_DOT", raising=False)
    _find.cache_clear()
    yield
    _find.cache_clear()


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


def _box_widths(svg: str) -> dict[str, float]:
    """Each node's box width in points, from the SVG's polygon or path outline."""
    widths = {}
    root = ET.fromstring(svg)
    for group in root.iter(f"{SVG}g"):
        title = group.find(f"{SVG}title")
        if group.get("class") != "node" or title is None or not title.text:
            continue
        xs = [
            float(x)
            for shape in (*group.iter(f"{SVG}polygon"), *group.iter(f"{SVG}path"))
            for x in re.findall(r"(-?[\d.]+),-?[\d.]+", shape.get("points") or shape.get("d") or "")
        ]
        widths[title.text] = max(xs) - min(xs)
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
    with pytest.raises(ValueError, match="label_width must be at least 1, got 0"):
        argmap.render_file(sejong, tmp_path / "m.svg", label_width=0)
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
    with pytest.raises(argmap.RenderError, match=r"did not finish within 0\.2 seconds$"):
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
    assert set(re.findall(r'font-family="([^"]+)"', svg)) == {"DejaVu Sans,Verdana,sans-serif"}
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
    across = direction in ("TB", "BT")  # a row; else a column
    order = sorted(kinds, key=lambda kind: places[kind][0 if across else 1])
    assert order == kinds
