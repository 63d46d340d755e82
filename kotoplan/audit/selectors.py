"""Reading the audit trail."""

from dataclasses import dataclass

from auditlog.models import LogEntry
from django.db.models import QuerySet


def plan_trail(*, plan_id: int) -> QuerySet[LogEntry]:
    """Every recorded change to a plan and its content, newest first."""
    return (
        LogEntry.objects.filter(additional_data__plan_id=plan_id)
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-pk")
    )


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str


def entry_changes(entry: LogEntry) -> list[FieldChange]:
    changes = entry.changes_dict or {}
    result = []
    for name, values in changes.items():
        if isinstance(values, dict):  # many-to-many changes
            old = (
                ", ".join(values.get("objects", [])) if values.get("operation") == "delete" else ""
            )
            new = (
                ", ".join(values.get("objects", [])) if values.get("operation") != "delete" else ""
            )
        else:
            old, new = [*values, None, None][:2]
        result.append(
            FieldChange(
                field=name,
                old="" if old in (None, "None") else str(old),
                new="" if new in (None, "None") else str(new),
            )
        )
    return result
