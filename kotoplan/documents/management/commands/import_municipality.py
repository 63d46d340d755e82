"""Read a municipality export back in: all of it in one transaction, or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kotoplan.documents.importers.municipality import RestoreRefused
from kotoplan.documents.services import municipality_data_import


class Command(BaseCommand):
    help = (
        "Import a file written by export_municipality into a municipality without data of its "
        "own (reference data loaded first). Nothing is written when the file has a problem."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the JSON file written by export_municipality")

    def handle(self, *args, **options):
        try:
            content = Path(options["file"]).read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {options['file']}: {exc.strerror}") from exc
        try:
            counts = municipality_data_import(content=content)
        except RestoreRefused as exc:
            raise CommandError(f"Nothing was imported. {exc.message}") from exc
        for label, n in counts.items():
            self.stdout.write(f"{label}: {n}")
        self.stdout.write(self.style.SUCCESS(f"{sum(counts.values())} rows imported."))
