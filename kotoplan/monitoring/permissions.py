"""Who may import statistics and see import runs. The only place these decisions are made.

- administrators and municipal coordinators start imports (a coordinator on behalf of one of
  their own municipalities);
- an import run is visible to the person who started it, to the coordinators of the
  municipality it was started for, and to administrators; everyone else gets a 404.

Progress by responsible parties:
- whoever may view a plan may view its monitoring rounds and reports;
- coordinators of the plan's municipalities (and administrators) open and close rounds, and may
  record progress for any measure and values for any manual indicator of the plan;
- contributors record progress only for measures their organisation is responsible for, and
  values only for manual indicators attached to such a measure.
"""

from django.db.models import Q, QuerySet

from kotoplan.accounts.selectors import user_reach
from kotoplan.core.permissions import rule, scope_rule
from kotoplan.planning.permissions import can_change_plan, can_view_plan

from .models import ImportRun


@rule("monitoring.import_statistics")
def can_import_statistics(user, municipality) -> bool:
    reach = user_reach(user=user)
    if reach.admin:
        return True
    if municipality is None:
        return bool(reach.coordinator_municipalities)
    return municipality.pk in reach.coordinator_municipalities


@scope_rule("monitoring.view_import_run")
def scope_viewable_runs(user, queryset: QuerySet) -> QuerySet:
    reach = user_reach(user=user)
    if reach.admin:
        return queryset
    return queryset.filter(
        Q(created_by=user) | Q(municipality__in=reach.coordinator_municipalities)
    )


@rule("monitoring.view_import_run")
def can_view_import_run(user, run: ImportRun) -> bool:
    return scope_viewable_runs(user, ImportRun.objects.filter(pk=run.pk)).exists()


@rule("monitoring.view_rounds")
def can_view_rounds(user, plan) -> bool:
    return can_view_plan(user, plan)


@rule("monitoring.manage_rounds")
def can_manage_rounds(user, plan) -> bool:
    return can_change_plan(user, plan)


@scope_rule("monitoring.update_measure")
def scope_updatable_measures(user, queryset: QuerySet) -> QuerySet:
    """Measures the user reports on: own organisation's, or every measure of a coordinated plan."""
    reach = user_reach(user=user)
    if reach.admin:
        return queryset
    return queryset.filter(
        Q(responsible_organisation__in=reach.contributor_organisations)
        | Q(objective__plan__municipalities__in=reach.coordinator_municipalities)
    ).distinct()


@rule("monitoring.update_measure")
def can_update_measure(user, measure) -> bool:
    reach = user_reach(user=user)
    if measure.responsible_organisation_id in reach.contributor_organisations:
        return True
    return can_change_plan(user, measure.objective.plan)


@rule("monitoring.enter_indicator_value")
def can_enter_indicator_value(user, indicator) -> bool:
    if indicator.source != "manual":
        return False
    if indicator.measure_id is not None and can_update_measure(user, indicator.measure):
        return True
    return can_change_plan(user, indicator.objective.plan)
