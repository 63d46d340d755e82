"""Remove uploaded statistics files once they are no longer needed (run daily)."""

from django.core.management.base import BaseCommand

from kotoplan.monitoring.statistics.services import import_uploads_purge


class Command(BaseCommand):
    help = (
        "Empty the uploaded contents of statistics imports started more than "
        "KOTOPLAN_STATISTICS_KEEP_UPLOADS_DAYS days ago (or --days)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="keep uploads this many days")

    def handle(self, *args, **options):
        purged = import_uploads_purge(older_than_days=options["days"])
        self.stdout.write(f"Uploaded contents removed from {purged} imports.")
