"""Writes of indicator data.

Invariants:
- a file is parsed and checked completely (shape, values, area codes) before the first write;
  then all its observations are written in one transaction, or none;
- re-importing identical data writes nothing and reports every row as unchanged;
- a missing or suppressed value is stored as NULL with its status, never as zero;
- only coordinators and administrators start imports; the ImportRun records who, what and when.
"""

import logging
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kotoplan.core.permissions import require
from kotoplan.geography.models import Area, Municipality

from . import catalogue
from .integrations.common import (
    AREA,
    COUNTRY,
    MISSING,
    MUNICIPALITY,
    FetchError,
    ImportFormatError,
    ParsedDataset,
)
from .integrations.sotkanet import client as sotkanet_client
from .integrations.sotkanet import parsers as sotkanet_parsers
from .integrations.statfin import client as statfin_client
from .integrations.statfin import parsers as statfin_parsers
from .models import ImportRun, Observation, StatIndicator

logger = logging.getLogger(__name__)

QUANTUM = Decimal("0.0001")
LIMIT = Decimal(10) ** 12


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
    for definition in catalogue.DEFINITIONS:
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


def _ensure_indicators(dataset: ParsedDataset) -> dict[str, StatIndicator]:
    codes = list(dataset.indicators)
    known = {i.code: i for i in StatIndicator.objects.filter(code__in=codes)}
    for code in codes:
        if code in known:
            continue
        if code in catalogue.BY_CODE:
            fields = catalogue.BY_CODE[code].fields()
        else:
            parsed = dataset.indicators[code]
            fields = {
                "source": parsed.source,
                "source_code": parsed.source_code,
                "name_fi": parsed.name_fi or parsed.name_sv or parsed.name_en or code,
                "name_sv": parsed.name_sv,
                "name_en": parsed.name_en,
                "unit": parsed.unit,
                "decimals": parsed.decimals,
                "licence": catalogue.LICENCE,
                "attribution": catalogue.ATTRIBUTIONS.get(parsed.source, ""),
            }
        known[code] = StatIndicator.objects.create(code=code, **fields)
    return known


def _resolve(dataset: ParsedDataset) -> list[tuple]:
    """Check every area code and value against the reference data; return rows to write.

    A row is ((indicator code, municipality id, area id, country, period, breakdown key,
    breakdown value), value, status); nothing is written here.
    """
    municipality_codes = {o.area.code for o in dataset.observations if o.area.level == MUNICIPALITY}
    municipalities = {
        m.code: m
        for m in Municipality.objects.filter(code__in=municipality_codes).only(
            "id", "code", "in_act_scope"
        )
    }
    area_keys = {
        (o.area.area_kind, o.area.code) for o in dataset.observations if o.area.level == AREA
    }
    areas = {
        (a.kind, a.code): a.pk
        for a in Area.objects.filter(
            kind__in={key[0] for key in area_keys}, code__in={key[1] for key in area_keys}
        )
    }
    no_aland = {code for code in dataset.indicators if not _covers_aland(code)}
    rows, seen = [], {}
    for obs in dataset.observations:
        municipality_id = area_id = None
        if obs.area.level == MUNICIPALITY:
            municipality = municipalities.get(obs.area.code)
            if municipality is None:
                if obs.area.code in catalogue.ABOLISHED_MUNICIPALITIES:
                    dataset.skip(catalogue.ABOLISHED_MUNICIPALITIES[obs.area.code])
                    continue
                raise ImportFormatError(
                    f"{obs.position}: unknown region code, municipality {obs.area.code} is not "
                    "in the reference data."
                )
            municipality_id = municipality.pk
            if obs.indicator_code in no_aland and not municipality.in_act_scope:
                obs.value, obs.status = None, MISSING
        elif obs.area.level == AREA:
            area_id = areas.get((obs.area.area_kind, obs.area.code))
            if area_id is None:
                raise ImportFormatError(
                    f"{obs.position}: unknown region code, {obs.area.describe()} is not in the "
                    "reference data."
                )
        value = obs.value
        if value is not None:
            if abs(value) >= LIMIT:
                raise ImportFormatError(f"{obs.position}: the value {value} is too large.")
            value = value.quantize(QUANTUM)
        key = (
            obs.indicator_code,
            municipality_id,
            area_id,
            obs.area.level == COUNTRY,
            obs.period,
            obs.breakdown_key,
            obs.breakdown_value,
        )
        if key in seen:
            raise ImportFormatError(
                f"{obs.position}: the same observation already appears at {seen[key]}."
            )
        seen[key] = obs.position
        rows.append((key, value, obs.status))
    return rows


def _covers_aland(code: str) -> bool:
    definition = catalogue.BY_CODE.get(code)
    return definition.covers_aland if definition else True


@transaction.atomic
def observation_import(*, dataset: ParsedDataset, run: ImportRun | None = None) -> ImportCounts:
    """Write a checked dataset: create new observations, update changed ones, count the rest."""
    rows = _resolve(dataset)
    indicators = _ensure_indicators(dataset)
    ids = {code: indicator.pk for code, indicator in indicators.items()}
    periods = {row[0][4] for row in rows}
    existing = {}
    for (
        pk,
        ind,
        mun,
        area,
        country,
        period,
        bkey,
        bval,
        value,
        status,
    ) in Observation.objects.filter(indicator_id__in=ids.values(), period__in=periods).values_list(
        "pk",
        "indicator_id",
        "municipality_id",
        "area_id",
        "country",
        "period",
        "breakdown_key",
        "breakdown_value",
        "value",
        "status",
    ):
        existing[(ind, mun, area, country, period, bkey, bval)] = (pk, value, status)
    to_create, to_update = [], []
    counts = ImportCounts(skipped=dataset.skipped)
    for (code, mun, area, country, period, bkey, bval), value, status in rows:
        key = (ids[code], mun, area, country, period, bkey, bval)
        current = existing.get(key)
        if current is None:
            to_create.append(
                Observation(
                    indicator_id=key[0],
                    municipality_id=mun,
                    area_id=area,
                    country=country,
                    period=period,
                    breakdown_key=bkey,
                    breakdown_value=bval,
                    value=value,
                    status=status,
                    import_run=run,
                )
            )
        elif current[1] != value or current[2] != status:
            to_update.append(Observation(pk=current[0], value=value, status=status, import_run=run))
        else:
            counts.unchanged += 1
    Observation.objects.bulk_create(to_create, batch_size=1000)
    Observation.objects.bulk_update(to_update, ["value", "status", "import_run"], batch_size=500)
    counts.created, counts.updated = len(to_create), len(to_update)
    return counts


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
    """Record the import and hand it to the background worker once the record is committed."""
    require(actor, "monitoring.import_statistics", municipality)
    run = ImportRun.objects.create(
        source=source,
        municipality=municipality,
        created_by=actor,
        file_name=file_name[:255],
        payload=payload,
        regions_payload=regions_payload,
        url=url,
    )
    transaction.on_commit(lambda: _enqueue(run))
    return run


def _enqueue(run: ImportRun) -> None:
    from .tasks import run_import  # the task module imports this one

    result = run_import.enqueue(run.pk)
    ImportRun.objects.filter(pk=run.pk, task_id="").update(task_id=str(result.id)[:64])


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


def import_run_execute(*, run_id: int) -> ImportRun:
    """Run a queued import (the background task calls this); a finished run is left alone."""
    run = ImportRun.objects.get(pk=run_id)
    if run.status != ImportRun.Status.QUEUED:
        return run
    _set(run, status=ImportRun.Status.RUNNING, started_at=timezone.now())
    try:
        dataset = _parse(run)
        _set(
            run,
            phase=ImportRun.Phase.WRITING,
            rows_total=len(dataset.observations) + dataset.skipped,
        )
        counts = observation_import(dataset=dataset, run=run)
    except (ImportFormatError, FetchError) as exc:
        _set(
            run,
            status=ImportRun.Status.FAILED,
            error_message=exc.message,
            finished_at=timezone.now(),
        )
        return run
    except Exception as exc:
        logger.exception("Import run %s failed", run.pk)
        message = _("Unexpected error: %(error)s") % {"error": type(exc).__name__}
        _set(run, status=ImportRun.Status.FAILED, error_message=message, finished_at=timezone.now())
        return run
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
