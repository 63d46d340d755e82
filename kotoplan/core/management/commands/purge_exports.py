"""Remove stored exports (generated plan and feedback files) past their retention time.

Run it daily (cron or a scheduler) beside purge_imports. Setting: KOTOPLAN_EXPORT_RETENTION_HOURS.
"""

from django.core.management.base import BaseCommand

from kotoplan.core.services import exports_purge


class Command(BaseCommand):
    help = "Remove stored exports older than KOTOPLAN_EXPORT_RETENTION_HOURS."

    def handle(self, *args, **options):
        removed = exports_purge()
        self.stdout.write(f"{removed} stored export(s) removed")
