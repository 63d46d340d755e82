"""Plans and their parts. Anonymous clients read adopted plans; a token reads what its owner
reads in the UI (`planning.view_plan`, the same scope as the plan list)."""

from datetime import date
from uuid import UUID

from kotoplan.geography.selectors import municipality_ids_in_areas

from .. import selectors
from .. import serializers as s
from ..permissions import Access
from .common import DetailApi, Filter, ListApi, by

PLANS = Access(read="planning.view_plan", public=True)


# What a plan's representation reads besides its own row: one query each, however many plans.
PLAN_PARTS = ("municipalities", "decision_steps", "linked_documents")


def _in_area(prefix: str):
    def apply(queryset, area_id, params):
        ids = municipality_ids_in_areas(area_ids=[area_id], on=params.get("on"))
        return queryset.filter(**{f"{prefix}municipalities__in": ids.values("municipality_id")})

    return apply


def _as_is(queryset, value, params):
    return queryset


def _in_period(prefix: str):
    def apply(queryset, year, params):
        return queryset.filter(
            **{f"{prefix}period_start__lte": year, f"{prefix}period_end__gte": year}
        )

    return apply


def plan_filters(prefix: str = "") -> tuple[Filter, ...]:
    return (
        Filter("municipality", str, "Municipality code.", by(f"{prefix}municipalities__code")),
        Filter(
            "area",
            int,
            "Area id: plans of the municipalities in the area on the day `on` (default today).",
            _in_area(prefix),
        ),
        Filter("on", date, "Day (YYYY-MM-DD) for `area`; alone it filters nothing.", _as_is),
        Filter("period", int, "A year the plan's period covers.", _in_period(prefix)),
    )


class PlanList(ListApi):
    """Plans with their versions (`lineage`, `version_number`, `previous_version`) and decision
    (`decision_body`, `decision_date`, `decision_reference`, `decision_url`)."""

    access = PLANS
    serializer_class = s.PlanSerializer
    filters = (
        *plan_filters(),
        Filter(
            "state",
            str,
            "draft, consultation, awaiting_decision, adopted, superseded.",
            by("state"),
        ),
        Filter(
            "theme",
            str,
            "Theme code: plans with an objective under it.",
            by("objectives__theme__code"),
        ),
        Filter("lineage", UUID, "Plan series (UUID): every version of one plan.", by("lineage")),
    )
    ordering = ("lead_municipality__code", "period_start", "version_number", "pk")

    def scoped(self):
        plans = selectors.plans_for_client(user=self.request.user)
        return plans.select_related("lead_municipality").prefetch_related(*PLAN_PARTS)


class PlanDetail(DetailApi):
    access = PLANS
    serializer_class = s.PlanSerializer

    def scoped(self):
        plans = selectors.plans_for_client(user=self.request.user)
        return plans.select_related("lead_municipality").prefetch_related(*PLAN_PARTS)


PART_FILTERS = (
    Filter("plan", int, "Plan id.", by("plan_id")),
    Filter("theme", str, "Theme code.", by("theme__code")),
)


class ObjectiveList(ListApi):
    access = PLANS
    serializer_class = s.ObjectiveSerializer
    filters = (*PART_FILTERS, *plan_filters("plan__"))
    ordering = ("plan_id", "theme__order", "order", "pk")

    def scoped(self):
        return selectors.objectives_for_client(user=self.request.user)


class MeasureList(ListApi):
    access = PLANS
    serializer_class = s.MeasureSerializer
    filters = (
        Filter("plan", int, "Plan id.", by("objective__plan_id")),
        Filter("objective", int, "Objective id.", by("objective_id")),
        Filter("theme", str, "Theme code.", by("objective__theme__code")),
        Filter(
            "state",
            str,
            "Measure status (planned, ongoing, delayed, done, cancelled).",
            by("status"),
        ),
        Filter(
            "organisation", int, "Responsible organisation id.", by("responsible_organisation_id")
        ),
        *plan_filters("objective__plan__"),
    )
    ordering = ("objective__plan_id", "objective__theme__order", "objective__order", "order", "pk")

    def scoped(self):
        measures = selectors.measures_for_client(user=self.request.user)
        return measures.select_related("objective").prefetch_related("partners")


class MeasureDetail(DetailApi):
    access = PLANS
    serializer_class = s.MeasureSerializer

    def scoped(self):
        measures = selectors.measures_for_client(user=self.request.user)
        return measures.select_related("objective").prefetch_related("partners")


class IndicatorList(ListApi):
    access = PLANS
    serializer_class = s.IndicatorSerializer
    filters = (
        Filter("plan", int, "Plan id.", by("objective__plan_id")),
        Filter("objective", int, "Objective id.", by("objective_id")),
        Filter("theme", str, "Theme code.", by("objective__theme__code")),
        *plan_filters("objective__plan__"),
    )
    ordering = ("objective__plan_id", "objective_id", "pk")

    def scoped(self):
        return selectors.indicators_for_client(user=self.request.user).select_related("objective")
