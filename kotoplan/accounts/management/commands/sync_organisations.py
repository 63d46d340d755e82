from django.core.management.base import BaseCommand

from kotoplan.accounts.services import organisations_sync_public


class Command(BaseCommand):
    help = "Create the public-sector organisations for municipalities and areas (idempotent)."

    def handle(self, *args, **options):
        changed = organisations_sync_public()
        self.stdout.write(f"{changed} organisation(s) created or renamed.")
