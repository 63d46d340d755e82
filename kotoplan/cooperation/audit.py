"""The group register is recorded by django-auditlog like plan content: who, when, which
fields. Entries carry the group's id, and the plan's id for what concerns a plan."""

from auditlog.registry import auditlog
from django.db.models import Q

from kotoplan.audit.selectors import history_rule
from kotoplan.core.permissions import scope

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


@history_rule(
    models.CooperationGroup,
    models.Meeting,
    models.AgendaItem,
    models.Attendance,
    models.Initiative,
    models.MeasureProposal,
    models.MeetingDocument,
    models.Membership,
    models.PlanComment,
    models.Representative,
)
def group_work_for_its_group(user, plan) -> Q:
    """A group's internal comments and proposals on a plan (and any other group entry that
    names a plan) are read in the plan's history only by those who may open that group."""
    groups = scope(user, "cooperation.view_group", models.CooperationGroup.objects.all())
    return Q(additional_data__cooperation_group_id__in=list(groups.values_list("pk", flat=True)))
