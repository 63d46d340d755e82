"""Writes of statistics.

Invariants:
- a file is parsed and checked completely (shape, values, area codes) before the first write;
  then all its values are written in one transaction, or none;
- re-importing identical data writes nothing and reports every row as unchanged;
- a missing or suppressed value is stored as NULL with its status, never as zero;
- only coordinators and administrators start imports; the ImportRun records who, what and when;
- one value written by another system (`statistic_value_save`, the API) is a write of the same
  people, for a municipality they coordinate; it names the value it replaces (optimistic
  locking), is audited, and writing the same value again changes nothing.
"""

import logging
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kotoplan.audit.services import acting_as
from kotoplan.core.errors import EditConflict
from kotoplan.core.permissions import require
from kotoplan.geography.models import Area, Municipality

from .errors import FetchError, ImportFormatError
from .importers.dataset import AREA, COUNTRY, MISSING, MUNICIPALITY, ParsedDataset
from .integrations.sotkanet import client as sotkanet_client
from .integrations.sotkanet import parsers as sotkanet_parsers
from .integrations.statfin import client as statfin_client
from .integrations.statfin import parsers as statfin_parsers
from .models import (
    ABOLISHED_MUNICIPALITIES,
    KNOWN_BY_CODE,
    KNOWN_INDICATORS,
    ImportRun,
    StatIndicator,
    StatisticValue,
)
from .selectors import statistic_value_version

logger = logging.getLogger(__name__)

QUANTUM = Decimal("0.0001")
LIMIT = Decimal(10) ** 12
KEY_FIELDS = (
    "indicator_id",
    "municipality_id",
    "area_id",
    "country",
    "period",
    "breakdown_key",
    "breakdown_value",
)


@dataclass
class ImportCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


def catalogue_sync() -> int:
    """Create or correct the known indicators; returns how many rows changed (idempotent)."""
    changed = 0
    for definition in KNOWN_INDICATORS:
        wanted = definition.fields()
        indicator = StatIndicator.objects.filter(code=definition.code).first()
        if indicator is None:
            StatIndicator.objects.create(code=definition.code, **wanted)
            changed += 1
        elif any(getattr(indicator, name) != value for name, value in wanted.items()):
            for name, value in wanted.items():
                setattr(indicator, name, value)
            indicator.save()
            changed += 1
    return changed


def _ensure_indicators(dataset: ParsedDataset) -> dict[str, int]:
    """Indicator code → id; an unknown code gets a row from the catalogue or from the file."""
    codes = list(dataset.indicators)
    known = dict(StatIndicator.objects.filter(code__in=codes).values_list("code", "pk"))
    for code in codes:
        if code not in known:
            definition = KNOWN_BY_CODE.get(code) or dataset.indicators[code]
            known[code] = StatIndicator.objects.create(code=code, **definition.fields()).pk
    return known


def _resolve(dataset: ParsedDataset) -> list[tuple]:
    """Check every area code and value against the reference data; return rows to write.

    A row is ((indicator code, municipality id, area id, country, period, breakdown key,
    breakdown value), value, status); nothing is written here.
    """
    municipality_codes = {v.area.code for v in dataset.values if v.area.level == MUNICIPALITY}
    municipalities = {
        m.code: m
        for m in Municipality.objects.filter(code__in=municipality_codes).only(
            "id", "code", "in_act_scope"
        )
    }
    area_keys = {(v.area.area_kind, v.area.code) for v in dataset.values if v.area.level == AREA}
    areas = {
        (a.kind, a.code): a.pk
        for a in Area.objects.filter(
            kind__in={key[0] for key in area_keys}, code__in={key[1] for key in area_keys}
        )
    }
    no_aland = {code for code in dataset.indicators if not _covers_aland(code)}
    rows, seen = [], {}
    for parsed in dataset.values:
        municipality_id = area_id = None
        if parsed.area.level == MUNICIPALITY:
            municipality = municipalities.get(parsed.area.code)
            if municipality is None:
                if parsed.area.code in ABOLISHED_MUNICIPALITIES:
                    dataset.skip(ABOLISHED_MUNICIPALITIES[parsed.area.code])
                    continue
                raise ImportFormatError(
                    f"{parsed.position}: unknown region code, municipality {parsed.area.code} "
                    "is not in the reference data."
                )
            municipality_id = municipality.pk
            if parsed.indicator_code in no_aland and not municipality.in_act_scope:
                parsed.value, parsed.status = None, MISSING
        elif parsed.area.level == AREA:
            area_id = areas.get((parsed.area.area_kind, parsed.area.code))
            if area_id is None:
                raise ImportFormatError(
                    f"{parsed.position}: unknown region code, {parsed.area.describe()} is not in "
                    "the reference data."
                )
        value = parsed.value
        if value is not None:
            if abs(value) >= LIMIT:
                raise ImportFormatError(f"{parsed.position}: the value {value} is too large.")
            value = value.quantize(QUANTUM)
        key = (
            parsed.indicator_code,
            municipality_id,
            area_id,
            parsed.area.level == COUNTRY,
            parsed.period,
            parsed.breakdown_key,
            parsed.breakdown_value,
        )
        if key in seen:
            raise ImportFormatError(
                f"{parsed.position}: the same value already appears at {seen[key]}."
            )
        seen[key] = parsed.position
        rows.append((key, value, parsed.status))
    return rows


def _covers_aland(code: str) -> bool:
    definition = KNOWN_BY_CODE.get(code)
    return definition.covers_aland if definition else True


@transaction.atomic
def statistic_values_import(
    *, dataset: ParsedDataset, run: ImportRun | None = None
) -> ImportCounts:
    """Write a checked dataset: create new values, update changed ones, count the rest."""
    rows = _resolve(dataset)
    ids = _ensure_indicators(dataset)
    periods = {row[0][4] for row in rows}
    existing = {
        tuple(stored[1:-2]): (stored[0], stored[-2], stored[-1])
        for stored in StatisticValue.objects.filter(
            indicator_id__in=ids.values(), period__in=periods
        ).values_list("pk", *KEY_FIELDS, "value", "status")
    }
    to_create, to_update = [], []
    counts = ImportCounts(skipped=dataset.skipped)
    for (code, *where), value, status in rows:
        key = (ids[code], *where)
        current = existing.get(key)
        if current is None:
            fields = dict(zip(KEY_FIELDS, key, strict=True))
            to_create.append(StatisticValue(**fields, value=value, status=status, import_run=run))
        elif current[1:] != (value, status):
            to_update.append(
                StatisticValue(pk=current[0], value=value, status=status, import_run=run)
            )
        else:
            counts.unchanged += 1
    StatisticValue.objects.bulk_create(to_create, batch_size=1000)
    StatisticValue.objects.bulk_update(to_update, ["value", "status", "import_run"], batch_size=500)
    counts.created, counts.updated = len(to_create), len(to_update)
    return counts


@transaction.atomic
def statistic_value_save(
    *,
    actor,
    indicator: StatIndicator,
    municipality: Municipality,
    period: int,
    value: Decimal | None,
    status: str,
    breakdown_key: str = "",
    breakdown_value: str = "",
    based_on: str | None = None,
) -> tuple[StatisticValue, str]:
    """Create or replace one municipality's value; (value, "created", "updated" or
    "unchanged").

    `based_on` is the `statistic_value_version` the caller read; a stored value that says
    something else by now raises EditConflict. The same value written again is no change.
    """
    require(actor, "monitoring.import_statistics", municipality)
    key = {
        "indicator": indicator,
        "municipality": municipality,
        "period": period,
        "breakdown_key": breakdown_key,
        "breakdown_value": breakdown_value,
    }
    stored = StatisticValue.objects.select_for_update().filter(**key).first()
    if stored is not None and (stored.value, stored.status) == (value, status):
        return stored, "unchanged"
    if based_on is not None and (stored is None or statistic_value_version(stored) != based_on):
        raise EditConflict(_("The value changed since it was read."), current=stored)
    outcome = "created" if stored is None else "updated"
    with acting_as(actor):
        if stored is None:
            stored = StatisticValue(**key, value=value, status=status)
        stored.value, stored.status = value, status
        stored.full_clean()
        stored.save()
    return stored, outcome


# --- import runs -------------------------------------------------------------------------------


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
) -> ImportRun:
    """Record an import for the background worker (the caller enqueues it once committed)."""
    require(actor, "monitoring.import_statistics", municipality)
    return ImportRun.objects.create(
        source=source,
        municipality=municipality,
        created_by=actor,
        file_name=file_name[:255],
        payload=payload,
        regions_payload=regions_payload,
        url=url,
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
        return statfin_parsers.parse_jsonstat(content)
    if run.source == StatIndicator.Source.SOTKANET:
        content, regions = run.payload, run.regions_payload
        if run.url:
            _set(run, phase=ImportRun.Phase.FETCHING)
            content = sotkanet_client.fetch_data(run.url)
            regions = regions or sotkanet_client.fetch_regions()
        if not regions:
            raise ImportFormatError(_("The Sotkanet regions list is needed to read the data rows."))
        _set(run, phase=ImportRun.Phase.PARSING)
        return sotkanet_parsers.parse_rows(content, sotkanet_parsers.parse_regions(regions))
    raise ImportFormatError(f"Unknown source {run.source!r}.")


def _fail(run: ImportRun, message: str) -> ImportRun:
    _set(run, status=ImportRun.Status.FAILED, error_message=message, finished_at=timezone.now())
    return run


def import_run_execute(*, run_id: int) -> ImportRun:
    """Run a queued import (the background task calls this); a finished run is left alone."""
    run = ImportRun.objects.get(pk=run_id)
    if run.status != ImportRun.Status.QUEUED:
        return run
    _set(run, status=ImportRun.Status.RUNNING, started_at=timezone.now())
    try:
        dataset = _parse(run)
        _set(run, phase=ImportRun.Phase.WRITING, rows_total=len(dataset.values) + dataset.skipped)
        counts = statistic_values_import(dataset=dataset, run=run)
    except (ImportFormatError, FetchError) as exc:
        return _fail(run, exc.message)
    except Exception as exc:
        logger.exception("Import run %s failed", run.pk)
        return _fail(run, _("Unexpected error: %(error)s") % {"error": type(exc).__name__})
    notes = "; ".join(f"{reason}: {n}" for reason, n in sorted(dataset.skipped_reasons.items()))
    _set(
        run,
        status=ImportRun.Status.SUCCEEDED,
        phase=ImportRun.Phase.DONE,
        finished_at=timezone.now(),
        rows_created=counts.created,
        rows_updated=counts.updated,
        rows_unchanged=counts.unchanged,
        rows_skipped=counts.skipped,
        skipped_note=notes,
        payload="",
        regions_payload="",
    )
    return run
