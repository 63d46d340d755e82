"""Background work of monitoring rounds: the reminders of a round, scheduled when it opens.

The daily command `send_monitoring_reminders` sends them too (for task backends that cannot
defer); the reminder log keeps either from sending a reminder twice.
"""

from datetime import datetime, time

from django.utils import timezone
from django_tasks import task

from .models import MonitoringRound
from .selectors import reminder_dates
from .services import reminders_send

SEND_AT = time(8, 0)


@task()
def send_round_reminders(round_id: int) -> int:
    """Send the reminders of one round that are due today; returns how many mails went out."""
    monitoring_round = MonitoringRound.objects.select_related("plan").filter(pk=round_id).first()
    if monitoring_round is None:
        return 0
    return reminders_send(monitoring_round=monitoring_round)


def schedule_round_reminders(*, round_id: int) -> None:
    """Send what is due now and, when the task backend can defer, queue the later reminders."""
    send_round_reminders.enqueue(round_id)
    if not send_round_reminders.get_backend().supports_defer:
        return  # the daily command sends the rest
    monitoring_round = MonitoringRound.objects.get(pk=round_id)
    now = timezone.now()
    for day, _kind in reminder_dates(monitoring_round=monitoring_round):
        when = timezone.make_aware(datetime.combine(day, SEND_AT))
        if when > now:
            send_round_reminders.using(run_after=when).enqueue(round_id)
