"""Background work of the documents app (django-tasks; a database queue in production)."""

from django_tasks import task

from .models import PlanImport
from .services import plan_import_run


@task()
def save_plan_import(plan_import_id: int) -> str:
    """Save one confirmed plan spreadsheet; returns the final status of the import."""
    return plan_import_run(plan_import_id=plan_import_id).status


def plan_import_enqueue(plan_import: PlanImport) -> PlanImport:
    """Hand a confirmed import to the background worker; the import as it is now (already
    saved when the tasks run immediately, as in tests)."""
    save_plan_import.enqueue(plan_import.pk)
    plan_import.refresh_from_db()
    return plan_import
