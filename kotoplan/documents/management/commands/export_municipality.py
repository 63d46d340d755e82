"""Write one municipality's whole data to a JSON file (docs/backup.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kotoplan.documents.importers.municipality import RestoreRefused
from kotoplan.documents.services import municipality_data_export


class Command(BaseCommand):
    help = "Export one municipality's plans, monitoring, cooperation, consultations and audit."

    def add_arguments(self, parser):
        parser.add_argument("code", help="municipality code, e.g. 837")
        parser.add_argument("file", help="the JSON file to write ('-' for standard output)")

    def handle(self, *args, **options):
        try:
            content = municipality_data_export(code=options["code"])
        except RestoreRefused as exc:
            raise CommandError(exc.message) from exc
        if options["file"] == "-":
            self.stdout.write(content.decode("utf-8"))
            return
        Path(options["file"]).write_bytes(content)
        self.stdout.write(f"Municipality {options['code']} exported to {options['file']}")
