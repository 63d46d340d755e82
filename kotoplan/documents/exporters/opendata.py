"""Open data of published (adopted) plans: CSV tables and one JSON document.

The schema is versioned (`SCHEMA_VERSION`) and documented in docs/open-data.md. CSV files
open correctly in Finnish Excel: UTF-8 with a byte order mark, `;` between fields, CRLF line
ends, decimal comma. JSON keeps numbers as numbers.
"""

import csv
import hashlib
import io
import json
from collections.abc import Iterator
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
    LinkedDocument,
    Measure,
    Milestone,
    Objective,
    Plan,
    PlanChapter,
    TargetGroup,
)

SCHEMA_VERSION = "1.2"
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
DECISION_COLUMNS = (
    "plan_id", "lead_municipality_code", "order", "decided_on", "body_kind", "body_name",
    "section", "case_number", "outcome", "minutes_url",
)  # fmt: skip
DOCUMENT_COLUMNS = ("plan_id", "lead_municipality_code", "order", "title", "url")
TABLES = {
    "plans": PLAN_COLUMNS,
    "measures": MEASURE_COLUMNS,
    "indicators": INDICATOR_COLUMNS,
    "decisions": DECISION_COLUMNS,
    "documents": DOCUMENT_COLUMNS,
}


# Plans are read with values() in one query, their parts in one query per table (ordered like
# the plans: lead municipality's code, start of the period, id), and the names of the parties,
# additional themes and counts in one query each: a fixed number of queries, no model instances,
# and rows written as they are read.
PLAN_ORDER = ("lead_municipality__code", "period_start", "pk")
PLAN_FIELDS = (
    "pk", "lead_municipality__code", "lead_municipality__name_fi", "title_fi", "title_sv",
    "title_en", "languages", "period_start", "period_end", "form", "host_document_name",
    "version_number", "decision_body", "decision_date", "decision_reference", "decision_url",
    "has_cooperation_group", "monitoring_cycle",
)  # fmt: skip
OBJECTIVE_FIELDS = (
    "objective_id", "objective__plan_id", "objective__plan__lead_municipality__code",
    "objective__theme_id", "objective__theme__code", "objective__title_fi",
)  # fmt: skip
MEASURE_FIELDS = (
    *OBJECTIVE_FIELDS, "pk", "objective__title_sv", "objective__title_en", "title_fi",
    "title_sv", "title_en", "responsible_organisation__name_fi", "responsible_unit",
    "schedule_start", "schedule_end", "status", "objective__chapter__title_fi", "schedule_text",
)  # fmt: skip
INDICATOR_FIELDS = (
    *OBJECTIVE_FIELDS, "name_fi", "name_sv", "name_en", "unit", "source", "source_code",
    "baseline_value", "baseline_year", "target_value", "target_year", "direction",
    "target_text_fi", "target_text_sv", "target_text_en",
)  # fmt: skip
CHUNK = 1000


def _plan_ids(plans):
    return plans.order_by().values("pk")


def _parts_order(prefix: str = "objective__plan__") -> list[str]:
    return [
        *(f"{prefix}{field}" for field in PLAN_ORDER[:-1]),
        f"{prefix}id",
        "objective__theme__order",
        "objective__order",
        "objective_id",
    ]


def _date(value) -> str | None:
    return value.isoformat() if value else None


def _count_by_plan(model, plans, path: str) -> dict[int, int]:
    rows_ = model.objects.filter(**{f"{path}__in": _plan_ids(plans)}).order_by().values(path)
    return dict(rows_.annotate(n=Count("pk")).values_list(path, "n"))


def _plan_rows(plans) -> Iterator[dict]:
    ids = _plan_ids(plans)
    codes: dict[int, list[str]] = {}
    through = Plan.municipalities.through.objects.filter(plan_id__in=ids)
    for plan_id, code in through.values_list("plan_id", "municipality__code"):
        codes.setdefault(plan_id, []).append(code)
    objectives = _count_by_plan(Objective, plans, "plan_id")
    measures = _count_by_plan(Measure, plans, "objective__plan_id")
    indicators = _count_by_plan(Indicator, plans, "objective__plan_id")
    site = settings.KOTOPLAN_SITE_URL.rstrip("/")
    for plan in plans.prefetch_related(None).values(*PLAN_FIELDS).iterator(chunk_size=CHUNK):
        pk, code = plan["pk"], plan["lead_municipality__code"]
        path = reverse(
            "documents:public_plan", args=[code, plan["period_start"], plan["period_end"]]
        )
        yield {
            "plan_id": pk,
            "municipality_codes": sorted(codes.get(pk, [])),
            "lead_municipality_code": code,
            "lead_municipality_name": plan["lead_municipality__name_fi"],
            **{c: plan[c] for c in PLAN_COLUMNS[4:14] if c != "decision_date"},
            "languages": list(plan["languages"] or []),
            "decision_date": _date(plan["decision_date"]),
            "decision_reference": plan["decision_reference"],
            "decision_url": plan["decision_url"],
            "has_cooperation_group": plan["has_cooperation_group"],
            "monitoring_cycle": plan["monitoring_cycle"],
            "objectives": objectives.get(pk, 0),
            "measures": measures.get(pk, 0),
            "indicators": indicators.get(pk, 0),
            "public_url": site + path,
        }


def _names_by_measure(relation, plans) -> dict[int, list[str]]:
    names: dict[int, list[str]] = {}
    links = relation.through.objects.filter(measure__objective__plan_id__in=_plan_ids(plans))
    ordered = links.order_by("organisation__name_fi", "organisation_id")
    for measure_id, name in ordered.values_list("measure_id", "organisation__name_fi"):
        names.setdefault(measure_id, []).append(name)
    return names


def _additional_themes(plans) -> dict[int, set[tuple[int, str]]]:
    themes: dict[int, set[tuple[int, str]]] = {}
    links = Objective.additional_themes.through.objects.filter(
        objective__plan_id__in=_plan_ids(plans)
    )
    for objective_id, theme_id, code in links.values_list(
        "objective_id", "theme_id", "theme__code"
    ):
        themes.setdefault(objective_id, set()).add((theme_id, code))
    return themes


def _objective_cells(row: dict) -> dict:
    return {
        "plan_id": row["objective__plan_id"],
        "lead_municipality_code": row["objective__plan__lead_municipality__code"],
        "theme_code": row["objective__theme__code"],
        "objective_title_fi": row["objective__title_fi"],
    }


def _measure_rows(plans) -> Iterator[dict]:
    partners = _names_by_measure(Measure.partners, plans)
    co_responsible = _names_by_measure(Measure.co_responsible, plans)
    themes = _additional_themes(plans)
    measures = Measure.objects.filter(objective__plan_id__in=_plan_ids(plans))
    ordered = measures.order_by(*_parts_order(), "order", "pk").values(*MEASURE_FIELDS)
    for m in ordered.iterator(chunk_size=CHUNK):
        own_theme = m["objective__theme_id"]
        yield {
            **_objective_cells(m),
            "objective_title_sv": m["objective__title_sv"],
            "objective_title_en": m["objective__title_en"],
            "measure_title_fi": m["title_fi"],
            "measure_title_sv": m["title_sv"],
            "measure_title_en": m["title_en"],
            "responsible_party": m["responsible_organisation__name_fi"] or "",
            "responsible_unit": m["responsible_unit"],
            "co_responsible_parties": co_responsible.get(m["pk"], []),
            "partners": partners.get(m["pk"], []),
            "schedule_start": _date(m["schedule_start"]),
            "schedule_end": _date(m["schedule_end"]),
            "status": m["status"],
            "additional_theme_codes": sorted(
                code for pk, code in themes.get(m["objective_id"], ()) if pk != own_theme
            ),
            "chapter_title_fi": m["objective__chapter__title_fi"] or "",
            "schedule_text": m["schedule_text"],
        }


def _indicator_rows(plans) -> Iterator[dict]:
    indicators = Indicator.objects.filter(objective__plan_id__in=_plan_ids(plans))
    ordered = indicators.order_by(*_parts_order(), "pk").values(*INDICATOR_FIELDS)
    for i in ordered.iterator(chunk_size=CHUNK):
        yield {
            **_objective_cells(i),
            **{f"indicator_{name}": i[name] for name in ("name_fi", "name_sv", "name_en")},
            **{c: i[c] for c in INDICATOR_COLUMNS[7:]},
        }


def _plan_part_rows(model, plans, columns, order) -> Iterator[dict]:
    """The rows of the plans' decision steps or linked documents, one query, in the order of
    the plans and then the parts' own order (`order`)."""
    parts = model.objects.filter(plan_id__in=_plan_ids(plans))
    plan_order = [f"plan__{field}" for field in PLAN_ORDER[:-1]]
    ordered = parts.order_by(*plan_order, "plan_id", *order, "pk")
    values = ordered.values("plan_id", "plan__lead_municipality__code", *columns[2:])
    for row in values.iterator(chunk_size=CHUNK):
        yield {
            "plan_id": row["plan_id"],
            "lead_municipality_code": row["plan__lead_municipality__code"],
            **{c: _date(row[c]) if c == "decided_on" else row[c] for c in columns[2:]},
        }


def _decision_rows(plans) -> Iterator[dict]:
    return _plan_part_rows(DecisionStep, plans, DECISION_COLUMNS, ("decided_on", "order"))


def _document_rows(plans) -> Iterator[dict]:
    return _plan_part_rows(LinkedDocument, plans, DOCUMENT_COLUMNS, ("order",))


ROWS = {
    "plans": _plan_rows,
    "measures": _measure_rows,
    "indicators": _indicator_rows,
    "decisions": _decision_rows,
    "documents": _document_rows,
}


def rows(plans, table: str) -> Iterator[dict]:
    """The rows of one table for the plans (a queryset), in the order of the plans."""
    return ROWS[table](plans)


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


def open_data_csv(plans, table: str) -> Iterator[bytes]:
    """The table as CSV, written a thousand rows at a time as they are read."""
    columns = TABLES[table]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    buffer.write("\ufeff")
    writer.writerow(columns)
    for number, row in enumerate(rows(plans, table), start=1):
        writer.writerow(spreadsheet_row(_csv_value(row[c]) for c in columns))
        if number % CHUNK == 0:
            yield _take(buffer)
    yield _take(buffer)


def _take(buffer: io.StringIO) -> bytes:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text.encode("utf-8")


def _json_value(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _of_plan(parts: Iterator[dict], plan_id: int, pending: list) -> list[dict]:
    """The rows of `parts` (ordered like the plans) that belong to the plan, without plan_id;
    `pending` holds the one row read ahead."""
    found = []
    while True:
        row = pending.pop() if pending else next(parts, None)
        if row is None:
            return found
        if row["plan_id"] != plan_id:
            pending.append(row)
            return found
        found.append({k: _json_value(v) for k, v in row.items() if k != "plan_id"})


def _indented(value, depth: int) -> str:
    """`value` as json.dumps(indent=1) writes it `depth` levels deep in the document."""
    text = json.dumps(value, ensure_ascii=False, indent=1)
    return text.replace("\n", "\n" + " " * depth)


# The tables each plan of the JSON document carries, by their key in it.
JSON_PARTS = {
    "measures": "measures",
    "indicators": "indicators",
    "decisions": "decision_steps",
    "documents": "documents",
}


def open_data_json(plans, *, municipality_code: str | None = None) -> Iterator[bytes]:
    """The plans with their measures, indicators, decision steps and linked documents as one JSON
    document, written plan by plan (the same text `json.dumps(document, ensure_ascii=False,
    indent=1)` gives)."""
    head = {
        "schema": SCHEMA_NAME,
        "schema_version": SCHEMA_VERSION,
        "generated_on": clock.today().isoformat(),
        "municipality_code": municipality_code,
    }
    parts = {key: rows(plans, key) for key in JSON_PARTS}
    pending: dict[str, list] = {key: [] for key in JSON_PARTS}
    opening = _indented(head, 0)[:-2] + ',\n "plans": ['
    separator = "\n  "
    written = 0
    for plan_row in rows(plans, "plans"):
        plan_id = plan_row["plan_id"]
        document = {
            **plan_row,
            **{
                name: _of_plan(parts[key], plan_id, pending[key])
                for key, name in JSON_PARTS.items()
            },
        }
        yield (opening + separator + _indented(document, 2)).encode("utf-8")
        opening, separator = "", ",\n  "
        written += 1
    yield (opening + ("\n ]\n}" if written else "]\n}")).encode("utf-8")


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
    LinkedDocument,
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
