"""Who reports progress on a plan. The only place these decisions are made.

- whoever may view a plan may view its monitoring rounds and reports;
- coordinators of the plan's municipalities (and administrators) open and close rounds, and may
  record progress for any measure and values for any manual indicator of the plan;
- contributors record progress only for measures their organisation is responsible for, and
  values only for manual indicators attached to such a measure.
"""

from django.db.models import Q, QuerySet

from kotoplan.accounts.selectors import user_reach
from kotoplan.core.permissions import rule, scope_rule
from kotoplan.planning.models import Measure, Plan
from kotoplan.planning.permissions import (
    can_change_plan,
    can_view_plan,
    is_responsible_contributor,
)


@rule("monitoring.view_rounds")
def can_view_rounds(user, plan) -> bool:
    return can_view_plan(user, plan)


@rule("monitoring.manage_rounds")
def can_manage_rounds(user, plan) -> bool:
    return can_change_plan(user, plan)


@scope_rule("monitoring.update_measure")
def scope_updatable_measures(user, queryset: QuerySet) -> QuerySet:
    """Measures the user reports on: own organisation's, or every measure of a coordinated plan.
    Each way is its own subquery, so no row is repeated and nothing needs DISTINCT (a national
    partner is co-responsible in hundreds of plans: a join and DISTINCT read every measure)."""
    reach = user_reach(user=user)
    if reach.admin:
        return queryset
    co_responsible = Measure.co_responsible.through.objects.filter(
        organisation__in=reach.contributor_organisations
    ).values("measure_id")
    coordinated = Plan.municipalities.through.objects.filter(
        municipality__in=reach.coordinator_municipalities
    ).values("plan_id")
    return queryset.filter(
        Q(responsible_organisation__in=reach.contributor_organisations)
        | Q(pk__in=co_responsible)
        | Q(objective__plan_id__in=coordinated)
    )


@rule("monitoring.update_measure")
def can_update_measure(user, measure) -> bool:
    if is_responsible_contributor(user, measure):
        return True
    return can_change_plan(user, measure.objective.plan)


@rule("monitoring.enter_indicator_value")
def can_enter_indicator_value(user, indicator) -> bool:
    if indicator.source != "manual":
        return False
    if indicator.measure_id is not None and can_update_measure(user, indicator.measure):
        return True
    return can_change_plan(user, indicator.objective.plan)
