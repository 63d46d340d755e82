"""The cooperation group register and workspace (Integration Act 681/2023, chapter 5)."""

from .group import CooperationGroup, NoGroupReason
from .meeting import AgendaItem, Attendance, Meeting, MeetingDocument
from .member import Membership, Representative
from .workflow import Initiative, MeasureProposal, PlanComment

__all__ = [
    "AgendaItem",
    "Attendance",
    "CooperationGroup",
    "Initiative",
    "MeasureProposal",
    "Meeting",
    "MeetingDocument",
    "Membership",
    "NoGroupReason",
    "PlanComment",
    "Representative",
]
