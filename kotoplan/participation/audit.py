"""Participation is recorded by django-auditlog, like plan content. Comments keep their text in
the trail, so a hidden comment stays traceable. A participant's email is never copied there."""

from auditlog.registry import auditlog

from kotoplan.audit.selectors import everyone, history_rule
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
