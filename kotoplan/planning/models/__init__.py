"""The plan for the promotion of integration: themes, objectives, measures and indicators."""

from .parts import (
    Indicator,
    Measure,
    Milestone,
    Objective,
    PlanChapter,
    PlanPart,
    TargetGroup,
)
from .plan import Plan, Theme

__all__ = [
    "Indicator",
    "Measure",
    "Milestone",
    "Objective",
    "Plan",
    "PlanChapter",
    "PlanPart",
    "TargetGroup",
    "Theme",
]
