"""Run every registered rule against one plan, as far as the plan's legal basis asks."""

from dataclasses import dataclass

from . import ruleset  # noqa: F401  (registers the rules, in their order)
from .bases import exemption
from .context import PlanContext
from .registry import Result, Rule, all_rules


@dataclass(frozen=True)
class Outcome:
    rule: Rule
    result: Result


def evaluate(ctx: PlanContext) -> list[Outcome]:
    return [Outcome(rule=r, result=exemption(r, ctx.plan) or r.check(ctx)) for r in all_rules()]
