"""Run every registered rule against one plan."""

from dataclasses import dataclass

from . import ruleset  # noqa: F401  (registers the rules, in their order)
from .context import PlanContext
from .registry import Result, Rule, all_rules


@dataclass(frozen=True)
class Outcome:
    rule: Rule
    result: Result


def evaluate(ctx: PlanContext) -> list[Outcome]:
    return [Outcome(rule=r, result=r.check(ctx)) for r in all_rules()]
