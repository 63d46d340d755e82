"""What every parser returns: indicators and observations, not yet tied to database rows.

Parsers check the whole file before returning; they never touch the database. Area codes are
checked against the reference data afterwards (`services.observation_import`), still before any
write, so that an unknown code names the place in the file where it was found.
"""

from dataclasses import dataclass, field
from decimal import Decimal

MUNICIPALITY = "municipality"
AREA = "area"
COUNTRY = "country"

OK = "ok"
MISSING = "missing"
SUPPRESSED = "suppressed"


class ImportFormatError(Exception):
    """The file is not what the importer expects; the message says what and where."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class FetchError(Exception):
    """The source could not be reached or answered with an error."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class AreaRef:
    """Where an observation belongs: a municipality code, an Area (kind, code) or the country."""

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
class ParsedIndicator:
    code: str
    source: str
    source_code: str
    name_fi: str = ""
    name_sv: str = ""
    name_en: str = ""
    unit: str = ""
    decimals: int = 0


@dataclass
class ParsedObservation:
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
    indicators: dict[str, ParsedIndicator] = field(default_factory=dict)
    observations: list[ParsedObservation] = field(default_factory=list)
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
