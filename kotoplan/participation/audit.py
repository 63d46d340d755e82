"""Participation is recorded by django-auditlog, like plan content. Comments keep their text in
the trail, so a hidden comment stays traceable. A participant's email is never copied there."""

from auditlog.registry import auditlog
from django.utils.translation import gettext_lazy

from kotoplan.audit.selectors import everyone, history_rule
from kotoplan.audit.services.erasure import DataSubject, register_personal_data
from kotoplan.core.permissions import can

from . import models

SKIPPED = ["version", "updated_at", "created_at"]

auditlog.register(
    models.Consultation,
    exclude_fields=[*SKIPPED, "draft_snapshot"],  # its time is kept; the text is the plan's
    m2m_fields={"objectives"},
)
auditlog.register(models.ConsultationLanguage, exclude_fields=SKIPPED)
auditlog.register(models.ContentTranslation)
auditlog.register(models.Question, exclude_fields=SKIPPED)
auditlog.register(models.Submission, exclude_fields=["email"])
auditlog.register(models.Comment)
auditlog.register(models.ResponseItem, exclude_fields=SKIPPED, m2m_fields={"comments"})
auditlog.register(models.ParticipationEvent, exclude_fields=SKIPPED)

history_rule(
    models.Consultation,
    models.ConsultationLanguage,
    models.ContentTranslation,
    models.Question,
    models.ParticipationEvent,
)(everyone)


@history_rule(models.Submission, models.Comment, models.ResponseItem)
def feedback_for_its_moderators(user, plan) -> bool:
    """Residents' feedback, hidden comments and their reasons, and the organisations that
    answered are read in the history only by those who moderate the consultation."""
    return can(user, "participation.manage", plan)


# --- personal data: a participant's reply address (erasure on request) ----------------------


def _feedback_contacts_of(subject: DataSubject) -> list[tuple[int, str]]:
    found = models.Submission.objects.filter(subject.email_q("email")).select_related(
        "consultation"
    )
    return [(s.pk, f"{s.consultation}, {s.submitted_at:%Y-%m-%d}") for s in found]


def _erase_feedback_contacts(*, subject: DataSubject, ids: list[int]) -> None:
    """The feedback stays (it names nobody); the address to reply to goes."""
    models.Submission.objects.filter(pk__in=ids).update(email="")


register_personal_data(
    key="feedback_contact",
    label=gettext_lazy("Reply addresses given with consultation feedback"),
    find=_feedback_contacts_of,
    erase=_erase_feedback_contacts,
    model=models.Submission,
    fields=("email",),
    is_person=False,
    order=30,
)
