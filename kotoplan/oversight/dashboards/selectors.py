"""Reads for the oversight dashboards: one row per in-scope municipality, from stored data only.

Nothing here computes a readiness check: a plan without a stored result is "not checked yet"
(results are refreshed in the background when a plan changes, see `readiness.tasks`). Every
function runs a fixed number of queries, whatever the number of municipalities or plans.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kotoplan.accounts.models import Organisation
from kotoplan.geography.models import Area, AreaMembership, Municipality
from kotoplan.monitoring.rounds.selectors import Coverage, monitoring_summaries
from kotoplan.planning.models import Measure, Objective, Plan, Theme

from ..dialogue.selectors import open_observation_counts
from ..readiness.models import ReadinessResult
from ..readiness.selectors import readiness_stored

# Named slots (kotoplan.core.panels) for sections other parts of oversight add to the area and
# national dashboards: `context(user=, request=, on=, area=, municipalities=)`.
AREA_DASHBOARD = "oversight.area_dashboard"
NATIONAL_DASHBOARD = "oversight.national_dashboard"

# Order of states when sorting; "none" = no plan, "in_preparation" = a draft the viewer may not
# see in detail.
STATE_ORDER = ["none", "in_preparation", *Plan.State.values]
STATE_LABELS = {
    "none": _("No plan"),
    "in_preparation": _("In preparation"),
    **dict(Plan.State.choices),
}
THEME_STATUS_LABELS = {
    "objective": _("Objective set"),
    "justified": _("Reason given"),
    "missing": _("Missing"),
}
PLAN_FIELDS = (
    "id",
    "lineage",
    "version_number",
    "lead_municipality",
    "title_fi",
    "title_sv",
    "title_en",
    "period_start",
    "period_end",
    "form",
    "state",
    "decision_date",
    "theme_justifications",
    "county_coordination",
)


@dataclass
class ThemeCell:
    theme: Theme
    status: str  # "objective", "justified" or "missing"

    @property
    def covered(self) -> bool:
        return self.status != "missing"

    @property
    def label(self) -> str:
        return str(THEME_STATUS_LABELS[self.status])


@dataclass
class MunicipalityRow:
    municipality: Municipality
    plan: Plan | None = None
    in_preparation: bool = False
    readiness: ReadinessResult | None = None
    themes: list[ThemeCell] = field(default_factory=list)
    open_observations: int | None = None  # None without a plan
    last_monitoring: date | None = None  # the latest progress update of the newest round
    monitoring_period: str = ""
    monitoring_coverage: Coverage | None = None

    @property
    def state(self) -> str:
        if self.plan is not None:
            return self.plan.state
        return "in_preparation" if self.in_preparation else "none"

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[self.state])

    @property
    def readiness_ratio(self) -> float | None:
        result = self.readiness
        if result is None or not result.statutory_total:
            return None
        return result.statutory_passed / result.statutory_total

    @property
    def missing_themes(self) -> set[str]:
        return {cell.theme.code for cell in self.themes if not cell.covered}

    @property
    def themes_covered(self) -> int:
        return sum(cell.covered for cell in self.themes)

    @property
    def monitoring_overdue(self) -> bool:
        """Whether the stored check found the monitoring round overdue (rule R17)."""
        return self.readiness is not None and self.readiness.monitoring_overdue


def statutory_themes() -> list[Theme]:
    return list(Theme.objects.filter(statutory=True).order_by("order"))


def _choose(plans: list[Plan]) -> Plan:
    """The current plan: an adopted one if there is one, otherwise the newest."""
    adopted = [p for p in plans if p.state == Plan.State.ADOPTED]
    return max(adopted or plans, key=lambda p: (p.period_start, p.version_number, p.pk))


def _current_plans(
    municipality_ids: list[int], *, show_drafts: bool
) -> tuple[dict[int, Plan], set[int]]:
    """Current plan per municipality, and the municipalities with only hidden drafts."""
    links = (
        Plan.municipalities.through.objects.filter(municipality_id__in=municipality_ids)
        .exclude(plan__state=Plan.State.SUPERSEDED)
        .select_related("plan")
        .only(*(f"plan__{name}" for name in PLAN_FIELDS), "municipality_id")
    )
    per_municipality: dict[int, list[Plan]] = defaultdict(list)
    hidden_drafts: set[int] = set()
    for link in links:
        if link.plan.state == Plan.State.DRAFT and not show_drafts:
            hidden_drafts.add(link.municipality_id)
            continue
        per_municipality[link.municipality_id].append(link.plan)
    current = {mid: _choose(plans) for mid, plans in per_municipality.items()}
    return current, hidden_drafts - set(current)


def themes_with_objectives(plan_ids: list[int], themes: list[Theme]) -> set[tuple[int, int]]:
    """(plan id, theme id) of each theme the plan has an objective under, counting an
    objective's additional themes too (one query: a union)."""
    primary = (
        Objective.objects.filter(plan_id__in=plan_ids, theme__in=themes)
        .order_by()
        .values_list("plan_id", "theme_id")
    )
    additional = (
        Objective.additional_themes.through.objects.filter(
            objective__plan_id__in=plan_ids, theme__in=themes
        )
        .order_by()
        .values_list("objective__plan_id", "theme_id")
    )
    return set(primary.union(additional))


def _theme_cells(plans: list[Plan], themes: list[Theme]) -> dict[int, list[ThemeCell]]:
    with_objective = themes_with_objectives([p.pk for p in plans], themes)
    cells = {}
    for plan in plans:
        justified = plan.theme_justifications or {}
        row = []
        for theme in themes:
            if (plan.pk, theme.pk) in with_objective:
                status = "objective"
            elif str(justified.get(theme.code, "")).strip():
                status = "justified"
            else:
                status = "missing"
            row.append(ThemeCell(theme, status))
        cells[plan.pk] = row
    return cells


def municipality_rows(
    municipalities: list[Municipality], *, show_drafts: bool, themes: list[Theme] | None = None
) -> list[MunicipalityRow]:
    """One row per municipality with its current plan and the stored figures of that plan."""
    themes = statutory_themes() if themes is None else themes
    ids = [m.pk for m in municipalities]
    current, in_preparation = _current_plans(ids, show_drafts=show_drafts)
    plans = list({p.pk: p for p in current.values()}.values())
    plan_ids = [p.pk for p in plans]
    stored = readiness_stored(plan_ids=plan_ids, counts_only=True)
    cells = _theme_cells(plans, themes)
    observations = open_observation_counts(plan_ids=plan_ids)
    monitoring = monitoring_summaries(plan_ids=plan_ids) if plan_ids else {}
    missing_cells = [ThemeCell(theme, "missing") for theme in themes]
    rows = []
    for municipality in municipalities:
        plan = current.get(municipality.pk)
        row = MunicipalityRow(
            municipality=municipality, in_preparation=municipality.pk in in_preparation
        )
        if plan is None:
            row.themes = missing_cells
        else:
            row.plan = plan
            row.readiness = stored.get(plan.pk)
            row.themes = cells[plan.pk]
            row.open_observations = observations.get(plan.pk, 0)
            summary = monitoring.get(plan.pk)
            if summary is not None:
                row.last_monitoring = summary.last_update
                row.monitoring_period = summary.period_label
                row.monitoring_coverage = summary.coverage
        rows.append(row)
    return rows


def area_municipalities(*, area: Area, on: date) -> list[Municipality]:
    """The in-scope municipalities of the area on the day (Åland never appears)."""
    ids = AreaMembership.objects.valid_on(on).filter(area=area).values("municipality_id")
    return list(Municipality.objects.in_act_scope().filter(pk__in=ids).order_by("name_fi"))


def authority_areas_on(on: date) -> list[Area]:
    return list(Area.objects.valid_on(on).filter(kind__in=Area.AUTHORITY_KINDS).order_by("name_fi"))


# --- filtering and sorting (the GET form of the area dashboard) ------------------------------


def filter_rows(
    rows: list[MunicipalityRow], *, state: str = "", missing_theme: str = "", overdue: bool = False
) -> list[MunicipalityRow]:
    if state:
        rows = [r for r in rows if r.state == state]
    if missing_theme:
        rows = [r for r in rows if missing_theme in r.missing_themes]
    if overdue:
        rows = [r for r in rows if r.monitoring_overdue]
    return rows


def sort_rows(rows: list[MunicipalityRow], sort: str = "name") -> list[MunicipalityRow]:
    by_name = sorted(rows, key=lambda r: (r.municipality.name_fi, r.municipality.code))
    if sort == "state":
        return sorted(by_name, key=lambda r: STATE_ORDER.index(r.state))
    if sort in ("readiness", "-readiness"):
        checked = [r for r in by_name if r.readiness_ratio is not None]
        unchecked = [r for r in by_name if r.readiness_ratio is None]
        checked.sort(key=lambda r: r.readiness_ratio, reverse=sort == "-readiness")
        return checked + unchecked
    return by_name


# --- national view ---------------------------------------------------------------------------


@dataclass
class AreaSummary:
    area: Area | None  # None for the national totals
    municipalities: int = 0
    no_plan: int = 0
    in_preparation: int = 0  # drafts, counted without exposing them
    in_process: int = 0  # consultation or awaiting decision
    adopted: int = 0
    visible_plans: int = 0  # plans whose figures the viewer may see
    checked: int = 0
    readiness_sum: float = 0.0
    theme_counts: list[int] = field(default_factory=list)

    @property
    def with_plan(self) -> int:
        return self.municipalities - self.no_plan

    @property
    def not_checked(self) -> int:
        return self.visible_plans - self.checked

    @property
    def readiness_average(self) -> float | None:
        return round(100 * self.readiness_sum / self.checked) if self.checked else None


def national_summaries(*, on: date, show_drafts: bool) -> tuple[list[AreaSummary], list[Theme]]:
    """Per authority area valid on the day, the figures of its in-scope municipalities.

    Draft plans count as "in preparation"; their readiness and themes are left out of the
    averages and coverage counts unless the viewer may see drafts.
    """
    areas = authority_areas_on(on)
    themes = statutory_themes()
    memberships = list(
        AreaMembership.objects.valid_on(on)
        .filter(area__in=areas, municipality__in_act_scope=True)
        .select_related("municipality")
        .only("area_id", "municipality__id", "municipality__code", "municipality__name_fi")
    )
    municipalities = {m.municipality_id: m.municipality for m in memberships}
    rows = {
        row.municipality.pk: row
        for row in municipality_rows(
            list(municipalities.values()), show_drafts=show_drafts, themes=themes
        )
    }
    summaries = {area.pk: AreaSummary(area=area, theme_counts=[0] * len(themes)) for area in areas}
    for membership in memberships:
        summary = summaries[membership.area_id]
        row = rows[membership.municipality_id]
        summary.municipalities += 1
        state = row.state
        if state == "none":
            summary.no_plan += 1
        elif state in ("in_preparation", Plan.State.DRAFT):
            summary.in_preparation += 1
        elif state == Plan.State.ADOPTED:
            summary.adopted += 1
        else:
            summary.in_process += 1
        if row.plan is None:
            continue
        summary.visible_plans += 1
        if row.readiness_ratio is not None:
            summary.checked += 1
            summary.readiness_sum += row.readiness_ratio
        for index, cell in enumerate(row.themes):
            summary.theme_counts[index] += cell.covered
    return list(summaries.values()), themes


def national_totals(summaries: list[AreaSummary], themes: list[Theme]) -> AreaSummary:
    totals = AreaSummary(area=None, theme_counts=[0] * len(themes))
    for summary in summaries:
        for name in (
            "municipalities",
            "no_plan",
            "in_preparation",
            "in_process",
            "adopted",
            "visible_plans",
            "checked",
        ):
            setattr(totals, name, getattr(totals, name) + getattr(summary, name))
        totals.readiness_sum += summary.readiness_sum
        totals.theme_counts = [
            a + b for a, b in zip(totals.theme_counts, summary.theme_counts, strict=True)
        ]
    return totals


# --- wellbeing services county view ------------------------------------------------------------


def county_organisation_ids(*, area: Area) -> list[int]:
    """The county's organisation and its units."""
    county = Q(kind=Organisation.Kind.WELLBEING_COUNTY, area=area)
    units = Q(parent__kind=Organisation.Kind.WELLBEING_COUNTY, parent__area=area)
    return list(Organisation.objects.filter(county | units).values_list("pk", flat=True))


def county_measures(*, plan_ids: list[int], organisation_ids: list[int]) -> list[Measure]:
    """Measures of the plans that name the county as responsible (lead or co-responsible) or as
    a partner."""
    named = (
        Q(responsible_organisation_id__in=organisation_ids)
        | Q(co_responsible__in=organisation_ids)
        | Q(partners__in=organisation_ids)
    )
    ids = Measure.objects.filter(named, objective__plan_id__in=plan_ids).values("pk")
    measures = list(
        Measure.objects.filter(pk__in=ids)
        .select_related("objective__theme", "objective__plan", "responsible_organisation")
        .prefetch_related("partners", "co_responsible")
        .order_by("objective__plan__lead_municipality__name_fi", "objective__theme__order", "pk")
    )
    for measure in measures:
        measure.county_responsible = measure.responsible_organisation_id in organisation_ids or any(
            party.pk in organisation_ids for party in measure.co_responsible.all()
        )
    return measures
