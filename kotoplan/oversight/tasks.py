"""Background tasks of the oversight app (django-tasks; a database queue in the demo)."""

from django_tasks import task

from kotoplan.planning.models import Plan

from .selectors import readiness_for_plan


@task()
def refresh_plan_readiness(plan_id: int) -> None:
    """Bring the stored readiness result of the plan up to date (no-op if nothing changed)."""
    plan = Plan.objects.filter(pk=plan_id).first()
    if plan is not None:
        readiness_for_plan(plan=plan)
