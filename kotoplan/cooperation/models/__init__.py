"""The cooperation group register and workspace (Integration Act 681/2023, chapter 5)."""

from .category import RECOMMENDED_CATEGORIES, Category, default_category
from .group import CooperationGroup, NoGroupReason
from .meeting import AgendaItem, Attendance, Meeting, MeetingDocument
from .member import Membership, Representative
from .workflow import Initiative, MeasureProposal, PlanComment

__all__ = [
    "RECOMMENDED_CATEGORIES",
    "AgendaItem",
    "Attendance",
    "Category",
    "CooperationGroup",
    "Initiative",
    "MeasureProposal",
    "Meeting",
    "MeetingDocument",
    "Membership",
    "NoGroupReason",
    "PlanComment",
    "Representative",
    "default_category",
]
