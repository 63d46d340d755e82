"""Refresh the offline Sotkanet indicator catalogue from the live API."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kotoplan.monitoring.statistics.errors import FetchError
from kotoplan.monitoring.statistics.services import sotkanet_catalogue_update


class Command(BaseCommand):
    help = (
        "Fetch Sotkanet's indicator list ({KOTOPLAN_SOTKANET_URL}indicators), store it as the "
        "offline catalogue (KOTOPLAN_SOTKANET_CATALOGUE, or --output) and give the imported "
        "Sotkanet indicators the names, producers and descriptions they lack."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", help="write the catalogue here instead")
        parser.add_argument("--file", help="read the indicator list from a file, not the API")

    def handle(self, *args, **options):
        content = Path(options["file"]).read_bytes() if options["file"] else None
        output = Path(options["output"]) if options["output"] else None
        try:
            result = sotkanet_catalogue_update(content=content, path=output)
        except FetchError as exc:
            raise CommandError(exc.message) from exc
        except ValueError as exc:
            raise CommandError(f"The indicator list was not readable: {exc}") from exc
        self.stdout.write(
            f"Catalogue: {result['indicators']} indicators; "
            f"{result['updated']} imported indicators updated."
        )
