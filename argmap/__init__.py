"""argmap: build, read, check, convert and draw argument maps."""

from argmap import examples
from argmap.analysis import Focus, Stub, focus
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
from argmap.analysis.evaluation import SEMANTICS, Assumption, Evaluation, evaluate, framework_of
from argmap.analysis.framework import Framework, Label, Labelling
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
    LabelStyle,
    NodeStyle,
    Renderer,
    RenderError,
    RenderWarning,
    SplitPage,
    Theme,
    draw,
    find_renderer,
    label_style,
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
    "Assumption",
    "Attack",
    "Basis",
    "CODES",
    "Claim",
    "Code",
    "CodeInfo",
    "Drawing",
    "DrawingOptions",
    "EdgeStyle",
    "Evaluation",
    "Exported",
    "Finding",
    "Focus",
    "FormatError",
    "FormatSpec",
    "Framework",
    "Imported",
    "Label",
    "LabelStyle",
    "Labelling",
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
    "SEMANTICS",
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
    "evaluate",
    "examples",
    "find_renderer",
    "focus",
    "framework_of",
    "from_apx",
    "from_iccma",
    "from_id_table",
    "from_networkx",
    "from_tgf",
    "json_schema",
    "label_style",
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
    "to_apx",
    "to_dot",
    "to_graphviz",
    "to_html",
    "to_iccma",
    "to_id_table",
    "to_networkx",
    "to_outline",
    "to_svg",
    "to_tgf",
    "unreached",
    "unregister_format",
    "validate",
    "without",
    "worksheet",
    "write",
    "write_worksheet",
]
