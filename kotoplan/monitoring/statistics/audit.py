"""Catalogue edits and single values written through the API are recorded by django-auditlog; an
import is recorded by its ImportRun (who, when, which file, what changed), and its values point
back to that run (imports write in bulk, which the audit log does not see)."""

from auditlog.registry import auditlog

from .models import StatIndicator, StatisticValue

auditlog.register(StatIndicator, exclude_fields=["updated_at", "created_at"])
auditlog.register(StatisticValue, exclude_fields=["import_run"])
