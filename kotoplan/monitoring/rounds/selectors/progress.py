"""Reads of monitoring rounds and progress: rounds of a plan, "my measures to update", update
coverage per round, the reminders due, and the last monitoring update per plan for the oversight
dashboards."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404

from kotoplan.accounts.selectors import user_reach
from kotoplan.core.clock import today
from kotoplan.core.permissions import can, scope
from kotoplan.core.text import ascii_digits
from kotoplan.planning.models import Indicator, Measure, Plan

from ..models import IndicatorValue, MeasureUpdate, MonitoringRound, ReminderLog

CYCLE_DAYS = {
    Plan.Cycle.YEARLY: 365,
    Plan.Cycle.HALF_YEARLY: 182,
    Plan.Cycle.COUNCIL_TERM: 4 * 365,
}


def cycle_length(plan: Plan) -> timedelta:
    return timedelta(days=CYCLE_DAYS.get(plan.monitoring_cycle, 365))


def rounds_for_plan(*, plan: Plan) -> QuerySet[MonitoringRound]:
    return MonitoringRound.objects.filter(plan=plan).order_by("due_date", "pk")


def open_rounds() -> QuerySet[MonitoringRound]:
    return MonitoringRound.objects.filter(state=MonitoringRound.State.OPEN).select_related("plan")


def round_get_for_user(*, user, plan_id: int, round_id: int) -> MonitoringRound:
    """The round if the user may see its plan; missing and forbidden both give 404."""
    found = (
        MonitoringRound.objects.select_related("plan").filter(pk=round_id, plan_id=plan_id).first()
    )
    if found is None or not can(user, "monitoring.view_rounds", found.plan):
        raise Http404
    return found


def open_round_get(*, round_id: int) -> MonitoringRound:
    """An open round, for the progress forms (whose selectors then check the user); else 404."""
    found = MonitoringRound.objects.select_related("plan").filter(pk=round_id).first()
    if found is None or not found.is_open:
        raise Http404
    return found


def may_open_round(*, user, plan: Plan) -> bool:
    """Whether the page offers to open a round: the user manages the plan's rounds and the plan
    is adopted (the service says why otherwise)."""
    return plan.state == Plan.State.ADOPTED and can(user, "monitoring.manage_rounds", plan)


def round_previous(*, monitoring_round: MonitoringRound) -> MonitoringRound | None:
    return (
        MonitoringRound.objects.filter(
            plan_id=monitoring_round.plan_id, due_date__lt=monitoring_round.due_date
        )
        .order_by("-due_date", "-pk")
        .first()
    )


def round_next_period(*, plan: Plan, on: date | None = None) -> tuple[str, date]:
    """A suggested label and due date for the next round, following the plan's cycle."""
    on = on or today()
    last = rounds_for_plan(plan=plan).last()
    start = (plan.decision_date or on).year
    year = last.due_date.year if last else start
    if plan.monitoring_cycle == Plan.Cycle.HALF_YEARLY:
        if last is not None and ascii_digits(last.period_label[:4]):
            year = int(last.period_label[:4])
            half = 2 if last.period_label.endswith("H1") else 1
            year += 1 if half == 1 else 0
        else:
            month = plan.decision_date.month if plan.decision_date else on.month
            half = 1 if month <= 6 else 2
        due = date(year, 9, 30) if half == 1 else date(year + 1, 3, 31)
        return f"{year} H{half}", due
    if plan.monitoring_cycle == Plan.Cycle.COUNCIL_TERM:
        label = f"{plan.period_start}–{plan.period_end}"
        return label, date(plan.period_end, 3, 31)
    label_year = (
        int(last.period_label[:4]) + 1 if last and ascii_digits(last.period_label[:4]) else year
    )
    return str(label_year), date(label_year + 1, 3, 31)


def measures_of_plan(*, plan: Plan) -> QuerySet[Measure]:
    return (
        Measure.objects.filter(objective__plan=plan)
        .select_related("objective__theme", "responsible_organisation")
        .prefetch_related("co_responsible")
        .order_by("objective__theme__order", "objective__order", "order", "pk")
    )


def measures_updatable_by(*, user, plan: Plan) -> QuerySet[Measure]:
    return scope(user, "monitoring.update_measure", measures_of_plan(plan=plan))


def measure_for_update_get(*, user, monitoring_round: MonitoringRound, measure_id: int) -> Measure:
    """A measure of the round's plan the user may report on; 404 otherwise."""
    measure = measures_updatable_by(user=user, plan=monitoring_round.plan).filter(pk=measure_id)
    found = measure.first()
    if found is None:
        raise Http404
    return found


def measure_update_in_round(
    *, monitoring_round: MonitoringRound, measure: Measure
) -> MeasureUpdate | None:
    """What was reported on the measure in the round so far (None before the first report)."""
    return MeasureUpdate.objects.filter(round=monitoring_round, measure=measure).first()


def previous_measure_update(
    *, monitoring_round: MonitoringRound, measure: Measure
) -> MeasureUpdate | None:
    """The measure's latest update in an earlier round of the plan, shown beside the form so the
    contributor continues from it (None when this is the first round that asks)."""
    return (
        MeasureUpdate.objects.filter(measure=measure, round__plan_id=monitoring_round.plan_id)
        .filter(round__due_date__lte=monitoring_round.due_date)
        .exclude(round=monitoring_round)
        .select_related("round", "updated_by")
        .order_by("-round__due_date", "-round_id")
        .first()
    )


def indicator_for_value_get(*, user, monitoring_round: MonitoringRound, indicator_id: int):
    found = (
        Indicator.objects.select_related("objective__plan", "measure__objective__plan")
        .filter(pk=indicator_id, objective__plan=monitoring_round.plan)
        .first()
    )
    if found is None or not can(user, "monitoring.enter_indicator_value", found):
        raise Http404
    return found


@dataclass
class MeasureRow:
    measure: Measure
    update: MeasureUpdate | None
    indicators: list = field(default_factory=list)


@dataclass
class RoundWork:
    """One open round and the measures the user reports on in it."""

    monitoring_round: MonitoringRound
    rows: list[MeasureRow]

    @property
    def missing(self) -> int:
        return sum(row.update is None for row in self.rows)


ROUNDS_PER_PAGE = 10


@dataclass
class MyWork:
    """A page of the open rounds the user reports in (the soonest due first)."""

    page: Page
    rounds: list[RoundWork]


def my_measures(*, user, page=None) -> MyWork:
    """Open rounds of plans with measures the user may update, each with those measures, a page
    of `ROUNDS_PER_PAGE` rounds at a time (a national partner reports in every municipality).

    A fixed number of queries however many plans and rounds: the measures, updates and manual
    indicators of the page's rounds are read at once, and the permission checks of the
    indicators see the round's plan (with its municipalities) and the measures' co-responsible
    parties already loaded.
    """
    measures = scope(user, "monitoring.update_measure", Measure.objects.all())
    # read once: the count and the page would each search every measure again
    plan_ids = sorted(set(measures.values_list("objective__plan_id", flat=True).order_by()))
    paged = Paginator(
        open_rounds()
        .filter(plan_id__in=plan_ids)
        .prefetch_related("plan__municipalities")
        .order_by("due_date", "pk"),
        ROUNDS_PER_PAGE,
    ).get_page(page)
    return MyWork(page=paged, rounds=_round_work(user, list(paged.object_list)))


def _round_work(user, rounds: list[MonitoringRound]) -> list[RoundWork]:
    if not rounds:
        return []
    plans = {r.plan_id: r.plan for r in rounds}
    mine_by_plan: dict[int, list[Measure]] = {}
    mine = (
        scope(user, "monitoring.update_measure", Measure.objects.all())
        .filter(objective__plan_id__in=list(plans))
        .select_related("objective__theme", "responsible_organisation")
        .prefetch_related("co_responsible")
        .order_by("objective__theme__order", "objective__order", "order", "pk")
    )
    for measure in mine:
        measure.objective.plan = plans[measure.objective.plan_id]  # the page's own plans
        mine_by_plan.setdefault(measure.objective.plan_id, []).append(measure)
    updates = {
        (u.round_id, u.measure_id): u
        for u in MeasureUpdate.objects.filter(
            round__in=rounds,
            measure_id__in=[m.pk for measures in mine_by_plan.values() for m in measures],
        )
    }
    manual = (
        Indicator.objects.filter(objective__plan_id__in=list(plans), source=Indicator.Source.MANUAL)
        .select_related("objective", "measure__objective")
        .prefetch_related("measure__co_responsible")
        .order_by("pk")
    )
    manual_by_plan: dict[int, list[Indicator]] = {}
    for indicator in manual:
        plan = plans[indicator.objective.plan_id]
        indicator.objective.plan = plan
        if indicator.measure is not None:
            indicator.measure.objective.plan = plan
        manual_by_plan.setdefault(plan.pk, []).append(indicator)
    work = []
    for monitoring_round in rounds:
        by_measure: dict[int | None, list] = {}
        for indicator in manual_by_plan.get(monitoring_round.plan_id, []):
            if can(user, "monitoring.enter_indicator_value", indicator):
                by_measure.setdefault(indicator.measure_id, []).append(indicator)
        rows = [
            MeasureRow(m, updates.get((monitoring_round.pk, m.pk)), by_measure.pop(m.pk, []))
            for m in mine_by_plan.get(monitoring_round.plan_id, [])
        ]
        work.append(RoundWork(monitoring_round, rows))
        monitoring_round.other_indicators = [i for group in by_measure.values() for i in group]
    return work


@dataclass(frozen=True)
class Coverage:
    reported: int
    total: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.reported / self.total) if self.total else None


def round_coverage(*, monitoring_round: MonitoringRound) -> Coverage:
    total = Measure.objects.filter(objective__plan_id=monitoring_round.plan_id).count()
    reported = MeasureUpdate.objects.filter(
        round=monitoring_round, measure__objective__plan_id=monitoring_round.plan_id
    ).count()
    return Coverage(reported=reported, total=total)


def missing_measures(*, monitoring_round: MonitoringRound) -> QuerySet[Measure]:
    reported = MeasureUpdate.objects.filter(round=monitoring_round).values("measure_id")
    return measures_of_plan(plan=monitoring_round.plan).exclude(pk__in=reported)


@dataclass(frozen=True)
class MonitoringSummary:
    """The newest round of a plan, for dashboards."""

    last_update: date | None
    period_label: str
    coverage: Coverage


def counted(rows: QuerySet, group: str) -> Coalesce:
    """The number of `rows` (correlated to the outer query by `group`), 0 when there are none:
    a subquery, where a join of two counted relations would count their product."""
    numbers = rows.order_by().values(group).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(numbers), 0)


def monitoring_summaries(*, plan_ids: list[int]) -> dict[int, MonitoringSummary]:
    """Per plan: the newest round, its coverage and the day of the latest progress report (of
    the newest round that has one).

    One query for all plans, whatever their number; only each plan's newest round is counted.
    """
    # counted in subqueries: a join of updates and measures would count their product
    updates = MeasureUpdate.objects.filter(round=OuterRef("pk"))
    measures = Measure.objects.filter(objective__plan=OuterRef("plan_id"))
    newer = MonitoringRound.objects.filter(plan_id=OuterRef("plan_id")).filter(
        Q(due_date__gt=OuterRef("due_date"))
        | Q(due_date=OuterRef("due_date"), pk__gt=OuterRef("pk"))
    )
    latest_report = (
        MeasureUpdate.objects.filter(round__plan_id=OuterRef("plan_id"))
        .order_by("-round__due_date", "-round_id", "-updated_at")
        .values("updated_at")[:1]
    )
    rounds = (
        MonitoringRound.objects.filter(plan_id__in=plan_ids)
        .exclude(Exists(newer))
        .annotate(
            reported=counted(updates, "round"),
            total=counted(measures, "objective__plan"),
            last_update=Subquery(latest_report),
        )
        .values("plan_id", "period_label", "reported", "total", "last_update")
    )
    return {
        row["plan_id"]: MonitoringSummary(
            last_update=row["last_update"].date() if row["last_update"] else None,
            period_label=row["period_label"],
            coverage=Coverage(reported=row["reported"], total=row["total"]),
        )
        for row in rounds
    }


def overdue_state(*, plan: Plan, on: date | None = None) -> str:
    """ "not_applicable", "ended", "overdue" or "ok" for rule R17. A plan whose period has
    ended, and a historical record, is no longer monitored: "ended"."""
    on = on or today()
    if plan.state != Plan.State.ADOPTED:
        return "not_applicable"
    if plan.is_historical or plan.period_end < on.year:
        return "ended"
    latest = MonitoringRound.objects.filter(plan=plan).order_by("-due_date", "-pk").first()
    if latest is None:
        started = plan.decision_date or on
        return "overdue" if on > started + cycle_length(plan) else "ok"
    if latest.is_open and latest.due_date < on:
        return "overdue"
    return "ok"


def indicator_values(*, indicator: Indicator) -> QuerySet[IndicatorValue]:
    return IndicatorValue.objects.filter(indicator=indicator).order_by("year")


def user_has_progress_role(*, user) -> bool:
    reach = user_reach(user=user)
    return bool(reach.contributor_organisations or reach.coordinator_municipalities)


# --- reminders ----------------------------------------------------------------------------------

REMINDER_SCHEDULE = (
    (-14, ReminderLog.Kind.BEFORE_14),
    (-3, ReminderLog.Kind.BEFORE_3),
    (1, ReminderLog.Kind.OVERDUE),
)


def reminder_dates(*, monitoring_round: MonitoringRound) -> list[tuple[date, str]]:
    """The days (relative to the due date) on which the round's reminders fall due."""
    return [(monitoring_round.due_date + timedelta(days=d), kind) for d, kind in REMINDER_SCHEDULE]


def reminder_due(*, monitoring_round: MonitoringRound, on: date) -> str | None:
    """The reminder that applies on the day: the latest one whose day has come."""
    if not monitoring_round.is_open:
        return None
    due = None
    for day, kind in reminder_dates(monitoring_round=monitoring_round):
        if on >= day:
            due = kind
    return due
