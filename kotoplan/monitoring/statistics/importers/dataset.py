"""What every reader returns: indicator definitions and statistic values, not yet tied to rows.

Readers check the whole file before returning; they never touch the database. Area codes are
checked against the reference data afterwards (`services.statistic_values_import`), still before
any write, so that an unknown code names the place in the file where it was found.
"""

import json
from dataclasses import dataclass, field
from decimal import Decimal

from ..errors import ImportFormatError
from ..models import IndicatorDefinition, StatisticValue

MUNICIPALITY = "municipality"
AREA = "area"
COUNTRY = "country"

OK = StatisticValue.Status.OK
MISSING = StatisticValue.Status.MISSING
SUPPRESSED = StatisticValue.Status.SUPPRESSED


@dataclass(frozen=True)
class AreaRef:
    """Where a value belongs: a municipality code, an Area (kind, code) or the whole country."""

    level: str
    code: str = ""
    area_kind: str = ""

    def describe(self) -> str:
        if self.level == COUNTRY:
            return "whole country"
        if self.level == MUNICIPALITY:
            return f"municipality {self.code}"
        return f"{self.area_kind} {self.code}"


@dataclass
class ParsedValue:
    indicator_code: str
    area: AreaRef
    period: int
    value: Decimal | None
    status: str
    position: str
    breakdown_key: str = ""
    breakdown_value: str = ""


@dataclass
class ParsedDataset:
    source: str
    indicators: dict[str, IndicatorDefinition] = field(default_factory=dict)
    values: list[ParsedValue] = field(default_factory=list)
    skipped: int = 0
    skipped_reasons: dict[str, int] = field(default_factory=dict)

    def skip(self, reason: str) -> None:
        self.skipped += 1
        self.skipped_reasons[reason] = self.skipped_reasons.get(reason, 0) + 1


def to_decimal(raw: object, *, where: str, error: type[ImportFormatError]) -> Decimal:
    """A JSON number (or a numeric string) as Decimal; anything else names the place."""
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        raise error(f"{where}: the value {raw!r} is not a number.")
    text = str(raw).strip().replace(",", ".") if isinstance(raw, str) else repr(raw)
    try:
        value = Decimal(text)
    except ArithmeticError as exc:
        raise error(f"{where}: the value {raw!r} is not a number.") from exc
    if not value.is_finite():
        raise error(f"{where}: the value {raw!r} is not a finite number.")
    return value


def load_json(text: str | bytes, *, what: str, error: type[ImportFormatError]) -> object:
    """The parsed JSON; a broken file names what it is and where it breaks."""
    try:
        return json.loads(text)
    except UnicodeDecodeError as exc:
        raise error(f"The {what} is not UTF-8 text ({exc.reason}).") from exc
    except json.JSONDecodeError as exc:
        raise error(
            f"The {what} is not valid JSON (truncated or malformed): {exc.msg} at line "
            f"{exc.lineno}, column {exc.colno}."
        ) from exc
