"""Open data of published (adopted) plans: CSV tables and one JSON document.

The schema is versioned (`SCHEMA_VERSION`) and documented in docs/open-data.md. CSV files
open correctly in Finnish Excel: UTF-8 with a byte order mark, `;` between fields, CRLF line
ends, decimal comma. JSON keeps numbers as numbers.
"""

import csv
import hashlib
import io
import json
from decimal import Decimal

from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max
from django.urls import reverse

from kotoplan.accounts.models import Organisation
from kotoplan.core import clock
from kotoplan.core.exporters import spreadsheet_row
from kotoplan.planning.models import (
    DecisionStep,
    Indicator,
    Measure,
    Milestone,
    Objective,
    Plan,
    PlanChapter,
    TargetGroup,
)

SCHEMA_VERSION = "1.1"
SCHEMA_NAME = "kotoplan-open-data"

PLAN_COLUMNS = (
    "plan_id", "municipality_codes", "lead_municipality_code", "lead_municipality_name",
    "title_fi", "title_sv", "title_en", "languages", "period_start", "period_end", "form",
    "host_document_name", "version_number", "decision_body", "decision_date",
    "decision_reference", "decision_url", "has_cooperation_group", "monitoring_cycle",
    "objectives", "measures", "indicators", "public_url",
)  # fmt: skip
MEASURE_COLUMNS = (
    "plan_id", "lead_municipality_code", "theme_code", "objective_title_fi",
    "objective_title_sv", "objective_title_en", "measure_title_fi", "measure_title_sv",
    "measure_title_en", "responsible_party", "responsible_unit", "co_responsible_parties",
    "partners", "schedule_start", "schedule_end", "status", "additional_theme_codes",
    "chapter_title_fi", "schedule_text",
)  # fmt: skip
INDICATOR_COLUMNS = (
    "plan_id", "lead_municipality_code", "theme_code", "objective_title_fi", "indicator_name_fi",
    "indicator_name_sv", "indicator_name_en", "unit", "source", "source_code", "baseline_value",
    "baseline_year", "target_value", "target_year", "direction", "target_text_fi",
    "target_text_sv", "target_text_en",
)  # fmt: skip
TABLES = {"plans": PLAN_COLUMNS, "measures": MEASURE_COLUMNS, "indicators": INDICATOR_COLUMNS}


def _public_url(plan) -> str:
    path = reverse(
        "documents:public_plan",
        args=[plan.lead_municipality.code, plan.period_start, plan.period_end],
    )
    return settings.KOTOPLAN_SITE_URL.rstrip("/") + path


def _plan_row(plan) -> dict:
    objectives = list(plan.objectives.all())
    return {
        "plan_id": plan.pk,
        "municipality_codes": sorted(m.code for m in plan.municipalities.all()),
        "lead_municipality_code": plan.lead_municipality.code,
        "lead_municipality_name": plan.lead_municipality.name_fi,
        "title_fi": plan.title_fi,
        "title_sv": plan.title_sv,
        "title_en": plan.title_en,
        "languages": list(plan.languages or []),
        "period_start": plan.period_start,
        "period_end": plan.period_end,
        "form": plan.form,
        "host_document_name": plan.host_document_name,
        "version_number": plan.version_number,
        "decision_body": plan.decision_body,
        "decision_date": plan.decision_date.isoformat() if plan.decision_date else None,
        "decision_reference": plan.decision_reference,
        "decision_url": plan.decision_url,
        "has_cooperation_group": plan.has_cooperation_group,
        "monitoring_cycle": plan.monitoring_cycle,
        "objectives": len(objectives),
        "measures": sum(len(o.measures.all()) for o in objectives),
        "indicators": sum(len(o.indicators.all()) for o in objectives),
        "public_url": _public_url(plan),
    }


def _measure_row(plan, objective, measure) -> dict:
    organisation = measure.responsible_organisation
    return {
        "plan_id": plan.pk,
        "lead_municipality_code": plan.lead_municipality.code,
        "theme_code": objective.theme.code,
        "objective_title_fi": objective.title_fi,
        "objective_title_sv": objective.title_sv,
        "objective_title_en": objective.title_en,
        "measure_title_fi": measure.title_fi,
        "measure_title_sv": measure.title_sv,
        "measure_title_en": measure.title_en,
        "responsible_party": organisation.name_fi if organisation else "",
        "responsible_unit": measure.responsible_unit,
        "co_responsible_parties": [p.name_fi for p in measure.co_responsible.all()],
        "partners": [p.name_fi for p in measure.partners.all()],
        "schedule_start": measure.schedule_start.isoformat() if measure.schedule_start else None,
        "schedule_end": measure.schedule_end.isoformat() if measure.schedule_end else None,
        "status": measure.status,
        "additional_theme_codes": _additional_themes(objective),
        "chapter_title_fi": objective.chapter.title_fi if objective.chapter else "",
        "schedule_text": measure.schedule_text,
    }


def _additional_themes(objective) -> list[str]:
    return sorted(t.code for t in objective.additional_themes.all() if t.pk != objective.theme_id)


def _indicator_row(plan, objective, indicator) -> dict:
    return {
        "plan_id": plan.pk,
        "lead_municipality_code": plan.lead_municipality.code,
        "theme_code": objective.theme.code,
        "objective_title_fi": objective.title_fi,
        "indicator_name_fi": indicator.name_fi,
        "indicator_name_sv": indicator.name_sv,
        "indicator_name_en": indicator.name_en,
        "unit": indicator.unit,
        "source": indicator.source,
        "source_code": indicator.source_code,
        "baseline_value": indicator.baseline_value,
        "baseline_year": indicator.baseline_year,
        "target_value": indicator.target_value,
        "target_year": indicator.target_year,
        "direction": indicator.direction,
        "target_text_fi": indicator.target_text_fi,
        "target_text_sv": indicator.target_text_sv,
        "target_text_en": indicator.target_text_en,
    }


def rows(plans, table: str) -> list[dict]:
    result = []
    for plan in plans:
        if table == "plans":
            result.append(_plan_row(plan))
            continue
        for objective in plan.objectives.all():
            if table == "measures":
                result.extend(_measure_row(plan, objective, m) for m in objective.measures.all())
            else:
                result.extend(
                    _indicator_row(plan, objective, i) for i in objective.indicators.all()
                )
    return result


def _csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, Decimal):
        return f"{value.normalize():f}".replace(".", ",")
    return str(value)


def open_data_csv(plans, table: str) -> bytes:
    columns = TABLES[table]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    for row in rows(plans, table):
        writer.writerow(spreadsheet_row(_csv_value(row[c]) for c in columns))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _json_value(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def open_data_json(plans, *, municipality_code: str | None = None) -> bytes:
    plans = list(plans)
    measures, indicators = rows(plans, "measures"), rows(plans, "indicators")
    document = {
        "schema": SCHEMA_NAME,
        "schema_version": SCHEMA_VERSION,
        "generated_on": clock.today().isoformat(),
        "municipality_code": municipality_code,
        "plans": [],
    }
    for plan_row in rows(plans, "plans"):
        plan_id = plan_row["plan_id"]
        document["plans"].append(
            {
                **plan_row,
                "measures": [
                    {k: _json_value(v) for k, v in m.items() if k != "plan_id"}
                    for m in measures
                    if m["plan_id"] == plan_id
                ],
                "indicators": [
                    {k: _json_value(v) for k, v in i.items() if k != "plan_id"}
                    for i in indicators
                    if i["plan_id"] == plan_id
                ],
            }
        )
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


# --- the nationwide files, stored (kotoplan.core: stored exports) ------------------------------

NATIONWIDE_FILES = {
    # kind: (name, content type)
    "open_data_plans_json": ("plans.json", "application/json"),
    **{f"open_data_{table}_csv": (f"{table}.csv", "text/csv; charset=utf-8") for table in TABLES},
}
PLAN_CONTENT = (
    Plan,
    Objective,
    Measure,
    Indicator,
    TargetGroup,
    Milestone,
    DecisionStep,
    PlanChapter,
)


def open_data_file_name(name: str, municipality_code: str | None) -> str:
    """`name` is "plans.json" or "<table>.csv"; the file name adds the place and the version."""
    stem, extension = name.rsplit(".", 1)
    place = f"-{municipality_code}" if municipality_code else ""
    return f"kotoplan-{stem}{place}-v{SCHEMA_VERSION}.{extension}"


def open_data_fingerprint() -> str:
    """What identifies the nationwide files' content: the schema, the newest audited change to
    any plan's content, the adopted plans, and the newest change to an organisation."""
    types = ContentType.objects.get_for_models(*PLAN_CONTENT).values()
    last_entry = LogEntry.objects.filter(content_type__in=types).aggregate(last=Max("pk"))
    adopted = Plan.objects.filter(state=Plan.State.ADOPTED).aggregate(
        count=Count("pk"), last=Max("updated_at"), versions=Max("version")
    )
    organisations = Organisation.objects.aggregate(last=Max("updated_at"))
    state = f"{SCHEMA_VERSION}|{last_entry}|{sorted(adopted.items())}|{organisations}"
    return hashlib.sha256(state.encode()).hexdigest()[:32]
