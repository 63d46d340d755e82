"""The columns of the plan import template and how each cell value is read.

`COLUMNS` is the whole column table: one `Column` per column, saying which part of the plan it
fills (objective, measure or indicator), how its cells are read and where the value goes:

- `field`: the model field of that part (`Measure.responsible_unit`, `Indicator.source_code`);
- `m2m`: a many-to-many field of organisations, cells holding names separated by ";" or line
  breaks (`Measure.partners`).

Adding a column is one entry here plus its names in data/imports/plan-import-names.toml, which
holds every accepted header name in Finnish, Swedish and English and the words of the choice
columns. Parsers return a value or raise `CellError` saying what is wrong and what to write.
"""

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kotoplan.planning.models import Indicator, Measure

NAMES_FILE = Path(__file__).resolve().parents[3] / "data" / "imports" / "plan-import-names.toml"
OBJECTIVE, MEASURE, INDICATOR = "objective", "measure", "indicator"


class CellError(ValueError):
    """What is wrong with one cell (the caller adds the row and the column)."""


@cache
def names() -> dict:
    with NAMES_FILE.open("rb") as handle:
        return tomllib.load(handle)


def normalise(name) -> str:
    """A header as compared: no case, "*" marks, trailing colons, underscores or extra spaces."""
    name = str(name or "").replace("\u00a0", " ").replace("_", " ").replace("*", " ")
    name = re.sub(r"\s+", " ", name).strip().rstrip(":").strip()
    return name.casefold()


def text(value) -> str:
    """A cell as trimmed text (numbers without a trailing .0, dates as YYYY-MM-DD)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def parse_text(value) -> str:
    return text(value)


def parse_names(value) -> list[str]:
    """Names separated by ";" or line breaks, without repeats."""
    found: list[str] = []
    for name in re.split(r"[;\n\r]+", text(value)):
        name = name.strip()
        if name and name not in found:
            found.append(name)
    return found


EXCEL_EPOCH = date(1899, 12, 30)


def _four_digit_year(year: int) -> int:
    """A two-digit year as Excel reads it: 00–29 → 2000–2029, 30–99 → 1930–1999."""
    if year < 100:
        return 2000 + year if year < 30 else 1900 + year
    return year


def parse_date(value) -> date | None:
    """Excel dates, Excel serial numbers, D.M.YYYY (also D.M.YY) and YYYY-MM-DD."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    if is_number and 1 <= value < 2958466:
        return EXCEL_EPOCH + timedelta(days=int(value))
    raw = text(value)
    if not raw:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", raw):
            return date(*(int(p) for p in raw.split("-")))
        match = re.fullmatch(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})", raw)
        if match:
            day, month, year = (int(g) for g in match.groups())
            return date(_four_digit_year(year), month, day)
        if re.fullmatch(r"\d{5}", raw):
            return EXCEL_EPOCH + timedelta(days=int(raw))
    except ValueError:
        pass
    raise CellError(
        _("“%(value)s” is not a date; write it as D.M.YYYY (e.g. 1.3.2026)") % {"value": raw}
    )


NUMBER_JUNK = re.compile(r"[\s\u00a0\u202f\u2009'’]|%$|€$")


def parse_number(value) -> Decimal | None:
    """Numbers with a decimal comma or point and spaces (or dots) between thousands."""
    if isinstance(value, bool):
        raise CellError(_("“%(value)s” is not a number") % {"value": value})
    if isinstance(value, int | float):
        number = Decimal(str(value))
    else:
        raw = text(value).replace("\u2212", "-").replace("\u2013", "-")
        raw = NUMBER_JUNK.sub("", raw.rstrip("%€ \u00a0"))
        if not raw:
            return None
        if "," in raw and "." in raw:  # the last one separates the decimals
            thousands = "." if raw.rfind(",") > raw.rfind(".") else ","
            raw = raw.replace(thousands, "")
        if raw.count(",") == 1:
            raw = raw.replace(",", ".")
        try:
            number = Decimal(raw)
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite():
            raise CellError(
                _("“%(value)s” is not a number; write digits only, e.g. 58,5")
                % {"value": text(value)}
            )
    if number.as_tuple().exponent < -2 and number != number.quantize(Decimal("0.01")):
        raise CellError(
            _("%(value)s has more than two decimals; round it to two") % {"value": number}
        )
    if abs(number) >= Decimal(10) ** 12:
        raise CellError(_("%(value)s is too large") % {"value": number})
    return number.quantize(Decimal("0.01"))


def parse_year(value) -> int | None:
    if isinstance(value, datetime | date):
        return value.year
    raw = text(value)
    if not raw:
        return None
    if not re.fullmatch(r"\d{4}", raw) or not 1900 <= int(raw) <= 2100:
        raise CellError(
            _("“%(value)s” is not a year; write all four digits, e.g. 2026") % {"value": raw}
        )
    return int(raw)


def choice(name: str, stored) -> Callable:
    """A parser for a choice column: the words of [choices.<name>] or the stored values."""

    def parse(value):
        raw = normalise(value)
        if not raw:
            return None
        words = {normalise(w): key for key, ws in names()["choices"][name].items() for w in ws}
        words |= {str(s.value): str(s.value) for s in stored}
        if raw not in words:
            allowed = ", ".join(sorted(str(s.value) for s in stored))
            raise CellError(
                _("“%(value)s” is not one of: %(allowed)s (or the same in Finnish or Swedish)")
                % {"value": text(value), "allowed": allowed}
            )
        return stored(words[raw])

    return parse


@dataclass(frozen=True)
class Column:
    key: str
    level: str
    help: str
    parse: Callable = parse_text
    field: str = ""
    m2m: str = ""
    required: bool = False
    limit: int = 0

    def header_names(self, language: str) -> list[str]:
        return names()["headers"].get(self.key, {}).get(language, [])

    @property
    def sv_names(self) -> list[str]:
        return self.header_names("sv")

    @property
    def en_names(self) -> list[str]:
        return self.header_names("en")

    @property
    def finnish(self) -> str:
        found = self.header_names("fi")
        return found[0] if found else self.key


COLUMNS = (
    Column(
        "theme",
        OBJECTIVE,
        gettext_lazy("The theme's name, as the plan names it, or its code."),
        required=True,
    ),
    Column(
        "objective_title",
        OBJECTIVE,
        gettext_lazy("Objective in Finnish; empty = the objective of the row above continues."),
        field="title_fi",
        required=True,
        limit=300,
    ),
    Column(
        "objective_description",
        OBJECTIVE,
        gettext_lazy("Objective description."),
        field="description_fi",
    ),
    Column(
        "measure_title",
        MEASURE,
        gettext_lazy("Measure; empty for an objective alone."),
        field="title_fi",
        limit=300,
    ),
    Column(
        "measure_description",
        MEASURE,
        gettext_lazy("Measure description."),
        field="description_fi",
    ),
    Column(
        "responsible",
        MEASURE,
        gettext_lazy("Responsible organisation: its exact name in Kotoplan or its reference key."),
    ),
    Column(
        "responsible_unit",
        MEASURE,
        gettext_lazy("Responsible unit within the organisation, as free text."),
        field="responsible_unit",
        limit=200,
    ),
    Column(
        "co_responsible",
        MEASURE,
        gettext_lazy(
            "Co-responsible parties besides the lead, separated by “;” or line breaks: names "
            "of organisations of the plan's area in Kotoplan."
        ),
        parse=parse_names,
        m2m="co_responsible",
    ),
    Column(
        "partners",
        MEASURE,
        gettext_lazy("Partner organisations, separated by “;” or line breaks."),
        parse=parse_names,
        m2m="partners",
    ),
    Column(
        "schedule_start",
        MEASURE,
        gettext_lazy("Start date: D.M.YYYY, YYYY-MM-DD or an Excel date."),
        parse=parse_date,
        field="schedule_start",
    ),
    Column(
        "schedule_end",
        MEASURE,
        gettext_lazy("End date: D.M.YYYY, YYYY-MM-DD or an Excel date."),
        parse=parse_date,
        field="schedule_end",
    ),
    Column(
        "schedule_text",
        MEASURE,
        gettext_lazy("Schedule as the plan writes it: 2025, 2025–2027, ongoing, autumn 2025…"),
        field="schedule_text",
        limit=100,
    ),
    Column("resources", MEASURE, gettext_lazy("Resources."), field="resources"),
    Column(
        "status",
        MEASURE,
        gettext_lazy("planned, ongoing, delayed, done or cancelled (or in Finnish or Swedish)."),
        parse=choice("status", Measure.Status),
        field="status",
    ),
    Column(
        "indicator_name",
        INDICATOR,
        gettext_lazy("Indicator in Finnish."),
        field="name_fi",
        limit=300,
    ),
    Column(
        "unit",
        INDICATOR,
        gettext_lazy("Unit of the indicator, e.g. % or persons."),
        field="unit",
        limit=60,
    ),
    Column(
        "indicator_source",
        INDICATOR,
        gettext_lazy("manual, statfin, sotkanet or other (or Tilastokeskus, THL, muu)."),
        parse=choice("indicator_source", Indicator.Source),
        field="source",
    ),
    Column(
        "indicator_code",
        INDICATOR,
        gettext_lazy("StatFin table and selection or Sotkanet indicator id."),
        field="source_code",
        limit=200,
    ),
    Column(
        "baseline_value",
        INDICATOR,
        gettext_lazy("Baseline value (decimal comma and spaces between thousands are fine)."),
        parse=parse_number,
        field="baseline_value",
    ),
    Column(
        "baseline_year",
        INDICATOR,
        gettext_lazy("Year of the baseline value (YYYY)."),
        parse=parse_year,
        field="baseline_year",
    ),
    Column(
        "target_value",
        INDICATOR,
        gettext_lazy("Target value."),
        parse=parse_number,
        field="target_value",
    ),
    Column(
        "target_year",
        INDICATOR,
        gettext_lazy("Year of the target value (YYYY)."),
        parse=parse_year,
        field="target_year",
    ),
    Column(
        "target_text",
        INDICATOR,
        gettext_lazy("Target in words, e.g. “decreases towards the population average”."),
        field="target_text_fi",
        limit=500,
    ),
    Column(
        "direction",
        INDICATOR,
        gettext_lazy("increase, decrease or maintain (or kasvu, lasku, ylläpito)."),
        parse=choice("direction", Indicator.Direction),
        field="direction",
    ),
)
BY_KEY = {column.key: column for column in COLUMNS}
LEVEL_KEYS = {
    level: tuple(c.key for c in COLUMNS if c.level == level)
    for level in (OBJECTIVE, MEASURE, INDICATOR)
}


@cache
def header_index() -> dict[str, str]:
    """Every accepted (normalised) header name → column key."""
    found = {}
    for column in COLUMNS:
        found[normalise(column.key)] = column.key
        for language in ("fi", "sv", "en"):
            for name in column.header_names(language):
                found.setdefault(normalise(name), column.key)
    return found


def column_for(header) -> Column | None:
    key = header_index().get(normalise(header))
    return BY_KEY.get(key) if key else None


HEADER_SEARCH_ROWS = 20


def find_header(rows: list[list]) -> tuple[int, int]:
    """(row index, number of known columns) of the header row; (-1, 0) when none is found."""
    best, best_count = -1, 1
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        keys = {column.key for cell in cells if (column := column_for(cell)) is not None}
        if len(keys) > best_count:
            best, best_count = index, len(keys)
    return best, (best_count if best >= 0 else 0)


def has_header(rows: list[list]) -> bool:
    return find_header(rows)[0] >= 0
