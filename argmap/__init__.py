"""argmap: build, read, check, convert and draw argument maps."""

from argmap import examples
from argmap.analysis import Focus, Stub, focus
from argmap.analysis.networkx_graph import from_networkx, to_networkx
from argmap.analysis.queries import branch, leaves, main_claims, roots, unreached
from argmap.analysis.without import without
from argmap.argument_map import ArgumentMap
from argmap.build import MapBuilder
from argmap.codes import CODES, Code, CodeInfo
from argmap.errors import ArgmapError, FormatError, ModelError, ParseError, UnknownIdError
from argmap.findings import Finding, Location, Origin, Severity
from argmap.formats import dumps, json_schema, loads, read, write
from argmap.formats.interchange import Exported, Imported, Loss, LossWarning
from argmap.formats.registry import (
    FormatSpec,
    register_format,
    registered_formats,
    unregister_format,
)
from argmap.metadata import MAX_METADATA_DEPTH
from argmap.nodes import Basis, Claim, Node, Premise, Rebuttal, Recommendation
from argmap.provenance import Participant, Source, SourceRef
from argmap.relations import Attack, Relation, Support
from argmap.render import (
    THEMES,
    Drawing,
    DrawingOptions,
    EdgeStyle,
    NodeStyle,
    Renderer,
    RenderError,
    RenderWarning,
    SplitPage,
    Theme,
    draw,
    find_renderer,
    render_bytes,
    render_file,
    render_pages,
    to_dot,
    to_graphviz,
    to_svg,
)
from argmap.render.interactive import to_html
from argmap.render.outline_export import to_outline
from argmap.render.outline_html import outline_html
from argmap.render.worksheet import Worksheet, WorksheetBlank, worksheet
from argmap.render.worksheet_output import write_worksheet
from argmap.validate import validate

__version__ = "0.1.0"

__all__ = [
    "ArgmapError",
    "ArgumentMap",
    "Attack",
    "Basis",
    "CODES",
    "Claim",
    "Code",
    "CodeInfo",
    "Drawing",
    "DrawingOptions",
    "EdgeStyle",
    "Exported",
    "Finding",
    "Focus",
    "FormatError",
    "FormatSpec",
    "Imported",
    "Location",
    "Loss",
    "LossWarning",
    "MAX_METADATA_DEPTH",
    "MapBuilder",
    "ModelError",
    "Node",
    "NodeStyle",
    "Origin",
    "ParseError",
    "Participant",
    "Premise",
    "Rebuttal",
    "Recommendation",
    "Relation",
    "RenderError",
    "RenderWarning",
    "Renderer",
    "Severity",
    "Source",
    "SourceRef",
    "SplitPage",
    "Stub",
    "Support",
    "THEMES",
    "Theme",
    "UnknownIdError",
    "Worksheet",
    "WorksheetBlank",
    "__version__",
    "branch",
    "draw",
    "dumps",
    "examples",
    "find_renderer",
    "focus",
    "from_networkx",
    "json_schema",
    "leaves",
    "loads",
    "main_claims",
    "outline_html",
    "read",
    "register_format",
    "registered_formats",
    "render_bytes",
    "render_file",
    "render_pages",
    "roots",
    "to_dot",
    "to_graphviz",
    "to_html",
    "to_networkx",
    "to_outline",
    "to_svg",
    "unreached",
    "unregister_format",
    "validate",
    "without",
    "worksheet",
    "write",
    "write_worksheet",
]
