"""Evaluating maps: Dung's semantics, a support-aware one, assumptions and explanations."""

from argmap.analysis.evaluation.assume import Assumption
from argmap.analysis.evaluation.dung import complete, grounded, preferred, stable
from argmap.analysis.evaluation.evaluate import SEMANTICS, Evaluation, evaluate
from argmap.analysis.evaluation.reduction import framework_of

__all__ = [
    "SEMANTICS",
    "Assumption",
    "Evaluation",
    "complete",
    "evaluate",
    "framework_of",
    "grounded",
    "preferred",
    "stable",
]
