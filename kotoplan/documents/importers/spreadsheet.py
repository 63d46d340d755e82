"""Read the plan import template (XLSX or CSV) into a `PlanDraft`.

One row is one measure, or an objective without measures. Rows with the same theme and
objective title form one objective; rows with the same measure title under one objective form
one measure (each may add an indicator). Every row is checked before anything is written, and
every problem is reported as "row N, column X: what is wrong".
"""

import csv
import io
import zipfile

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from kotoplan.accounts.models import Organisation
from kotoplan.planning.models import Measure, Theme

from ..errors import ImportRejected, Problem
from .common import IndicatorDraft, MeasureDraft, ObjectiveDraft, PlanDraft, organisation_by_name
from .spreadsheet_columns import (
    BY_NAME,
    COLUMNS,
    DIRECTIONS,
    INDICATOR_KEYS,
    LIMITS,
    MEASURE_KEYS,
    STATUSES,
    CellError,
    parse_choice,
    parse_date,
    parse_number,
    parse_year,
    text,
)

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx_rows(content: bytes) -> list[list]:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        raise ImportRejected([Problem(_("the file is not a readable XLSX workbook"))]) from error
    sheet = workbook.worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return rows


def _csv_rows(content: bytes) -> list[list]:
    try:
        decoded = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        message = _("the CSV file is not UTF-8 encoded (row %(row)s); save it as “CSV UTF-8”") % {
            "row": content[: error.start].count(b"\n") + 1
        }
        raise ImportRejected([Problem(message)]) from error
    header = decoded.split("\n", 1)[0]
    delimiter = ";" if header.count(";") >= header.count(",") else ","
    try:
        return list(csv.reader(io.StringIO(decoded, newline=""), delimiter=delimiter))
    except csv.Error as error:
        message = _("the CSV file cannot be read: %(e)s") % {"e": error}
        raise ImportRejected([Problem(message)]) from error


def read_rows(content: bytes, filename: str = "") -> list[list]:
    """The cells of the first sheet (XLSX) or of the CSV file, header row included."""
    if content[:2] == b"PK" or filename.lower().endswith(".xlsx"):
        return _xlsx_rows(content)
    return _csv_rows(content)


class _Rows:
    """Turns the rows into objectives, measures and indicators, collecting every problem."""

    def __init__(self):
        self.problems: list[Problem] = []
        self.positions: dict[str, int] = {}
        self.themes = list(Theme.objects.all())
        self.organisations: dict = {}
        self.objectives: dict[tuple, ObjectiveDraft] = {}
        self.measures: dict[tuple, MeasureDraft] = {}

    def column_label(self, key: str) -> str:
        return f"{get_column_letter(self.positions[key] + 1)} ({key})"

    def problem(self, row: int, key: str, message: str) -> None:
        self.problems.append(Problem(message, row=row, column=self.column_label(key)))

    def header(self, cells: list) -> None:
        for index, cell in enumerate(cells):
            name = text(cell).lower()
            if not name:
                continue
            column = BY_NAME.get(name)
            if column is None:
                where = f"{get_column_letter(index + 1)} ({text(cell)})"
                self.problems.append(
                    Problem(_("unknown column; see the import template"), row=1, column=where)
                )
            elif column.key in self.positions:
                where = f"{get_column_letter(index + 1)} ({text(cell)})"
                self.problems.append(Problem(_("the column appears twice"), row=1, column=where))
            else:
                self.positions[column.key] = index
        for column in COLUMNS:
            if column.required and column.key not in self.positions:
                self.problems.append(
                    Problem(_("the column “%(name)s” is missing") % {"name": column.key}, row=1)
                )

    def theme(self, value: str) -> Theme | None:
        wanted = value.strip().lower()
        for theme in self.themes:
            names = (theme.code, theme.name_fi, theme.name_sv, theme.name_en)
            if wanted in (n.lower() for n in names):
                return theme
        return None

    def organisation(self, name: str) -> Organisation | None:
        found = organisation_by_name(name, self.organisations)
        if found is None:
            found = Organisation.objects.filter(reference_key=name.strip()).first()
        return found

    def row(self, number: int, cells: list) -> None:
        values = {key: cells[i] if i < len(cells) else None for key, i in self.positions.items()}
        if not any(text(v) for v in values.values()):
            return
        got = {key: text(value) for key, value in values.items()}
        ok = True

        def parse(key, parser, *args):
            nonlocal ok
            try:
                return parser(values.get(key), *args)
            except CellError as error:
                self.problem(number, key, str(error))
                ok = False
                return None

        for key, limit in LIMITS.items():
            if len(got.get(key, "")) > limit:
                self.problem(number, key, _("longer than %(n)s characters") % {"n": limit})
                ok = False
        theme = None
        if not got.get("theme"):
            self.problem(number, "theme", _("the theme is missing"))
            ok = False
        else:
            theme = self.theme(got["theme"])
            if theme is None:
                codes = ", ".join(t.code for t in self.themes)
                self.problem(
                    number,
                    "theme",
                    _("unknown theme “%(value)s” (use one of %(codes)s or its Finnish name)")
                    % {"value": got["theme"], "codes": codes},
                )
                ok = False
        if not got.get("objective_title"):
            self.problem(number, "objective_title", _("the objective title is missing"))
            ok = False
        measure_title = got.get("measure_title", "")
        if not measure_title:
            for key in MEASURE_KEYS:
                if got.get(key):
                    self.problem(number, key, _("a measure detail without a measure title"))
                    ok = False
        responsible = None
        if got.get("responsible"):
            responsible = self.organisation(got["responsible"])
            if responsible is None:
                self.unknown_organisation(number, "responsible", got["responsible"])
                ok = False
        partners = []
        for name in [p.strip() for p in got.get("partners", "").split(";") if p.strip()]:
            partner = self.organisation(name)
            if partner is None:
                self.unknown_organisation(number, "partners", name)
                ok = False
            elif partner not in partners:
                partners.append(partner)
        start = parse("schedule_start", parse_date)
        end = parse("schedule_end", parse_date)
        if start and end and end < start:
            self.problem(number, "schedule_end", _("the measure ends before it starts"))
            ok = False
        status = parse("status", parse_choice, STATUSES)
        indicator = self.indicator(number, got, parse)
        if not ok or indicator is False:
            return
        self.add(number, theme, got, measure_title, responsible, partners, start, end, status)
        if indicator:
            self.add_indicator(theme, got, measure_title, indicator)

    def unknown_organisation(self, number: int, key: str, name: str) -> None:
        self.problem(
            number,
            key,
            _("no organisation called “%(name)s” in Kotoplan (use its exact name or reference key)")
            % {"name": name},
        )

    def indicator(self, number: int, got: dict, parse):
        """The indicator data of the row, None when it has none, False when it is wrong."""
        if not any(got.get(key) for key in INDICATOR_KEYS):
            return None
        before = len(self.problems)
        for key in ("indicator_name", "unit"):
            if not got.get(key):
                self.problem(number, key, _("an indicator needs a name and a unit"))
        data = {"name_fi": got.get("indicator_name", ""), "unit": got.get("unit", "")}
        for prefix in ("baseline", "target"):
            data[f"{prefix}_value"] = parse(f"{prefix}_value", parse_number)
            data[f"{prefix}_year"] = parse(f"{prefix}_year", parse_year)
        baseline_year, target_year = data["baseline_year"], data["target_year"]
        if baseline_year and target_year and target_year < baseline_year:
            self.problem(number, "target_year", _("the target year is before the baseline year"))
        direction = parse("direction", parse_choice, DIRECTIONS)
        if direction:
            data["direction"] = direction
        return False if len(self.problems) > before else data

    def add(self, number, theme, got, measure_title, responsible, partners, start, end, status):
        key = (theme.pk, got["objective_title"])
        objective = self.objectives.get(key)
        if objective is None:
            objective = ObjectiveDraft(theme=theme, data={"title_fi": got["objective_title"]})
            self.objectives[key] = objective
        if got.get("objective_description") and not objective.data.get("description_fi"):
            objective.data["description_fi"] = got["objective_description"]
        if not measure_title or (*key, measure_title) in self.measures:
            return
        data = {
            "title_fi": measure_title,
            "description_fi": got.get("measure_description", ""),
            "schedule_start": start,
            "schedule_end": end,
            "resources": got.get("resources", ""),
            "status": status or Measure.Status.PLANNED,
        }
        measure = MeasureDraft(
            ref=f"row-{number}", data=data, responsible=responsible, partners=partners
        )
        self.measures[(*key, measure_title)] = measure
        objective.measures.append(measure)

    def add_indicator(self, theme, got, measure_title, data) -> None:
        key = (theme.pk, got["objective_title"])
        measure = self.measures.get((*key, measure_title)) if measure_title else None
        self.objectives[key].indicators.append(
            IndicatorDraft(data=data, measure_ref=measure.ref if measure else "")
        )


def spreadsheet_read(
    content: bytes, *, filename: str = "", lead_municipality, data: dict
) -> PlanDraft:
    """Check the whole file and return the plan to write; ImportRejected lists every problem."""
    rows = read_rows(content, filename)
    reader = _Rows()
    if not rows or not any(text(cell) for cell in rows[0]):
        raise ImportRejected([Problem(_("the file is empty: the first row must be the header"))])
    reader.header(rows[0])
    if reader.problems:
        raise ImportRejected(reader.problems)
    for number, cells in enumerate(rows[1:], start=2):
        reader.row(number, list(cells))
    if not reader.problems and not reader.objectives:
        reader.problems.append(Problem(_("the file has no rows under the header")))
    if reader.problems:
        raise ImportRejected(reader.problems)
    return PlanDraft(
        lead_municipality=lead_municipality,
        municipalities=[lead_municipality],
        data={"languages": ["fi"], **data},
        objectives=list(reader.objectives.values()),
    )
