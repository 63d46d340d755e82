"""Reading the audit trail."""

from dataclasses import dataclass
from datetime import date

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from kotoplan.accounts.audit import SecurityEvent
from kotoplan.accounts.models import RoleAssignment, User


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


# --- security and access events (viewed by administrators) ------------------------------------


@dataclass(frozen=True)
class SecurityFilter:
    event: str = ""  # a SecurityEvent value, "roles" for role and permission changes, or ""
    username: str = ""
    since: date | None = None
    until: date | None = None


def security_trail(*, filters: SecurityFilter) -> QuerySet[LogEntry]:
    """Logins, failed logins, lockouts, password and second-factor events, and changes of roles
    and of the user flags that grant access; newest first."""
    user_type = ContentType.objects.get_for_model(User)
    role_type = ContentType.objects.get_for_model(RoleAssignment)
    security = Q(content_type=user_type, additional_data__has_key="security_event")
    access_changes = Q(content_type=role_type) | Q(
        content_type=user_type, action__in=[LogEntry.Action.CREATE, LogEntry.Action.UPDATE]
    )
    if filters.event == "roles":
        entries = LogEntry.objects.filter(access_changes)
    elif filters.event:
        entries = LogEntry.objects.filter(
            content_type=user_type, additional_data__security_event=filters.event
        )
    else:
        entries = LogEntry.objects.filter(security | access_changes)
    if filters.username:
        entries = entries.filter(
            Q(additional_data__username__icontains=filters.username)
            | Q(object_repr__icontains=filters.username)
            | Q(actor__username__icontains=filters.username)
        )
    if filters.since:
        entries = entries.filter(timestamp__date__gte=filters.since)
    if filters.until:
        entries = entries.filter(timestamp__date__lte=filters.until)
    return entries.select_related("actor", "content_type").order_by("-timestamp", "-pk")


def security_event_label(entry: LogEntry) -> str:
    """What happened, in words: the security event, or the kind of change of a role or user."""
    event = (entry.additional_data or {}).get("security_event")
    if event:
        return str(SecurityEvent(event).label) if event in SecurityEvent.values else event
    kinds = {
        LogEntry.Action.CREATE: _("created"),
        LogEntry.Action.UPDATE: _("changed"),
        LogEntry.Action.DELETE: _("deleted"),
    }
    what = capfirst(entry.content_type.model_class()._meta.verbose_name)
    return f"{what}: {kinds.get(entry.action, '')}"
