"""Refresh the offline Sotkanet indicator catalogue and regions list from the live API."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kotoplan.monitoring.statistics.errors import FetchError, ImportFormatError
from kotoplan.monitoring.statistics.services import (
    sotkanet_catalogue_update,
    sotkanet_regions_update,
)


class Command(BaseCommand):
    help = (
        "Fetch Sotkanet's indicator list ({KOTOPLAN_SOTKANET_URL}indicators), store it as the "
        "offline catalogue (KOTOPLAN_SOTKANET_CATALOGUE, or --output) and give the imported "
        "Sotkanet indicators the names, producers and descriptions they lack; then fetch the "
        "regions list ({KOTOPLAN_SOTKANET_URL}regions) and store it beside the catalogue as "
        "regions.json, the list that maps the region ids of Sotkanet rows to municipality, "
        "wellbeing services county and region codes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", help="write the catalogue here instead")
        parser.add_argument("--file", help="read the indicator list from a file, not the API")
        parser.add_argument("--regions-file", help="read the regions list from a file, not the API")
        parser.add_argument(
            "--regions-output", help="write the regions list here instead (default: beside it)"
        )
        parser.add_argument("--skip-regions", action="store_true", help="leave the regions list")
        parser.add_argument(
            "--only-regions", action="store_true", help="refresh the regions list only"
        )

    def handle(self, *args, **options):
        if not options["only_regions"]:
            self._catalogue(options)
        if not options["skip_regions"]:
            self._regions(options)

    def _catalogue(self, options):
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

    def _regions(self, options):
        content = Path(options["regions_file"]).read_bytes() if options["regions_file"] else None
        output = options["regions_output"] or (
            Path(options["output"]).with_name("regions.json") if options["output"] else None
        )
        try:
            result = sotkanet_regions_update(content=content, path=Path(output) if output else None)
        except FetchError as exc:
            raise CommandError(exc.message) from exc
        except (ImportFormatError, ValueError) as exc:
            raise CommandError(f"The regions list was not readable: {exc}") from exc
        self.stdout.write(
            f"Regions: {result['regions']} regions, {result['municipalities']} municipalities, "
            f"{result['counties']} wellbeing services counties."
        )
