"""The group register is recorded by django-auditlog like plan content: who, when, which
fields. Entries carry the group's id, and the plan's id for what concerns a plan."""

from auditlog.registry import auditlog

from .models import (
    AgendaItem,
    Attendance,
    CooperationGroup,
    Initiative,
    MeasureProposal,
    Meeting,
    MeetingDocument,
    Membership,
    NoGroupReason,
    PlanComment,
    Representative,
)

TIMESTAMPS = ["updated_at", "created_at"]

auditlog.register(
    CooperationGroup,
    exclude_fields=["version", *TIMESTAMPS],
    m2m_fields={"municipalities", "plans"},
)
auditlog.register(Meeting, exclude_fields=["version", *TIMESTAMPS])
for model in (
    AgendaItem,
    Initiative,
    MeasureProposal,
    MeetingDocument,
    Membership,
    NoGroupReason,
    PlanComment,
    Representative,
):
    auditlog.register(model, exclude_fields=TIMESTAMPS)
auditlog.register(Attendance)
