"""``argmap`` is the one front door: ``__all__`` is sorted, complete and resolves."""

from __future__ import annotations

import importlib
import pkgutil
import types
from importlib.metadata import version

import argmap

#: Names a module of argmap lists in its ``__all__`` that users do not need, and why.
INTERNAL = {
    "argmap.metadata": {
        "check_metadata": "the validator of the map's metadata field",
        "freeze": "the converter of the map's metadata field",
    },
    "argmap.cli": {"main": "the console script's entry point, not a library function"},
    "argmap.findings": {"format_path": "how messages write document paths"},
    "argmap.formats": {
        "MAX_BYTES": "the default of read()'s and loads()'s max_bytes",
        "Format": "the type of the format= options, a registered format's name",
        "format_of": "read() and write() tell the format from the extension themselves",
    },
    "argmap.formats.document": {
        "FORMAT_VERSION": "the readers' business",
        "KEYS": "the readers' business; the schema states the keys for users",
        "InputError": "never escapes: loads() turns it into a ParseError",
        "Scalar": "the YAML reader's text with its style",
        "from_document": "behind loads()",
        "resolves_plain": "the YAML writer's business",
        "to_document": "behind dumps()",
    },
    "argmap.formats.registry": {
        "PARTS": "the words of CARRIES and of Loss kinds, which the formats guide lists",
        "format_spec": "the registry's lookup behind every format= option",
        "formats_for_extension": "the registry's lookup behind read() and write()",
        "load_format": "imports a format's module when read() or write() first needs it",
    },
    "argmap.analysis.evaluation": {
        name: "reached through evaluate(semantics=...), which names the semantics"
        for name in ("complete", "grounded", "preferred", "stable")
    },
    "argmap.analysis.evaluation.dung": {
        name: "reached through evaluate(semantics=...), which names the semantics"
        for name in ("complete", "grounded", "preferred", "stable")
    },
    "argmap.analysis.evaluation.assume": {
        "assumed_framework": "how evaluate() applies assume= to Dung's semantics",
        "check_assumptions": "evaluate()'s check of assume=",
    },
    "argmap.analysis.evaluation.evaluate": {
        "DEFAULT_LIMIT": "the default of evaluate()'s limit=",
        "Semantics": "the type of evaluate()'s semantics=, one of SEMANTICS",
    },
    "argmap.analysis.evaluation.explain": {"because": "behind Evaluation.explain()"},
    "argmap.analysis.evaluation.support": {
        "Settled": "the support-aware fixpoint's result, behind evaluate()",
        "Structure": "the map as the support-aware fixpoint reads it",
        "settle": "the support-aware fixpoint, behind evaluate(semantics='support')",
    },
    "argmap.formats.yaml_comments": {"cut_texts": "behind loads()"},
    "argmap.formats.yaml_diagnose": {"diagnose": "behind loads()"},
    "argmap.formats.yaml_lines": {
        name: "behind loads()"
        for name in ("QUOTE", "Found", "Source", "colon", "ended_early", "line_column", "no_colon")
    },
    "argmap.formats.json_format": {
        "CARRIES": "the registry's contract: what argmap's JSON carries (everything)",
        "dumps": "behind argmap.dumps()",
        "parse": "behind argmap.loads()",
        "read": "the registry's contract, behind argmap.loads()",
        "sniff": "the registry's contract, behind argmap.read() of a .json file",
        "write": "the registry's contract, behind argmap.dumps()",
    },
    "argmap.render": {
        "EXTENSIONS": "render_file()'s table of extensions, listed in its messages",
        "RendererName": "the type of the renderer= options, spelt 'graphviz' or 'graphviz-pure'",
        "display_width": "label layout, reached through to_graphviz()",
        "edge_style": "a theme lookup behind to_graphviz()",
        "escape": "label layout, reached through to_graphviz()",
        "node_label": "label layout, reached through to_graphviz()",
        "node_style": "a theme lookup behind to_graphviz()",
        "wrap": "label layout, reached through to_graphviz()",
    },
    "argmap.render.engine": {
        "EXTENSIONS": "render_file()'s table of extensions, listed in its messages",
        "RendererName": "the type of the renderer= options, spelt 'graphviz' or 'graphviz-pure'",
    },
    "argmap.render.labels": {
        "display_width": "label layout, reached through to_graphviz()",
        "escape": "label layout, reached through to_graphviz()",
        "measured_wrap": "label layout, reached through to_graphviz()",
        "node_label": "label layout, reached through to_graphviz()",
        "wrap": "label layout, reached through to_graphviz()",
    },
    "argmap.render.dot": {
        "LARGE_MAP": "the size from which layout passes are capped, in the drawing guide",
    },
    "argmap.render.options": {
        "DIRECTIONS": "the choices of DrawingOptions.direction, which its message states",
        "Direction": "the type of DrawingOptions.direction",
        "GROUPS": "the choices of DrawingOptions.group_by, which its message states",
        "GroupBy": "the type of DrawingOptions.group_by",
        "LABEL_WIDTHS": "the range of label_width, which its message states",
        "drawing_options": "how the drawing functions merge options= with their keywords",
        "theme_of": "the Theme a DrawingOptions names, behind to_graphviz()",
    },
    "argmap.render.accessible": {
        name: "the SVG post-processing behind render_file() and to_svg()"
        for name in ("accessible_svg", "drawn_map", "svg_titles")
    },
    "argmap.render.outline": {
        name: "the text outline an SVG's <desc> holds; to_outline() is the export"
        for name in (
            "DEEPEST",
            "describe",
            "is_undercut",
            "outline_lines",
            "relation_title",
            "source_lines",
        )
    },
    "argmap.render.outline_export": {
        "OUTLINE_FORMATS": "the choices of to_outline()'s format, which its message states",
        "OutlineFormat": "the type of to_outline()'s format",
    },
    "argmap.render.worksheet": {
        "HINTS": "the choices of worksheet()'s hints, which its message states",
        "VARIANTS": "the choices of worksheet()'s variant, which its message states",
    },
    "argmap.render.page": {
        name: "page geometry behind the page, size, ratio and dpi of render_file()"
        for name in (
            "BITMAP_FORMATS",
            "DPI_RANGE",
            "Fit",
            "Layout",
            "MIN_TEXT",
            "MIN_TEXT_RANGE",
            "OPTIONS",
            "PAGES",
            "PAGE_DPI",
            "PDF_FRAME",
            "SIZE_RANGE",
            "Sheet",
            "check_dpi",
            "fit",
            "parse_ratio",
            "parse_size",
            "read_layout",
            "sheet",
        )
    },
    "argmap.render.writer": {
        "Block": "DOT statements, written for to_graphviz() and to_dot()",
        "attribute_list": "DOT attribute lists, written for to_graphviz() and to_dot()",
        "quote": "DOT IDs, written for to_graphviz() and to_dot()",
    },
    "argmap.render.theme": {
        "edge_style": "a theme lookup behind to_graphviz()",
        "node_style": "a theme lookup behind to_graphviz()",
    },
    "argmap.formats.positions": {
        "LineIndex": "the readers' business",
        "json_locator": "the JSON reader's business",
    },
    "argmap.formats.yaml_format": {
        "CARRIES": "the registry's contract: what argmap's YAML carries (everything)",
        "CutTextsError": "a ParseError that loads() merges with the reader's findings",
        "dumps": "behind argmap.dumps()",
        "parse": "behind argmap.loads()",
        "read": "the registry's contract, behind argmap.loads()",
        "write": "the registry's contract, behind argmap.dumps()",
    },
    "argmap.invariants": {
        "ID_PATTERN": "documented in the model's messages",
        "NONCHARACTERS": "documented in the model's messages",
        "fail": "how field validators raise",
        "is_valid_id": "the model's own check",
        "is_paragraph": "the model's own check of texts",
        "all_ids": "the model's check of many ids at once",
        "COLUMN_CHECKS": "the validators' whole-column forms, for making many values",
        "column_check": "how a validator registers its whole-column form",
    },
    "argmap.nodes": {"NODE_KINDS": "the readers' table of node classes"},
    "argmap.relations": {"default_relation_id": "the id a relation gets by itself"},
}


#: Submodules exported whole, as ``argmap.NAME``: their names stay inside them.
NAMESPACES = {"argmap.examples": "examples"}


#: Each format module's contract with the registry: reached through argmap.read() and write().
for _spec in argmap.registered_formats():
    if _spec.module.startswith("argmap.formats.") and _spec.name not in ("yaml", "json"):
        _module = importlib.import_module(_spec.module)
        INTERNAL.setdefault(_spec.module, {}).update(
            {
                name: "a format module's contract, reached through argmap.read() and write()"
                for name in ("CARRIES", "read", "sniff", "write")
                if name in _module.__all__
            }
        )


def public_modules() -> dict[str, types.ModuleType]:
    """Every module of the package that declares ``__all__``, but ``__main__``."""
    names = ["argmap"] + [
        info.name
        for info in pkgutil.walk_packages(argmap.__path__, "argmap.")
        if not info.name.rsplit(".", 1)[-1].startswith("_")
    ]
    modules = {name: importlib.import_module(name) for name in names}
    return {name: module for name, module in modules.items() if hasattr(module, "__all__")}


def test_all_is_sorted() -> None:
    assert argmap.__all__ == sorted(argmap.__all__)


def test_all_has_no_duplicates() -> None:
    assert len(set(argmap.__all__)) == len(argmap.__all__)


def test_every_exported_name_resolves() -> None:
    for name in argmap.__all__:
        assert getattr(argmap, name) is not None, name


def test_nothing_private_is_exported() -> None:
    assert [name for name in argmap.__all__ if name.startswith("_")] == ["__version__"]


def test_every_public_name_of_every_module_is_exported_or_known_to_be_internal() -> None:
    exported = set(argmap.__all__) - {"__version__", *NAMESPACES.values()}
    declared = {
        name
        for module_name, module in public_modules().items()
        if module_name != "argmap" and module_name not in NAMESPACES
        for name in module.__all__
        if name not in INTERNAL.get(module_name, {})
    }
    assert declared == exported


def test_the_internal_list_names_only_what_modules_declare() -> None:
    modules = public_modules()
    for module_name, names in INTERNAL.items():
        assert module_name in modules, module_name
        assert set(names) <= set(modules[module_name].__all__), module_name


def test_exported_names_are_the_modules_own_objects() -> None:
    for module_name, module in public_modules().items():
        if module_name in NAMESPACES:
            assert getattr(argmap, NAMESPACES[module_name]) is module
            continue
        for name in module.__all__:
            if module_name != "argmap" and name not in INTERNAL.get(module_name, {}):
                assert getattr(argmap, name) is getattr(module, name), f"{module_name}.{name}"


def test_star_import_gives_exactly_all() -> None:
    namespace: dict[str, object] = {}
    exec("from argmap import *", namespace)
    assert set(namespace) - {"__builtins__"} == set(argmap.__all__)


def test_version_matches_the_distribution() -> None:
    assert argmap.__version__ == version("argmap")
