"""The readiness rules: a versioned registry of plain functions, each checking one plan.

Importing this package registers every rule (`ruleset`), so `RULES` is complete.
"""

from .context import PlanContext, build_context
from .evaluate import Outcome, evaluate
from .registry import RULES, Basis, Level, Result, Rule, Status, rule
from .ruleset import RULESET_VERSION

__all__ = [
    "RULES",
    "RULESET_VERSION",
    "Basis",
    "Level",
    "Outcome",
    "PlanContext",
    "Result",
    "Rule",
    "Status",
    "build_context",
    "evaluate",
    "rule",
]
