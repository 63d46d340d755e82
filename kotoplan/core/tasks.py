"""Background work of the kernel: making stored exports (django-tasks; a database queue in
production, run at once in tests)."""

from django_tasks import task

from .models import StoredExport
from .services import export_request, export_run


@task()
def make_export(export_id: int) -> str:
    """Make one stored export; returns its final status."""
    export = export_run(export_id=export_id)
    return export.status if export else "gone"


def export_start(
    *, subject_type: str, subject_id: int, kind: str, language: str, fingerprint: str
) -> StoredExport:
    """The stored export of this content, handed to the worker when it must be made; as it is
    now (already made when tasks run at once, as in tests)."""
    export, run = export_request(
        subject_type=subject_type,
        subject_id=subject_id,
        kind=kind,
        language=language,
        fingerprint=fingerprint,
    )
    if run:
        make_export.enqueue(export.pk)
        export.refresh_from_db()
    return export
