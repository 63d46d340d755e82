"""Read the plan import spreadsheet (XLSX or CSV) into a `PlanDraft`, or say what is wrong.

The rules (docs/plan-import-template.md):

- The header row is the row, among the first 20, that names the most known columns; rows above
  it are titles. Headers are matched in Finnish, Swedish or English, without case, "*" marks or
  trailing colons. Columns the import does not know are listed in the notes, never dropped
  silently.
- One row is one measure, or an objective without measures. Rows with the same theme and
  objective form one objective; rows with the same measure title under one objective form one
  measure (each may add an indicator). Empty rows are skipped.
- Merged cells (XLSX) count in every row they cover: an objective cell merged over several
  measure rows, a measure cell merged over several indicator rows. The same holds without
  merging, in CSV too: a row whose theme and objective are empty but which has a measure or an
  indicator continues the objective of the row above; an empty theme continues the theme above.
- Every row is checked before anything is written; every problem is "row N, column X: what is
  wrong and what to write", N and X as Excel shows them.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from kotoplan.planning.models import Theme

from ..errors import ImportRejected, Problem
from .common import IndicatorDraft, MeasureDraft, ObjectiveDraft, PlanDraft
from .spreadsheet_columns import (
    BY_KEY,
    COLUMNS,
    HEADER_SEARCH_ROWS,
    INDICATOR,
    LEVEL_KEYS,
    MEASURE,
    OBJECTIVE,
    CellError,
    column_for,
    find_header,
    has_header,
    text,
)
from .spreadsheet_files import Limits, Sheet, read_sheet
from .spreadsheet_parties import resolve_organisation, unresolved_message

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Checked:
    """What a file would create (`draft`), or why not (`problems`), with `notes` on what was
    read in a way the user should know (titles skipped, columns not imported)."""

    draft: PlanDraft | None
    problems: list[Problem]
    notes: list[str] = field(default_factory=list)
    sheet: Sheet | None = None
    # Party names found nowhere (no namesake in the area or elsewhere): the coordinator may add
    # them as local organisations from the preview. `only_missing_parties`: nothing else is wrong.
    missing_parties: list[str] = field(default_factory=list)
    only_missing_parties: bool = False


class _Reader:
    """Turns the rows into objectives, measures and indicators, collecting every problem."""

    def __init__(self, sheet: Sheet, limits: Limits, *, municipalities=(), on=None, until=None):
        self.sheet = sheet
        self.limits = limits
        self.municipalities = list(municipalities)
        self.on, self.until = on, until
        self.rows = [list(row) for row in sheet.rows]
        self.problems: list[Problem] = []
        self.notes: list[str] = []
        self.positions: dict[str, int] = {}
        self.headers: dict[int, str] = {}
        self.themes = list(Theme.objects.all())
        self.organisations: dict = {}
        self.objectives: dict[tuple, ObjectiveDraft] = {}
        self.measures: dict[tuple, MeasureDraft] = {}
        self.continued: list[int] = []
        self.missing_parties: dict[str, int] = {}  # name → problems it caused

    # --- where -------------------------------------------------------------------------------

    def where(self, index: int) -> str:
        letter = get_column_letter(index + 1)
        return f"{letter} ({self.headers[index]})" if self.headers.get(index) else letter

    def problem(self, row: int, key: str, message: str) -> None:
        self.problems.append(Problem(message, row=row, column=self.where(self.positions[key])))

    def cell(self, row: int, index: int):
        cells = self.rows[row]
        return cells[index] if index < len(cells) else None

    # --- header and merges -------------------------------------------------------------------

    def header(self) -> int:
        """Find and read the header row; the index of the first data row (-1: no header)."""
        index, _count = find_header(self.rows)
        if index < 0:
            self.problems.append(
                Problem(
                    _(
                        "no header row found in the first %(n)s rows: one row must name the "
                        "columns, e.g. “Teema”, “Tavoite”, “Toimenpide”; see the import template"
                    )
                    % {"n": HEADER_SEARCH_ROWS}
                )
            )
            return -1
        if index > 0:
            self.notes.append(
                ngettext(
                    "Row %(n)s above the header row was read as a title and not imported.",
                    "Rows 1–%(n)s above the header row were read as titles and not imported.",
                    index,
                )
                % {"n": index}
            )
        first_data = index + 1
        cells = list(self.rows[index])
        for min_col, min_row, _max_col, max_row in self.sheet.merges:
            if min_row <= index + 1 <= max_row:
                first_data = max(first_data, max_row)
                top = self.rows[min_row - 1] if min_row - 1 < len(self.rows) else []
                while len(cells) < min_col:
                    cells.append(None)
                if not text(cells[min_col - 1]) and min_col - 1 < len(top):
                    cells[min_col - 1] = top[min_col - 1]
        for position, cell in enumerate(cells):
            name = text(cell).replace("*", "").strip().rstrip(":").strip()
            if not name:
                continue
            self.headers[position] = name
            column = column_for(cell)
            if column is None:
                continue
            if column.key in self.positions:
                self.problems.append(
                    Problem(
                        _(
                            "the column “%(name)s” appears twice (also column %(other)s); delete "
                            "or rename one of them"
                        )
                        % {
                            "name": name,
                            "other": get_column_letter(self.positions[column.key] + 1),
                        },
                        row=index + 1,
                        column=self.where(position),
                    )
                )
            else:
                self.positions[column.key] = position
        language = (get_language() or "fi")[:2]
        for column in COLUMNS:
            if column.required and column.key not in self.positions:
                wanted = (column.header_names(language) or column.header_names("fi"))[:1]
                self.problems.append(
                    Problem(
                        _("the column “%(name)s” is missing; add a column with that heading")
                        % {"name": wanted[0] if wanted else column.key},
                        row=index + 1,
                    )
                )
        return first_data

    def fill_merges(self, first_data: int) -> None:
        """Every cell of a merged range below the header holds the range's value."""
        budget = max(len(self.rows), 1) * self.limits.max_columns
        for min_col, min_row, max_col, max_row in self.sheet.merges:
            if min_row - 1 < first_data or min_row - 1 >= len(self.rows):
                continue
            value = self.cell(min_row - 1, min_col - 1)
            last_row = min(max_row, len(self.rows))
            last_col = min(max_col, self.limits.max_columns)
            for row in range(min_row - 1, last_row):
                cells = self.rows[row]
                while len(cells) < last_col:
                    cells.append(None)
                for col in range(min_col - 1, last_col):
                    cells[col] = value
                    budget -= 1
                if budget <= 0:
                    return

    def unread_columns(self, first_data: int) -> None:
        known = set(self.positions.values())
        widest = max((len(r) for r in self.rows[first_data:]), default=0)
        for index in range(max(widest, max(self.headers, default=-1) + 1)):
            if index in known:
                continue
            filled = sum(1 for r in range(first_data, len(self.rows)) if text(self.cell(r, index)))
            letter = get_column_letter(index + 1)
            if self.headers.get(index):
                self.notes.append(
                    _(
                        "The column “%(name)s” (column %(letter)s) is not imported: Kotoplan has "
                        "no such field. Rename it as in the template if it should be imported."
                    )
                    % {"name": self.headers[index], "letter": letter}
                )
            elif filled:
                self.notes.append(
                    ngettext(
                        "Column %(letter)s has no heading; its %(n)s filled cell is not imported.",
                        "Column %(letter)s has no heading; its %(n)s filled cells are not "
                        "imported.",
                        filled,
                    )
                    % {"letter": letter, "n": filled}
                )

    # --- rows --------------------------------------------------------------------------------

    def values(self, row: int) -> dict:
        return {key: self.cell(row, index) for key, index in self.positions.items()}

    def continue_above(self, number: int, raw: dict, above: dict) -> None:
        """Empty theme/objective cells continue the objective of the row above (merged cells
        as people type them)."""
        below = any(text(raw.get(k)) for k in LEVEL_KEYS[MEASURE] + LEVEL_KEYS[INDICATOR])
        theme, title = text(raw.get("theme")), text(raw.get("objective_title"))
        same_theme = not theme or theme == above.get("theme")
        if not title and below and above.get("objective_title") and same_theme:
            raw["theme"] = above["theme"]
            raw["objective_title"] = above["objective_title"]
            self.continued.append(number)
            return
        if title and not theme and above.get("theme"):
            raw["theme"] = above["theme"]

    def row(self, number: int, raw: dict) -> None:
        parsed, ok, failed = {}, True, set()
        for key, value in raw.items():
            column = BY_KEY[key]
            got = text(value)
            limit = min(column.limit or self.limits.max_cell_chars, self.limits.max_cell_chars)
            if len(got) > limit:
                self.problem(
                    number,
                    key,
                    _(
                        "the text is %(length)s characters long, at most %(n)s are allowed; "
                        "shorten it"
                    )
                    % {"length": len(got), "n": limit},
                )
                ok = False
                failed.add(key)
                continue
            try:
                parsed[key] = column.parse(value)
            except CellError as error:
                self.problem(number, key, str(error))
                ok = False
                failed.add(key)
        theme = None if "theme" in failed else self.theme(number, parsed)
        if not parsed.get("objective_title") and "objective_title" not in failed:
            self.problem(
                number,
                "objective_title" if "objective_title" in self.positions else "theme",
                _("the objective is missing; write the objective this row belongs to"),
            )
            ok = False
        if not parsed.get("measure_title"):
            for key in LEVEL_KEYS[MEASURE]:
                if key in self.positions and parsed.get(key):
                    self.problem(
                        number, key, _("a measure detail without a measure; add the measure title")
                    )
                    ok = False
        organisations = self.measure_organisations(number, parsed)
        start, end = parsed.get("schedule_start"), parsed.get("schedule_end")
        if start and end and end < start:
            self.problem(
                number, "schedule_end", _("the measure ends before it starts; check the dates")
            )
            ok = False
        indicator = self.indicator(number, parsed)
        if not ok or theme is None or organisations is None or indicator is False:
            return
        measure = self.add(number, theme, parsed, organisations)
        if indicator:
            objective = self.objectives[(theme.pk, parsed["objective_title"])]
            objective.indicators.append(
                IndicatorDraft(
                    data=indicator, measure_ref=measure.ref if measure else "", row=number
                )
            )

    def theme(self, number: int, parsed: dict) -> Theme | None:
        value = parsed.get("theme") or ""
        if not value:
            self.problem(number, "theme", _("the theme is missing; write the theme code or name"))
            return None
        wanted = value.strip().casefold()
        for theme in self.themes:
            if wanted in (
                n.casefold() for n in (theme.code, theme.name_fi, theme.name_sv, theme.name_en)
            ):
                return theme
        codes = ", ".join(t.code for t in self.themes)
        self.problem(
            number,
            "theme",
            _("unknown theme “%(value)s”; use one of %(codes)s or the theme's name")
            % {"value": value, "codes": codes},
        )
        return None

    def measure_organisations(self, number: int, parsed: dict) -> dict | None:
        """{"responsible": Organisation | None, <m2m field>: [Organisation]}; None if a name
        is unknown."""
        found: dict = {"responsible": None}
        ok = True
        names = {"responsible": [parsed["responsible"]] if parsed.get("responsible") else []}
        names |= {c.key: parsed.get(c.key) or [] for c in COLUMNS if c.m2m}
        for key, wanted in names.items():
            organisations = []
            for name in wanted:
                resolution = resolve_organisation(
                    name,
                    self.organisations,
                    municipalities=self.municipalities,
                    on=self.on,
                    until=self.until,
                )
                organisation = resolution.match
                if organisation is None:
                    self.problem(number, key, unresolved_message(name, resolution))
                    if not resolution.candidates and not resolution.elsewhere:
                        key_name = name.strip()
                        self.missing_parties[key_name] = self.missing_parties.get(key_name, 0) + 1
                    ok = False
                elif organisation not in organisations:
                    organisations.append(organisation)
            if key == "responsible":
                found[key] = organisations[0] if organisations else None
            else:
                found[BY_KEY[key].m2m] = organisations
        return found if ok else None

    def indicator(self, number: int, parsed: dict):
        """The indicator data of the row, None when it has none, False when it is wrong."""
        if not any(parsed.get(key) not in (None, "") for key in LEVEL_KEYS[INDICATOR]):
            return None
        before = len(self.problems)
        if not parsed.get("indicator_name"):
            target = "indicator_name" if "indicator_name" in self.positions else "theme"
            self.problem(number, target, _("the indicator has no name; write its name"))
        numbers = any(parsed.get(k) not in (None, "") for k in ("baseline_value", "target_value"))
        if numbers and not parsed.get("unit"):
            target = "unit" if "unit" in self.positions else "theme"
            self.problem(
                number,
                target,
                _(
                    "a baseline or target number needs its unit (e.g. per cent or persons); "
                    "a target in words needs none"
                ),
            )
        base, target = parsed.get("baseline_year"), parsed.get("target_year")
        if base and target and target < base:
            self.problem(
                number,
                "target_year",
                _("the target year is before the baseline year; check the years"),
            )
        for prefix in ("baseline", "target"):
            year = f"{prefix}_year"
            no_year = year not in self.positions or (year in parsed and not parsed[year])
            if parsed.get(f"{prefix}_value") is not None and no_year:
                key = year if year in self.positions else "theme"
                self.problem(number, key, _("a value needs its year; write the year (YYYY)"))
        if len(self.problems) > before:
            return False
        return self.fields(INDICATOR, parsed)

    @staticmethod
    def fields(level: str, parsed: dict) -> dict:
        return {
            BY_KEY[key].field: parsed[key]
            for key in LEVEL_KEYS[level]
            if BY_KEY[key].field and key in parsed and parsed[key] not in (None, "")
        }

    def add(self, number: int, theme, parsed: dict, organisations: dict) -> MeasureDraft | None:
        key = (theme.pk, parsed["objective_title"])
        objective = self.objectives.get(key)
        if objective is None:
            objective = ObjectiveDraft(theme=theme, data=self.fields(OBJECTIVE, parsed), row=number)
            self.objectives[key] = objective
        elif parsed.get("objective_description") and not objective.data.get("description_fi"):
            objective.data["description_fi"] = parsed["objective_description"]
        title = parsed.get("measure_title")
        if not title:
            return None
        if (*key, title) in self.measures:
            return self.measures[(*key, title)]
        m2m = {name: value for name, value in organisations.items() if name != "responsible"}
        measure = MeasureDraft(
            ref=f"row-{number}",
            data=self.fields(MEASURE, parsed),
            responsible=organisations["responsible"],
            partners=m2m.pop("partners", []),
            m2m=m2m,
            row=number,
        )
        self.measures[(*key, title)] = measure
        objective.measures.append(measure)
        return measure

    def read(self) -> None:
        first_data = self.header()
        if first_data < 0 or self.problems:
            return
        self.fill_merges(first_data)
        self.unread_columns(first_data)
        above: dict = {}
        for index in range(first_data, len(self.rows)):
            raw = self.values(index)
            if not any(text(v) for v in raw.values()):
                continue
            if not any(text(v) for k, v in raw.items() if k != "theme"):
                above = {"theme": text(raw.get("theme")), "objective_title": ""}
                continue  # a theme alone on its row heads the rows below it
            self.continue_above(index + 1, raw, above)
            above = {
                "theme": text(raw.get("theme")),
                "objective_title": text(raw.get("objective_title")),
            }
            self.row(index + 1, raw)
        if self.continued:
            self.notes.append(
                _(
                    "Rows with an empty objective continued the objective above them (merged "
                    "cells): rows %(rows)s."
                )
                % {
                    "rows": ", ".join(str(n) for n in self.continued[:20])
                    + ("…" if len(self.continued) > 20 else "")
                }
            )
        if not self.problems and not self.objectives:
            self.problems.append(Problem(_("the file has no rows under the header")))


def spreadsheet_check(
    content: bytes, *, filename: str = "", lead_municipality, data: dict, limits=None
) -> Checked:
    """Read the whole file (within `limits`) and say what it would create or why not."""
    limits = limits or Limits.from_settings()
    try:
        sheet = read_sheet(content, filename, limits, pick=has_header)
    except ImportRejected as rejected:
        return Checked(draft=None, problems=rejected.problems)
    start, end = data.get("period_start"), data.get("period_end")
    reader = _Reader(
        sheet,
        limits,
        municipalities=[lead_municipality],
        on=date(start, 1, 1) if start else None,
        until=date(end, 12, 31) if end else None,
    )
    reader.read()
    if reader.problems:
        return Checked(
            draft=None,
            problems=reader.problems,
            notes=reader.notes,
            sheet=sheet,
            missing_parties=list(reader.missing_parties),
            only_missing_parties=sum(reader.missing_parties.values()) == len(reader.problems),
        )
    draft = PlanDraft(
        lead_municipality=lead_municipality,
        municipalities=[lead_municipality],
        data={"languages": ["fi"], **data},
        objectives=list(reader.objectives.values()),
    )
    return Checked(draft=draft, problems=[], notes=reader.notes, sheet=sheet)


def spreadsheet_read(
    content: bytes, *, filename: str = "", lead_municipality, data: dict
) -> PlanDraft:
    """Check the whole file and return the plan to write; ImportRejected lists every problem."""
    checked = spreadsheet_check(
        content, filename=filename, lead_municipality=lead_municipality, data=data
    )
    if checked.problems:
        raise ImportRejected(checked.problems)
    return checked.draft
