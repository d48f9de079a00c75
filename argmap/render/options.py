"""The drawing options as one frozen value, shared by the drawing functions and the CLI."""

from __future__ import annotations

from typing import Any, Literal

import attrs

from argmap.analysis.focus import check_depth
from argmap.analysis.framework import Labelling
from argmap.render.theme import THEMES, Theme

__all__ = [
    "DIRECTIONS",
    "GROUPS",
    "LABEL_WIDTHS",
    "Direction",
    "DrawingOptions",
    "GroupBy",
    "drawing_options",
    "theme_of",
]

Direction = Literal["TB", "LR", "BT", "RL"]
GroupBy = Literal["speaker", "tag", "source"]

#: The directions a map is drawn in: top to bottom, left to right, and back.
DIRECTIONS: tuple[Direction, ...] = ("TB", "LR", "BT", "RL")
#: What nodes may be grouped by, into boxes.
GROUPS: tuple[GroupBy, ...] = ("speaker", "tag", "source")
#: The label widths drawings take, in columns.
LABEL_WIDTHS = range(1, 1001)


def theme_of(options: DrawingOptions) -> Theme:
    """The :class:`~argmap.Theme` the options name.

    >>> theme_of(DrawingOptions(theme="print")).name
    'print'
    """
    return options.theme if isinstance(options.theme, Theme) else THEMES[options.theme]


def _theme(_: object, __: object, theme: Any) -> None:
    if not isinstance(theme, Theme) and not (isinstance(theme, str) and theme in THEMES):
        raise ValueError(f"theme must be a Theme or one of {', '.join(THEMES)}; got {theme!r}")


def _direction(_: object, __: object, direction: Any) -> None:
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {', '.join(DIRECTIONS)}; got {direction!r}")


def _group_by(_: object, __: object, group_by: Any) -> None:
    if group_by is not None and group_by not in GROUPS:
        raise ValueError(f"group_by must be None or one of {', '.join(GROUPS)}; got {group_by!r}")


def _label_width(_: object, __: object, width: Any) -> None:
    if type(width) is not int or width not in LABEL_WIDTHS:
        raise ValueError(
            f"label_width must be a whole number of columns from {LABEL_WIDTHS[0]} to "
            f"{LABEL_WIDTHS[-1]}, got {width!r}"
        )


def _flag(_: object, attribute: attrs.Attribute[bool], value: Any) -> None:
    if not isinstance(value, bool):
        raise ValueError(f"{attribute.name} must be True or False; got {value!r}")


def _focus(_: object, __: object, focus: Any) -> None:
    if focus is not None and not isinstance(focus, str):
        raise ValueError(f"focus must be None or the id of a node, got {focus!r}")


def _depth(_: object, __: object, depth: Any) -> None:
    check_depth(depth)


def _evaluation(_: object, __: object, evaluation: Any) -> None:
    if evaluation is not None and not isinstance(evaluation, Labelling):
        raise ValueError(
            f"evaluation must be None or a Labelling (see argmap.Labelling), got {evaluation!r}"
        )


@attrs.frozen(kw_only=True)
class DrawingOptions:
    """How a map is drawn: what :func:`~argmap.to_graphviz` and the ``render`` command take.

    Every field is checked when the value is made: a bad one is a ``ValueError`` that
    names the values allowed. Make it once, draw several maps with it, and vary it with
    ``attrs.evolve``. Whether ``focus`` names a node of the map is for the drawing to say.

    >>> import attrs
    >>> wide = DrawingOptions(direction="LR", label_width=40)
    >>> wide.theme, attrs.evolve(wide, theme="print").theme
    ('default', 'print')
    >>> DrawingOptions(direction="up")
    Traceback (most recent call last):
    ...
    ValueError: direction must be one of TB, LR, BT, RL; got 'up'
    """

    theme: str | Theme = attrs.field(
        default="default", validator=_theme, metadata={"choices": tuple(THEMES)}
    )
    """The look: a :class:`~argmap.Theme`, or the name of one of :data:`~argmap.THEMES`."""
    direction: Direction = attrs.field(
        default="TB", validator=_direction, metadata={"choices": DIRECTIONS}
    )
    """Which way the arrows' ranks run: ``TB`` (top to bottom), ``LR``, ``BT`` or ``RL``."""
    group_by: GroupBy | None = attrs.field(
        default=None, validator=_group_by, metadata={"choices": GROUPS}
    )
    """Boxes around the nodes of each ``speaker``, ``tag`` or ``source``; None for none."""
    label_width: int = attrs.field(
        default=30, validator=_label_width, metadata={"range": LABEL_WIDTHS}
    )
    """The column at which node texts wrap, a whole number from 1 to 1000."""
    legend: bool = attrs.field(default=True, validator=_flag)
    """Whether a legend shows a sample of each mark the drawing uses."""
    show_ids: bool = attrs.field(default=False, validator=_flag)
    """Whether each node shows its id."""
    show_sources: bool = attrs.field(default=False, validator=_flag)
    """Whether each node is marked with where in its source it is (``¶5``)."""
    focus: str | None = attrs.field(default=None, validator=_focus)
    """The id of the node to draw the part around (see :func:`~argmap.focus`); None: all."""
    depth: int | None = attrs.field(default=None, validator=_depth)
    """With ``focus``: how many levels of reasons and objections to draw; None: all."""
    evaluation: Labelling | None = attrs.field(default=None, validator=_evaluation)
    """A :class:`~argmap.Labelling` of the map's nodes to draw: a badge and a border per
    label, the semantics in the caption; None: none. Labelling an id the map lacks is a
    ``ValueError`` when drawn."""

    def __attrs_post_init__(self) -> None:
        if self.depth is not None and self.focus is None:
            raise ValueError(f"depth={self.depth!r} needs focus: the node to count the levels from")


#: The names of the drawing options, in order.
_NAMES = tuple(field.name for field in attrs.fields(DrawingOptions))


def drawing_options(options: DrawingOptions | None = None, **overrides: Any) -> DrawingOptions:
    """``options`` (by default, the defaults) with the ``overrides`` given as keywords.

    An unknown keyword is a ``TypeError``, a bad value a ``ValueError``.

    >>> drawing_options(DrawingOptions(direction="LR"), legend=False).direction
    'LR'
    """
    if options is None:
        options = DrawingOptions()
    elif not isinstance(options, DrawingOptions):
        raise TypeError(f"options must be None or a DrawingOptions, got {options!r}")
    unknown = [name for name in overrides if name not in _NAMES]
    if unknown:
        raise TypeError(
            f"unexpected drawing option {unknown[0]!r}; the options are {', '.join(_NAMES)}"
        )
    return attrs.evolve(options, **overrides) if overrides else options
