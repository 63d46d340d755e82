from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kotoplan.geography.errors import ReferenceDataError
from kotoplan.geography.services import reference_data_load


class Command(BaseCommand):
    help = "Load or update municipalities and their dated areas from data/reference (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--directory", type=Path, default=None)

    def handle(self, *args, directory=None, **options):
        try:
            report = reference_data_load(directory=directory)
        except ReferenceDataError as exc:
            raise CommandError(exc.message) from exc
        if not report.changed:
            self.stdout.write("Reference data already up to date.")
            return
        for label, bucket in (("created", report.created), ("updated", report.updated)):
            for what, count in sorted(bucket.items()):
                self.stdout.write(f"{label} {count} {what}(s)")
