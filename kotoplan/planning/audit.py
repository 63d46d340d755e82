"""Plan content is recorded by django-auditlog: who, when and which fields changed. A plan's
and a measure's contact person are personal data, erased on request."""

from auditlog.registry import auditlog
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy

from kotoplan.audit.selectors import everyone, history_rule
from kotoplan.audit.services.erasure import DataSubject, register_personal_data

from .models import (
    DecisionStep,
    Indicator,
    LinkedDocument,
    Measure,
    Milestone,
    Objective,
    Plan,
    PlanChapter,
    PlanInvitation,
    TargetGroup,
)

auditlog.register(
    Plan, exclude_fields=["version", "updated_at", "created_at"], m2m_fields={"municipalities"}
)
auditlog.register(
    Objective,
    exclude_fields=["version", "updated_at", "created_at"],
    m2m_fields={"target_groups", "additional_themes"},
)
auditlog.register(
    Measure,
    exclude_fields=["version", "updated_at", "created_at", *Measure.SCHEDULE_SORT_FIELDS],
    m2m_fields={"partners", "co_responsible"},
)
auditlog.register(Indicator, exclude_fields=["version", "updated_at", "created_at"])
auditlog.register(TargetGroup, exclude_fields=["version", "updated_at", "created_at"])
auditlog.register(Milestone, exclude_fields=["version", "updated_at", "created_at"])
auditlog.register(DecisionStep, exclude_fields=["version", "updated_at", "created_at"])
auditlog.register(PlanChapter, exclude_fields=["version", "updated_at", "created_at"])
auditlog.register(LinkedDocument, exclude_fields=["version", "updated_at", "created_at"])
auditlog.register(PlanInvitation, exclude_fields=["updated_at", "created_at"])

history_rule(
    Plan,
    Objective,
    Measure,
    Indicator,
    TargetGroup,
    Milestone,
    DecisionStep,
    PlanChapter,
    LinkedDocument,
    PlanInvitation,
)(everyone)


# --- personal data: a plan's and a measure's contact person (erasure on request) ------------


def _plan_contacts_of(subject: DataSubject) -> list[tuple[int, str]]:
    found = Plan.objects.filter(subject.email_q("contact_email") | subject.name_q("contact_name"))
    return [(plan.pk, str(plan)) for plan in found]


def _erase_plan_contacts(*, subject: DataSubject, ids: list[int]) -> None:
    # `updated_at` too: the plan's stored files and kept page content are made anew without them
    Plan.objects.filter(pk__in=ids).update(
        contact_name="", contact_email="", contact_phone="", updated_at=timezone.now()
    )


def _measure_contacts_of(subject: DataSubject) -> list[tuple[int, str]]:
    condition = subject.name_q("responsible_contact")
    for email in subject.emails:
        condition |= Q(responsible_contact__icontains=email)
    return [(m.pk, str(m)) for m in Measure.objects.filter(condition)]


def _erase_measure_contacts(*, subject: DataSubject, ids: list[int]) -> None:
    Measure.objects.filter(pk__in=ids).update(responsible_contact="")
    Plan.objects.filter(objectives__measures__pk__in=ids).update(updated_at=timezone.now())


register_personal_data(
    key="plan_contact",
    label=gettext_lazy("Contact person of a plan"),
    find=_plan_contacts_of,
    erase=_erase_plan_contacts,
    model=Plan,
    fields=("contact_name", "contact_email", "contact_phone"),
    is_person=False,
    order=10,
)
register_personal_data(
    key="measure_contact",
    label=gettext_lazy("Contact person of a measure"),
    find=_measure_contacts_of,
    erase=_erase_measure_contacts,
    model=Measure,
    fields=("responsible_contact",),
    is_person=False,
    order=11,
)
