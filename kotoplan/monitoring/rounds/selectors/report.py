"""The monitoring report of a plan and round: indicator series with accessible SVG charts, the
measure status summary by theme, narratives and the changes since the previous round."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _

from kotoplan.core.text import text_of
from kotoplan.planning.models import Indicator, Measure

from ...statistics.selectors import statistic_series_many
from ..models import IndicatorValue, MeasureUpdate, MonitoringRound
from .progress import measures_of_plan, round_coverage, round_previous

WIDTH, HEIGHT, PAD_X, PAD_Y = 520, 220, 56, 28


@dataclass
class Point:
    year: int
    value: Decimal
    kind: str  # "baseline", "value" or "target"
    x: float = 0.0
    y: float = 0.0

    @property
    def text(self) -> str:
        return plain(self.value)

    @property
    def box_x(self) -> float:
        return round(self.x - 5, 1)

    @property
    def box_y(self) -> float:
        return round(self.y - 5, 1)


def plain(value: Decimal | float) -> str:
    """40.00 → "40", 51.50 → "51,5" in Finnish and Swedish, "51.5" in English: the same text in the
    chart, its description and the table. Coordinates are never formatted this way."""
    return formats.number_format(format(Decimal(str(value)).normalize(), "f"))


@dataclass
class IndicatorSeries:
    indicator: Indicator
    name: str
    points: list[Point]
    chart_id: str
    description: str = ""
    polyline: str = ""
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    x_ticks: list[tuple[float, int]] = field(default_factory=list)
    target: Point | None = None
    baseline: Point | None = None
    worded_target: str = ""  # "decreases and approaches the population average"


def _statistics(indicators: list[Indicator], plan) -> dict[int, list[Point]]:
    """Per indicator (pk): the imported values of its statistic in the plan's lead
    municipality, read for all the indicators at once."""
    linked = [i for i in indicators if i.source != Indicator.Source.MANUAL and i.source_code]
    if not linked or plan.lead_municipality_id is None:
        return {}
    series = statistic_series_many(
        source_codes={i.source_code for i in linked}, municipality_id=plan.lead_municipality_id
    )
    return {
        i.pk: [Point(year, value, "value") for year, value in series.get(i.source_code, [])]
        for i in linked
    }


def _layout(series: IndicatorSeries) -> None:
    points = series.points
    if not points:
        return
    years = [p.year for p in points]
    values = [float(p.value) for p in points]
    low, high = min(0.0, min(values)), max(values) or 1.0
    first, last = min(years), max(years)
    span_x = (last - first) or 1
    span_y = (high - low) or 1.0

    def x(year: int) -> float:
        return round(PAD_X + (WIDTH - 2 * PAD_X) * (year - first) / span_x, 1)

    def y(value: float) -> float:
        return round(HEIGHT - PAD_Y - (HEIGHT - 2 * PAD_Y) * (value - low) / span_y, 1)

    for p in points:
        p.x, p.y = x(p.year), y(float(p.value))
    measured = [p for p in points if p.kind in ("baseline", "value")]
    series.polyline = " ".join(f"{p.x},{p.y}" for p in measured)
    series.y_ticks = [(y(v), plain(round(v, 2))) for v in (low, (low + high) / 2, high)]
    series.x_ticks = [(x(year), year) for year in sorted(set(years))]


def _describe(series: IndicatorSeries, unit: str) -> str:
    parts = []
    for p in series.points:
        label = {"baseline": _("baseline"), "target": _("target"), "value": _("value")}[p.kind]
        parts.append(f"{p.year} {label} {p.text} {unit}".strip())
    if series.worded_target:
        parts.append(f"{_('target')}: {series.worded_target}")
    return "; ".join(parts) if parts else _("No values yet.")


def indicator_series(*, monitoring_round: MonitoringRound) -> list[IndicatorSeries]:
    plan = monitoring_round.plan
    indicators = list(
        Indicator.objects.filter(objective__plan=plan).order_by(
            "objective__theme__order", "objective__order", "pk"
        )
    )
    manual = IndicatorValue.objects.filter(
        indicator__objective__plan=plan, round__due_date__lte=monitoring_round.due_date
    ).order_by("year")
    by_indicator: dict[int, list[Point]] = {}
    for v in manual:
        by_indicator.setdefault(v.indicator_id, []).append(Point(v.year, v.value, "value"))
    statistics = _statistics(indicators, plan)
    result = []
    for indicator in indicators:
        points: list[Point] = []
        baseline = target = None
        if indicator.baseline_value is not None and indicator.baseline_year:
            baseline = Point(indicator.baseline_year, indicator.baseline_value, "baseline")
            points.append(baseline)
        values = by_indicator.get(indicator.pk) or statistics.get(indicator.pk, [])
        points += [v for v in values if baseline is None or v.year != baseline.year]
        if indicator.target_value is not None and indicator.target_year:
            target = Point(indicator.target_year, indicator.target_value, "target")
            points.append(target)
        points.sort(key=lambda p: (p.year, p.kind == "target"))
        series = IndicatorSeries(
            indicator=indicator,
            name=text_of(indicator, "name").value,
            points=points,
            chart_id=f"chart-{indicator.pk}",
            target=target,
            baseline=baseline,
            worded_target=str(text_of(indicator, "target_text")),
        )
        _layout(series)
        series.description = _describe(series, indicator.unit)
        result.append(series)
    return result


@dataclass
class ThemeSummary:
    name: str
    counts: dict[str, int]
    entries: list[tuple[Measure, MeasureUpdate | None]]
    # Measures whose schedule is over by the round's due date and that are not reported done
    # (never an "ongoing" schedule, nor one Kotoplan cannot read).
    past_schedule: set[int] = field(default_factory=set)


@dataclass
class StatusChange:
    measure: Measure
    before: str
    after: str


def report_data(*, monitoring_round: MonitoringRound) -> dict:
    previous = round_previous(monitoring_round=monitoring_round)
    measures = list(measures_of_plan(plan=monitoring_round.plan))
    updates = {u.measure_id: u for u in MeasureUpdate.objects.filter(round=monitoring_round)}
    before = (
        {u.measure_id: u for u in MeasureUpdate.objects.filter(round=previous)} if previous else {}
    )
    statuses = [*MeasureUpdate.Status.choices, ("", _("No update"))]
    themes: dict[int, ThemeSummary] = {}
    changes = []
    labels = dict(statuses)
    for measure in measures:
        theme = measure.objective.theme
        summary = themes.setdefault(
            theme.pk,
            ThemeSummary(text_of(theme, "name").value, {key: 0 for key, _l in statuses}, []),
        )
        update = updates.get(measure.pk)
        summary.counts[update.status if update else ""] += 1
        summary.entries.append((measure, update))
        finished = (update.status if update else measure.status) in ("done", "cancelled")
        if not finished and measure.schedule.ended_before(monitoring_round.due_date):
            summary.past_schedule.add(measure.pk)
        old = before.get(measure.pk)
        if previous and update and (old is None or old.status != update.status):
            changes.append(
                StatusChange(
                    measure, labels[old.status] if old else labels[""], labels[update.status]
                )
            )
    for summary in themes.values():  # by schedule: years first, ongoing next, the rest last
        summary.entries.sort(key=lambda entry: entry[0].schedule.sort_key)
    new_values = list(
        IndicatorValue.objects.filter(round=monitoring_round).select_related("indicator")
    )
    for value in new_values:
        value.text = plain(value.value)
    return {
        "previous": previous,
        "coverage": round_coverage(monitoring_round=monitoring_round),
        "series": indicator_series(monitoring_round=monitoring_round),
        "status_columns": statuses,
        "themes": list(themes.values()),
        "status_changes": changes,
        "new_values": new_values,
        "chart": {"width": WIDTH, "height": HEIGHT, "pad_x": PAD_X, "pad_y": PAD_Y},
    }
