"""Drawing a part of a map (``focus``): its caption, and a stub for each way out of it."""

from __future__ import annotations

import attrs

from argmap.analysis.focus import Focus, Stub
from argmap.render._captions import caption
from argmap.render._text import escape
from argmap.render.theme import Theme, edge_style
from argmap.render.writer import Block, attribute_list, quote

__all__ = ["add_stubs", "part_caption", "stub_text"]


def part_caption(part: Focus, *, note: str | None = None) -> str:
    """The caption of a drawing of ``part``: says it is a part, of what, and around what.

    A ``note`` comes under it, as in :func:`~argmap.render._captions.caption`.

    >>> import argmap
    >>> m = argmap.MapBuilder("T").claim("c", "C.").premise("p", "P.", supports="c").build()
    >>> part_caption(argmap.focus(m, "p", depth=2))
    '<<B>Part of: T · around p, 2 levels down</B>>'
    """
    depth = part.depth
    down = "" if depth is None else f", {depth} level{'' if depth == 1 else 's'} down"
    # A middle dot, as in node captions: an em dash would set off render's warning of
    # characters that graphviz-pure's bitmaps may lack (all from U+0590 on).
    title = f"Part of: {part.map.title} · around {part.node}{down}"
    return caption(attrs.evolve(part.map, title=title), note=note)


def stub_text(stub: Stub) -> str:
    """What a stub says: ``+3 more reasons``, ``+1 more objection``, ``supports 2 more``.

    >>> from argmap import Stub
    >>> stub_text(Stub("p", "objections", ("r->p",))), stub_text(Stub("p", "supports", ("a", "b")))
    ('+1 more objection', 'supports 2 more')
    """
    if stub.kind in ("supports", "attacks"):
        return f"{stub.kind} {stub.count} more"
    noun = stub.kind if stub.count > 1 else stub.kind[:-1]
    return f"+{stub.count} more {noun}"


def add_stubs(graph: Block, part: Focus, look: Theme) -> None:
    """A small dashed box per stub, joined to its node by a dashed arrow of the stub's kind.

    A stub of reasons or objections sits below its node, its arrow pointing at the node;
    one of what the node supports or attacks sits above it. Stubs are named ``stub N``
    in order (no id holds a space), so the source stays the same for the same part.
    """
    box = attribute_list(
        {
            "shape": "box",
            "style": f"rounded,{look.stub_style}",
            "color": look.stub_ink,
            "fontcolor": look.stub_ink,
            "fontsize": look.caption_fontsize,
            "margin": "0.08,0.04",
            # As narrow as the text; rounded corners need some height to be drawn whole.
            "width": "0",
            "height": "0.25",
        }
    )
    for number, stub in enumerate(part.stubs, 1):
        name = quote(f"stub {number}")
        graph.add(f"{name} [label=<{escape(stub_text(stub))}> {box}]")
        support = stub.kind in ("reasons", "supports")
        arrow = attribute_list(
            {
                "arrowtail": edge_style(look, "support" if support else "attack").arrowhead,
                "color": look.stub_ink,
                "dir": "back",
                "style": look.stub_style,
            }
        )
        node = quote(stub.node)
        # The first end of an edge ranks above the second; the arrow runs from the second.
        if stub.kind in ("reasons", "objections"):
            graph.add(f"{node} -> {name} [{arrow}]")
        else:
            graph.add(f"{name} -> {node} [{arrow}]")
