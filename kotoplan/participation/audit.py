"""Participation is recorded by django-auditlog, like plan content. Comments keep their text in
the trail, so a hidden comment stays traceable. A participant's email is never copied there."""

from auditlog.registry import auditlog

from . import models

SKIPPED = ["version", "updated_at", "created_at"]

auditlog.register(models.Consultation, exclude_fields=SKIPPED, m2m_fields={"objectives"})
auditlog.register(models.ConsultationLanguage, exclude_fields=SKIPPED)
auditlog.register(models.ContentTranslation)
auditlog.register(models.Question, exclude_fields=SKIPPED)
auditlog.register(models.Submission, exclude_fields=["email"])
auditlog.register(models.Comment)
auditlog.register(models.ResponseItem, exclude_fields=SKIPPED, m2m_fields={"comments"})
auditlog.register(models.ParticipationEvent, exclude_fields=SKIPPED)
