"""Send the monitoring round reminders due today; safe to run more than once a day (cron)."""

from django.core.management.base import BaseCommand

from kotoplan.monitoring.rounds.services import reminders_send_all


class Command(BaseCommand):
    help = "Send the monitoring round reminders that are due today."

    def handle(self, *args, **options) -> None:
        sent = reminders_send_all()
        self.stdout.write(f"{sent} reminder(s) sent.")
