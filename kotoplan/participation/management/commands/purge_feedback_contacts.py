"""Remove the reply e-mail addresses of consultation feedback past their retention time.

Run it daily (cron or a systemd timer; the task `purge_feedback_contacts` does the same for a
scheduler that starts tasks). Setting: KOTOPLAN_FEEDBACK_CONTACT_RETENTION_DAYS.
"""

from django.core.management.base import BaseCommand

from kotoplan.participation.services import feedback_contacts_purge


class Command(BaseCommand):
    help = (
        "Remove reply e-mail addresses from the feedback of consultations closed more than "
        "KOTOPLAN_FEEDBACK_CONTACT_RETENTION_DAYS days ago (or --days)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="keep addresses this many days")

    def handle(self, *args, **options):
        removed = feedback_contacts_purge(older_than_days=options["days"])
        self.stdout.write(f"{removed} reply e-mail address(es) removed")
