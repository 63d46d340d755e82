"""Import runs: recorded by the person who starts them, run by the background worker.

Invariants:
- only coordinators (for their own municipality), statistics importers and administrators start
  imports; a coordinator's run writes only that municipality's values;
- every run is audited: who started it, which file or address, and when it ends how many values
  it wrote for which areas;
- a run reports in the language of the person who started it;
- a run that the worker left behind (killed in the middle) is marked failed by
  `import_runs_recover`, and uploaded contents are purged by `import_uploads_purge`.
"""

import json
import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kotoplan.accounts.selectors import user_reach
from kotoplan.audit.services import acting_as
from kotoplan.core.permissions import require
from kotoplan.geography.models import Municipality

from ..errors import FetchError, ImportFormatError
from ..importers.dataset import ParsedDataset, check_size
from ..integrations.sotkanet import catalogue as sotkanet_catalogue
from ..integrations.sotkanet import client as sotkanet_client
from ..integrations.sotkanet import parsers as sotkanet_parsers
from ..integrations.statfin import client as statfin_client
from ..integrations.statfin import parsers as statfin_parsers
from ..models import ImportRun, StatIndicator
from .values import statistic_values_import

logger = logging.getLogger(__name__)
MAX_DESCRIBED = 20  # indicators whose metadata one import fetches
INTERRUPTED = gettext_noop(
    "The import was interrupted: the background worker stopped while it ran. Nothing of it was "
    "saved. Start the import again."
)


def may_import_shared(user) -> bool:
    """Values of every area (other municipalities, counties, the whole country)."""
    if user is None:
        return True  # a command run by the operator on the server
    reach = user_reach(user=user)
    return reach.admin or reach.statistics_importer


@transaction.atomic
def import_run_create(
    *,
    actor,
    source: str,
    municipality: Municipality | None = None,
    file_name: str = "",
    payload: str = "",
    regions_payload: str = "",
    url: str = "",
    table_id: str = "",
) -> ImportRun:
    """Record an import for the background worker (the caller enqueues it once committed)."""
    require(actor, "monitoring.import_statistics", municipality)
    with acting_as(actor):
        return ImportRun.objects.create(
            source=source,
            municipality=municipality,
            created_by=actor,
            file_name=file_name[:255],
            payload=payload,
            regions_payload=regions_payload,
            url=url,
            table_id=table_id.strip()[:40],
            language=(translation.get_language() or settings.LANGUAGE_CODE)[:8],
        )


def _set(run: ImportRun, **fields) -> None:
    for name, value in fields.items():
        setattr(run, name, value)
    run.save(update_fields=[*fields, "updated_at"])


def _parse(run: ImportRun) -> ParsedDataset:
    if run.source == StatIndicator.Source.STATFIN:
        content = run.payload
        if run.url:
            _set(run, phase=ImportRun.Phase.FETCHING)
            query = statfin_client.parse_query(run.query)
            content = statfin_client.fetch_table(run.url, query=query)
        _set(run, phase=ImportRun.Phase.PARSING)
        return statfin_parsers.parse_jsonstat(
            content, table_id=run.table_id, source_name=run.url or run.file_name
        )
    if run.source == StatIndicator.Source.SOTKANET:
        content, regions = run.payload, run.regions_payload
        if run.url:
            _set(run, phase=ImportRun.Phase.FETCHING)
            content = sotkanet_client.fetch_data(run.url)
            regions = regions or sotkanet_client.fetch_regions()
        _set(run, phase=ImportRun.Phase.PARSING)
        check_size(content)
        dataset = sotkanet_parsers.parse_rows(content, sotkanet_parsers.regions_or_shipped(regions))
        if run.url:
            _describe_from_api(dataset)
        return dataset
    raise ImportFormatError(_("Unknown source %(source)r.") % {"source": run.source})


def _describe_from_api(dataset: ParsedDataset) -> None:
    """Names, units, descriptions and producers from the API's indicator endpoint; the offline
    catalogue's stand when the endpoint does not answer."""
    for code, known in list(dataset.indicators.items())[:MAX_DESCRIBED]:
        try:
            metadata = json.loads(sotkanet_client.fetch_indicator(int(known.source_code)))
        except (FetchError, ValueError):
            continue
        described = sotkanet_catalogue.definition(int(known.source_code), metadata)
        if described.name_fi or described.name_en:
            dataset.indicators[code] = described


def _finish(run: ImportRun, **fields) -> ImportRun:
    """The last save of a run, audited as its starter; the uploaded content goes with it."""
    with acting_as(run.created_by):
        _set(run, finished_at=timezone.now(), **fields)
    return run


def _fail(run: ImportRun, message: str) -> ImportRun:
    return _finish(run, status=ImportRun.Status.FAILED, error_message=message)


def import_run_execute(*, run_id: int) -> ImportRun:
    """Run a queued import (the background task calls this); a finished run is left alone."""
    run = ImportRun.objects.select_related("created_by", "municipality").get(pk=run_id)
    if run.status != ImportRun.Status.QUEUED:
        return run
    with translation.override(run.language or settings.LANGUAGE_CODE):
        return _execute(run)


def _execute(run: ImportRun) -> ImportRun:
    _set(run, status=ImportRun.Status.RUNNING, started_at=timezone.now())
    only = None if may_import_shared(run.created_by) else run.municipality
    try:
        if only is None and not may_import_shared(run.created_by):
            raise ImportFormatError(_("Choose the municipality whose values are imported."))
        dataset = _parse(run)
        _set(run, phase=ImportRun.Phase.WRITING, rows_total=len(dataset.values) + dataset.skipped)
        # The values and the run's "succeeded" are committed together: a worker killed between
        # them leaves neither, and the restart marks the run failed with nothing written.
        with transaction.atomic():
            counts = statistic_values_import(dataset=dataset, run=run, only_municipality=only)
            notes = "\n".join(  # one reason a line (ImportRun.skipped_reasons)
                f"{reason}: {n}" for reason, n in sorted(dataset.skipped_reasons.items())
            )
            return _finish(
                run,
                status=ImportRun.Status.SUCCEEDED,
                phase=ImportRun.Phase.DONE,
                rows_created=counts.created,
                rows_updated=counts.updated,
                rows_unchanged=counts.unchanged,
                rows_skipped=counts.skipped,
                skipped_note=notes,
                areas_written=", ".join(counts.areas)[:10000],
                payload="",
                regions_payload="",
            )
    except (ImportFormatError, FetchError) as exc:
        return _fail(run, exc.message)
    except Exception as exc:
        logger.exception("Import run %s failed", run.pk)
        return _fail(run, _("Unexpected error: %(error)s") % {"error": type(exc).__name__})


def import_runs_recover(*, everything_running: bool = False) -> int:
    """Mark as failed the runs the worker left behind: every running run when the (only) worker
    restarts, otherwise those without progress for KOTOPLAN_STATISTICS_STALE_MINUTES. Their
    values were never committed. Returns how many runs were marked."""
    stale = timezone.now() - timedelta(minutes=settings.KOTOPLAN_STATISTICS_STALE_MINUTES)
    runs = ImportRun.objects.filter(status=ImportRun.Status.RUNNING)
    if not everything_running:
        runs = runs.filter(updated_at__lt=stale)
    marked = 0
    for run in runs.select_related("created_by"):
        with translation.override(run.language or settings.LANGUAGE_CODE):
            _fail(run, _(INTERRUPTED))
        marked += 1
    return marked


def import_uploads_purge(*, older_than_days: int | None = None) -> int:
    """Empty the uploaded contents of runs started more than the given number of days ago
    (KOTOPLAN_STATISTICS_KEEP_UPLOADS_DAYS by default) that are not running; returns how many
    runs were purged."""
    days = (
        settings.KOTOPLAN_STATISTICS_KEEP_UPLOADS_DAYS
        if older_than_days is None
        else older_than_days
    )
    cutoff = timezone.now() - timedelta(days=days)
    runs = (
        ImportRun.objects.filter(created_at__lt=cutoff)
        .exclude(status=ImportRun.Status.RUNNING)
        .exclude(payload="", regions_payload="")
    )
    return runs.update(payload="", regions_payload="")
