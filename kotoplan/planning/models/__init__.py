"""The plan for the promotion of integration: themes, objectives, measures and indicators."""

from .decisions import DecisionStep, LinkedDocument
from .invitations import PlanInvitation
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
from .texts import web_address

__all__ = [
    "DecisionStep",
    "Indicator",
    "LinkedDocument",
    "Measure",
    "Milestone",
    "Objective",
    "Plan",
    "PlanChapter",
    "PlanInvitation",
    "PlanPart",
    "TargetGroup",
    "Theme",
    "web_address",
]
