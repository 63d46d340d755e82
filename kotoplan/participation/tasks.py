"""Background work of consultations: recording the draft at the moment a consultation opens,
and the daily removal of reply e-mail addresses past their retention time.

A consultation saved while it is already open records its draft at once (in the service); one
that opens later has the recording queued for its opening time when the task backend can defer.
"""

from django_tasks import default_task_backend, task

from .models import Consultation
from .services import draft_snapshot_take, feedback_contacts_purge


@task()
def take_draft_snapshot(consultation_id: int) -> bool:
    consultation = Consultation.objects.filter(pk=consultation_id).first()
    if consultation is None:
        return False
    return draft_snapshot_take(consultation=consultation)


def schedule_draft_snapshot(*, consultation: Consultation) -> None:
    """Queue the recording for the opening time (a queued run for an opening time that has
    since changed finds the consultation not yet open, or already recorded, and does nothing)."""
    if consultation.draft_taken_at is None and default_task_backend.supports_defer:
        take_draft_snapshot.using(run_after=consultation.opens_at).enqueue(consultation.pk)


@task()
def purge_feedback_contacts() -> int:
    """The daily retention run for schedulers that start tasks (the command does the same)."""
    return feedback_contacts_purge()
