"""The group register is recorded by django-auditlog like plan content: who, when, which
fields. Entries carry the group's id, and the plan's id for what concerns a plan."""

from auditlog.registry import auditlog

from . import models

TIMESTAMPS = ["updated_at", "created_at"]

auditlog.register(
    models.CooperationGroup,
    exclude_fields=["version", *TIMESTAMPS],
    m2m_fields={"municipalities", "plans"},
)
auditlog.register(models.Meeting, exclude_fields=["version", *TIMESTAMPS])
for model in (
    models.AgendaItem,
    models.Initiative,
    models.MeasureProposal,
    models.MeetingDocument,
    models.Membership,
    models.NoGroupReason,
    models.PlanComment,
    models.Representative,
):
    auditlog.register(model, exclude_fields=TIMESTAMPS)
auditlog.register(models.Attendance)
