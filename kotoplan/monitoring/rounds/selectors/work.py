"""What waits for a person in the open monitoring rounds: the measures a responsible party still
has to report on, and the open rounds of the plans a coordinator runs. For the home page; each
read is a fixed number of queries however many rounds and measures there are."""

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from kotoplan.accounts.selectors import user_reach
from kotoplan.core.permissions import scope
from kotoplan.planning.models import Measure, Plan

from ..models import MeasureUpdate, MonitoringRound
from .progress import Coverage, open_rounds


@dataclass(frozen=True)
class DueMeasure:
    monitoring_round: MonitoringRound
    measure: Measure
    reported: bool


def _own_measures(*, user) -> QuerySet[Measure]:
    """Measures the user reports on as a responsible party (not as the plan's coordinator)."""
    reach = user_reach(user=user)
    return Measure.objects.filter(responsible_organisation__in=reach.contributor_organisations)


def measures_due(*, user, limit: int = 50) -> list[DueMeasure]:
    """The user's own measures in every open round of their plans, soonest due first, those
    still without an update first."""
    if not user_reach(user=user).contributor_organisations:
        return []
    mine = _own_measures(user=user).select_related("objective__plan", "responsible_organisation")
    rounds = list(
        open_rounds().filter(plan_id__in=mine.values("objective__plan_id")).order_by("due_date")
    )
    by_plan: dict[int, list[MonitoringRound]] = {}
    for monitoring_round in rounds:
        by_plan.setdefault(monitoring_round.plan_id, []).append(monitoring_round)
    measures = list(mine.filter(objective__plan_id__in=list(by_plan)).order_by("order", "pk"))
    reported = set(
        MeasureUpdate.objects.filter(round__in=rounds, measure__in=measures).values_list(
            "round_id", "measure_id"
        )
    )
    due = [
        DueMeasure(r, m, (r.pk, m.pk) in reported)
        for m in measures
        for r in by_plan.get(m.objective.plan_id, [])
    ]
    due.sort(key=lambda d: (d.reported, d.monitoring_round.due_date, d.monitoring_round.pk))
    return due[:limit]


def measures_due_count(*, user) -> int:
    """How many of the user's own measures still wait for an update in an open round (two
    counts; no query for a user who is no responsible party)."""
    if not user_reach(user=user).contributor_organisations:
        return 0
    is_open = MonitoringRound.State.OPEN
    # one row per (measure, open round of its plan)
    asked = _own_measures(user=user).filter(objective__plan__monitoring_rounds__state=is_open)
    answered = MeasureUpdate.objects.filter(
        round__state=is_open, measure__in=_own_measures(user=user)
    )
    return max(asked.count() - answered.count(), 0)


@dataclass(frozen=True)
class RoundOfPlan:
    monitoring_round: MonitoringRound
    coverage: Coverage


def open_rounds_run_by(*, user) -> list[RoundOfPlan]:
    """The open rounds of the plans the user coordinates, soonest due first, with how many of
    the plan's measures have been reported on."""
    plans = scope(user, "planning.change_plan", Plan.objects.all()).values("pk")
    rounds = list(
        open_rounds()
        .filter(plan_id__in=plans)
        .annotate(
            total=Count("plan__objectives__measures", distinct=True),
            reported=Count("measure_updates__measure", distinct=True),
        )
        .order_by("due_date", "pk")
    )
    return [RoundOfPlan(r, Coverage(reported=r.reported, total=r.total)) for r in rounds]
