"""Who may import statistics, see import runs and choose a plan's figures. The only place
these decisions are made.

- administrators, statistics importers and municipal coordinators start imports (a coordinator
  on behalf of one of their own municipalities, and then only that municipality's values are
  written; values of other areas need the statistics importer role or an administrator);
- an import run is visible to the person who started it, to the coordinators of the
  municipality it was started for, and to administrators; everyone else gets a 404;
- the figures of a plan's situation picture are chosen by those who may edit the plan.
"""

from django.db.models import Q, QuerySet

from kotoplan.accounts.selectors import user_reach
from kotoplan.core.permissions import can, rule, scope_rule

from .models import ImportRun


@rule("monitoring.import_statistics")
def can_import_statistics(user, municipality) -> bool:
    reach = user_reach(user=user)
    if reach.admin or reach.statistics_importer:
        return True
    if municipality is None:
        return bool(reach.coordinator_municipalities)
    return municipality.pk in reach.coordinator_municipalities


@scope_rule("monitoring.view_import_run")
def scope_viewable_runs(user, queryset: QuerySet) -> QuerySet:
    reach = user_reach(user=user)
    mine = Q(created_by=user) | Q(municipality__in=reach.coordinator_municipalities)
    return queryset if reach.admin else queryset.filter(mine)


@rule("monitoring.view_import_run")
def can_view_import_run(user, run: ImportRun) -> bool:
    return scope_viewable_runs(user, ImportRun.objects.filter(pk=run.pk)).exists()


@rule("monitoring.choose_situation_figures")
def can_choose_situation_figures(user, plan) -> bool:
    return can(user, "planning.change_plan", plan)
