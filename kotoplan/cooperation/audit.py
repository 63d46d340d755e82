"""The group register is recorded by django-auditlog like plan content: who, when, which
fields. Entries carry the group's id, and the plan's id for what concerns a plan. The
representatives' names and contact details are personal data, erased on request."""

from auditlog.registry import auditlog
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext, gettext_lazy, override

from kotoplan.audit.selectors import history_rule
from kotoplan.audit.services.erasure import DataSubject, register_personal_data
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
):
    auditlog.register(model, exclude_fields=TIMESTAMPS)
# A representative's e-mail and phone are for invitations only: the trail does not copy them.
auditlog.register(models.Representative, exclude_fields=[*TIMESTAMPS, "email", "phone"])
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
    return Q(additional_data__cooperation_group_id__in=sorted(groups.values_list("pk", flat=True)))


# --- personal data: representatives' names and contact details (erasure on request) ----------


def _representatives_of(subject: DataSubject) -> list[tuple[int, str]]:
    condition = subject.email_q("email") | subject.name_q("name")
    if subject.user is not None:
        condition |= Q(user=subject.user)
    found = models.Representative.objects.filter(condition).select_related("membership__group")
    return [(rep.pk, f"{rep.name}, {rep.membership.group}") for rep in found]


def _erase_representatives(*, subject: DataSubject, ids: list[int]) -> None:
    with override(settings.LANGUAGE_CODE):
        for pk in ids:
            models.Representative.objects.filter(pk=pk).update(
                name=gettext("Removed person %(id)s") % {"id": pk}, title="", email="", phone=""
            )


register_personal_data(
    key="representative",
    label=gettext_lazy("Cooperation group representatives"),
    find=_representatives_of,
    erase=_erase_representatives,
    model=models.Representative,
    fields=("name", "title", "email", "phone"),
    order=20,
)
