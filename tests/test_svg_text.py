"""Every character a user can type reaches the SVG as typed (up to the inserted breaks)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.render import RendererName

SVG = "{http://www.w3.org/2000/svg}"

# Anything but control characters, surrogates and line/paragraph separators, which the
# model rejects; texts neither start nor end with white space.
typed = (
    st.text(
        st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")),
        min_size=1,
        max_size=60,
    )
    .map(str.strip)
    .filter(bool)
)
awkward = st.sampled_from(
    ["<b>", "&amp;", '"', "'", "\\", "{x|y}", "[a]", "🎉", "한국어", "中文", "مرحبا"]
)
texts = st.one_of(typed, st.lists(awkward, min_size=1, max_size=8).map(" ".join))


def _node_lines(svg: str, ident: str) -> list[str]:
    root = ET.fromstring(svg)
    for group in root.iter(f"{SVG}g"):
        title = group.find(f"{SVG}title")
        if group.get("class") == "node" and title is not None and title.text == ident:
            return [text.text or "" for text in group.iter(f"{SVG}text")]
    raise AssertionError(f"no node {ident!r} in the SVG")


def _squeeze(text: str) -> str:
    return "".join(text.split())


# The renderer fixture gives a name, the same for every example.
@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_node_text_reaches_the_svg_as_typed(renderer: RendererName, text: str) -> None:
    amap = argmap.MapBuilder("T").claim("c", text, main=True).build()
    svg = argmap.to_svg(amap, legend=False, renderer=renderer)
    caption, *lines = _node_lines(svg, "c")
    assert caption == "MAIN CLAIM"
    # Wrapping only inserts line breaks (at spaces, or between CJK characters).
    assert _squeeze("".join(lines)) == _squeeze(text)
