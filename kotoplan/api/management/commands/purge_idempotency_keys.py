"""Forget the API's Idempotency-Keys past their time (KOTOPLAN_API_IDEMPOTENCY_HOURS).

Run it daily (cron or a scheduler); an expired key is also dropped when it is sent again.
"""

from django.core.management.base import BaseCommand

from kotoplan.api.services import idempotency_purge


class Command(BaseCommand):
    help = "Remove expired Idempotency-Key records of the REST API."

    def handle(self, *args, **options):
        removed = idempotency_purge()
        self.stdout.write(f"{removed} idempotency key(s) removed")
