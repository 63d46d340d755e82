"""Everything the rules read about one plan, loaded once with a fixed number of queries."""

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from kotoplan.core.clock import today
from kotoplan.planning.models import Indicator, Measure, Milestone, Objective, Plan, Theme
from kotoplan.planning.selectors import ThemeSection, plan_outline


@dataclass
class PlanContext:
    plan: Plan
    sections: list[ThemeSection]
    milestones: list[Milestone] = field(default_factory=list)
    day: date | None = None

    @cached_property
    def objectives(self) -> list[Objective]:
        return [objective for section in self.sections for objective in section.objectives]

    @cached_property
    def measures(self) -> list[Measure]:
        return [m for objective in self.objectives for m in objective.measures.all()]

    @cached_property
    def indicators(self) -> list[Indicator]:
        return [i for objective in self.objectives for i in objective.indicators.all()]

    @cached_property
    def statutory_themes(self) -> list[Theme]:
        return [section.theme for section in self.sections if section.theme.statutory]


def build_context(plan: Plan) -> PlanContext:
    return PlanContext(
        plan=plan,
        sections=plan_outline(plan=plan),
        milestones=list(plan.milestones.all()),
        day=today(),
    )
