"""Writing checked statistic values.

Invariants:
- a file is parsed and checked completely (shape, values, area codes) before the first write;
  then all its values are written in one transaction, or none, in chunks of CHUNK rows so that
  memory stays bounded whatever the file;
- re-importing identical data writes nothing and reports every row as unchanged;
- a missing or suppressed value is stored as NULL with its status, never as zero;
- shared data has owners: when `only_municipality` is given (a coordinator's import), values of
  every other area are skipped with a note, never written.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from kotoplan.geography.models import Area, Municipality

from ..errors import ImportFormatError
from ..importers.dataset import AREA, COUNTRY, MISSING, MUNICIPALITY, ParsedDataset
from ..models import (
    ABOLISHED_MUNICIPALITIES,
    KNOWN_BY_CODE,
    KNOWN_INDICATORS,
    BreakdownLabel,
    ImportRun,
    StatIndicator,
    StatisticValue,
)

QUANTUM = Decimal("0.0001")
LIMIT = Decimal(10) ** 12
CHUNK = 2000
KEY_FIELDS = (
    "indicator_id",
    "municipality_id",
    "area_id",
    "country",
    "period",
    "period_type",
    "subperiod",
    "breakdown_key",
    "breakdown_value",
)
LANGUAGE_FIELDS = ("name_fi", "name_sv", "name_en", "definition_fi", "definition_sv")
FILLED_FIELDS = (*LANGUAGE_FIELDS, "definition_en", "unit", "organisation")


@dataclass
class ImportCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    areas: list[str] = field(default_factory=list)

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
    """Indicator code → id. An unknown code gets a row from the catalogue or from the file; a
    known one gets the names, units and descriptions it lacks (a file in Swedish fills the
    Swedish name of an indicator first imported in Finnish), never loses one."""
    codes = list(dataset.indicators)
    existing = {i.code: i for i in StatIndicator.objects.filter(code__in=codes)}
    known = {}
    for code in codes:
        definition = KNOWN_BY_CODE.get(code) or dataset.indicators[code]
        indicator = existing.get(code)
        if indicator is None:
            known[code] = StatIndicator.objects.create(code=code, **definition.fields()).pk
            continue
        known[code] = indicator.pk
        incoming = dataset.indicators[code]
        gaps = {
            name: getattr(incoming, name)
            for name in FILLED_FIELDS
            if not getattr(indicator, name) and getattr(incoming, name, "")
        }
        placeholders = {code, f"Sotkanet {incoming.source_code}", indicator.name_sv}
        placeholders |= {indicator.name_en} - {""}
        if indicator.name_fi in placeholders and incoming.name_fi:
            gaps["name_fi"] = incoming.name_fi  # a placeholder name gives way to a real one
        if gaps:
            for name, value in gaps.items():
                setattr(indicator, name, value)
            indicator.save(update_fields=[*gaps, "updated_at"])
    return known


def _save_breakdown_labels(dataset: ParsedDataset, ids: dict[str, int]) -> None:
    """Store the names of the breakdown groups the file gives; a name in the file's language
    replaces the stored one, the other languages stay (two queries and the writes)."""
    if not dataset.breakdown_labels:
        return
    stored = {
        (label.indicator_id, label.dimension, label.code): label
        for label in BreakdownLabel.objects.filter(indicator_id__in=set(ids.values()))
    }
    to_create, to_update = [], []
    for (code, dimension, category), texts in dataset.breakdown_labels.items():
        key = (ids[code], dimension[:120], category[:120])
        fields = {
            f"label_{lang}": text for lang, text in texts.items() if lang in ("fi", "sv", "en")
        }
        label = stored.get(key)
        if label is None:
            to_create.append(
                BreakdownLabel(indicator_id=key[0], dimension=key[1], code=key[2], **fields)
            )
        elif any(getattr(label, name) != text for name, text in fields.items()):
            for name, text in fields.items():
                setattr(label, name, text)
            to_update.append(label)
    BreakdownLabel.objects.bulk_create(to_create, batch_size=500)
    BreakdownLabel.objects.bulk_update(
        to_update, ["label_fi", "label_sv", "label_en"], batch_size=500
    )


def restrict_to_municipality(dataset: ParsedDataset, municipality: Municipality) -> None:
    """Keep only the municipality's values; count the rest as skipped, saying why."""
    kept = [
        v
        for v in dataset.values
        if v.area.level == MUNICIPALITY and v.area.code == municipality.code
    ]
    others = len(dataset.values) - len(kept)
    left_out = "; ".join(f"{reason}: {n}" for reason, n in dataset.skipped_reasons.items())
    if others:
        dataset.skip(
            _(
                "values of other areas than %(name)s: only a statistics importer or an "
                "administrator may import them"
            )
            % {"name": municipality.name_fi},
            others,
        )
    if (dataset.values or left_out) and not kept:
        message = _(
            "The file has no values for %(name)s (municipality code %(code)s). A "
            "coordinator imports only their own municipality's values; ask a statistics "
            "importer or an administrator to import the values of other areas."
        ) % {"name": municipality.name_fi, "code": municipality.code}
        if left_out:  # the municipality's rows may be among them
            message += " " + _("Rows left out of the file: %(reasons)s.") % {"reasons": left_out}
        raise ImportFormatError(message)
    dataset.values = kept


def _resolve(dataset: ParsedDataset) -> tuple[list[tuple], list[str]]:
    """Check every area code and value against the reference data; return rows to write and
    the names of the areas they belong to.

    A row is ((indicator code, municipality id, area id, country, period, period type,
    subperiod, breakdown key, breakdown value), value, status, absolute value); nothing is
    written here.
    """
    municipality_codes = {v.area.code for v in dataset.values if v.area.level == MUNICIPALITY}
    municipalities = {
        m.code: m
        for m in Municipality.objects.filter(code__in=municipality_codes).only(
            "id", "code", "in_act_scope", "name_fi"
        )
    }
    area_refs = {v.area for v in dataset.values if v.area.level == AREA}
    kinds = {ref.area_kind for ref in area_refs}
    wanted_names = {ref.name.casefold() for ref in area_refs if ref.name}
    areas, by_name = {}, {}
    for a in Area.objects.filter(
        Q(code__in={ref.code for ref in area_refs}) | Q(name_fi__in={r.name for r in area_refs}),
        kind__in=kinds,
    ):
        areas[(a.kind, a.code)] = a
        if a.name_fi.casefold() in wanted_names:
            by_name[(a.kind, a.name_fi.casefold())] = a
    no_aland = {code for code in dataset.indicators if not _covers_aland(code)}
    rows, seen, names = [], {}, {}
    for parsed in dataset.values:
        municipality_id = area_id = None
        if parsed.area.level == MUNICIPALITY:
            municipality = municipalities.get(parsed.area.code)
            if municipality is None:
                if parsed.area.code in ABOLISHED_MUNICIPALITIES:
                    dataset.skip(str(ABOLISHED_MUNICIPALITIES[parsed.area.code]))
                    continue
                # A table of an older municipal division names municipalities merged since:
                # their rows are skipped and named. A table none of whose municipalities is
                # known is of another classification altogether, and is refused.
                if dataset.skip_unknown_areas or municipalities:
                    dataset.skip(_unknown_area_note(parsed.area))
                    continue
                raise ImportFormatError(
                    _(
                        "%(where)s: unknown region code, municipality %(code)s is not in the "
                        "reference data. Check the municipal division of the table, or leave "
                        "that municipality out."
                    )
                    % {"where": parsed.position, "code": parsed.area.code}
                )
            municipality_id = municipality.pk
            names[("m", municipality_id)] = f"{municipality.code} {municipality.name_fi}"
            if parsed.indicator_code in no_aland and not municipality.in_act_scope:
                parsed.value, parsed.status = None, MISSING
        elif parsed.area.level == AREA:
            area = areas.get((parsed.area.area_kind, parsed.area.code))
            named = by_name.get((parsed.area.area_kind, parsed.area.name.casefold()))
            if named is not None and area is not named:
                area = named  # the source numbers its areas differently: its name decides
            if area is None and dataset.skip_unknown_areas:
                dataset.skip(_unknown_area_note(parsed.area))
                continue
            if area is None:
                raise ImportFormatError(
                    _(
                        "%(where)s: unknown region code, %(area)s is not in the reference "
                        "data. Leave that area out of the table."
                    )
                    % {"where": parsed.position, "area": parsed.area.describe()}
                )
            area_id = area.pk
            names[("a", area_id)] = area.name_fi
        else:
            names[("c",)] = _("the whole country")
        value = _checked(parsed.value, parsed.position)
        absolute = _checked(parsed.absolute_value, parsed.position)
        key = (
            parsed.indicator_code,
            municipality_id,
            area_id,
            parsed.area.level == COUNTRY,
            parsed.period,
            parsed.period_type,
            parsed.subperiod,
            parsed.breakdown_key,
            parsed.breakdown_value,
        )
        if key in seen:
            raise ImportFormatError(
                _("%(where)s: the same value already appears at %(other)s. Remove one of them.")
                % {"where": parsed.position, "other": seen[key]}
            )
        seen[key] = parsed.position
        rows.append((key, value, parsed.status, absolute))
    return rows, sorted(names.values())


def _unknown_area_note(area) -> str:
    return _(
        "%(area)s is not in Kotoplan's reference data (a merged or abolished area, or one "
        "of another division)"
    ) % {"area": area.describe()}


def _checked(value: Decimal | None, position) -> Decimal | None:
    if value is None:
        return None
    if abs(value) >= LIMIT:
        raise ImportFormatError(
            _("%(where)s: the value %(value)s is too large.") % {"where": position, "value": value}
        )
    return value.quantize(QUANTUM)


def _covers_aland(code: str) -> bool:
    definition = KNOWN_BY_CODE.get(code)
    return definition.covers_aland if definition else True


def _write_chunk(chunk: list[tuple], ids: dict[str, int], run, counts: ImportCounts) -> None:
    keys = [(ids[code], *where) for (code, *where), *_rest in chunk]
    places = Q(country=True) if any(k[3] for k in keys) else Q(pk__in=[])
    places |= Q(municipality_id__in={k[1] for k in keys if k[1]})
    places |= Q(area_id__in={k[2] for k in keys if k[2]})
    existing = {
        tuple(stored[1:-3]): (stored[0], *stored[-3:])
        for stored in StatisticValue.objects.filter(
            places,
            indicator_id__in={k[0] for k in keys},
            period__in={k[4] for k in keys},
        ).values_list("pk", *KEY_FIELDS, "value", "status", "absolute_value")
    }
    to_create, to_update = [], []
    for key, (_row_key, value, status, absolute) in zip(keys, chunk, strict=True):
        current = existing.get(key)
        if current is None:
            fields = dict(zip(KEY_FIELDS, key, strict=True))
            to_create.append(
                StatisticValue(
                    **fields, value=value, status=status, absolute_value=absolute, import_run=run
                )
            )
        elif current[1:] != (value, status, absolute):
            to_update.append(
                StatisticValue(
                    pk=current[0],
                    value=value,
                    status=status,
                    absolute_value=absolute,
                    import_run=run,
                )
            )
        else:
            counts.unchanged += 1
    StatisticValue.objects.bulk_create(to_create, batch_size=500)
    StatisticValue.objects.bulk_update(
        to_update, ["value", "status", "absolute_value", "import_run"], batch_size=500
    )
    counts.created += len(to_create)
    counts.updated += len(to_update)


@transaction.atomic
def statistic_values_import(
    *,
    dataset: ParsedDataset,
    run: ImportRun | None = None,
    only_municipality: Municipality | None = None,
) -> ImportCounts:
    """Write a checked dataset: create new values, update changed ones, count the rest."""
    if only_municipality is not None:
        restrict_to_municipality(dataset, only_municipality)
    rows, areas = _resolve(dataset)
    ids = _ensure_indicators(dataset)
    _save_breakdown_labels(dataset, ids)
    counts = ImportCounts(skipped=dataset.skipped, areas=areas)
    for start in range(0, len(rows), CHUNK):
        _write_chunk(rows[start : start + CHUNK], ids, run, counts)
    return counts
