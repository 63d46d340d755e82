"""The figures of a peer comparison: per municipality its stored readiness result, the statutory
themes its objectives cover, the update coverage of its latest monitoring round, and the
latest values of the indicators the subject's plan chose for its situation picture.

Only what the viewer may see is read (the scopes of `..permissions`); stored results only,
nothing is recomputed. A fixed number of queries whatever the number of peers.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from statistics import median

from django.db.models import OuterRef, Q
from django.utils.translation import gettext

from kotoplan.core.permissions import scope
from kotoplan.geography.models import Municipality
from kotoplan.monitoring.rounds.models import MeasureUpdate, MonitoringRound
from kotoplan.monitoring.rounds.selectors import counted
from kotoplan.monitoring.statistics.models import (
    FOREIGN_LANGUAGE_SHARE,
    POPULATION,
    SituationIndicator,
    StatIndicator,
    StatisticValue,
    period_label,
    period_sort_key,
)
from kotoplan.planning.models import Measure, Plan, Theme

from ...dashboards.selectors import themes_with_objectives
from ...readiness.models import ReadinessResult
from ...readiness.selectors import readiness_stored
from .groups import GroupChoice, PeerGroup, Profile, peer_group

GROUP_CRITERIA = (POPULATION, FOREIGN_LANGUAGE_SHARE)  # their own columns already


@dataclass
class IndicatorCell:
    value: Decimal | None
    decimals: int = 0


@dataclass
class PeerRow:
    municipality: Municipality
    profile: Profile
    is_subject: bool = False
    plan: Plan | None = None
    readiness: ReadinessResult | None = None
    themes_covered: int | None = None
    coverage_reported: int | None = None
    coverage_total: int | None = None
    coverage_period: str = ""
    indicators: list[IndicatorCell] = field(default_factory=list)

    @property
    def readiness_percent(self) -> int | None:
        result = self.readiness
        if result is None or not result.statutory_total:
            return None
        return round(100 * result.statutory_passed / result.statutory_total)

    @property
    def coverage_percent(self) -> int | None:
        if not self.coverage_total:
            return None
        return round(100 * (self.coverage_reported or 0) / self.coverage_total)


@dataclass(frozen=True)
class ChosenIndicator:
    indicator: StatIndicator
    period: str


@dataclass
class Comparison:
    group: PeerGroup
    rows: list[PeerRow]  # the subject first, then the peers by name
    themes_total: int
    indicators: list[ChosenIndicator]

    @property
    def subject(self) -> PeerRow:
        return self.rows[0]

    @property
    def peers(self) -> list[PeerRow]:
        return self.rows[1:]

    def themes_percent(self, row: PeerRow) -> int | None:
        if row.themes_covered is None or not self.themes_total:
            return None
        return round(100 * row.themes_covered / self.themes_total)

    @property
    def measures(self) -> list["Figure"]:
        """The three figures side by side: the subject's value and the peers' median and range,
        of the peers whose plan the viewer may see."""
        return [
            _measure("readiness", gettext("Readiness"), self, lambda r: r.readiness_percent),
            _measure("themes", gettext("Statutory themes covered"), self, self.themes_percent),
            _measure("updates", gettext("Measures reported"), self, lambda r: r.coverage_percent),
        ]


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    subject: int | None
    median: int | None
    low: int | None
    high: int | None
    counted: int  # peers with a value

    @property
    def description(self) -> str:
        subject = (
            gettext("{value} per cent").format(value=self.subject)
            if self.subject is not None
            else gettext("no figure")
        )
        if self.median is None:
            peers = gettext("no peer has a figure")
        else:
            peers = gettext(
                "median of {count} peers {median} per cent (lowest {low}, highest {high})"
            ).format(count=self.counted, median=self.median, low=self.low, high=self.high)
        return f"{self.label}: {subject}; {peers}."


def _measure(key: str, label: str, comparison: Comparison, value_of) -> Figure:
    values = [v for v in (value_of(row) for row in comparison.peers) if v is not None]
    return Figure(
        key=key,
        label=label,
        subject=value_of(comparison.subject),
        median=round(median(values)) if values else None,
        low=min(values) if values else None,
        high=max(values) if values else None,
        counted=len(values),
    )


def _choose(plans: list[Plan]) -> Plan:
    """The current plan: an adopted one if there is one, otherwise the newest."""
    adopted = [p for p in plans if p.state == Plan.State.ADOPTED]
    return max(adopted or plans, key=lambda p: (p.period_start, p.version_number, p.pk))


def _visible_plans(user, municipality_ids: list[int]) -> dict[int, Plan]:
    """The current plan of each municipality among the plans the viewer may compare (one
    query)."""
    plans = scope(user, "oversight.compare_plan", Plan.objects.all()).exclude(
        state=Plan.State.SUPERSEDED
    )
    links = (
        Plan.municipalities.through.objects.filter(
            municipality_id__in=municipality_ids, plan_id__in=plans.values("pk")
        )
        .select_related("plan")
        .only(
            "municipality_id",
            "plan__id",
            "plan__state",
            "plan__period_start",
            "plan__period_end",
            "plan__version_number",
            "plan__title_fi",
            "plan__title_sv",
            "plan__title_en",
            "plan__lead_municipality_id",
        )
    )
    found: dict[int, list[Plan]] = {}
    for link in links:
        found.setdefault(link.municipality_id, []).append(link.plan)
    return {mid: _choose(plans) for mid, plans in found.items()}


def _themes_covered(plan_ids: list[int], themes: list[Theme]) -> dict[int, int]:
    """Statutory themes with an objective (primary or additional theme) per plan (one query)."""
    counts: dict[int, int] = dict.fromkeys(plan_ids, 0)
    for plan_id, _theme in themes_with_objectives(plan_ids, themes):
        counts[plan_id] += 1
    return counts


def _latest_rounds(user, plan_ids: list[int]) -> dict[int, dict]:
    """The newest round the viewer may see of each plan, with its update coverage (one
    query)."""
    reported = MeasureUpdate.objects.filter(round=OuterRef("pk"))
    total = Measure.objects.filter(objective__plan=OuterRef("plan_id"))
    rounds = (
        scope(user, "oversight.compare_round", MonitoringRound.objects.filter(plan_id__in=plan_ids))
        .annotate(reported=counted(reported, "round"), total=counted(total, "objective__plan"))
        .values("plan_id", "period_label", "reported", "total")
        .order_by("plan_id", "due_date", "pk")
    )
    return {row["plan_id"]: row for row in rounds}  # ascending: the newest one stays


def _chosen_indicators(plan: Plan | None) -> list[StatIndicator]:
    if plan is None:
        return []
    chosen = SituationIndicator.objects.filter(plan=plan).exclude(
        indicator__code__in=GROUP_CRITERIA
    )
    return [c.indicator for c in chosen.select_related("indicator")]


def _indicator_values(
    indicators: list[StatIndicator], subject_id: int, ids: list[int]
) -> tuple[list[ChosenIndicator], dict[tuple[int, int], Decimal]]:
    """Each indicator at the subject's latest period, and every municipality's value of that
    period (two queries)."""
    if not indicators:
        return [], {}
    plain = StatisticValue.objects.filter(
        indicator__in=indicators, breakdown_key="", status=StatisticValue.Status.OK
    )
    latest: dict[int, tuple] = {}
    for indicator_id, *period in plain.filter(municipality_id=subject_id).values_list(
        "indicator_id", "period", "period_type", "subperiod"
    ):
        known = latest.get(indicator_id)
        if known is None or period_sort_key(*period) > period_sort_key(*known):
            latest[indicator_id] = tuple(period)
    chosen = []
    wanted = Q()
    for indicator in indicators:
        period = latest.get(indicator.pk)
        if period is None:
            continue
        chosen.append(ChosenIndicator(indicator, period_label(*period)))
        year, period_type, subperiod = period
        wanted |= Q(
            indicator_id=indicator.pk, period=year, period_type=period_type, subperiod=subperiod
        )
    if not chosen:
        return [], {}
    values = {
        (indicator_id, municipality_id): value
        for indicator_id, municipality_id, value in plain.filter(
            wanted, municipality_id__in=ids
        ).values_list("indicator_id", "municipality_id", "value")
    }
    return chosen, values


def comparison_of(
    *, user, subject: Municipality, group: PeerGroup, subject_plan: Plan | None = None
) -> Comparison:
    """The subject and its peers side by side, as far as the viewer may see them."""
    municipalities = [subject, *group.peers]
    ids = [m.pk for m in municipalities]
    plans = _visible_plans(user, ids)
    if subject_plan is not None:
        plans[subject.pk] = subject_plan
    plan_ids = sorted({p.pk for p in plans.values()})
    stored = readiness_stored(plan_ids=plan_ids, counts_only=True)
    themes = list(Theme.objects.filter(statutory=True))
    covered = _themes_covered(plan_ids, themes)
    rounds = _latest_rounds(user, plan_ids)
    chosen, values = _indicator_values(_chosen_indicators(plans.get(subject.pk)), subject.pk, ids)
    rows = []
    for municipality in municipalities:
        row = PeerRow(
            municipality=municipality,
            profile=group.profiles.of(municipality.pk),
            is_subject=municipality.pk == subject.pk,
        )
        row.indicators = [
            IndicatorCell(values.get((c.indicator.pk, municipality.pk)), c.indicator.decimals)
            for c in chosen
        ]
        plan = plans.get(municipality.pk)
        if plan is not None:
            row.plan = plan
            row.readiness = stored.get(plan.pk)
            row.themes_covered = covered.get(plan.pk, 0)
            latest = rounds.get(plan.pk)
            if latest is not None:
                row.coverage_reported = latest["reported"]
                row.coverage_total = latest["total"]
                row.coverage_period = latest["period_label"]
        rows.append(row)
    return Comparison(group=group, rows=rows, themes_total=len(themes), indicators=chosen)


def peer_comparison(
    *,
    user,
    subject: Municipality,
    choice: GroupChoice | None = None,
    on: date,
    subject_plan: Plan | None = None,
) -> Comparison:
    group = peer_group(subject=subject, choice=choice or GroupChoice(), on=on)
    return comparison_of(user=user, subject=subject, group=group, subject_plan=subject_plan)
