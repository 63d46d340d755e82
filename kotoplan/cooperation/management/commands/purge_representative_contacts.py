"""Remove the e-mail addresses and phones of representatives whose seat ended long ago.

Run it daily (cron or a systemd timer; the task `purge_representative_contacts` does the same
for a scheduler that starts tasks). Setting: KOTOPLAN_REPRESENTATIVE_CONTACT_RETENTION_DAYS.
"""

from django.core.management.base import BaseCommand

from kotoplan.cooperation.services import representative_contacts_purge


class Command(BaseCommand):
    help = (
        "Remove the e-mail and phone of cooperation group representatives whose seat ended "
        "more than KOTOPLAN_REPRESENTATIVE_CONTACT_RETENTION_DAYS days ago (or --days)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="keep details this many days")

    def handle(self, *args, **options):
        removed = representative_contacts_purge(older_than_days=options["days"])
        self.stdout.write(f"Contact details removed from {removed} representative(s)")
