"""What every reader returns: indicator definitions and statistic values, not yet tied to rows.

Readers check the whole file before returning; they never touch the database. Area codes are
checked against the reference data afterwards (`services.statistic_values_import`), still before
any write, so that an unknown code names the place in the file where it was found.

Work is bounded: a file larger than `KOTOPLAN_STATISTICS_MAX_UPLOAD_BYTES` is refused before it
is parsed, and a file declaring more than `KOTOPLAN_STATISTICS_MAX_CELLS` values is refused
before a single value is materialised. Messages are in the language active when the reader runs
(the import runs in the language of the person who started it).
"""

import json
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext as _

from kotoplan.geography.models import Area

from ..errors import ImportFormatError
from ..models import IndicatorDefinition, StatisticValue

MUNICIPALITY = "municipality"
AREA = "area"
COUNTRY = "country"

OK = StatisticValue.Status.OK
MISSING = StatisticValue.Status.MISSING
SUPPRESSED = StatisticValue.Status.SUPPRESSED
YEAR = StatisticValue.PeriodType.YEAR
QUARTER = StatisticValue.PeriodType.QUARTER
MONTH = StatisticValue.PeriodType.MONTH


@dataclass(frozen=True)
class AreaRef:
    """Where a value belongs: a municipality code, an Area (kind, code) or the whole country."""

    level: str
    code: str = ""
    area_kind: str = ""
    # The area's name in the source, when it gives one: an area whose code names another
    # area of the same kind in the reference data is found by this name instead.
    name: str = field(default="", compare=False)

    def describe(self) -> str:
        if self.level == COUNTRY:
            return _("the whole country")
        if self.level == MUNICIPALITY:
            return _("municipality %(code)s") % {"code": self.code}
        kinds = dict(Area.Kind.choices)
        return f"{kinds.get(self.area_kind, self.area_kind)} {self.code}"


@dataclass(slots=True)
class ParsedValue:
    indicator_code: str
    area: AreaRef
    period: int
    value: Decimal | None
    status: str
    position: object  # a text, or an object whose str() names the place lazily
    breakdown_key: str = ""
    breakdown_value: str = ""
    period_type: str = YEAR
    subperiod: int = 0
    absolute_value: Decimal | None = None


@dataclass
class ParsedDataset:
    source: str
    indicators: dict[str, IndicatorDefinition] = field(default_factory=dict)
    values: list[ParsedValue] = field(default_factory=list)
    skipped: int = 0
    skipped_reasons: dict[str, int] = field(default_factory=dict)
    language: str = ""  # the language of the labels in the file, when it says
    # (indicator code, breakdown, category code or "" for the breakdown itself) → {lang: label}
    breakdown_labels: dict[tuple[str, str, str], dict[str, str]] = field(default_factory=dict)
    # Sotkanet lists every region it ever had: rows of areas missing from the reference data
    # (merged municipalities …) are skipped with a note instead of refusing the file.
    skip_unknown_areas: bool = False

    def label_breakdown(self, indicator: str, dimension: str, code: str, labels: dict) -> None:
        texts = {lang: str(text).strip()[:300] for lang, text in labels.items() if text}
        if texts:
            self.breakdown_labels.setdefault((indicator, dimension, code), {}).update(texts)

    def skip(self, reason: str, count: int = 1) -> None:
        self.skipped += count
        self.skipped_reasons[reason] = self.skipped_reasons.get(reason, 0) + count


def max_bytes() -> int:
    return settings.KOTOPLAN_STATISTICS_MAX_UPLOAD_BYTES


def max_cells() -> int:
    return settings.KOTOPLAN_STATISTICS_MAX_CELLS


def check_size(content: str | bytes, *, error: type[ImportFormatError] = ImportFormatError):
    """Refuse a file over the size limit before anything reads it."""
    size = len(content.encode() if isinstance(content, str) else content)
    if size > max_bytes():
        raise error(
            _(
                "The file is %(size)s MB; at most %(limit)s MB can be imported at once. "
                "Select fewer areas, years or contents in the statistics service and import "
                "the parts one by one."
            )
            % {"size": round(size / 1024 / 1024, 1), "limit": max_bytes() // (1024 * 1024)}
        )


def check_cells(count: int, *, error: type[ImportFormatError] = ImportFormatError) -> None:
    """Refuse a file that declares more values than one import may hold."""
    if count > max_cells():
        raise error(
            _(
                "The file declares %(count)s values (the product of its dimension sizes); at "
                "most %(limit)s can be imported at once. Select fewer areas, years or contents "
                "and import the parts one by one."
            )
            % {"count": f"{count:,}".replace(",", " "), "limit": max_cells()}
        )


def to_decimal(raw: object, *, where: object, error: type[ImportFormatError]) -> Decimal:
    """A JSON number (or a numeric string) as Decimal; anything else names the place."""
    message = _("%(where)s: the value %(value)r is not a number. Correct or remove it.")
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        raise error(message % {"where": where, "value": raw})
    text = str(raw).strip().replace(",", ".") if isinstance(raw, str) else repr(raw)
    try:
        value = Decimal(text)
    except ArithmeticError as exc:
        raise error(message % {"where": where, "value": raw}) from exc
    if not value.is_finite():
        raise error(message % {"where": where, "value": raw})
    return value


def load_json(text: str | bytes, *, what: str, error: type[ImportFormatError]) -> object:
    """The parsed JSON; a broken file names what it is and where it breaks."""
    check_size(text, error=error)
    if isinstance(text, str):
        text = text.lstrip("\ufeff")  # a byte order mark left by a Windows editor
    try:
        return json.loads(text)
    except UnicodeDecodeError as exc:
        raise error(
            _("The %(what)s is not UTF-8 text (%(reason)s). Save it as UTF-8 and try again.")
            % {"what": what, "reason": exc.reason}
        ) from exc
    except json.JSONDecodeError as exc:
        raise error(
            _(
                "The %(what)s is not valid JSON (truncated or malformed): %(problem)s at line "
                "%(line)s, column %(column)s. Download the file again."
            )
            % {"what": what, "problem": exc.msg, "line": exc.lineno, "column": exc.colno}
        ) from exc
