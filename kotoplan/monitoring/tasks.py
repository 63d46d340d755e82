"""Background tasks of the monitoring app (django-tasks; a database queue in the demo)."""

from django_tasks import task

from .services import import_run_execute


@task()
def run_import(run_id: int) -> str:
    """Run one queued statistics import; returns the final status of the run."""
    return import_run_execute(run_id=run_id).status
