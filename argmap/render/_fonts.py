"""Fonts for graphviz-pure: names it both measures and draws, and what its SVG asks viewers for."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

import attrs

from argmap.render.theme import Theme

__all__ = ["DRAWN", "SVG_FAMILIES", "pure_font", "pure_svg", "pure_theme"]

#: graphviz-pure draws PNG and JPEG text in three fonts compiled into it (it reads no system
#: font): Arimo, Tinos and Cousine, as wide as Arial, Times New Roman and Courier New. These
#: are the names it draws in one of them and measures with that one's widths. It draws any
#: other name in Tinos, a serif, and measures a name it has no widths for (a list too) as Times.
DRAWN: Mapping[str, str] = MappingProxyType(
    {
        "Arimo": "Arimo",
        "Arial": "Arimo",
        "Helvetica": "Arimo",
        "Tinos": "Tinos",
        "Times": "Tinos",
        "Times New Roman": "Tinos",
        "Cousine": "Cousine",
        "Courier": "Cousine",
        "Courier New": "Cousine",
    }
)

#: What graphviz-pure's SVG asks a viewer for in place of the font it measured: that font, then
#: those as wide (Liberation on Linux, then Microsoft's and Apple's), then any of its kind.
SVG_FAMILIES: Mapping[str, str] = MappingProxyType(
    {
        "Arimo": "Arimo,Liberation Sans,Arial,Helvetica,sans-serif",
        "Tinos": "Tinos,Liberation Serif,Times New Roman,Times,serif",
        "Cousine": "Cousine,Liberation Mono,Courier New,Courier,monospace",
    }
)

#: The font for a theme that names none of :data:`DRAWN`, by the generic family it names.
_GENERIC = {"sans-serif": "Arimo", "serif": "Tinos", "monospace": "Cousine"}


def pure_font(fonts: Sequence[str]) -> str:
    """The one font graphviz-pure is to draw a theme's ``fonts`` in.

    The first of them it measures and draws alike, else the font of the first generic
    family named (``sans-serif``, ``serif``, ``monospace``), else Arimo.

    >>> pure_font(("Noto Sans", "Noto Sans CJK SC", "sans-serif"))
    'Arimo'
    >>> pure_font(("Georgia", "Times", "serif")), pure_font(("Georgia", "serif"))
    ('Times', 'Tinos')
    """
    for name in fonts:
        if name in DRAWN:
            return name
    return next((_GENERIC[name] for name in fonts if name in _GENERIC), "Arimo")


def pure_theme(look: Theme) -> Theme:
    """``look`` with the one font graphviz-pure is to draw it in (see :func:`pure_font`).

    >>> from argmap.render.theme import THEMES
    >>> pure_theme(THEMES["default"]).fonts
    ('Arimo',)
    """
    font = pure_font(look.fonts)
    return look if look.fonts == (font,) else attrs.evolve(look, fonts=(font,))


def pure_svg(drawing: bytes) -> bytes:
    """An SVG from graphviz-pure that names :data:`SVG_FAMILIES` for the fonts it measured.

    >>> pure_svg(b'<text font-family="Arimo">A</text>')
    b'<text font-family="Arimo,Liberation Sans,Arial,Helvetica,sans-serif">A</text>'
    """
    for font, family in SVG_FAMILIES.items():
        drawing = drawing.replace(
            f'font-family="{font}"'.encode(), f'font-family="{family}"'.encode()
        )
    return drawing
