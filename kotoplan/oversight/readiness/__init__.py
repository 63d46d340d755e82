"""The statutory readiness check: a versioned registry of rules evaluated against one plan."""

from .registry import (
    RULES,
    RULESET_VERSION,
    Basis,
    Level,
    Result,
    Rule,
    Status,
    all_rules,
    missing,
    not_applicable,
    passed,
    rule,
)

__all__ = [
    "RULES",
    "RULESET_VERSION",
    "Basis",
    "Level",
    "Result",
    "Rule",
    "Status",
    "all_rules",
    "missing",
    "not_applicable",
    "passed",
    "rule",
]
