"""``argmap.focus`` and drawing one branch of a map (``focus=``, ``depth=``, ``--focus``)."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.cli import main
from argmap.render import RendererName
from tests.strategies import maps

#: A main claim with a convergent, a linked and an undercut reason, an objection, reasons
#: two levels down, and a premise that also supports a claim elsewhere.
BRANCHES = """\
title: Branches
sources:
  paper: {title: A paper}
participants:
  kim: {name: Kim}
nodes:
  thesis: {claim: The thesis., main: true}
  p1: {premise: One reason., supports: [thesis, other]}
  p2: {premise: Half of a reason., supports: {to: thesis, with: [p3]}}
  p3: {premise: The other half.}
  r1: {rebuttal: An objection., attacks: thesis, speaker: kim}
  u1: {rebuttal: Not a reason for it., attacks: p1->thesis}
  q1: {premise: Why p1 holds., supports: p1}
  q2: {premise: Why q1 holds., supports: q1, source: paper}
  r2: {rebuttal: Against the objection., attacks: r1}
  other: {claim: Elsewhere.}
"""


@pytest.fixture
def branches() -> argmap.ArgumentMap:
    return argmap.loads(BRANCHES)


def ids(amap: argmap.ArgumentMap) -> list[str]:
    return [node.id for node in amap.nodes]


def stubs(part: argmap.Focus) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(stub.node, stub.kind, stub.relations) for stub in part.stubs]


# -- a reference: the same part, found another way -------------------------------------------


def steps(amap: argmap.ArgumentMap, node: str) -> set[str]:
    """The nodes one step below ``node``: its reasons (with undercutters) and objections."""
    nodes = set(ids(amap))
    below: set[str] = set()
    for relation in amap.relations:
        if relation.target == node:
            below.update(relation.by)
        elif relation.target not in nodes and amap.relation(relation.target).target == node:
            below.update(relation.by)  # an undercut of one of node's reasons
    return below


def within(amap: argmap.ArgumentMap, start: str, depth: int | None) -> set[str]:
    """The nodes at most ``depth`` steps below ``start``, level by level."""
    reached, level = {start}, {start}
    count = 0
    while level and (depth is None or count < depth):
        level = {below for node in level for below in steps(amap, node)} - reached
        reached |= level
        count += 1
    return reached


def touches(relation: argmap.Relation, part: argmap.ArgumentMap) -> bool:
    """Whether ``relation`` starts or ends in ``part``: at a node, or at a support (undercut)."""
    return relation.target in part or any(ident in part for ident in relation.by)


# -- properties -------------------------------------------------------------------------------


@st.composite
def focused(draw: st.DrawFn) -> tuple[argmap.ArgumentMap, str, int | None]:
    amap = draw(maps())
    node = draw(st.sampled_from(ids(amap)))
    return amap, node, draw(st.none() | st.integers(0, 4))


@given(focused())
def test_the_part_is_a_valid_map_that_cites_only_what_it_draws(
    case: tuple[argmap.ArgumentMap, str, int | None],
) -> None:
    amap, node, depth = case
    part = argmap.focus(amap, node, depth=depth).map
    assert argmap.loads(argmap.dumps(part, format="json"), format="json") == part
    assert (part.title, part.metadata) == (amap.title, amap.metadata)
    assert set(part.nodes) <= set(amap.nodes)
    assert set(part.relations) <= set(amap.relations)
    cited = {item.source.doc for item in (*part.nodes, *part.relations) if item.source}
    assert {source.id for source in part.sources} == cited
    assert {person.id for person in part.participants} == {n.speaker for n in part.nodes} - {None}


@given(focused())
def test_the_part_holds_the_focus_and_what_is_within_depth_below_it(
    case: tuple[argmap.ArgumentMap, str, int | None],
) -> None:
    amap, node, depth = case
    found = argmap.focus(amap, node, depth=depth)
    assert (found.node, found.depth) == (node, depth)
    assert node in ids(found.map)
    assert set(ids(found.map)) == within(amap, node, depth)


@given(focused())
def test_depth_none_is_everything_below_the_node(
    case: tuple[argmap.ArgumentMap, str, int | None],
) -> None:
    amap, node, _ = case
    everything = argmap.focus(amap, node)
    deepest = argmap.focus(amap, node, depth=len(amap.nodes))
    assert (everything.map, everything.stubs) == (deepest.map, deepest.stubs)
    assert set(ids(everything.map)) == within(amap, node, None)
    # All the way down, nothing is cut below: stubs only lead out, to what is not below.
    assert {stub.kind for stub in everything.stubs} <= {"supports", "attacks"}


@given(focused())
def test_the_part_keeps_the_relations_among_its_nodes_that_bring_their_undercutters(
    case: tuple[argmap.ArgumentMap, str, int | None],
) -> None:
    amap, node, depth = case
    part = argmap.focus(amap, node, depth=depth).map
    drawn = set(ids(part))

    def kept(relation: argmap.Relation) -> bool:
        if relation.target not in drawn:  # an undercut: kept with the support it attacks
            return relation.target in part and relation.by[0] in drawn
        undercutters = {a.attacker for a in amap.attacks_on(relation.id)}
        return {*relation.by, *undercutters} <= drawn

    assert list(part.relations) == [r for r in amap.relations if touches(r, part) and kept(r)]


@given(focused())
def test_stubs_count_exactly_the_relations_that_leave_the_part(
    case: tuple[argmap.ArgumentMap, str, int | None],
) -> None:
    amap, node, depth = case
    found = argmap.focus(amap, node, depth=depth)
    drawn = set(ids(found.map))
    part = found.map
    leaving = {r.id for r in amap.relations if r not in part.relations and touches(r, part)}
    assert {ident for stub in found.stubs for ident in stub.relations} == leaving
    for stub in found.stubs:
        assert stub.count == len(stub.relations) == len(set(stub.relations)) > 0
        for relation in map(amap.relation, stub.relations):
            support = isinstance(relation, argmap.Support)
            if stub.kind in ("reasons", "objections"):
                assert relation.target == stub.node
                assert support == (stub.kind == "reasons")
            else:
                assert relation.target not in drawn and stub.node in relation.by
                assert support == (stub.kind == "supports")
    keys = [(stub.node, stub.kind) for stub in found.stubs]
    assert len(keys) == len(set(keys))


def reaches(amap: argmap.ArgumentMap, goal: str) -> set[str]:
    """The nodes from which arrows lead to ``goal``: found forwards, to a fixed point."""
    found = {goal}
    changed = True
    while changed:
        changed = False
        for relation in amap.relations:
            target = relation.target
            if target not in ids(amap):  # an undercut leads where its support leads
                target = amap.relation(target).target
            if target in found and not set(relation.by) <= found:
                found.update(relation.by)
                changed = True
    return found


@given(maps())
def test_focusing_on_a_main_claim_keeps_every_node_that_leads_to_it(
    amap: argmap.ArgumentMap,
) -> None:
    for node in amap.nodes:
        if isinstance(node, argmap.Claim) and node.main:
            assert set(ids(argmap.focus(amap, node.id).map)) == reaches(amap, node.id)


# -- a fixed map ------------------------------------------------------------------------------


def test_depth_0_is_the_node_alone_with_a_stub_for_each_way_out(
    branches: argmap.ArgumentMap,
) -> None:
    found = argmap.focus(branches, "thesis", depth=0)
    assert ids(found.map) == ["thesis"]
    assert found.map.relations == ()
    assert stubs(found) == [
        ("thesis", "reasons", ("p1->thesis", "p2+p3->thesis")),
        ("thesis", "objections", ("r1->thesis",)),
    ]


def test_depth_1_brings_co_premises_undercutters_and_objections(
    branches: argmap.ArgumentMap,
) -> None:
    found = argmap.focus(branches, "thesis", depth=1)
    assert ids(found.map) == ["thesis", "p1", "p2", "p3", "r1", "u1"]
    assert [r.id for r in found.map.relations] == [
        "p1->thesis",
        "p2+p3->thesis",
        "r1->thesis",
        "u1->p1->thesis",
    ]
    assert stubs(found) == [
        ("p1", "reasons", ("q1->p1",)),
        ("p1", "supports", ("p1->other",)),
        ("r1", "objections", ("r2->r1",)),
    ]
    # Kim speaks r1, which is drawn; the paper is cited by q2, which is not.
    assert ([p.id for p in found.map.participants], found.map.sources) == (["kim"], ())


def test_all_the_way_down_from_a_premise_leaves_stubs_above_it(
    branches: argmap.ArgumentMap,
) -> None:
    found = argmap.focus(branches, "p1")
    assert ids(found.map) == ["p1", "q1", "q2"]
    assert [source.id for source in found.map.sources] == ["paper"]
    assert stubs(found) == [("p1", "supports", ("p1->thesis", "p1->other"))]


def test_a_relation_between_nodes_at_the_last_level_is_kept() -> None:
    amap = (
        argmap.MapBuilder("T")
        .claim("c", "C.")
        .premise("a", "A.", supports="c")
        .premise("b", "B.", supports=["c", "a"])
        .premise("d", "D.", supports="a")
        .build()
    )
    found = argmap.focus(amap, "c", depth=1)
    assert [r.id for r in found.map.relations] == ["a->c", "b->c", "b->a"]
    assert stubs(found) == [("a", "reasons", ("d->a",))]


def test_a_support_whose_undercutter_is_not_drawn_is_a_stub_of_reasons() -> None:
    amap = (
        argmap.MapBuilder("T")
        .claim("c", "C.")
        .premise("a", "A.", supports="c")
        .premise("b", "B.", supports=["c", "a"])
        .rebuttal("u", "U.", attacks="b->a")
        .build()
    )
    found = argmap.focus(amap, "c", depth=1)
    assert [r.id for r in found.map.relations] == ["a->c", "b->c"]
    assert stubs(found) == [("a", "reasons", ("b->a",))]


def test_a_cycle_ends_where_it_started() -> None:
    amap = argmap.loads(
        "title: T\nnodes:\n  a: {premise: A., supports: b}\n  b: {premise: B., supports: a}\n"
    )
    found = argmap.focus(amap, "a")
    assert (ids(found.map), found.stubs) == (["a", "b"], ())


def test_an_unknown_node_names_the_closest_one(branches: argmap.ArgumentMap) -> None:
    with pytest.raises(
        argmap.UnknownIdError, match=r"no node with id 'Thesis'; did you mean 'thesis'\?"
    ):
        argmap.focus(branches, "Thesis")
    with pytest.raises(argmap.UnknownIdError, match=r"^\"'p1->thesis' is a support, not a node"):
        argmap.focus(branches, "p1->thesis")
    with pytest.raises(argmap.UnknownIdError, match=r"^\"no node with id 'zzz'\"$"):
        argmap.focus(branches, "zzz")


@pytest.mark.parametrize("depth", [-1, 1.5, True, "2"])
def test_depth_is_a_whole_number_from_0(branches: argmap.ArgumentMap, depth: object) -> None:
    with pytest.raises(
        ValueError, match=r"^depth must be None or a whole number of levels from 0, got "
    ):
        argmap.focus(branches, "thesis", depth=depth)  # type: ignore[arg-type]


# -- drawing ----------------------------------------------------------------------------------


def test_the_dot_source_draws_only_the_part_with_a_stub_for_each_way_out(
    branches: argmap.ArgumentMap,
) -> None:
    source = argmap.to_dot(branches, focus="p1", depth=1, legend=False)
    part = argmap.to_dot(argmap.focus(branches, "p1", depth=1).map, legend=False)
    grey = 'color="#666666" fontcolor="#666666" fontsize=8 height=0.25 margin="0.08,0.04" '
    box = f'{grey}shape=box style="rounded,dashed" width=0]'
    drawn = part.splitlines()[3:-1]  # edge defaults, the nodes and the arrows
    assert source.splitlines()[3 : 3 + len(drawn)] == drawn
    assert source.splitlines()[3 + len(drawn) :] == [
        f'\t"stub 1" [label=<supports 2 more> {box}',
        '\t"stub 1" -> p1 [arrowtail=normal color="#666666" dir=back style=dashed]',
        f'\t"stub 2" [label=<+1 more reason> {box}',
        '\tq1 -> "stub 2" [arrowtail=normal color="#666666" dir=back style=dashed]',
        "}",
    ]
    assert "<B>Part of: Branches · around p1, 1 level down</B>" in source
    assert "thesis" not in source and "rank=min" not in source


def test_objections_and_attacks_have_an_attack_s_arrowhead(branches: argmap.ArgumentMap) -> None:
    source = argmap.to_dot(branches, focus="thesis", depth=0, theme="print")
    assert "<+2 more reasons>" in source and "<+1 more objection>" in source
    assert 'thesis -> "stub 2" [arrowtail=tee color="#666666" dir=back style=dashed]' in source
    up = argmap.to_dot(branches, focus="u1")
    assert '"stub 1" -> u1 [arrowtail=tee' in up and "<attacks 1 more>" in up


def test_stubs_follow_the_theme(branches: argmap.ArgumentMap) -> None:
    mine = attrs.evolve(argmap.THEMES["default"], stub_ink="#123456", stub_style="dotted")
    source = argmap.to_dot(branches, focus="thesis", depth=0, theme=mine)
    assert 'color="#123456" dir=back style=dotted' in source
    assert 'style="rounded,dotted"' in source


def test_a_focused_drawing_is_deterministic(branches: argmap.ArgumentMap) -> None:
    again = argmap.loads(argmap.dumps(branches))
    assert argmap.to_dot(branches, focus="thesis", depth=1) == argmap.to_dot(
        again, focus="thesis", depth=1
    )


def test_drawing_options_check_focus_and_depth(branches: argmap.ArgumentMap) -> None:
    with pytest.raises(ValueError, match=r"^depth=2 needs focus: the node to count the levels"):
        argmap.to_dot(branches, depth=2)
    with pytest.raises(ValueError, match=r"^focus must be None or the id of a node, got 3$"):
        argmap.render_bytes(branches, "svg", focus=3)
    with pytest.raises(ValueError, match=r"^depth must be None or a whole number"):
        argmap.draw(branches, focus="thesis", depth=-1)
    with pytest.raises(argmap.UnknownIdError, match="did you mean 'thesis'"):
        argmap.draw(branches, focus="thesys")
    with pytest.raises(argmap.UnknownIdError, match="did you mean 'thesis'"):
        argmap.to_dot(branches, focus="thesys")


def test_the_svg_shows_the_stubs_and_the_caption(
    branches: argmap.ArgumentMap, renderer: RendererName
) -> None:
    svg = argmap.to_svg(branches, focus="thesis", depth=1, renderer=renderer)
    for text in ("+1 more reason", "supports 1 more", "+1 more objection", "around thesis"):
        assert text in svg, text
    assert "Why p1 holds." not in svg and "Elsewhere." not in svg
    assert svg.count('stroke-dasharray="5,2"') >= 6  # three boxes and three arrows, dashed


def test_a_png_of_a_focused_example_draws(renderer: RendererName) -> None:
    sejong = argmap.examples.load("sejong")
    png = argmap.render_bytes(sejong, "png", focus="uncertain", depth=1, renderer=renderer)
    assert png.startswith(b"\x89PNG")


# -- the command line -------------------------------------------------------------------------


def test_render_focus_draws_the_branch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "branch.dot"
    argv = ["render", "--example", "sejong", "--focus", "uncertain", "--depth", "1"]
    assert main([*argv, "-o", str(output)]) == 0
    expected = argmap.to_dot(
        argmap.examples.load("sejong"), direction="LR", focus="uncertain", depth=1
    )
    assert output.read_text("utf-8") == expected
    assert capsys.readouterr().err == (
        f"argmap: wrote {str(output)!r} as DOT source, no renderer needed\n"
    )


def test_render_focus_on_an_unknown_node_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(BRANCHES, "utf-8")
    output = tmp_path / "m.svg"
    assert main(["render", str(path), "-o", str(output), "--focus", "thesys"]) == 2
    assert capsys.readouterr().err == (
        f"argmap: error: --focus: no node with id 'thesys' in {str(path)!r}; "
        "did you mean 'thesis'?\n"
    )
    assert main(["render", "--example", "sejong", "-o", str(output), "--focus", "nothing"]) == 2
    assert capsys.readouterr().err == (
        "argmap: error: --focus: no node with id 'nothing' in example 'sejong'\n"
    )
    assert not output.exists()


def test_render_depth_needs_focus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "m.svg"
    assert main(["render", "--example", "sejong", "-o", str(output), "--depth", "1"]) == 2
    assert capsys.readouterr().err == (
        "argmap: error: --depth needs --focus NODE: the node to count the levels from\n"
    )


@pytest.mark.parametrize("depth", ["-1", "one", "1.5"])
def test_render_depth_is_a_whole_number_from_0(
    depth: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["render", "--example", "sejong", "--focus", "uncertain", "--depth", depth]
    assert main([*argv, "-o", str(tmp_path / "m.svg")]) == 2
    assert f"expected a whole number of levels from 0, got {depth!r}" in capsys.readouterr().err


def test_focusing_on_a_relation_names_the_nodes_at_its_ends() -> None:
    amap = (
        argmap.MapBuilder("T")
        .claim("c", "C.", main=True)
        .premise("p", "P.", supports="c")
        .rebuttal("r", "R.", attacks="p->c")
        .build()
    )
    with pytest.raises(argmap.UnknownIdError) as caught:
        argmap.focus(amap, "p->c")
    assert caught.value.args[0] == (
        "'p->c' is a support, not a node; focus on a node at its ends: 'p' or 'c'"
    )
    with pytest.raises(argmap.UnknownIdError, match="'r->p->c' is an attack, not a node"):
        argmap.focus(amap, "r->p->c")
