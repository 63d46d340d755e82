"""Background work of statistics imports (django-tasks; a database queue in production)."""

from django_tasks import task

from .models import ImportRun
from .services import import_run_execute


@task()
def run_import(run_id: int) -> str:
    """Run one queued statistics import; returns the final status of the run."""
    return import_run_execute(run_id=run_id).status


def import_run_enqueue(run: ImportRun) -> None:
    """Hand a recorded run to the background worker and keep the task's id on the run."""
    result = run_import.enqueue(run.pk)
    ImportRun.objects.filter(pk=run.pk, task_id="").update(task_id=str(result.id)[:64])
