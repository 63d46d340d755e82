"""Which plans the library reads for a person: adopted plans for everyone (as the public pages),
and the plans being prepared (draft, consultation, awaiting decision) that the permission
engine lets the person see. Superseded versions are left out: their newer version is there."""

from django.db.models import Q, QuerySet

from kotoplan.core.permissions import scope
from kotoplan.documents.selectors import published_plans
from kotoplan.planning.models import Plan

PREPARED = (Plan.State.DRAFT, Plan.State.CONSULTATION, Plan.State.AWAITING_DECISION)


def searchable_plans(*, user) -> QuerySet[Plan]:
    """Plans whose objectives, measures and indicators this person may find."""
    public = Q(pk__in=published_plans().values("pk"))
    if not getattr(user, "is_authenticated", False):
        return Plan.objects.filter(public)
    prepared = scope(user, "planning.view_plan", Plan.objects.filter(state__in=PREPARED))
    return Plan.objects.filter(public | Q(pk__in=prepared.values("pk")))


def visible_plans(*, user) -> QuerySet[Plan]:
    """Every plan this person may read (superseded versions included): where reuses are
    counted and named."""
    public = Q(pk__in=published_plans().values("pk"))
    if not getattr(user, "is_authenticated", False):
        return Plan.objects.filter(public)
    mine = scope(user, "planning.view_plan", Plan.objects.all())
    return Plan.objects.filter(public | Q(pk__in=mine.values("pk")))
