"""Remove uploaded plan spreadsheets past their retention time; fail stuck savings.

Run it daily (cron or a scheduler); every upload also runs it. Settings:
KOTOPLAN_IMPORT_RETENTION_HOURS and KOTOPLAN_IMPORT_STALE_MINUTES.
"""

from django.core.management.base import BaseCommand

from kotoplan.documents.services import plan_imports_purge


class Command(BaseCommand):
    help = "Empty uploaded plan spreadsheets older than KOTOPLAN_IMPORT_RETENTION_HOURS."

    def handle(self, *args, **options):
        removed = plan_imports_purge()
        self.stdout.write(f"{removed} uploaded file(s) removed")
