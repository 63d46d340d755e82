"""The audit trail read as a feed of changes: what was recorded after a point, for what keeps
derived data (the library's search index) in step with the plans."""

import datetime as dt
from dataclasses import dataclass

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Max, Q


@dataclass(frozen=True)
class FeedEntry:
    pk: int
    content_type_id: int
    plan_id: int | None
    timestamp: dt.datetime


def trail_after(*, mark: int, since: dt.datetime, seen: list[int]) -> list[FeedEntry]:
    """Entries after `mark`, and those recorded since `since` (a transaction may commit an
    entry after one with a higher id) that are not in `seen`, oldest first."""
    entries = LogEntry.objects.filter(Q(pk__gt=mark) | Q(timestamp__gte=since)).exclude(pk__in=seen)
    return [
        FeedEntry(pk, content_type_id, _plan_id(plan_id), timestamp)
        for pk, content_type_id, plan_id, timestamp in entries.order_by("pk").values_list(
            "pk", "content_type_id", "additional_data__plan_id", "timestamp"
        )
    ]


def trail_end(*, models=None) -> int:
    """The id of the newest entry (of `models` only, when given; 0 when there is none)."""
    entries = LogEntry.objects.all()
    if models is not None:
        types = ContentType.objects.get_for_models(*models).values()
        entries = entries.filter(content_type__in=[t.pk for t in types])
    return entries.aggregate(last=Max("pk"))["last"] or 0


def _plan_id(value) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None
