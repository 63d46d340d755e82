"""What monitoring says about a part: the latest reported status of a measure, the latest
value of an indicator against its baseline, and whether that is evidence that it works (a
measure reported done or on track; an indicator that moved in the desired direction; an
objective with such a measure or indicator)."""

from django.db.models import (
    Case,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)

from kotoplan.monitoring.rounds.models import IndicatorValue, MeasureUpdate, MonitoringRound
from kotoplan.planning.models import Indicator

GOOD_STATUSES = (MeasureUpdate.Status.DONE, MeasureUpdate.Status.ON_TRACK)


def _latest_updates(measure_ref: str) -> QuerySet:
    return MeasureUpdate.objects.filter(measure=OuterRef(measure_ref)).order_by(
        "-round__due_date", "-pk"
    )


def _latest_values(indicator_ref: str) -> QuerySet:
    return IndicatorValue.objects.filter(indicator=OuterRef(indicator_ref)).order_by("-year")


def _moved(value: str = "latest_value") -> Q:
    direction = Indicator.Direction
    return (
        Q(direction=direction.INCREASE, **{f"{value}__gt": F("baseline_value")})
        | Q(direction=direction.DECREASE, **{f"{value}__lt": F("baseline_value")})
        | Q(direction=direction.MAINTAIN, **{f"{value}": F("baseline_value")})
    )


def _yes(condition) -> Case:
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def with_evidence(queryset: QuerySet, kind: str) -> QuerySet:
    """`queryset` of `kind` annotated with `evidence` (1 or 0), the latest monitoring round of
    its plan and what monitoring says about the part itself."""
    plan = "plan" if kind == "objective" else "objective__plan"
    rounds = MonitoringRound.objects.filter(plan=OuterRef(plan)).order_by("-due_date", "-pk")
    queryset = queryset.annotate(latest_round=Subquery(rounds.values("period_label")[:1]))
    if kind == "measure":
        latest = _latest_updates("pk")
        return queryset.annotate(
            latest_status=Subquery(latest.values("status")[:1]),
            latest_status_round=Subquery(latest.values("round__period_label")[:1]),
        ).annotate(evidence=_yes(Q(latest_status__in=GOOD_STATUSES)))
    if kind == "indicator":
        latest = _latest_values("pk")
        return queryset.annotate(
            latest_value=Subquery(latest.values("value")[:1]),
            latest_year=Subquery(latest.values("year")[:1]),
        ).annotate(
            evidence=_yes(Q(latest_value__isnull=False, baseline_value__isnull=False) & _moved())
        )
    good_measure = MeasureUpdate.objects.filter(
        measure__objective=OuterRef("pk"), status__in=GOOD_STATUSES
    )
    moved = (
        Indicator.objects.filter(objective=OuterRef("pk"))
        .annotate(latest_value=Subquery(_latest_values("pk").values("value")[:1]))
        .filter(_moved(), baseline_value__isnull=False)
    )
    return queryset.annotate(evidence=_yes(Exists(good_measure) | Exists(moved)))
