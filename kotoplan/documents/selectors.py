"""Reads for documents: published plans are the adopted ones; nothing else is public."""

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from kotoplan.planning.models import Indicator, Measure, Objective, Plan


def published_plans(*, municipality_code: str | None = None) -> QuerySet[Plan]:
    """Adopted plans (drafts, plans in consultation or awaiting decision, superseded: never)."""
    plans = Plan.objects.with_outline().filter(state=Plan.State.ADOPTED)
    if municipality_code:
        plans = plans.filter(municipalities__code=municipality_code).distinct()
    return plans.order_by("lead_municipality__code", "period_start", "pk")


def published_plans_with_content(*, municipality_code: str | None = None) -> QuerySet[Plan]:
    """Published plans with all their parts, in a fixed number of queries."""
    measures = (
        Measure.objects.select_related("responsible_organisation")
        .prefetch_related("partners")
        .order_by("order", "pk")
    )
    objectives = (
        Objective.objects.select_related("theme")
        .prefetch_related(
            Prefetch("measures", queryset=measures),
            Prefetch("indicators", queryset=Indicator.objects.order_by("pk")),
            "target_groups",
        )
        .order_by("theme__order", "order", "pk")
    )
    return published_plans(municipality_code=municipality_code).prefetch_related(
        Prefetch("objectives", queryset=objectives)
    )


def public_plan_get(*, municipality_code: str, start: int, end: int) -> Plan:
    """The adopted plan of a municipality for a period; 404 for anything not published."""
    plan = (
        published_plans(municipality_code=municipality_code)
        .filter(period_start=start, period_end=end)
        .order_by("-version_number")
        .first()
    )
    if plan is None:
        raise Http404
    return plan
