"""Reads of indicator data: import runs for a user, and the situation picture figures."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.http import Http404

from kotoplan.core.clock import today
from kotoplan.core.permissions import scope
from kotoplan.geography.models import Area, AreaMembership, Municipality

from .models import ImportRun, Observation, StatIndicator

TREND_YEARS = 8
LANGUAGE_BREAKDOWN = "language"  # Observation.breakdown_key of figures by language group
MAIN_LANGUAGE_GROUPS = 5


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


@dataclass
class Cell:
    value: Decimal | None = None
    status: str = Observation.Status.MISSING
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
    period: int | None
    cells: list[Cell]


@dataclass
class TrendRow:
    period: int
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
class SituationFigures:
    municipality: Municipality | None
    columns: list[Column] = field(default_factory=list)
    rows: list[FigureRow] = field(default_factory=list)
    trend_indicators: list[StatIndicator] = field(default_factory=list)
    trend: list[TrendRow] = field(default_factory=list)
    attributions: list[tuple[str, str]] = field(default_factory=list)
    languages: LanguageGroups | None = None

    @property
    def is_empty(self) -> bool:
        return not self.rows and self.languages is None


def _key(obs: Observation) -> tuple:
    if obs.municipality_id:
        return ("m", obs.municipality_id)
    if obs.area_id:
        return ("a", obs.area_id)
    return ("c",)


def situation_figures(
    *, municipalities: list[Municipality], on: date | None = None
) -> SituationFigures:
    """Figures for the municipalities (the first one leads), their wellbeing counties and the
    whole country, from imported observations; four queries whatever the number of years."""
    on = on or today()
    figures = SituationFigures(municipality=municipalities[0] if municipalities else None)
    if not municipalities:
        return figures
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
    observations = Observation.objects.filter(
        Q(municipality__in=municipalities) | Q(area_id__in=list(counties)) | Q(country=True),
        indicator__in=indicators,
        breakdown_key="",
    ).only("indicator_id", "municipality_id", "area_id", "country", "period", "value", "status")
    data: dict[tuple, Observation] = {}
    for obs in observations:
        data[(obs.indicator_id, _key(obs), obs.period)] = obs
    lead = figures.columns[0].key
    for indicator in indicators:
        lead_periods = sorted(
            period for (ind, key, period) in data if ind == indicator.pk and key == lead
        )
        if not lead_periods:
            continue
        period = lead_periods[-1]
        cells = [
            _cell(data.get((indicator.pk, column.key, period)), indicator)
            for column in figures.columns
        ]
        figures.rows.append(FigureRow(indicator, period, cells))
        if len(lead_periods) > 1:
            figures.trend_indicators.append(indicator)
        pair = (indicator.attribution, indicator.licence)
        if indicator.attribution and pair not in figures.attributions:
            figures.attributions.append(pair)
    figures.languages = main_language_groups(municipality=municipalities[0], indicators=indicators)
    trend_ids = {i.pk for i in figures.trend_indicators}
    years = sorted({p for (ind, key, p) in data if key == lead and ind in trend_ids})
    years = years[-TREND_YEARS:]
    for year in years:
        cells = [_cell(data.get((i.pk, lead, year)), i) for i in figures.trend_indicators]
        figures.trend.append(TrendRow(year, cells))
    return figures


def _cell(obs: Observation | None, indicator: StatIndicator) -> Cell:
    number_format = f"{indicator.decimals}g"
    if obs is None:
        return Cell(number_format=number_format)
    return Cell(value=obs.value, status=obs.status, present=True, number_format=number_format)


def main_language_groups(
    *, municipality: Municipality, indicators: list[StatIndicator]
) -> LanguageGroups | None:
    """The largest language groups of the municipality in the latest year that has figures
    broken down by language (one query); None when no such figures were imported."""
    rows = list(
        Observation.objects.filter(
            municipality=municipality,
            indicator__in=indicators,
            breakdown_key=LANGUAGE_BREAKDOWN,
            status=Observation.Status.OK,
        )
        .order_by("-period", "-value")
        .only("indicator_id", "period", "breakdown_value", "value")
    )
    if not rows:
        return None
    latest = rows[0]
    by_id = {indicator.pk: indicator for indicator in indicators}
    groups = [
        LanguageGroup(language=row.breakdown_value, value=row.value)
        for row in rows
        if row.period == latest.period and row.indicator_id == latest.indicator_id
    ][:MAIN_LANGUAGE_GROUPS]
    return LanguageGroups(indicator=by_id[latest.indicator_id], period=latest.period, groups=groups)
