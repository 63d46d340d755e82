"""What monitoring and statistics say about a part: the latest reported status of a measure, the
latest value of an indicator against its baseline, and whether that is evidence that it works.

Evidence from monitoring: a measure reported done or on track; an indicator whose latest
reported value moved from its baseline value in the desired direction. Evidence from statistics:
an indicator of StatFin or Sotkanet whose imported value for the plan's lead municipality moved
in the desired direction between the baseline year (the indicator's own, else the year before
the plan's period) and the latest later year. An objective has the evidence of its measures and
indicators. Everything is computed in SQL (subqueries), so a page of results costs the same
number of queries however many parts it shows.
"""

from django.db.models import (
    Case,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest

from kotoplan.monitoring.rounds.models import IndicatorValue, MeasureUpdate, MonitoringRound
from kotoplan.monitoring.statistics.selectors import statistic_series_rows
from kotoplan.planning.models import Indicator

GOOD_STATUSES = (MeasureUpdate.Status.DONE, MeasureUpdate.Status.ON_TRACK)


def _latest_updates(measure_ref: str) -> QuerySet:
    return MeasureUpdate.objects.filter(measure=OuterRef(measure_ref)).order_by(
        "-round__due_date", "-pk"
    )


def _latest_values(indicator_ref: str) -> QuerySet:
    return IndicatorValue.objects.filter(indicator=OuterRef(indicator_ref)).order_by("-year")


def _moved(value: str, baseline: str) -> Q:
    """`value` is on the desired side of `baseline` (both set)."""
    direction = Indicator.Direction
    return Q(**{f"{value}__isnull": False, f"{baseline}__isnull": False}) & (
        Q(direction=direction.INCREASE, **{f"{value}__gt": F(baseline)})
        | Q(direction=direction.DECREASE, **{f"{value}__lt": F(baseline)})
        | Q(direction=direction.MAINTAIN, **{f"{value}": F(baseline)})
    )


def _yes(condition) -> Case:
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def _with_monitored_value(indicators: QuerySet) -> QuerySet:
    latest = _latest_values("pk")
    return indicators.annotate(
        latest_value=Subquery(latest.values("value")[:1]),
        latest_year=Subquery(latest.values("year")[:1]),
    )


def _with_statistic(indicators: QuerySet) -> QuerySet:
    """Indicators annotated with `statistic_from` (the value of the baseline year,
    `statistic_from_year`) and `statistic_to` (the latest later value, `statistic_to_year`) of
    their statistic in the plan's lead municipality; None where there is none."""
    rows = statistic_series_rows(
        source_code=OuterRef("source_code"),
        municipality=OuterRef("objective__plan__lead_municipality"),
    )
    baseline_year = Coalesce(
        F("baseline_year"),
        ExpressionWrapper(F("objective__plan__period_start") - 1, output_field=IntegerField()),
    )
    indicators = indicators.annotate(statistic_from_year=baseline_year)
    at_baseline = rows.filter(period=OuterRef("statistic_from_year"))
    later = rows.filter(period__gt=OuterRef("statistic_from_year")).order_by("-period")
    return indicators.annotate(
        statistic_from=Subquery(at_baseline.values("value")[:1]),
        statistic_to=Subquery(later.values("value")[:1]),
        statistic_to_year=Subquery(later.values("period")[:1]),
    )


def _statistic_moved() -> Q:
    return ~Q(source=Indicator.Source.MANUAL) & _moved("statistic_to", "statistic_from")


def _with_indicator_evidence(indicators: QuerySet) -> QuerySet:
    indicators = _with_statistic(_with_monitored_value(indicators))
    return indicators.annotate(
        evidence_monitoring=_yes(_moved("latest_value", "baseline_value")),
        evidence_statistics=_yes(_statistic_moved()),
    )


def with_evidence(queryset: QuerySet, kind: str) -> QuerySet:
    """`queryset` of `kind` annotated with `evidence` (1 or 0) and where it comes from
    (`evidence_monitoring`, `evidence_statistics`: 1 or 0), the latest monitoring round of its
    plan and what monitoring and statistics say about the part itself."""
    plan = "plan" if kind == "objective" else "objective__plan"
    rounds = MonitoringRound.objects.filter(plan=OuterRef(plan)).order_by("-due_date", "-pk")
    queryset = queryset.annotate(latest_round=Subquery(rounds.values("period_label")[:1]))
    if kind == "measure":
        latest = _latest_updates("pk")
        queryset = queryset.annotate(
            latest_status=Subquery(latest.values("status")[:1]),
            latest_status_round=Subquery(latest.values("round__period_label")[:1]),
        ).annotate(
            evidence_monitoring=_yes(Q(latest_status__in=GOOD_STATUSES)),
            evidence_statistics=Value(0, IntegerField()),
        )
    elif kind == "indicator":
        queryset = _with_indicator_evidence(queryset)
    else:
        good_measure = MeasureUpdate.objects.filter(
            measure__objective=OuterRef("pk"), status__in=GOOD_STATUSES
        )
        own = Indicator.objects.filter(objective=OuterRef("pk"))
        monitored = _with_monitored_value(own).filter(_moved("latest_value", "baseline_value"))
        statistics = _with_statistic(own).filter(_statistic_moved())
        queryset = queryset.annotate(
            evidence_monitoring=_yes(Exists(good_measure) | Exists(monitored)),
            evidence_statistics=_yes(Exists(statistics)),
        )
    return queryset.annotate(evidence=Greatest("evidence_monitoring", "evidence_statistics"))
