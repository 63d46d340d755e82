"""Participation is recorded by django-auditlog, like plan content. Comments keep their text in
the trail, so a hidden comment stays traceable. A participant's email is never copied there."""

from auditlog.registry import auditlog

from .models import (
    Comment,
    Consultation,
    ConsultationLanguage,
    ContentTranslation,
    ParticipationEvent,
    Question,
    ResponseItem,
    Submission,
)

SKIPPED = ["version", "updated_at", "created_at"]

auditlog.register(Consultation, exclude_fields=SKIPPED, m2m_fields={"objectives"})
auditlog.register(ConsultationLanguage, exclude_fields=SKIPPED)
auditlog.register(ContentTranslation)
auditlog.register(Question, exclude_fields=SKIPPED)
auditlog.register(Submission, exclude_fields=["email"])
auditlog.register(Comment)
auditlog.register(ResponseItem, exclude_fields=SKIPPED, m2m_fields={"comments"})
auditlog.register(ParticipationEvent, exclude_fields=SKIPPED)
