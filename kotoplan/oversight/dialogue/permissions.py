"""Who may see and take part in the observations dialogue and the discussion records.

- regional authority officials whose area covers one of the plan's municipalities today record
  observations on the plan, resolve and reopen them, and record monitoring and cooperation
  discussions with the municipalities of their area;
- coordinators of the plan's municipalities reply to observations; coordinators and viewers of a
  municipality read its observations and discussions; coordinators also mark agreed follow-ups
  done;
- administrators read everything but take no part in the dialogue (it is between the authority
  and the municipality);
- nobody else sees any of it (contributors, county liaisons and national viewers included).
"""

from django.db.models import QuerySet

from kotoplan.accounts.selectors import user_reach
from kotoplan.core.clock import today
from kotoplan.core.permissions import related_ids, rule, scope_rule
from kotoplan.geography.selectors import municipality_ids_in_areas
from kotoplan.planning.models import Plan

from .models import MonitoringDiscussion, Observation


def official_municipality_ids(user) -> frozenset[int]:
    """The municipalities in the areas the user is a regional authority official of, today."""
    reach = user_reach(user=user)
    if not reach.official_areas:
        return frozenset()
    cache_key = f"_kotoplan_official_municipalities_{today().isoformat()}"
    cached = getattr(user, cache_key, None)
    if cached is None:
        ids = municipality_ids_in_areas(area_ids=list(reach.official_areas))
        cached = frozenset(row["municipality_id"] for row in ids)
        setattr(user, cache_key, cached)
    return cached


def _local_municipality_ids(user) -> frozenset[int]:
    reach = user_reach(user=user)
    return reach.coordinator_municipalities | reach.viewer_municipalities


def plan_municipality_ids(plan: Plan) -> set[int]:
    return related_ids(plan, "municipalities")


def _is_admin(user) -> bool:
    return user_reach(user=user).admin


def _oversees(user, municipality_ids) -> bool:
    return bool(official_municipality_ids(user) & set(municipality_ids))


def _coordinates(user, municipality_ids) -> bool:
    return bool(user_reach(user=user).coordinator_municipalities & set(municipality_ids))


# --- observations ------------------------------------------------------------------------------


@scope_rule("oversight.view_observation")
def scope_viewable_observations(user, queryset: QuerySet) -> QuerySet:
    if _is_admin(user):
        return queryset
    municipalities = _local_municipality_ids(user) | official_municipality_ids(user)
    plans = Plan.objects.filter(municipalities__in=municipalities).values("pk")
    return queryset.filter(plan__in=plans)


@rule("oversight.view_observation")
def can_view_observation(user, observation: Observation) -> bool:
    return can_view_plan_observations(user, observation.plan)


@rule("oversight.view_plan_observations")
def can_view_plan_observations(user, plan: Plan) -> bool:
    """The list of a plan's observations and discussions."""
    if _is_admin(user):
        return True
    ids = plan_municipality_ids(plan)
    return bool(ids & _local_municipality_ids(user)) or _oversees(user, ids)


@rule("oversight.view_area_observations")
def can_view_area_observations(user, _obj=None) -> bool:
    """The open observations across the areas the user is a regional authority official of."""
    return bool(official_municipality_ids(user))


@rule("oversight.create_observation")
def can_create_observation(user, plan: Plan) -> bool:
    return _oversees(user, plan_municipality_ids(plan))


@rule("oversight.reply_observation")
def can_reply_observation(user, observation: Observation) -> bool:
    return _coordinates(user, plan_municipality_ids(observation.plan))


@rule("oversight.resolve_observation")
def can_resolve_observation(user, observation: Observation) -> bool:
    return _oversees(user, plan_municipality_ids(observation.plan))


@rule("oversight.reopen_observation")
def can_reopen_observation(user, observation: Observation) -> bool:
    return _oversees(user, plan_municipality_ids(observation.plan))


# --- monitoring and cooperation discussions ----------------------------------------------------


@scope_rule("oversight.view_discussion")
def scope_viewable_discussions(user, queryset: QuerySet) -> QuerySet:
    if _is_admin(user):
        return queryset
    municipalities = _local_municipality_ids(user) | official_municipality_ids(user)
    return queryset.filter(municipality__in=municipalities)


@rule("oversight.view_discussion")
def can_view_discussion(user, discussion: MonitoringDiscussion) -> bool:
    if _is_admin(user):
        return True
    municipality = discussion.municipality_id
    return municipality in _local_municipality_ids(user) or _oversees(user, {municipality})


@rule("oversight.create_discussion")
def can_create_discussion(user, municipality) -> bool:
    return _oversees(user, {municipality.pk})


@rule("oversight.add_follow_up")
def can_add_follow_up(user, discussion: MonitoringDiscussion) -> bool:
    return _oversees(user, {discussion.municipality_id})


@rule("oversight.change_follow_up")
def can_change_follow_up(user, discussion: MonitoringDiscussion) -> bool:
    """Marking an agreed follow-up done or not done: the official or the coordinator."""
    ids = {discussion.municipality_id}
    return _oversees(user, ids) or _coordinates(user, ids)
