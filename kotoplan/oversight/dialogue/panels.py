"""The dialogue's section of the home page (kotoplan.core.panels.HOME): open observations from
the regional authority, overdue ones first; for a coordinator those waiting for the
municipality's reply, for an official those the municipality has replied to."""

from django.db.models import Q

from kotoplan.accounts.selectors import user_reach
from kotoplan.core.panels import HOME, register_section
from kotoplan.geography.selectors import municipality_ids_in_areas

from .models import Observation
from .selectors import is_overdue, open_observations_for_user

SHOWN = 10


def _waiting_for(user) -> Q | None:
    """Which observations wait for this user's step: a reply from a coordinator, a reading of
    the reply from an official."""
    reach = user_reach(user=user)
    waiting = Q()
    if reach.coordinator_municipalities:
        waiting |= Q(
            state__in=Observation.AWAITING_REPLY_STATES,
            plan__municipalities__in=reach.coordinator_municipalities,
        )
    if reach.official_areas:  # the area's municipalities as a subquery: one query in all
        waiting |= Q(
            state=Observation.State.REPLIED,
            plan__municipalities__in=municipality_ids_in_areas(area_ids=list(reach.official_areas)),
        )
    return waiting or None


def _home_section(*, user, request=None) -> dict | None:
    reach = user_reach(user=user)
    local = reach.coordinator_municipalities | reach.viewer_municipalities
    if not (local or reach.official_areas):
        return None
    observations = list(open_observations_for_user(user=user)[:200])
    observations.sort(key=lambda o: (not is_overdue(o), o.reply_due, o.pk))
    if not observations and not reach.official_areas:
        return None
    return {
        "observations": observations[:SHOWN],
        "overdue": {o.pk for o in observations if is_overdue(o)},
        "total": len(observations),
        "waiting": _home_count(user=user),
        "is_official": bool(reach.official_areas),
    }


def _home_count(*, user) -> int:
    waiting = _waiting_for(user)
    if waiting is None:
        return 0
    # `waiting` names only plans of the user's own municipalities or area, all of which the user
    # may see: one query, with no separate scope
    return Observation.objects.filter(waiting).values("pk").distinct().count()


register_section(
    HOME,
    key="observations",
    order=20,
    template="oversight/dialogue/_home.html",
    context=_home_section,
    count=_home_count,
)
