"""The readiness rules: a versioned registry of plain functions, each checking one plan.

Importing this package registers every rule (`ruleset`), so `RULES` is complete.
"""

from .bases import RULES_BY_BASIS, ruleset_note
from .context import PlanContext, build_context
from .evaluate import Outcome, evaluate
from .registry import RULES, Basis, Level, Result, Rule, Status, rule
from .ruleset import RULESET_VERSION

__all__ = [
    "RULES",
    "RULESET_VERSION",
    "RULES_BY_BASIS",
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
    "ruleset_note",
]
