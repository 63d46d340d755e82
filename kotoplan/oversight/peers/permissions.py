"""What a peer comparison may show. The only place these decisions are made.

- a municipality's comparison is opened by those who work with it: its coordinators, viewers
  and contributors, the regional officials and wellbeing county liaisons of its areas today,
  national viewers and administrators;
- of every municipality in the comparison, the figures come only from plans the viewer may
  read (`planning.view_plan`) or that are published (adopted): a peer's draft never shows, and
  a municipality whose only plan the viewer may not read looks like one without a plan;
- monitoring coverage comes from the rounds of plans the viewer may read, and of published
  plans only from closed rounds: updates of a round still open are not published yet.
"""

from django.db.models import Q, QuerySet

from kotoplan.accounts.selectors import user_reach
from kotoplan.core.permissions import rule, scope, scope_rule
from kotoplan.geography.selectors import municipality_ids_in_areas
from kotoplan.monitoring.rounds.models import MonitoringRound
from kotoplan.planning.models import Plan


def _readable_plan_ids(user) -> QuerySet:
    return scope(user, "planning.view_plan", Plan.objects.all()).values("pk")


@scope_rule("oversight.compare_plan")
def scope_comparable_plans(user, queryset: QuerySet) -> QuerySet:
    return queryset.filter(Q(pk__in=_readable_plan_ids(user)) | Q(state=Plan.State.ADOPTED))


@rule("oversight.compare_plan")
def can_compare_plan(user, plan: Plan) -> bool:
    return scope_comparable_plans(user, Plan.objects.filter(pk=plan.pk)).exists()


@scope_rule("oversight.compare_round")
def scope_comparable_rounds(user, queryset: QuerySet) -> QuerySet:
    published = Q(plan__state=Plan.State.ADOPTED, state=MonitoringRound.State.CLOSED)
    return queryset.filter(Q(plan_id__in=_readable_plan_ids(user)) | published)


@rule("oversight.compare_municipality")
def can_compare_municipality(user, municipality) -> bool:
    reach = user_reach(user=user)
    if reach.admin or reach.national:
        return True
    local = (
        reach.coordinator_municipalities
        | reach.viewer_municipalities
        | reach.contributor_municipalities
    )
    if municipality.pk in local:
        return True
    areas = list(reach.official_areas | reach.county_areas)
    if not areas:
        return False
    ids = municipality_ids_in_areas(area_ids=areas).filter(municipality_id=municipality.pk)
    return ids.exists()
