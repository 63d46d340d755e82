"""Reads of statistics: import runs for a user, and the situation picture figures."""

import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language

from kotoplan.accounts.selectors import user_reach
from kotoplan.audit.selectors.feed import trail_end
from kotoplan.core.clock import today
from kotoplan.core.permissions import scope
from kotoplan.geography.models import Area, AreaMembership, Municipality

from .models import (
    BreakdownLabel,
    ImportRun,
    SituationIndicator,
    StatIndicator,
    StatisticValue,
    period_label,
    period_sort_key,
)

TREND_YEARS = 8
LANGUAGE_BREAKDOWN = "language"  # StatisticValue.breakdown_key of figures by language group
MAIN_LANGUAGE_GROUPS = 5


def statistics_state() -> int:
    """What identifies the statistics as they read: the newest audit entry of an import run, a
    single value or the catalogue (imports write their values in bulk, then save their run).
    Kept pages that show statistics name it in their key."""
    return trail_end(models=(ImportRun, StatisticValue, StatIndicator, SituationIndicator))


def import_runs_for_user(*, user) -> QuerySet[ImportRun]:
    return scope(user, "monitoring.view_import_run", ImportRun.objects.all()).select_related(
        "created_by", "municipality"
    )


def import_run_get_for_user(*, user, run_id: int) -> ImportRun:
    """The only way to load an import run for a request; missing and forbidden look alike."""
    run = import_runs_for_user(user=user).filter(pk=run_id).first()
    if run is None:
        raise Http404
    return run


def municipalities_for_import(*, user) -> QuerySet[Municipality]:
    """The municipalities on whose behalf the user may start an import."""
    reach = user_reach(user=user)
    if reach.admin or reach.statistics_importer:
        return Municipality.objects.in_act_scope()
    return Municipality.objects.filter(pk__in=reach.coordinator_municipalities)


def import_run_looks_interrupted(run: ImportRun, *, now=None) -> bool:
    """A running import without progress for KOTOPLAN_STATISTICS_STALE_MINUTES: the worker
    probably stopped (the next worker start marks it failed)."""
    if run.status != ImportRun.Status.RUNNING:
        return False
    now = now or timezone.now()
    return now - run.updated_at > timedelta(minutes=settings.KOTOPLAN_STATISTICS_STALE_MINUTES)


def situation_indicator_choices(*, plan) -> QuerySet[StatIndicator]:
    """Indicators with values for the plan's municipalities: what the figures may show."""
    with_values = StatisticValue.objects.filter(municipality__in=plan.municipalities.all()).values(
        "indicator_id"
    )
    return StatIndicator.objects.filter(pk__in=with_values).order_by("name_fi")


def situation_indicators_chosen(*, plan) -> list[StatIndicator]:
    """The plan's chosen figures in order; the catalogue's default when none were chosen."""
    chosen = [
        choice.indicator
        for choice in SituationIndicator.objects.filter(plan=plan).select_related("indicator")
    ]
    if chosen:
        return chosen
    return list(
        StatIndicator.objects.filter(situation_order__isnull=False).order_by("situation_order")
    )


@dataclass
class Cell:
    value: Decimal | None = None
    status: str = StatisticValue.Status.MISSING
    present: bool = False
    number_format: str = "0g"


@dataclass
class Column:
    label: str
    kind: str  # "municipality", "county" or "country"
    key: tuple


@dataclass
class FigureRow:
    indicator: StatIndicator
    period: int | str | None  # the year, or "2024 Q4" / "12/2024" for shorter periods
    cells: list[Cell]
    absolute: Decimal | None = None  # the count beside the municipality's rate


@dataclass
class TrendRow:
    period: int | str
    cells: list[Cell]


@dataclass
class LanguageGroup:
    language: str
    value: Decimal


@dataclass
class LanguageGroups:
    indicator: StatIndicator
    period: int
    groups: list[LanguageGroup]


@dataclass
class BreakdownRow:
    indicator: StatIndicator
    group: str
    period: int | str
    cell: Cell
    absolute: Decimal | None = None


@dataclass
class SituationFigures:
    municipality: Municipality | None
    columns: list[Column] = field(default_factory=list)
    rows: list[FigureRow] = field(default_factory=list)
    trend_indicators: list[StatIndicator] = field(default_factory=list)
    trend: list[TrendRow] = field(default_factory=list)
    attributions: list[tuple[str, str]] = field(default_factory=list)
    languages: LanguageGroups | None = None
    breakdowns: list[BreakdownRow] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.rows and self.languages is None


def _key(value: StatisticValue) -> tuple:
    if value.municipality_id:
        return ("m", value.municipality_id)
    if value.area_id:
        return ("a", value.area_id)
    return ("c",)


def situation_figures_for_plan(*, plan) -> SituationFigures:
    """The figures of a plan's municipalities: the lead first, the others by name."""
    lead = plan.lead_municipality
    others = sorted((m for m in plan.municipalities.all() if m != lead), key=lambda m: m.name_fi)
    return situation_figures(
        municipalities=[lead, *others] if lead else others,
        indicators=situation_indicators_chosen(plan=plan),
    )


def _period(key: tuple) -> int | str:
    year, period_type, subperiod = key
    return year if period_type == "year" else period_label(year, period_type, subperiod)


def situation_figures(
    *,
    municipalities: list[Municipality],
    on: date | None = None,
    indicators: list[StatIndicator] | None = None,
) -> SituationFigures:
    """Figures for the municipalities (the first one leads), their wellbeing counties and the
    whole country, from imported values; four queries whatever the number of years. Each
    indicator is shown for the latest period of the lead municipality, which may be a year, a
    quarter or a month; the comparison columns show the same period."""
    on = on or today()
    figures = SituationFigures(municipality=municipalities[0] if municipalities else None)
    if not municipalities:
        return figures
    if indicators is None:
        indicators = list(
            StatIndicator.objects.filter(situation_order__isnull=False).order_by("situation_order")
        )
    if not indicators:
        return figures
    memberships = (
        AreaMembership.objects.valid_on(on)
        .filter(municipality__in=municipalities, area__kind=Area.Kind.WELLBEING_COUNTY)
        .select_related("area")
    )
    counties: dict[int, Area] = {}
    for membership in memberships:
        counties.setdefault(membership.area_id, membership.area)
    figures.columns = [Column(m.name_fi, "municipality", ("m", m.pk)) for m in municipalities]
    figures.columns += [Column(a.name_fi, "county", ("a", a.pk)) for a in counties.values()]
    figures.columns.append(Column("", "country", ("c",)))
    places = Q(municipality__in=municipalities) | Q(area_id__in=list(counties)) | Q(country=True)
    groups = Q(municipality=municipalities[0]) & ~Q(breakdown_key__in=["", LANGUAGE_BREAKDOWN])
    values = StatisticValue.objects.filter(
        (places & Q(breakdown_key="")) | groups, indicator__in=indicators
    ).only(
        "indicator_id",
        "municipality_id",
        "area_id",
        "country",
        "period",
        "period_type",
        "subperiod",
        "value",
        "status",
        "absolute_value",
        "breakdown_key",
        "breakdown_value",
    )
    data: dict[tuple, StatisticValue] = {}
    by_group: list[StatisticValue] = []
    for value in values:
        if value.breakdown_key:
            by_group.append(value)
            continue
        period = (value.period, value.period_type, value.subperiod)
        data[(value.indicator_id, _key(value), period)] = value
    lead = figures.columns[0].key
    for indicator in indicators:
        lead_periods = sorted(
            (period for (ind, key, period) in data if ind == indicator.pk and key == lead),
            key=lambda p: period_sort_key(*p),
        )
        if not lead_periods:
            continue
        period = lead_periods[-1]
        cells = [
            _cell(data.get((indicator.pk, column.key, period)), indicator)
            for column in figures.columns
        ]
        absolute = data[(indicator.pk, lead, period)].absolute_value
        figures.rows.append(FigureRow(indicator, _period(period), cells, absolute))
        if len(lead_periods) > 1:
            figures.trend_indicators.append(indicator)
        pair = (indicator.attribution, indicator.licence)
        if indicator.attribution and pair not in figures.attributions:
            figures.attributions.append(pair)
    figures.languages = main_language_groups(municipality=municipalities[0], indicators=indicators)
    figures.breakdowns = _breakdown_rows(by_group, figures.rows)
    trend_ids = {i.pk for i in figures.trend_indicators}
    periods = sorted(
        {p for (ind, key, p) in data if key == lead and ind in trend_ids},
        key=lambda p: period_sort_key(*p),
    )
    for period in periods[-TREND_YEARS:]:
        cells = [_cell(data.get((i.pk, lead, period)), i) for i in figures.trend_indicators]
        figures.trend.append(TrendRow(_period(period), cells))
    return figures


def _cell(value: StatisticValue | None, indicator: StatIndicator) -> Cell:
    number_format = f"{indicator.decimals}g"
    if value is None:
        return Cell(number_format=number_format)
    return Cell(value=value.value, status=value.status, present=True, number_format=number_format)


LabelsByIndicator = dict[int, dict[tuple[str, str], BreakdownLabel]]


def breakdown_labels_of(indicator_ids) -> LabelsByIndicator:
    """Indicator id → (breakdown, code) → label; one query."""
    labels: LabelsByIndicator = {}
    for label in BreakdownLabel.objects.filter(indicator_id__in=list(indicator_ids)):
        labels.setdefault(label.indicator_id, {})[(label.dimension, label.code)] = label
    return labels


def _split(key: str, value: str, labels: dict) -> list[tuple[str, str]]:
    """ "gender+age", "male+75+" → [("gender", "male"), ("age", "75+")]: codes may hold "+"."""
    dimensions = key.split("+")
    pieces = value.split("+")
    if len(pieces) == len(dimensions):
        return list(zip(dimensions, pieces, strict=True))
    parts, start = [], 0
    for n, dimension in enumerate(dimensions):
        if n == len(dimensions) - 1:
            parts.append((dimension, "+".join(pieces[start:])))
            break
        end = next(
            (
                stop
                for stop in range(start + 1, len(pieces))
                if (dimension, "+".join(pieces[start:stop])) in labels
            ),
            start + 1,
        )
        parts.append((dimension, "+".join(pieces[start:end])))
        start = end
    return parts


def breakdown_text(labels: dict, key: str, value: str, language: str | None = None) -> str:
    """A breakdown group as people read it, "Naiset, 0–17-vuotiaat": each code by its label
    in the language when one was imported, the code itself only when none exists."""
    if not key:
        return ""
    language = language or get_language() or "fi"
    names = []
    for dimension, code in _split(key, value, labels):
        label = labels.get((dimension, code))
        names.append(label.text(language) if label else code)
    return ", ".join(names)


def _breakdown_rows(values: list[StatisticValue], rows: list[FigureRow]) -> list[BreakdownRow]:
    """The lead municipality's values by gender, age and other groups, for the period each
    figure shows (one query for their labels, when there are any)."""
    periods = {row.indicator.pk: (row.indicator, row.period) for row in rows}
    values = sorted(
        (v for v in values if v.indicator_id in periods),
        key=lambda v: (v.indicator_id, v.breakdown_key, v.breakdown_value),
    )
    if not values:
        return []
    labels = breakdown_labels_of(periods)
    result = []
    for value in values:
        indicator, period = periods[value.indicator_id]
        if _period((value.period, value.period_type, value.subperiod)) != period:
            continue
        text = breakdown_text(
            labels.get(value.indicator_id, {}), value.breakdown_key, value.breakdown_value
        )
        result.append(
            BreakdownRow(indicator, text, period, _cell(value, indicator), value.absolute_value)
        )
    return result


def main_language_groups(
    *, municipality: Municipality, indicators: list[StatIndicator]
) -> LanguageGroups | None:
    """The largest language groups of the municipality in the latest year that has figures
    broken down by language (one query); None when no such figures were imported."""
    rows = list(
        StatisticValue.objects.filter(
            municipality=municipality,
            indicator__in=indicators,
            breakdown_key=LANGUAGE_BREAKDOWN,
            status=StatisticValue.Status.OK,
            period_type=StatisticValue.PeriodType.YEAR,
        )
        .order_by("-period", "-value")
        .only("indicator_id", "period", "breakdown_value", "value")
    )
    if not rows:
        return None
    latest = rows[0]
    by_id = {indicator.pk: indicator for indicator in indicators}
    labels = breakdown_labels_of([latest.indicator_id]).get(latest.indicator_id, {})
    groups = [
        LanguageGroup(
            language=breakdown_text(labels, LANGUAGE_BREAKDOWN, row.breakdown_value),
            value=row.value,
        )
        for row in rows
        if row.period == latest.period and row.indicator_id == latest.indicator_id
    ][:MAIN_LANGUAGE_GROUPS]
    return LanguageGroups(indicator=by_id[latest.indicator_id], period=latest.period, groups=groups)


def statistic_series(*, source_code: str, municipality_id: int) -> list[tuple[int, Decimal]]:
    """(year, value) of the indicator with that source code in the whole municipality, oldest
    first, known values only; empty when no such indicator was imported."""
    indicator = StatIndicator.objects.filter(source_code=source_code).first()
    if indicator is None:
        return []
    values = indicator.values.filter(
        municipality_id=municipality_id,
        breakdown_key="",
        status=StatisticValue.Status.OK,
        period_type=StatisticValue.PeriodType.YEAR,
    )
    return list(values.order_by("period").values_list("period", "value"))


def statistic_series_many(
    *, source_codes, municipality_id: int
) -> dict[str, list[tuple[int, Decimal]]]:
    """`statistic_series` of several source codes at once, in two queries: code → series (a
    code with no imported indicator is left out)."""
    codes = {code for code in source_codes if code}
    if not codes:
        return {}
    first_by_code: dict[str, int] = {}
    for pk, code in StatIndicator.objects.filter(source_code__in=codes).values_list(
        "pk", "source_code"
    ):  # in the model's order, so each code keeps the indicator `statistic_series` picks
        first_by_code.setdefault(code, pk)
    series: dict[int, list[tuple[int, Decimal]]] = {pk: [] for pk in first_by_code.values()}
    values = StatisticValue.objects.filter(
        indicator_id__in=list(series),
        municipality_id=municipality_id,
        breakdown_key="",
        status=StatisticValue.Status.OK,
        period_type=StatisticValue.PeriodType.YEAR,
    ).order_by("period")
    for indicator_id, period, value in values.values_list("indicator_id", "period", "value"):
        series[indicator_id].append((period, value))
    return {code: series[pk] for code, pk in first_by_code.items()}


def statistic_series_rows(*, source_code, municipality) -> QuerySet[StatisticValue]:
    """The rows `statistic_series` reads, as a queryset for a subquery: `source_code` and
    `municipality` may be `OuterRef`s of the enclosing query (a plan's indicator and its lead
    municipality). Of several indicators with the same source code the first by code counts, as
    in `statistic_series` (looked up once per enclosing row); an empty code matches nothing."""
    if isinstance(source_code, OuterRef):
        source_code = OuterRef(source_code)  # one level further out: inside the subquery below
    first = StatIndicator.objects.filter(source_code=source_code).exclude(source_code="")
    return StatisticValue.objects.filter(
        indicator=Subquery(first.order_by("code").values("pk")[:1]),
        municipality=municipality,
        breakdown_key="",
        status=StatisticValue.Status.OK,
        period_type=StatisticValue.PeriodType.YEAR,
    )


def statistic_value_version(value: StatisticValue) -> str:
    """A short fingerprint of what a stored value says (the row has no version counter): the
    API's ETag, and what a write names to prove it saw the current value."""
    stated = f"{value.value}|{value.status}".encode()
    return hashlib.sha256(stated).hexdigest()[:16]
