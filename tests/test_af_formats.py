"""The solver formats of a framework: ICCMA 2023, its id table, APX and TGF."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.analysis.af_formats import (
    from_apx,
    from_iccma,
    from_id_table,
    from_tgf,
    to_apx,
    to_iccma,
    to_id_table,
    to_tgf,
)
from argmap.analysis.framework import Framework
from argmap.errors import ParseError
from argmap.invariants import is_valid_id

_WORD = "abcXYZ019_éßλж中무역ﾐ٣"
_simple_ids = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from(_WORD),
    st.text(alphabet=_WORD + ".+>-", max_size=6),
)
#: Ids argmap accepts: words from several scripts, support ids with '->' and '+', and
#: whatever else the id pattern admits.
argmap_ids = st.one_of(
    _simple_ids,
    st.builds(lambda a, b: f"{a}->{b}", _simple_ids, _simple_ids),
    st.builds(lambda a, b, c: f"{a}+{b}->{c}", _simple_ids, _simple_ids, _simple_ids),
    st.from_regex(r"\w[\w.+>-]*", fullmatch=True),
).filter(is_valid_id)


@st.composite
def frameworks(draw: st.DrawFn, names: st.SearchStrategy[str] = argmap_ids) -> Framework:
    """A framework over distinct names, with self-attacks and isolated arguments likely."""
    arguments = draw(st.lists(names, unique=True, max_size=8))
    if not arguments:
        return Framework((), ())
    pairs = st.tuples(st.sampled_from(arguments), st.sampled_from(arguments))
    return Framework(arguments, draw(st.sets(pairs, max_size=12)))


def problems(read: Callable[[str], object], text: str) -> list[str]:
    with pytest.raises(ParseError) as caught:
        read(text)
    return [str(finding) for finding in caught.value.findings]


# ICCMA 2023 ------------------------------------------------------------------------------


class TestIccma:
    @given(frameworks())
    def test_round_trips_with_the_id_table(self, af: Framework) -> None:
        text, table = to_iccma(af)
        assert from_iccma(text, names=from_id_table(to_id_table(table))) == af

    @given(frameworks())
    def test_without_a_table_numbers_the_arguments(self, af: Framework) -> None:
        text, table = to_iccma(af)
        read = from_iccma(text)
        assert read.arguments == tuple(str(i) for i in range(1, len(table) + 1))
        rename = dict(zip(table, read.arguments, strict=True))
        assert read.attacks == {(rename[a], rename[b]) for a, b in af.attacks}

    def test_writes_the_header_and_sorted_attacks(self) -> None:
        af = Framework(("c", "b", "a"), {("a", "c"), ("c", "a"), ("b", "b"), ("c", "b")})
        assert to_iccma(af) == ("p af 3\n1 2\n1 3\n2 2\n3 1\n", ("c", "b", "a"))

    def test_writes_an_empty_framework(self) -> None:
        assert to_iccma(Framework((), ())) == ("p af 0\n", ())

    def test_reads_the_specs_example(self) -> None:
        text = "p af 5\n# this is a comment\n1 2\n2 4\n4 5\n5 4\n5 5\n"
        af = from_iccma(text)
        assert af.arguments == ("1", "2", "3", "4", "5")
        assert af.attacks == {("1", "2"), ("2", "4"), ("4", "5"), ("5", "4"), ("5", "5")}

    def test_reads_comments_blank_lines_and_repeated_attacks(self) -> None:
        text = "# made by hand\n\np af 2\n  1   2  \n\n1 2\n# end\n"
        assert from_iccma(text) == Framework(("1", "2"), {("1", "2")})

    def test_missing_header(self) -> None:
        assert problems(from_iccma, "") == ["<string>:1:1: AM101 missing the header 'p af N'"]
        assert problems(from_iccma, "1 2\n") == [
            "<string>:1:1: AM101 expected the header 'p af N' before the attacks, got '1 2'"
        ]

    def test_malformed_headers(self) -> None:
        assert problems(from_iccma, "p aff 2\n") == [
            "<string>:1:3: AM101 the header must read 'p af N', got 'p aff 2'"
        ]
        assert problems(from_iccma, "p af\n") == [
            "<string>:1:3: AM101 the header must read 'p af N', got 'p af'"
        ]
        assert problems(from_iccma, "p af two\n") == [
            "<string>:1:6: AM101 the header must read 'p af N' with N a whole number, got 'two'"
        ]
        assert problems(from_iccma, "p af 99999999999\n") == [
            "<string>:1:6: AM109 the header declares 99999999999 arguments; "
            "argmap reads at most 10000000"
        ]

    def test_every_problem_is_found_with_its_place(self) -> None:
        text = "p af 3\n1 2\n0 4\n1 x\n1 2 3\np af 3\n3\n"
        assert problems(lambda t: from_iccma(t, file="af.i23"), text) == [
            "af.i23:3:1: AM202 argument 0 is out of range: the header declares 1..3",
            "af.i23:3:3: AM202 argument 4 is out of range: the header declares 1..3",
            "af.i23:4:3: AM101 expected an argument number, got 'x'",
            "af.i23:5:1: AM101 an attack is two argument numbers 'ATTACKER TARGET', got '1 2 3'",
            "af.i23:6:1: AM101 a second header: a file has one 'p af N'",
            "af.i23:7:1: AM101 an attack is two argument numbers 'ATTACKER TARGET', got '3'",
        ]

    def test_no_arguments_to_attack(self) -> None:
        assert problems(from_iccma, "p af 0\n1 1\n") == [
            "<string>:2:1: AM202 argument 1 is out of range: the header declares no arguments",
            "<string>:2:3: AM202 argument 1 is out of range: the header declares no arguments",
        ]

    def test_signs_and_other_digits_are_not_numbers(self) -> None:
        assert problems(from_iccma, "p af 3\n+1 ٣\n") == [
            "<string>:2:1: AM101 expected an argument number, got '+1'",
            "<string>:2:4: AM101 expected an argument number, got '٣'",
        ]

    def test_the_table_must_name_every_argument(self) -> None:
        assert problems(lambda t: from_iccma(t, names=["a"]), "# x\np af 2\n") == [
            "<string>:2:6: AM105 the header declares 2 arguments, but the id table names 1"
        ]


class TestIdTable:
    def test_writes_numbered_lines(self) -> None:
        assert to_id_table(("thesis", "p1->thesis", "무역")) == "1 thesis\n2 p1->thesis\n3 무역\n"

    def test_reads_any_order_comments_and_spacing(self) -> None:
        assert from_id_table("# id table\n2\tb\n\n1   a  \n") == ("a", "b")

    def test_refuses_names_a_line_cannot_hold(self) -> None:
        for name in ("", " a", "a ", "a\nb", "a\u2028b"):
            with pytest.raises(ValueError, match="an id table cannot carry the argument name"):
                to_id_table(("x", name))

    def test_every_problem_is_found_with_its_place(self) -> None:
        text = "1 a\n1 b\n2 a\nthree c\n4\n5 e\n"
        assert problems(lambda t: from_id_table(t, file="ids.txt"), text) == [
            "ids.txt:2:1: AM201 number 1 is given twice (first on line 1)",
            "ids.txt:3:3: AM201 name 'a' is given twice (first on line 1)",
            "ids.txt:4:1: AM101 expected 'NUMBER NAME', got 'three c'",
            "ids.txt:5:1: AM101 expected 'NUMBER NAME', got '4'",
            "ids.txt:6:1: AM101 number 5 is out of range: the table's 2 names are numbered 1..2",
        ]


# APX -------------------------------------------------------------------------------------


class TestApx:
    @given(frameworks())
    def test_round_trips(self, af: Framework) -> None:
        assert from_apx(to_apx(af)) == af

    @given(frameworks(st.text(max_size=6)))
    def test_round_trips_any_name(self, af: Framework) -> None:
        assert from_apx(to_apx(af)) == af

    def test_quotes_names_that_are_not_plain_constants(self) -> None:
        names = ("a1", "0", "42", "A", "01", "p1->thesis", "x.y", "무역", 'say "hi"', "a\\b\nc", "")
        af = Framework(names, {("a1", "0"), ("무역", "무역")})
        assert to_apx(af) == (
            "arg(a1).\narg(0).\narg(42).\n"
            'arg("A").\narg("01").\narg("p1->thesis").\narg("x.y").\narg("무역").\n'
            'arg("say \\"hi\\"").\narg("a\\\\b\\nc").\narg("").\n'
            'att(a1,0).\natt("무역","무역").\n'
        )

    def test_reads_the_aspartix_example(self) -> None:
        text = "arg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,c).\natt(c,c).\n"
        assert from_apx(text) == Framework("abc", {("a", "b"), ("b", "c"), ("c", "c")})

    def test_reads_spacing_comments_and_attacks_before_arguments(self) -> None:
        text = '% a framework\natt( a1 , "b c" ). att(a1, "b c").\n  arg(a1) . arg("b c").  % two\n'
        assert from_apx(text) == Framework(("a1", "b c"), {("a1", "b c")})

    def test_reads_bare_names_other_tools_write(self) -> None:
        assert from_apx("arg(A_1).arg(007).att(A_1,007).") == Framework(
            ("A_1", "007"), {("A_1", "007")}
        )

    def test_every_problem_is_found_with_its_place(self) -> None:
        text = (
            "arg(a).\n"
            "arg(a).\n"
            "argument(b).\n"
            "arg(b)\n"
            "att(a,c).\n"
            'arg("open).\n'
            'arg("bad \\q").\n'
            "arg(x y).\n"
            "att(a).\n"
            "arg().\n"
        )
        assert problems(lambda t: from_apx(t, file="f.apx"), text) == [
            "f.apx:2:5: AM201 argument 'a' is declared twice (first on line 1)",
            "f.apx:3:1: AM101 expected 'arg(...).' or 'att(...).', got 'argument'",
            "f.apx:5:1: AM101 expected '.', got 'att'",
            "f.apx:5:7: AM202 an attack names 'c', which no 'arg' fact declares",
            "f.apx:6:5: AM101 a quoted name that does not end on its line",
            "f.apx:7:5: AM101 unknown escape '\\\\q' in a quoted name",
            "f.apx:8:7: AM101 expected ')', got 'y'",
            "f.apx:9:6: AM101 expected ',', got ')'",
            "f.apx:10:5: AM101 expected an argument name, got ')'",
        ]

    def test_a_cut_off_text(self) -> None:
        assert problems(from_apx, "arg(a).\natt(a,") == [
            "<string>:2:7: AM101 expected an argument name, got the end of the text"
        ]


# TGF -------------------------------------------------------------------------------------


class TestTgf:
    @given(frameworks())
    def test_round_trips(self, af: Framework) -> None:
        assert from_tgf(to_tgf(af)) == af

    @given(frameworks())
    def test_agrees_with_iccma_and_the_id_table(self, af: Framework) -> None:
        text, table = to_iccma(af)
        nodes = to_id_table(table)
        edges = text.split("\n", 1)[1]
        assert to_tgf(af) == f"{nodes}#\n{edges}"

    def test_writes_numbered_nodes_then_edges(self) -> None:
        af = Framework(("p1->thesis", "thesis", "lonely"), {("p1->thesis", "thesis")})
        assert to_tgf(af) == "1 p1->thesis\n2 thesis\n3 lonely\n#\n1 2\n"
        assert to_tgf(Framework((), ())) == "#\n"

    def test_refuses_names_a_line_cannot_hold(self) -> None:
        with pytest.raises(ValueError, match="TGF cannot carry the argument name 'two\\\\nlines'"):
            to_tgf(Framework(("two\nlines",), ()))

    def test_reads_labels_ids_and_edge_labels(self) -> None:
        text = "1 First argument\n2\nb2 b2 label\n#\n1 2 rebuts\n2 b2\n2 b2\n"
        assert from_tgf(text) == Framework(
            ("First argument", "2", "b2 label"),
            {("First argument", "2"), ("2", "b2 label")},
        )

    def test_nodes_without_edges(self) -> None:
        assert from_tgf("1 a\n2 b\n") == Framework("ab", ())

    def test_every_problem_is_found_with_its_place(self) -> None:
        text = "1 a\n1 b\n2 a\n#\n1\n1 9\n# again\n"
        assert problems(lambda t: from_tgf(t, file="g.tgf"), text) == [
            "g.tgf:2:1: AM201 node '1' is declared twice (first on line 1)",
            "g.tgf:3:3: AM201 argument 'a' is declared twice (first on line 1)",
            "g.tgf:5:1: AM101 expected an edge 'FROM TO', got '1'",
            "g.tgf:6:3: AM202 an edge names node '9', which no node line declares",
            "g.tgf:7:1: AM101 a second '#' line: one ends the nodes",
        ]


# All formats -----------------------------------------------------------------------------


@pytest.mark.parametrize("write", [lambda af: to_iccma(af)[0], to_apx, to_tgf])
def test_output_follows_the_framework_not_the_set_order(
    write: Callable[[Framework], str],
) -> None:
    names = ("z", "y", "x", "w")
    pairs = [(a, b) for a in names for b in names if a != b]
    forward, backward = Framework(names, pairs), Framework(names, reversed(pairs))
    assert write(forward) == write(backward)


_READERS: dict[str, Callable[[str], object]] = {
    "iccma": from_iccma,
    "id table": from_id_table,
    "apx": from_apx,
    "tgf": from_tgf,
}
#: Texts near each format, so that the readers meet their own syntax broken in many ways.
_NEAR = st.text(alphabet='pafrgt()",.%#\\ \n\t\r0123xé-', max_size=40)


@pytest.mark.parametrize("name", list(_READERS))
@given(text=st.one_of(_NEAR, st.text(max_size=40)))
def test_a_reader_gives_a_framework_or_a_located_parse_error(name: str, text: str) -> None:
    try:
        _READERS[name](text)
    except ParseError as error:
        assert error.findings
        assert all(f.location.line is not None for f in error.findings)
        assert all(f.location.column is not None for f in error.findings)


def test_windows_line_endings() -> None:
    assert from_iccma("p af 2\r\n1 2\r\n") == Framework(("1", "2"), {("1", "2")})
    assert from_apx("arg(a).\r\narg(b).\r\natt(a,b).\r\n") == Framework("ab", {("a", "b")})
    assert from_tgf("1 a\r\n2 b\r\n#\r\n1 2\r\n") == Framework("ab", {("a", "b")})
    assert from_id_table("1 a\r\n2 b\r\n") == ("a", "b")
