"""The columns of the plan import template and how each cell value is read.

The template (data/templates/kotoplan-plan-import.xlsx and .csv, documented in
docs/plan-import-template.md) has one header row with these column names; a header may also be
written with its Finnish name. Parsers return a value or raise `CellError` with what is wrong.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kotoplan.planning.models import Indicator, Measure


@dataclass(frozen=True)
class Column:
    key: str
    finnish: str
    help: str
    required: bool = False


COLUMNS = (
    Column(
        "theme",
        "teema",
        gettext_lazy("Theme code (e.g. employment_education) or its Finnish name."),
        required=True,
    ),
    Column("objective_title", "tavoite", gettext_lazy("Objective in Finnish."), required=True),
    Column("objective_description", "tavoitteen kuvaus", gettext_lazy("Objective description.")),
    Column("measure_title", "toimenpide", gettext_lazy("Measure; empty for an objective alone.")),
    Column("measure_description", "toimenpiteen kuvaus", gettext_lazy("Measure description.")),
    Column(
        "responsible",
        "vastuutaho",
        gettext_lazy("Responsible organisation: its exact name in Kotoplan or its reference key."),
    ),
    Column("partners", "kumppanit", gettext_lazy("Partner organisations, separated by “;”.")),
    Column("schedule_start", "alkaa", gettext_lazy("Start date: YYYY-MM-DD or D.M.YYYY.")),
    Column("schedule_end", "päättyy", gettext_lazy("End date: YYYY-MM-DD or D.M.YYYY.")),
    Column("resources", "resurssit", gettext_lazy("Resources.")),
    Column(
        "status",
        "tila",
        gettext_lazy("planned, ongoing, delayed, done or cancelled (or in Finnish)."),
    ),
    Column("indicator_name", "mittari", gettext_lazy("Indicator in Finnish.")),
    Column("unit", "yksikkö", gettext_lazy("Unit of the indicator, e.g. % or persons.")),
    Column("baseline_value", "lähtötaso", gettext_lazy("Baseline value (decimal comma is fine).")),
    Column("baseline_year", "lähtötason vuosi", gettext_lazy("Year of the baseline value.")),
    Column("target_value", "tavoitetaso", gettext_lazy("Target value.")),
    Column("target_year", "tavoitevuosi", gettext_lazy("Year of the target value.")),
    Column(
        "direction",
        "suunta",
        gettext_lazy("increase, decrease or maintain (or kasvu, lasku, ylläpito)."),
    ),
)
BY_NAME = {c.key: c for c in COLUMNS} | {c.finnish: c for c in COLUMNS}

MEASURE_KEYS = ("measure_description", "responsible", "partners", "schedule_start")
MEASURE_KEYS += ("schedule_end", "resources", "status")
INDICATOR_KEYS = ("indicator_name", "unit", "baseline_value", "baseline_year")
INDICATOR_KEYS += ("target_value", "target_year", "direction")

STATUSES = {
    "suunniteltu": Measure.Status.PLANNED,
    "käynnissä": Measure.Status.ONGOING,
    "viivästynyt": Measure.Status.DELAYED,
    "valmis": Measure.Status.DONE,
    "toteutunut": Measure.Status.DONE,
    "peruttu": Measure.Status.CANCELLED,
    **{s.value: s for s in Measure.Status},
}
DIRECTIONS = {
    "kasvu": Indicator.Direction.INCREASE,
    "nousu": Indicator.Direction.INCREASE,
    "lasku": Indicator.Direction.DECREASE,
    "ylläpito": Indicator.Direction.MAINTAIN,
    "säilyy": Indicator.Direction.MAINTAIN,
    **{d.value: d for d in Indicator.Direction},
}
LIMITS = {"objective_title": 300, "measure_title": 300, "indicator_name": 300, "unit": 60}


class CellError(ValueError):
    """What is wrong with one cell (the caller adds the row and the column)."""


def text(value) -> str:
    """A cell as trimmed text (numbers without a trailing .0)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def parse_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raw = text(value)
    if not raw:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", raw):
            return date.fromisoformat("-".join(p.zfill(2) for p in raw.split("-")))
        match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", raw)
        if match:
            day, month, year = (int(g) for g in match.groups())
            return date(year, month, day)
    except ValueError:
        pass
    raise CellError(_("“%(value)s” is not a date (YYYY-MM-DD or D.M.YYYY)") % {"value": raw})


def parse_number(value) -> Decimal | None:
    if isinstance(value, bool):
        raise CellError(_("“%(value)s” is not a number") % {"value": value})
    if isinstance(value, int | float):
        number = Decimal(str(value))
    else:
        raw = text(value).replace("\u00a0", "").replace(" ", "")
        if not raw:
            return None
        if raw.count(",") == 1 and "." not in raw:
            raw = raw.replace(",", ".")
        try:
            number = Decimal(raw)
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite():
            raise CellError(_("“%(value)s” is not a number") % {"value": text(value)})
    if number.as_tuple().exponent < -2 and number != number.quantize(Decimal("0.01")):
        raise CellError(_("%(value)s has more than two decimals") % {"value": number})
    if abs(number) >= Decimal(10) ** 12:
        raise CellError(_("%(value)s is too large") % {"value": number})
    return number.quantize(Decimal("0.01"))


def parse_year(value) -> int | None:
    raw = text(value)
    if not raw:
        return None
    if not re.fullmatch(r"\d{4}", raw) or not 1900 <= int(raw) <= 2100:
        raise CellError(_("“%(value)s” is not a year (YYYY)") % {"value": raw})
    return int(raw)


def parse_choice(value, choices: dict):
    raw = text(value).lower()
    if not raw:
        return None
    if raw not in choices:
        allowed = ", ".join(sorted({str(v) for v in choices.values()}))
        raise CellError(
            _("“%(value)s” is not one of: %(allowed)s") % {"value": text(value), "allowed": allowed}
        )
    return choices[raw]
