"""The mistakes authors make in map files: each gets one located message that says how to fix it.

Every input is a small whole map, as an author would write it; every YAML test runs with
libyaml's parser and with PyYAML's pure-Python one (``yaml_parser``), which must say the
same. Messages are argmap's, asserted exactly; where argmap leaves a mistake to the parser's
own words, only the code and the place are asserted.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.formats import yaml_format

HEAD = """\
argmap: 1
title: Keep the long view
nodes:
  thesis:
    claim: Seoul and Beijing should not trade lasting shared gains for quick, narrow wins.
    main: true
"""

QUOTE = "put the whole text in quotes (\"...\") or write it as a '>-' block"


@pytest.fixture(autouse=True, params=["libyaml", "python"])
def yaml_parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each YAML parser and emitter in turn: libyaml's (where installed) and PyYAML's own."""
    if request.param == "python":
        monkeypatch.setattr(yaml_format, "_Loader", yaml_format._PythonLoader)
        monkeypatch.setattr(yaml_format, "_Dumper", yaml_format._PythonDumper)
    elif not yaml_format.LIBYAML:
        pytest.skip("PyYAML is installed without libyaml")
    name: str = request.param
    return name


def problems(text: str, format: Literal["yaml", "json"] = "yaml") -> list[str]:
    """Every finding reading ``text`` gives, as ``file:line:col: CODE message``."""
    with pytest.raises(argmap.ParseError) as caught:
        argmap.loads(text, format=format, file=f"m.{format}")
    return [f"{f.location}: {f.code} {f.message}" for f in caught.value.findings]


# -- A. comments that cut a text ------------------------------------------------------------


class TestCommentsThatCutTexts:
    def test_a_comment_after_an_unquoted_node_text_is_am113_at_the_comment(self) -> None:
        text = HEAD + (
            "  sunset:\n    premise: Sunset at 5 p.m. #winter is grim.\n    supports: thesis\n"
        )
        assert problems(text) == [
            "m.yaml:8:31: AM113 $.nodes.sunset.premise: ' #' starts a comment in YAML, so "
            "'#winter is grim.' is cut from the text; to keep it, put the whole text in quotes "
            "(\"...\") or in a '>-' block, or write '#' without a space before it; if it is a "
            "comment, quote the text before it"
        ]

    def test_a_comment_line_where_a_text_goes_on_cuts_it(self) -> None:
        text = HEAD + (
            "  share:\n"
            "    premise: China is South Korea's biggest trading partner,\n"
            "      #1 by far, taking about a quarter of its exports.\n"
            "    supports: thesis\n"
        )
        assert problems(text) == [
            "m.yaml:9:7: AM113 $.nodes.share.premise: '#1 by far, taking about a quarter of its…' "
            "is read as a comment, not as more of the text above it; to keep it, put the whole "
            "text in quotes (\"...\") or in a '>-' block; if it is a comment, indent it no "
            "deeper than 'premise'"
        ]

    @pytest.mark.parametrize(
        ("lines", "where", "path"),
        [
            ("title: Keep the long view # draft\nnodes: {}\n", "1:27", "$.title"),
            (
                "title: T\nsources:\n  op-ed:\n    title: Avoid short-term gains # ed.\n"
                "nodes: {}\n",
                "4:35",
                "$.sources.op-ed.title",
            ),
            (
                "title: T\nsources:\n  op-ed:\n    title: Avoid short-term gains\n"
                "    authors:\n      - Kim Ji-won # lead\nnodes: {}\n",
                "6:20",
                "$.sources.op-ed.authors[0]",
            ),
            (
                "title: T\nparticipants:\n  kim: {name: Kim Ji-won # the host\n  }\nnodes: {}\n",
                "3:26",
                "$.participants.kim.name",
            ),
            (
                "title: T\nnodes:\n  c:\n    claim: Ties matter.\n"
                "    note: Check the No.#1 figure #again\n",
                "5:34",
                "$.nodes.c.note",
            ),
            (
                "title: T\nnodes:\n  c: {rebuttal: Not so. # really\n    }\n",
                "3:25",
                "$.nodes.c.rebuttal",
            ),
            (
                "title: T\nnodes: {}\nmetadata:\n  course: {name: Seminar 3 # spring\n  }\n",
                "4:28",
                "$.metadata.course.name",
            ),
        ],
    )
    def test_every_free_text_field_is_checked(self, lines: str, where: str, path: str) -> None:
        [found] = problems(lines)
        assert found.startswith(f"m.yaml:{where}: AM113 {path}: ")

    def test_the_note_of_a_support_is_checked(self) -> None:
        text = HEAD + (
            "  trade:\n    premise: Trade grew.\n    supports:\n"
            "      - to: thesis\n        note: Said so # twice\n"
        )
        [found] = problems(text)
        assert found.startswith("m.yaml:11:23: AM113 $.nodes.trade.supports[0].note: ")

    def test_a_comment_that_hides_a_closing_brace_says_so_at_the_comment(self) -> None:
        text = HEAD + "  sunset: {premise: Sunset at 5 p.m. #winter, supports: thesis}\n"
        assert problems(text) == [
            "m.yaml:7:38: AM101 ' #' starts a comment in YAML, which hides the rest of the "
            "line, its '}' too; put the text that holds the '#' in quotes (\"...\")"
        ]

    def test_comments_that_cut_no_text_are_fine(self) -> None:
        text = (
            "# The map of the op-ed.\n"
            "argmap: 1  # the format version\n"
            'title: "Keep the long view"  # quoted, so the comment is one\n'
            "sources:\n"
            "  op-ed:\n"
            "    title: 'China and the ROK #1'  # quoted\n"
            "    url: https://example.org/op-ed#para-3\n"
            "nodes:\n"
            "  # The thesis.\n"
            "  thesis:\n"
            '    claim: "Seoul is China\'s #1 partner in the region."\n'
            "    main: true  # the thesis\n"
            "    # a comment line of the node\n"
            "  trade:\n"
            "    premise: >-\n"
            "      Trade grew seventy-fold # in dollars\n"
            "    basis: statistic # from customs data\n"
            "    supports: thesis # why: trade ties\n"
            "    source: op-ed # paragraph 2\n"
            "    tags: [trade] # one tag\n"
            "    note: |\n"
            "      # not a comment in a literal block\n"
            "    implicit: false # said outright\n"
            "  visits:\n"
            "    premise: Visits grew to No.#1 in Asia.\n"
            "    supports: thesis\n"
            "metadata:\n"
            "  revision: 3 # a number, not a text\n"
            "  reviewed: true # a yes/no\n"
            "  empty: # nothing\n"
        )
        amap = argmap.loads(text, file="m.yaml")
        assert amap.node("thesis").text == "Seoul is China's #1 partner in the region."
        assert amap.node("trade").text == "Trade grew seventy-fold # in dollars"
        assert amap.node("visits").text == "Visits grew to No.#1 in Asia."
        assert amap.node("trade").note == "# not a comment in a literal block"
        assert amap.sources[0].url == "https://example.org/op-ed#para-3"
        assert dict(amap.metadata) == {"revision": 3, "reviewed": True, "empty": None}

    def test_every_cut_is_reported_in_file_order(self) -> None:
        text = HEAD + (
            "  a:\n    premise: First #1.\n    supports: thesis\n"
            "  b:\n    premise: Second # 2.\n    supports: thesis\n"
        )
        assert [found.split(" AM113 ")[0] for found in problems(text)] == [
            "m.yaml:8:20:",
            "m.yaml:11:21:",
        ]

    def test_a_space_then_hash_cuts_but_a_hash_after_a_word_does_not(self) -> None:
        text = HEAD + (
            "  a:\n    premise: Seoul ranks No.#1.\n    supports: thesis\n"
            "  b:\n    premise: Second #2 and third #3.\n    supports: thesis\n"
        )
        assert [found.split(" AM113 ")[0] for found in problems(text)] == ["m.yaml:11:21:"]

    @given(
        st.text(alphabet="ab #:'\"-", min_size=1, max_size=30).filter(
            lambda text: text == text.strip()
        )
    )
    def test_what_argmap_writes_never_cuts_a_text(self, words: str) -> None:
        amap = argmap.MapBuilder("T #1").claim("c", words, main=True, note=f"{words}\n#2").build()
        assert argmap.loads(argmap.dumps(amap)) == amap


# -- B. input that is read but would not be kept ------------------------------------------


class TestOneMapPerFile:
    def test_a_second_yaml_document_is_am101_at_its_dashes(self) -> None:
        text = HEAD + "---\ntitle: A second map\nnodes: {}\n"
        assert problems(text) == [
            "m.yaml:7:1: AM101 '---' starts a second YAML document here, but a map file holds "
            "one map; remove this line (to set parts of a map apart, use a blank line or a "
            "comment)"
        ]

    def test_dashes_between_nodes_are_a_second_document_too(self) -> None:
        text = HEAD + "---\n  trade:\n    premise: Trade grew.\n    supports: thesis\n"
        assert problems(text) == [
            "m.yaml:7:1: AM101 '---' starts a second YAML document here, but a map file holds "
            "one map; remove this line (to set parts of a map apart, use a blank line or a "
            "comment)"
        ]

    def test_text_after_the_end_of_the_document_is_am101_where_it_starts(self) -> None:
        text = HEAD + "...\n  trade:\n    premise: Trade grew.\n"
        assert problems(text) == [
            "m.yaml:8:3: AM101 text after the '...' on line 7, which ends the YAML document: a "
            "map file holds one map; remove the '...' line, or what follows it"
        ]

    def test_an_explicit_start_and_end_with_comments_after_are_fine(self) -> None:
        amap = argmap.loads("---\n" + HEAD + "...\n# The end.\n")
        assert amap.title == "Keep the long view"

    @pytest.mark.parametrize("after", ['\n{"title": "U", "nodes": {}}\n', " x"])
    def test_text_after_a_json_document_is_am101_where_it_starts(self, after: str) -> None:
        text = '{"title": "T",\n "nodes": {}}' + after
        line, column = (3, 1) if after.startswith("\n") else (2, 15)
        assert problems(text, "json") == [
            f"m.json:{line}:{column}: AM101 more text after the end of the JSON document on "
            "line 2: a map file holds one JSON object; remove what follows it"
        ]


# -- C. YAML syntax, in the author's terms ----------------------------------------------------


def node(*lines: str) -> str:
    """The head map with one more node, ``trade``, of these lines."""
    return HEAD + "  trade:\n" + "".join(f"{line}\n" for line in lines)


class TestColons:
    def test_a_colon_and_space_in_a_text_points_at_the_text(self) -> None:
        text = node("    premise: Growth slowed: exports fell.", "    supports: thesis")
        assert problems(text) == [
            f"m.yaml:8:14: AM101 the text of 'premise' holds ': ', which YAML reads as the "
            f"start of a key; {QUOTE}"
        ]

    def test_a_text_ending_in_a_colon_points_at_the_text(self) -> None:
        text = "title: The reasons:\nnodes: {}\n"
        assert problems(text) == [
            f"m.yaml:1:8: AM101 the text of 'title' ends with ':', which YAML reads as the "
            f"start of a key; {QUOTE}"
        ]

    def test_a_colon_on_a_texts_second_line_points_at_its_first(self) -> None:
        text = node(
            "    premise: Growth slowed in 2019,",
            "      and the reason was this: exports fell.",
            "    supports: thesis",
        )
        assert problems(text) == [
            f"m.yaml:8:14: AM101 the text of 'premise' holds ': ', which YAML reads as the "
            f"start of a key; {QUOTE}"
        ]

    def test_a_missing_colon_after_a_key_points_at_that_line(self) -> None:
        text = node("    premise: Trade grew.", "    supports thesis")
        assert problems(text) == [
            "m.yaml:9:13: AM101 the key 'supports' has no ':' after it: write 'supports: thesis'"
        ]

    def test_a_missing_colon_after_a_first_key_is_not_reported_a_line_late(self) -> None:
        text = node("    premise Trade grew.", "    supports: thesis")
        assert problems(text) == [
            "m.yaml:8:12: AM101 the key 'premise' has no ':' after it: write 'premise: Trade grew.'"
        ]

    def test_a_missing_colon_after_a_node_id_points_at_the_id(self) -> None:
        text = HEAD + "  trade\n    premise: Trade grew.\n    supports: thesis\n"
        assert problems(text) == [
            "m.yaml:7:8: AM101 'trade' has no ':' after it; a key or node id ends with ':' "
            "(write 'trade:')"
        ]

    def test_a_key_without_a_space_after_its_colon_says_so(self) -> None:
        text = node(
            "    premise: Trade grew.", "    supports:thesis", "  visits:", "    premise: V."
        )
        assert problems(text) == [
            "m.yaml:9:13: AM101 YAML needs a space after the ':' of a key: write 'supports: thesis'"
        ]

    def test_a_key_without_a_space_in_braces_is_told_by_libyaml_and_read_without(
        self, yaml_parser: str
    ) -> None:
        text = "title: T\nsources:\n  op-ed: {title: O}\n" + HEAD.split("\n", 2)[2]
        text += "    source: {doc: op-ed, paragraphs:[2, 3]}\n"
        if yaml_parser == "libyaml":
            assert problems(text) == [
                "m.yaml:8:36: AM101 YAML needs a space after the ':' of a key: write "
                "'paragraphs: [2, 3]'"
            ]
        else:  # PyYAML's own parser reads it as meant
            source = argmap.loads(text).node("thesis").source
            assert source is not None and source.paragraphs == (2, 3)

    def test_a_list_item_without_a_space_after_its_dash_says_so(self) -> None:
        text = node("    premise: Trade grew.", "    supports:", "    - thesis", "    -stakes")
        assert problems(text) == [
            "m.yaml:11:5: AM101 a list item needs a space after '-': write '- stakes'"
        ]


class TestIndentation:
    def test_a_key_one_space_deeper_than_the_text_above_points_at_it(self) -> None:
        text = node("    premise: Trade grew.", "     supports: thesis")
        assert problems(text) == [
            "m.yaml:9:6: AM101 'supports' is indented 1 space more than 'premise' on line 8, "
            "so YAML reads it as more of the text of 'premise'; keys of one mapping line up "
            "exactly: indent it 4 spaces, like 'premise'"
        ]

    def test_a_key_one_space_deeper_than_a_quoted_text_points_at_it(self) -> None:
        text = node('    premise: "Trade grew."', "     supports: thesis")
        assert problems(text) == [
            "m.yaml:9:6: AM101 'supports' is indented 1 space more than 'premise' on line 8; "
            "keys of one mapping line up exactly: indent it 4 spaces, like 'premise'"
        ]

    def test_a_key_one_space_short_names_the_keys_on_either_side(self) -> None:
        text = node("    premise: Trade grew.", "   supports: thesis")
        assert problems(text) == [
            "m.yaml:9:4: AM101 'supports' is indented 3 spaces: 1 fewer than 'premise' on "
            "line 8 and 1 more than 'trade' on line 7; keys of one mapping line up exactly, so "
            "indent it like the key it goes with"
        ]

    @pytest.mark.parametrize(("spaces", "column"), [(3, 4), (1, 2)])
    def test_a_node_id_a_space_off_names_the_keys_on_either_side(
        self, spaces: int, column: int
    ) -> None:
        text = HEAD + " " * spaces + "trade:\n    premise: Trade grew.\n    supports: thesis\n"
        above = (
            "1 fewer than 'main' on line 6 and 1 more than 'thesis' on line 4"
            if spaces == 3
            else "1 fewer than 'thesis' on line 4 and 1 more than 'nodes' on line 3"
        )
        indent = "3 spaces" if spaces == 3 else "1 space"
        assert problems(text) == [
            f"m.yaml:7:{column}: AM101 'trade' is indented {indent}: {above}; keys of one "
            "mapping line up exactly, so indent it like the key it goes with"
        ]

    @pytest.mark.parametrize("indent", ["\t", "  \t", "\t  "])
    def test_a_tab_in_the_indentation_names_the_line(self, indent: str) -> None:
        text = node("    premise: Trade grew.", f"{indent}supports: thesis")
        assert problems(text) == [
            f"m.yaml:9:{indent.index(chr(9)) + 1}: AM101 this line is indented with a tab, "
            "which YAML does not allow; indent with spaces only"
        ]

    def test_a_tab_after_a_colon_is_read_by_libyaml_and_explained_without(
        self, yaml_parser: str
    ) -> None:
        text = node("    premise:\tTrade grew.", "    supports: thesis")
        if yaml_parser == "libyaml":
            assert argmap.loads(text).node("trade").text == "Trade grew."
        else:
            assert problems(text) == [
                "m.yaml:8:13: AM101 a tab where this YAML reader takes only spaces; replace "
                "it with a space"
            ]

    def test_a_list_item_among_keys_says_to_remove_the_dash(self) -> None:
        text = node("    premise: Trade grew.", "    - supports: thesis")
        assert problems(text) == [
            "m.yaml:9:5: AM101 a list item ('- ') among 'key: value' lines; remove the '- ', or "
            "write the list under its key, as in 'supports: [a, b]'"
        ]

    def test_a_block_text_not_indented_under_its_key_says_so(self) -> None:
        text = node("    premise: >-", "    Trade grew.", "    supports: thesis")
        assert problems(text) == [
            "m.yaml:9:5: AM101 the text of a '>-' block goes on the lines below its key, "
            "indented deeper than the key: indent this line more than 'premise' on line 8"
        ]

    def test_a_block_text_on_the_key_line_says_to_move_it(self) -> None:
        text = node("    premise: >- Trade grew.", "    supports: thesis")
        assert problems(text) == [
            "m.yaml:8:17: AM101 a '>-' block starts its text on the next line: move the text "
            "there, indented deeper than its key"
        ]


class TestQuotesAndBrackets:
    @pytest.mark.parametrize("quote", ['"', "'"])
    def test_a_quote_never_closed_points_at_where_it_opens(self, quote: str) -> None:
        text = node(f"    premise: {quote}Trade grew.", "    supports: thesis")
        assert problems(text) == [
            f"m.yaml:8:14: AM101 the text opened here with {quote!r} is never closed: end it "
            f"with {quote!r}"
        ]

    def test_a_quote_closed_lines_later_points_at_where_it_opens(self) -> None:
        text = node(
            '    premise: "Trade grew.',
            "    supports: thesis",
            "  visits:",
            '    premise: "Visits grew."',
            "    supports: thesis",
        )
        assert problems(text) == [
            "m.yaml:8:14: AM101 the text opened here with '\"' is not closed on this line: it "
            "runs on to the '\"' on line 11; end it with '\"' on this line"
        ]

    def test_an_apostrophe_in_single_quotes_points_at_it(self) -> None:
        text = node("    premise: 'Korea's exports grew.'", "    supports: thesis")
        assert problems(text) == [
            'm.yaml:8:20: AM101 this "\'" ends the quoted text early, leaving the rest of the '
            "line over; inside '...' write an apostrophe twice (''), or use \"...\""
        ]

    def test_a_double_quote_in_double_quotes_points_at_it(self) -> None:
        text = node('    premise: "He said "no" to the plan."', "    supports: thesis")
        assert problems(text) == [
            "m.yaml:8:23: AM101 this '\"' ends the quoted text early, leaving the rest of the "
            'line over; inside "..." write \\", or use \'...\''
        ]

    def test_a_text_that_starts_with_a_quotation_says_to_quote_it_whole(self) -> None:
        text = node('    premise: "Ties" matter more than trade.', "    supports: thesis")
        assert problems(text) == [
            "m.yaml:8:14: AM101 the text starts with a quoted part and goes on after it, but "
            "YAML takes only the quoted part as the text; quote the whole text: "
            "'\"Ties\" matter more than trade.'"
        ]

    def test_an_unknown_escape_in_double_quotes_points_at_the_backslash(self) -> None:
        text = node('    premise: "Saved in C:\\data."', "    supports: thesis")
        assert problems(text) == [
            "m.yaml:8:26: AM101 '\\d' is not an escape YAML knows: inside \"...\" a backslash "
            "starts one, such as \\n; write \\\\ for a backslash, or put the text in single "
            "quotes ('...')"
        ]

    @pytest.mark.parametrize(
        ("value", "column", "what"),
        [("[thesis", 15, "list"), ("[thesis, stakes", 15, "list"), ("{to: thesis", 15, "mapping")],
    )
    def test_a_bracket_never_closed_points_at_where_it_opens(
        self, value: str, column: int, what: str
    ) -> None:
        text = node(
            "    premise: Trade grew.", f"    supports: {value}", "  visits:", "    premise: V."
        )
        closer = "]" if what == "list" else "}"
        assert problems(text) == [
            f"m.yaml:9:{column}: AM101 the {what} opened here with {value[0]!r} is never "
            f"closed: end it with {closer!r}"
        ]

    def test_a_bracket_never_closed_at_the_end_of_the_file_points_at_it(self) -> None:
        assert problems("title: T\nnodes: {}\nmetadata: {tags: [a, b\n") == [
            "m.yaml:3:18: AM101 the list opened here with '[' is never closed: end it with ']'"
        ]

    def test_a_missing_comma_in_a_list_points_at_the_item_after(self) -> None:
        text = node(
            "    premise: Trade grew.", '    tags: [trade, "people" ties]', "    supports: thesis"
        )
        assert problems(text) == [
            "m.yaml:9:28: AM101 a ',' is missing before this: the items of a [...] list are "
            "separated by commas"
        ]

    def test_a_bracket_that_closes_nothing_points_at_it(self) -> None:
        text = node("    premise: Trade grew.", "    supports: [thesis]]")
        assert problems(text) == ["m.yaml:9:23: AM101 a ']' that closes nothing; remove it"]

    def test_a_text_that_starts_with_a_bracket_says_to_quote_it(self) -> None:
        text = node("    premise: [Citation needed] Trade grew.", "    supports: thesis")
        assert problems(text) == [
            f"m.yaml:8:14: AM101 the text starts with '[', which YAML reads as the start of a "
            f"list; {QUOTE}"
        ]

    @pytest.mark.parametrize(
        ("start", "why"),
        [
            ("@", "which YAML reserves"),
            ("`", "which YAML reserves"),
            ("*", "which YAML reads as a reference to a value named elsewhere"),
        ],
    )
    def test_a_text_that_starts_with_a_reserved_character_says_to_quote_it(
        self, start: str, why: str
    ) -> None:
        text = node(f"    premise: {start}home* trade grew.", "    supports: thesis")
        assert problems(text) == [
            f"m.yaml:8:14: AM101 a text cannot start with {start!r}, {why}; {QUOTE}"
        ]

    @pytest.mark.parametrize(("start", "what"), [("-", "list item"), ("?", "key")])
    def test_a_text_that_starts_like_a_list_item_or_key_says_to_quote_it(
        self, start: str, what: str
    ) -> None:
        text = node(f"    premise: {start} Trade grew.", "    supports: thesis")
        assert problems(text) == [
            f"m.yaml:8:14: AM101 a text cannot start with '{start} ', which YAML reads as the "
            f"start of a {what}; {QUOTE}"
        ]


class TestCharacters:
    def test_a_control_character_is_am101_where_it_is_never_a_traceback(self) -> None:
        text = node("    premise: 무역이 늘었다\x07.", "    supports: thesis")
        assert problems(text) == [
            "m.yaml:8:21: AM101 the file holds control character '\\x07', which YAML does not "
            "allow; remove it"
        ]

    @pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029"])
    def test_a_line_break_an_editor_does_not_show_is_named(self, char: str) -> None:
        text = node(f"    premise: Trade{char}grew.", "    supports: thesis")
        name = {"\x85": "NEXT LINE (U+0085)", "\u2028": "LINE SEPARATOR (U+2028)"}.get(
            char, "PARAGRAPH SEPARATOR (U+2029)"
        )
        assert problems(text) == [
            f"m.yaml:8:19: AM101 this line holds the invisible character {name}, which YAML "
            "reads as a line break; remove it"
        ]

    def test_a_next_line_character_round_trips_through_dumps(self) -> None:
        document = {"title": "T", "nodes": {}, "metadata": {"x": "a\x85b", "y": "w " * 50 + "\x85"}}
        text = yaml_format.dumps(document)
        assert yaml_format.parse(text, None)[0]["metadata"] == document["metadata"]

    def test_any_other_mistake_keeps_a_location(self) -> None:
        # Not one of the mistakes argmap recognises: the parser's words, still located.
        [found] = problems("- title: T\n  nodes: {}\n- [\n")
        assert re.match(r"m\.yaml:\d+:\d+: AM101 ", found)


# -- D. keys written twice ---------------------------------------------------------------------


class TestDuplicateKeys:
    def test_supports_twice_names_the_first_and_says_to_write_one_list(self) -> None:
        text = node(
            "    premise: Trade grew.", "    supports: thesis", "    supports: [stakes, ties]"
        )
        assert problems(text) == [
            "m.yaml:10:5: AM111 duplicate key 'supports': each key may appear once in a "
            "mapping, and 'supports' is already on line 9; to support several nodes, write one "
            "list: 'supports: [thesis, stakes, ties]'"
        ]

    def test_attacks_twice_says_to_write_one_list(self) -> None:
        text = node("    rebuttal: Trade fell.", "    attacks: thesis", "    attacks: {to: stakes}")
        assert problems(text) == [
            "m.yaml:10:5: AM111 duplicate key 'attacks': each key may appear once in a "
            "mapping, and 'attacks' is already on line 9; to attack several nodes, write one "
            "list: 'attacks: [...]'"
        ]

    def test_a_node_id_twice_names_the_line_of_the_first(self) -> None:
        text = HEAD + "  thesis:\n    claim: Both sides gain from steady ties.\n"
        assert problems(text) == [
            "m.yaml:7:3: AM111 duplicate key 'thesis': each key may appear once in a mapping, "
            "and 'thesis' is already on line 4"
        ]

    def test_a_json_key_twice_names_the_line_of_the_first(self) -> None:
        text = '{\n  "title": "T",\n  "nodes": {},\n  "title": "U"\n}\n'
        assert problems(text, "json") == [
            "m.json:4:3: AM111 duplicate key 'title': each key may appear once in an object, "
            "and 'title' is already on line 2"
        ]


# -- mistakes that are valid YAML: the document reader reports them ------------------------------


def located(text: str) -> list[str]:
    """Each finding's place and code: the messages are the document reader's."""
    return [found.split(" ", 2)[0] + " " + found.split(" ", 2)[1] for found in problems(text)]


class TestMistakesThatAreValidYaml:
    """Valid YAML of another shape than meant: told in the author's terms by the reader."""

    def test_a_node_indented_under_the_one_before_is_named_as_one(self) -> None:
        text = node("    premise: Trade grew.", "    supports: thesis", "    visits:")
        text += "      premise: Visits grew.\n      supports: thesis\n"
        assert problems(text) == [
            "m.yaml:10:5: AM102 $.nodes.trade.visits: unknown key 'visits' in premise 'trade'; "
            "'visits' looks like a node indented under 'trade': a node of its own lines up "
            "with 'trade' (expected one of: attacks, basis, implicit, note, premise, source, "
            "speaker, supports, tags)"
        ]

    def test_a_source_dedented_to_the_node_ids_is_one_finding_with_the_fix(self) -> None:
        text = node(
            "    premise: Trade grew.", "    supports: thesis", "  source:", "    doc: op-ed"
        )
        assert problems(text) == [
            "m.yaml:10:3: AM102 $.nodes.source: 'source' is a key of a node, but it is "
            "indented like a node id, so it is read as a node of its own; indent it under the "
            "node it belongs to, as deep as that node's kind key"
        ]

    def test_a_node_called_source_is_a_node(self) -> None:
        text = HEAD + "  source:\n    premise: Sources vary.\n    supports: thesis\n"
        assert argmap.loads(text).node("source").text == "Sources vary."

    @pytest.mark.parametrize(
        ("line", "why"),
        [
            ("premise:Trade grew.", "YAML needs a space after ':' to make a key"),
            ("premise Trade grew.", "a kind key ends with ':'"),
        ],
    )
    def test_a_node_of_one_unspaced_key_says_how_to_write_it(self, line: str, why: str) -> None:
        assert problems(HEAD + f"  trade: {line}\n") == [
            f"m.yaml:7:3: AM103 $.nodes.trade: node 'trade' is the text {line!r}; {why}: "
            "write 'premise: Trade grew.'"
        ]

    def test_an_unspaced_key_in_braces_is_one_unknown_key(self) -> None:
        text = HEAD + "  trade: {premise:Trade grew., supports: thesis}\n"
        assert located(text) == ["m.yaml:7:3: AM104", "m.yaml:7:11: AM102"]


# -- the checks page ---------------------------------------------------------------------------

CHECKS_PAGE = Path(__file__).resolve().parent.parent / "docs" / "checks.md"
_EXAMPLE = re.compile(r"```yaml\n(.*?)```\s*```text\n(.*?)\n```", re.DOTALL)


@pytest.mark.parametrize("code", ["AM101", "AM102", "AM111", "AM113"])
def test_every_example_of_the_reading_mistakes_on_the_checks_page_is_exact(code: str) -> None:
    page = CHECKS_PAGE.read_text(encoding="utf-8")
    section = re.search(rf"^## {code} .*?(?=^## )", page, re.MULTILINE | re.DOTALL)
    assert section is not None
    examples = _EXAMPLE.findall(section.group())
    assert examples
    for text, expected in examples:
        with pytest.raises(argmap.ParseError) as caught:
            argmap.loads(text, file="map.yaml")
        found = [f"{f.location}: {f.code} {f.severity}: {f.message}" for f in caught.value.findings]
        assert found == [expected]


def test_texts_cut_by_comments_are_reported_with_every_other_problem() -> None:
    text = "title: Hash #of the map\nnodes:\n  a:\n    claim: Sunset at 5 p.m. #winter\n"
    text += "    main: true\n    basis: fact\n"
    codes = [found.split(" ")[0].split(":", 1)[1] + found.split(" ")[1] for found in problems(text)]
    assert codes == ["1:13:AM113", "4:29:AM113", "6:5:AM102"]
