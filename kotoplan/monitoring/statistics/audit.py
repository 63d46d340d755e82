"""Catalogue edits, the situation picture choice, import runs and single values written through
the API are recorded by django-auditlog. Imports write their values in bulk, which the audit log
does not see: a run's entries name who started it, the file or address, and when it ends how
many values it created, updated and skipped for which areas; its values point back to the run."""

from auditlog.registry import auditlog

from kotoplan.audit.selectors import history_rule, nobody

from .models import ImportRun, SituationIndicator, StatIndicator, StatisticValue

auditlog.register(StatIndicator, exclude_fields=["updated_at", "created_at"])
auditlog.register(SituationIndicator)
auditlog.register(
    ImportRun,
    include_fields=[
        "source",
        "file_name",
        "url",
        "table_id",
        "municipality",
        "status",
        "rows_created",
        "rows_updated",
        "rows_skipped",
        "skipped_note",
        "areas_written",
        "error_message",
    ],
)
auditlog.register(StatisticValue, exclude_fields=["import_run"])

# Imports are the statistics' own record, not a plan's history.
history_rule(ImportRun)(nobody)
