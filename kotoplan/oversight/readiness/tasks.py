"""Background work of the readiness check (django-tasks; a database queue in production).

Every change to plan content is an auditlog entry carrying `additional_data.plan_id`. When such
an entry is written, the plan is queued for a readiness refresh once the transaction commits;
the plans of one transaction are queued once each however many entries it wrote.
"""

from auditlog.models import LogEntry
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django_tasks import task

from kotoplan.planning.models import Plan

from .services import readiness_refresh

_PENDING = "_kotoplan_readiness_pending"


@task()
def refresh_plan_readiness(plan_id: int) -> None:
    """Bring the stored readiness result of the plan up to date (no-op if nothing changed)."""
    plan = Plan.objects.filter(pk=plan_id).first()
    if plan is not None:
        readiness_refresh(plan=plan)


def _enqueue_pending(using: str) -> None:
    pending: set[int] = getattr(transaction.get_connection(using), _PENDING, set())
    plan_ids = sorted(pending)
    pending.clear()
    for plan_id in plan_ids:
        refresh_plan_readiness.enqueue(plan_id=plan_id)


@receiver(post_save, sender=LogEntry, dispatch_uid="oversight_readiness_on_audit_entry")
def queue_readiness_refresh(sender, instance: LogEntry, created: bool, using: str, **kwargs):
    plan_id = (instance.additional_data or {}).get("plan_id")
    if not created or not plan_id:
        return
    connection = transaction.get_connection(using)
    pending = getattr(connection, _PENDING, None)
    if pending is None:
        pending = set()
        setattr(connection, _PENDING, pending)
    # A rolled-back entry leaves its id behind; it is refreshed with the next commit, harmlessly.
    pending.add(int(plan_id))
    transaction.on_commit(lambda: _enqueue_pending(using), using=using)
