"""CSV download of the area dashboard: UTF-8 with a byte order mark and `;` as the separator, so
that Excel with Finnish regional settings opens it with the characters intact."""

import csv
from datetime import date

from django.http import HttpResponse
from django.utils.translation import gettext as _

from kotoplan.core.exporters import spreadsheet_row
from kotoplan.core.text import text_of
from kotoplan.geography.models import Area
from kotoplan.planning.models import Theme

from ..selectors import MunicipalityRow

BOM = "\ufeff"


def _header(themes: list[Theme]) -> list[str]:
    return [
        _("Municipality code"),
        _("Municipality"),
        _("Plan"),
        _("Form"),
        _("State"),
        _("Period"),
        _("Adopted on"),
        _("Statutory requirements met"),
        _("Statutory requirements that apply"),
        *(text_of(theme, "name").value for theme in themes),
        _("Last monitoring update"),
        _("Open observations"),
    ]


def _line(row: MunicipalityRow) -> list[str]:
    plan = row.plan
    readiness = row.readiness
    not_checked = _("not checked yet") if plan is not None else ""
    return [
        row.municipality.code,
        text_of(row.municipality, "name").value,
        text_of(plan, "title").value if plan else "",
        plan.get_form_display() if plan else "",
        row.state_label,
        f"{plan.period_start}–{plan.period_end}" if plan else "",
        plan.decision_date.isoformat() if plan and plan.decision_date else "",
        str(readiness.statutory_passed) if readiness else not_checked,
        str(readiness.statutory_total) if readiness else "",
        *(cell.label for cell in row.themes),
        row.last_monitoring.isoformat() if row.last_monitoring else "",
        "" if row.open_observations is None else str(row.open_observations),
    ]


def area_csv_response(
    *, area: Area, on: date, rows: list[MunicipalityRow], themes: list[Theme]
) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"kotoplan-{area.kind}-{area.code}-{on.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write(BOM)
    writer = csv.writer(response, delimiter=";", lineterminator="\r\n")
    writer.writerow(spreadsheet_row(_header(themes)))
    for row in rows:
        writer.writerow(spreadsheet_row(_line(row)))
    return response
