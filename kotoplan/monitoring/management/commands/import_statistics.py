"""Import statistics from a file or from the live API, synchronously, as an operator."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kotoplan.monitoring.statistics.errors import FetchError
from kotoplan.monitoring.statistics.integrations.sotkanet import client as sotkanet_client
from kotoplan.monitoring.statistics.integrations.statfin import client as statfin_client
from kotoplan.monitoring.statistics.models import ImportRun
from kotoplan.monitoring.statistics.services import catalogue_sync, import_run_execute


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"Cannot read {path}: {exc}") from exc


class Command(BaseCommand):
    help = (
        "Import a JSON-stat 2.0 answer of Statistics Finland or Sotkanet data rows, from a file "
        "or from the API (a path is resolved against KOTOPLAN_STATFIN_URL/KOTOPLAN_SOTKANET_URL). "
        "Re-importing the same data changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--source", required=True, choices=["statfin", "sotkanet"])
        where = parser.add_mutually_exclusive_group(required=True)
        where.add_argument("--file", help="a local file")
        where.add_argument("--url", help="an address or a path under the configured base URL")
        parser.add_argument(
            "--query", help="PxWeb query (JSON) for a StatFin --url; default: the whole table"
        )
        parser.add_argument(
            "--regions",
            help="Sotkanet regions list (JSON); fetched for --url, the shipped list otherwise",
        )
        parser.add_argument("--table", default="", help="StatFin table id when the file lacks it")
        parser.add_argument(
            "--language", default="en", choices=["fi", "sv", "en"], help="language of messages"
        )

    def handle(self, *args, **options):
        source, regions = options["source"], ""
        if options["regions"]:
            regions = _read(options["regions"])
        if options["file"]:
            run = ImportRun(source=source, file_name=Path(options["file"]).name[:255])
            run.payload = _read(options["file"])
        else:
            client = (
                statfin_client.table_url if source == "statfin" else sotkanet_client.resolve_url
            )
            try:
                run = ImportRun(source=source, url=client(options["url"]))
            except FetchError as exc:
                raise CommandError(exc.message) from exc
        run.regions_payload = regions
        run.table_id = options["table"]
        run.language = options["language"]
        if options["query"]:
            run.query = _read(options["query"])
        run.save()
        catalogue_sync()
        run = import_run_execute(run_id=run.pk)
        if run.status != ImportRun.Status.SUCCEEDED:
            raise CommandError(f"Import rejected, nothing was saved: {run.error_message}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {run.rows_total} rows: {run.rows_created} created, "
                f"{run.rows_updated} updated, {run.rows_unchanged} unchanged, "
                f"{run.rows_skipped} skipped."
            )
        )
        for reason in run.skipped_reasons:
            self.stdout.write(f"Skipped: {reason}")
