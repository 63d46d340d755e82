"""Catalogue edits are recorded by django-auditlog; an import is recorded by its ImportRun
(who, when, which file, what changed), and its values point back to that run."""

from auditlog.registry import auditlog

from .models import StatIndicator

auditlog.register(StatIndicator, exclude_fields=["updated_at", "created_at"])
