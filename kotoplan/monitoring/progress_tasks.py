"""Background task of monitoring rounds: send the reminders due today (scheduled per round)."""

from django_tasks import task

from .models_rounds import MonitoringRound


@task()
def send_round_reminders(round_id: int) -> int:
    """Send the reminders of one round that are due today; returns how many mails went out."""
    from .progress_reminders import reminders_send

    monitoring_round = MonitoringRound.objects.select_related("plan").filter(pk=round_id).first()
    if monitoring_round is None:
        return 0
    return reminders_send(monitoring_round=monitoring_round)
