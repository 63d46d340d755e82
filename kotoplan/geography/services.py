"""Writes to geography. Invariant: loading the same reference files twice changes nothing.

The loader parses and checks every row first and writes in one transaction, so a bad file
leaves the database as it was.
"""

import csv
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction

from .errors import ReferenceDataError
from .models import Area, AreaMembership, Municipality

REQUIRED_COLUMNS = ("code", "name_fi", "name_sv", "region_code")


def default_reference_dir() -> Path:
    return Path(settings.BASE_DIR) / "data" / "reference"


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    def count(self, bucket: dict[str, int], what: str) -> None:
        bucket[what] = bucket.get(what, 0) + 1

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


@dataclass
class _Row:
    line: int
    values: dict[str, str]


def _parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _read(directory: Path) -> tuple[dict, list[_Row]]:
    config_path = directory / "geography.json"
    try:
        config = json.loads(config_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ReferenceDataError(f"{config_path.name}: {exc}") from exc
    source = directory / config["source_file"]
    with source.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = set(reader.fieldnames or [])
        needed = set(REQUIRED_COLUMNS)
        for item in config["classifications"]:
            needed |= {item[key] for key in ("code", "name_fi", "name_sv") if item.get(key)}
        missing = sorted(needed - columns)
        if missing:
            raise ReferenceDataError(f"{source.name}: missing columns {', '.join(missing)}")
        rows = [_Row(line=index + 2, values=row) for index, row in enumerate(reader)]
    seen: set[str] = set()
    for row in rows:
        code = (row.values.get("code") or "").strip()
        if len(code) != 3 or not code.isdigit():
            raise ReferenceDataError(
                f"{source.name} line {row.line}: code {code!r} is not 3 digits"
            )
        if code in seen:
            raise ReferenceDataError(f"{source.name} line {row.line}: code {code} appears twice")
        seen.add(code)
        if not (row.values.get("name_fi") or "").strip():
            raise ReferenceDataError(f"{source.name} line {row.line}: name_fi is empty")
    return config, rows


def _apply(obj, values: dict, report: LoadReport, label: str) -> None:
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save(update_fields=changed)
        report.count(report.updated, label)


@transaction.atomic
def reference_data_load(*, directory: Path | None = None) -> LoadReport:
    config, rows = _read(directory or default_reference_dir())
    report = LoadReport()
    out_of_scope = set(config["out_of_act_scope_region_codes"])
    municipalities = {m.code: m for m in Municipality.objects.all()}
    areas = {(a.kind, a.code): a for a in Area.objects.all()}
    memberships = {
        (m.municipality_id, m.area.kind, m.valid_from): m
        for m in AreaMembership.objects.select_related("area")
    }
    for row in rows:
        values = {key: (value or "").strip() for key, value in row.values.items()}
        wanted = {
            "name_fi": values["name_fi"],
            "name_sv": values["name_sv"],
            "in_act_scope": values["region_code"] not in out_of_scope,
        }
        municipality = municipalities.get(values["code"])
        if municipality is None:
            municipality = Municipality.objects.create(code=values["code"], **wanted)
            report.count(report.created, "municipality")
        else:
            _apply(municipality, wanted, report, "municipality")
        for item in config["classifications"]:
            code = values.get(item["code"], "")
            if not code or code in item["residual_codes"]:
                continue
            code = code.zfill(2)
            valid_from = _parse_date(item["valid_from"])
            valid_to = _parse_date(item["valid_to"])
            area_values = {
                "name_fi": values[item["name_fi"]],
                "name_sv": values.get(item["name_sv"] or "", "") or "",
                "valid_from": valid_from,
                "valid_to": valid_to,
            }
            area = areas.get((item["kind"], code))
            if area is None:
                area = Area.objects.create(kind=item["kind"], code=code, **area_values)
                areas[(item["kind"], code)] = area
                report.count(report.created, "area")
            else:
                _apply(area, area_values, report, "area")
            membership = memberships.get((municipality.pk, item["kind"], valid_from))
            if membership is None:
                membership = AreaMembership.objects.create(
                    municipality=municipality, area=area, valid_from=valid_from, valid_to=valid_to
                )
                memberships[(municipality.pk, item["kind"], valid_from)] = membership
                report.count(report.created, "membership")
            else:
                _apply(membership, {"area": area, "valid_to": valid_to}, report, "membership")
    return report
