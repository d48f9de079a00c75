"""DrawingOptions: the drawing options as one frozen value, shared by the API and the CLI."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

import attrs
import pytest

import argmap
from argmap import cli
from argmap.render.options import DIRECTIONS, GROUPS, LABEL_WIDTHS

FIELDS = attrs.fields(argmap.DrawingOptions)
WIDTH = "label_width must be a whole number of columns from 1 to 1000"


@pytest.fixture(scope="module")
def sejong() -> argmap.ArgumentMap:
    return argmap.examples.load("sejong")


# --- the value --------------------------------------------------------------------------


def test_the_value_is_frozen() -> None:
    options = argmap.DrawingOptions()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        options.direction = "LR"  # type: ignore[misc]


def test_equal_values_hash_alike_and_vary_through_evolve() -> None:
    options = argmap.DrawingOptions(direction="LR", group_by="speaker")
    assert hash(options) == hash(argmap.DrawingOptions(direction="LR", group_by="speaker"))
    assert {options, attrs.evolve(options, direction="LR")} == {options}
    assert attrs.evolve(options, legend=False).legend is False
    assert hash(argmap.DrawingOptions(theme=argmap.THEMES["print"])) is not None


def test_the_defaults_are_those_of_the_drawing_functions(sejong: argmap.ArgumentMap) -> None:
    assert argmap.to_dot(sejong) == argmap.to_dot(sejong, options=argmap.DrawingOptions())


def test_options_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        argmap.DrawingOptions("print")  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"theme": "neon"}, "theme must be a Theme or one of default, classic, print; got 'neon'"),
        ({"direction": "up"}, "direction must be one of TB, LR, BT, RL; got 'up'"),
        ({"group_by": "colour"}, "group_by must be None or one of speaker, tag, source"),
        ({"label_width": 0}, f"{WIDTH}, got 0"),
        ({"label_width": 1001}, f"{WIDTH}, got 1001"),
        ({"label_width": 30.0}, f"{WIDTH}, got 30.0"),
        ({"label_width": True}, f"{WIDTH}, got True"),
        ({"legend": "no"}, "legend must be True or False; got 'no'"),
        ({"show_ids": 1}, "show_ids must be True or False; got 1"),
        ({"show_sources": None}, "show_sources must be True or False; got None"),
        ({"focus": 3}, "focus must be None or the id of a node, got 3"),
        ({"focus": "c", "depth": -1}, "depth must be None or a whole number of levels from 0"),
        ({"depth": 2}, "depth=2 needs focus: the node to count the levels from"),
    ],
)
def test_a_bad_value_is_refused_with_what_is_allowed(given: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match="^" + re.escape(message)):
        argmap.DrawingOptions(**given)


def test_an_unknown_option_is_a_type_error_naming_the_options(
    sejong: argmap.ArgumentMap,
) -> None:
    with pytest.raises(TypeError, match=r"unexpected drawing option 'colour'; the options are"):
        argmap.to_dot(sejong, colour="red")


def test_options_must_be_a_drawing_options(sejong: argmap.ArgumentMap) -> None:
    with pytest.raises(TypeError, match="options must be None or a DrawingOptions"):
        argmap.to_dot(sejong, options={"direction": "LR"})


# --- drawing with it --------------------------------------------------------------------

KEYWORDS: dict[str, Any] = {
    "theme": "print",
    "direction": "LR",
    "group_by": "speaker",
    "label_width": 24,
    "legend": False,
    "show_ids": True,
    "show_sources": True,
}


def test_to_dot_with_the_value_equals_to_dot_with_keywords(sejong: argmap.ArgumentMap) -> None:
    options = argmap.DrawingOptions(**KEYWORDS)
    assert argmap.to_dot(sejong, options=options) == argmap.to_dot(sejong, **KEYWORDS)
    assert (
        argmap.to_graphviz(sejong, options=options).source
        == argmap.to_graphviz(sejong, **KEYWORDS).source
    )


def test_keywords_override_the_value(sejong: argmap.ArgumentMap) -> None:
    options = argmap.DrawingOptions(**KEYWORDS)
    assert argmap.to_dot(sejong, options=options, direction="TB") == argmap.to_dot(
        sejong, **{**KEYWORDS, "direction": "TB"}
    )


def test_a_focused_drawing_with_the_value_equals_one_with_keywords(
    sejong: argmap.ArgumentMap,
) -> None:
    node = sejong.nodes[-1].id
    options = argmap.DrawingOptions(focus=node, depth=1)
    assert argmap.to_dot(sejong, options=options) == argmap.to_dot(sejong, focus=node, depth=1)


def test_svg_with_the_value_equals_svg_with_keywords(sejong: argmap.ArgumentMap) -> None:
    options = argmap.DrawingOptions(direction="LR", legend=False)
    by_value = argmap.to_svg(sejong, renderer="graphviz-pure", options=options)
    assert by_value == argmap.to_svg(sejong, renderer="graphviz-pure", direction="LR", legend=False)


def test_render_file_and_bytes_take_the_value(tmp_path: Path, sejong: argmap.ArgumentMap) -> None:
    options = argmap.DrawingOptions(direction="LR")
    argmap.render_file(sejong, tmp_path / "a.dot", options=options)
    argmap.render_file(sejong, tmp_path / "b.dot", direction="LR")
    assert (tmp_path / "a.dot").read_bytes() == (tmp_path / "b.dot").read_bytes()
    assert argmap.render_bytes(sejong, "dot", options=options) == (tmp_path / "a.dot").read_bytes()


def test_draw_checks_the_value_and_keywords_together(sejong: argmap.ArgumentMap) -> None:
    options = argmap.DrawingOptions(direction="LR")
    drawing = argmap.draw(sejong, options=options, renderer="graphviz-pure")
    assert "<svg" in drawing._repr_svg_()
    with pytest.raises(ValueError, match="label_width must be a whole number"):
        argmap.draw(sejong, options=options, label_width=0)


# --- the command line takes its choices from it -----------------------------------------


def _render_actions() -> dict[str, argparse.Action]:
    parser = cli._parser()
    commands = next(
        action for action in parser._actions if isinstance(action, argparse._SubParsersAction)
    )
    render = commands.choices["render"]
    return {action.dest: action for action in render._actions}


@pytest.mark.parametrize("name", ["theme", "direction", "group_by"])
def test_the_cli_choices_are_the_values(name: str) -> None:
    action = _render_actions()[name]
    assert tuple(action.choices or ()) == getattr(FIELDS, name).metadata["choices"]


def test_the_choices_are_the_ones_the_value_accepts() -> None:
    assert FIELDS.theme.metadata["choices"] == tuple(argmap.THEMES)
    assert FIELDS.direction.metadata["choices"] == DIRECTIONS
    assert FIELDS.group_by.metadata["choices"] == GROUPS
    assert FIELDS.label_width.metadata["range"] == LABEL_WIDTHS


@pytest.mark.parametrize(
    ("name", "shown"),
    [("theme", "default"), ("direction", "TB"), ("group_by", "none"), ("label_width", "30")],
)
def test_the_cli_help_states_the_values_default(name: str, shown: str) -> None:
    action = _render_actions()[name]
    default = getattr(FIELDS, name).default
    assert shown == ("none" if default is None else str(default))
    assert action.default is None  # the value's default applies, after an example's own
    assert action.help is not None
    assert action.help.endswith(f"default: {shown}") or action.help.endswith(f"default {shown}")


def test_the_cli_flags_turn_the_values_defaults() -> None:
    actions = _render_actions()
    assert FIELDS.legend.default is True and actions["no_legend"].const is True
    assert FIELDS.show_ids.default is False and actions["show_ids"].const is True
    assert FIELDS.show_sources.default is False and actions["show_sources"].const is True


def test_the_cli_label_width_range_is_the_values(capsys: pytest.CaptureFixture[str]) -> None:
    convert = _render_actions()["label_width"].type
    assert callable(convert)
    assert convert(str(LABEL_WIDTHS[-1])) == LABEL_WIDTHS[-1]
    with pytest.raises(argparse.ArgumentTypeError, match="from 1 to 1000, got 1001"):
        convert(str(LABEL_WIDTHS[-1] + 1))
