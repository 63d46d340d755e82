"""Reads of the cooperation register. `*_get_for_user` are the only way views load objects;
missing and forbidden both give 404."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from kotoplan.accounts.selectors import user_reach
from kotoplan.core.clock import today
from kotoplan.core.permissions import can, scope
from kotoplan.planning.models import Plan

from .categories import RECOMMENDED_CATEGORIES, Category
from .models import (
    CooperationGroup,
    Initiative,
    MeasureProposal,
    Meeting,
    Membership,
    NoGroupReason,
    Representative,
)
from .permissions import active_seats


def groups_for_user(*, user) -> QuerySet[CooperationGroup]:
    return (
        scope(user, "cooperation.view_group", CooperationGroup.objects.all())
        .select_related("appointed_by")
        .prefetch_related("municipalities")
    )


def group_get_for_user(*, user, pk: int) -> CooperationGroup:
    group = groups_for_user(user=user).filter(pk=pk).first()
    if group is None:
        raise Http404
    return group


def _via_group(queryset: QuerySet, *, user, pk: int, path: str):
    obj = queryset.filter(pk=pk).first()
    if obj is None:
        raise Http404
    group = obj
    for part in path.split("__"):
        group = getattr(group, part)
    if not can(user, "cooperation.view_group", group):
        raise Http404
    return obj


def initiative_get_for_user(*, user, pk: int) -> Initiative:
    queryset = Initiative.objects.select_related(
        "group__appointed_by", "membership__organisation", "filed_by", "meeting", "answered_by"
    )
    return _via_group(queryset, user=user, pk=pk, path="group")


def meeting_get_for_user(*, user, pk: int) -> Meeting:
    queryset = Meeting.objects.select_related("group__appointed_by", "minutes_approved_by")
    return _via_group(queryset, user=user, pk=pk, path="group")


def membership_get_for_user(*, user, pk: int) -> Membership:
    queryset = Membership.objects.select_related("group__appointed_by", "organisation")
    return _via_group(queryset, user=user, pk=pk, path="group")


def proposal_get_for_user(*, user, pk: int) -> MeasureProposal:
    queryset = MeasureProposal.objects.select_related(
        "group__appointed_by", "plan", "objective", "membership__organisation"
    )
    return _via_group(queryset, user=user, pk=pk, path="group")


def workspace_plan_get(*, user, group: CooperationGroup, plan_id: int) -> Plan:
    """A plan the group serves, for a user who may see the group (planning's own rules are not
    asked: the group's members see the plans it works on)."""
    if not can(user, "cooperation.view_workspace", group):
        raise Http404
    plan = group.plans.with_outline().filter(pk=plan_id).first()
    if plan is None:
        raise Http404
    return plan


def seats_of(*, user, group: CooperationGroup) -> QuerySet[Representative]:
    return active_seats(user, group).select_related("membership__organisation")


def member_organisations_of(*, user, group: CooperationGroup) -> QuerySet[Membership]:
    """The memberships the user may act for (as an active representative or deputy)."""
    ids = active_seats(user, group).values("membership_id")
    return Membership.objects.filter(pk__in=ids).select_related("organisation")


def group_members(*, group: CooperationGroup) -> QuerySet[Membership]:
    return (
        group.memberships.select_related("organisation")
        .prefetch_related(
            Prefetch("representatives", queryset=Representative.objects.select_related("user"))
        )
        .order_by("category", "organisation__name_fi", "pk")
    )


def representatives_active_on(*, group: CooperationGroup, on: date) -> QuerySet[Representative]:
    return (
        Representative.objects.active_on(on)
        .filter(membership__group=group, membership__start_date__lte=on)
        .filter(Q(membership__end_date__isnull=True) | Q(membership__end_date__gte=on))
        .select_related("membership__organisation", "user")
        .order_by("membership__organisation__name_fi", "role", "name")
    )


@dataclass
class CategoryCoverage:
    category: str
    label: str
    recommended: bool
    organisations: list = field(default_factory=list)

    @property
    def represented(self) -> bool:
        return bool(self.organisations)


@dataclass
class Coverage:
    on: date
    rows: list[CategoryCoverage]
    members_without_representative: list

    @property
    def represented(self) -> list[CategoryCoverage]:
        return [row for row in self.rows if row.represented]

    @property
    def missing_recommended(self) -> list[CategoryCoverage]:
        return [row for row in self.rows if row.recommended and not row.represented]


def group_coverage(*, group: CooperationGroup, on: date | None = None) -> Coverage:
    """Which categories have a member with a representative in force on the day, and which
    recommended categories have none."""
    on = on or today()
    memberships = list(
        group.memberships.active_on(on)
        .select_related("organisation")
        .prefetch_related(
            Prefetch("representatives", queryset=Representative.objects.active_on(on))
        )
    )
    rows = {
        value: CategoryCoverage(value, str(label), value in RECOMMENDED_CATEGORIES)
        for value, label in Category.choices
    }
    without = []
    for membership in memberships:
        if membership.representatives.all():
            rows[membership.category].organisations.append(membership.organisation)
        else:
            without.append(membership)
    return Coverage(on=on, rows=list(rows.values()), members_without_representative=without)


def no_group_reasons_for_user(*, user) -> QuerySet[NoGroupReason]:
    reach = user_reach(user=user)
    queryset = NoGroupReason.objects.select_related("municipality", "recorded_by")
    if reach.admin:
        return queryset
    return queryset.filter(municipality__in=reach.coordinator_municipalities)


def plan_cooperation_summary(*, plan: Plan, user) -> dict:
    """What the plan page shows, in two queries: the groups serving the plan that the user may
    open, and the recorded reasons of the plan's municipalities for having no group."""
    groups = list(
        scope(user, "cooperation.view_group", CooperationGroup.objects.filter(plans=plan))
        .select_related("appointed_by")
        .order_by("name")
    )
    reasons = list(
        NoGroupReason.objects.filter(
            municipality__in=Plan.municipalities.through.objects.filter(plan=plan).values(
                "municipality_id"
            )
        ).select_related("municipality")
    )
    return {"groups": groups, "reasons": reasons}


def initiatives_of(*, group: CooperationGroup) -> QuerySet[Initiative]:
    return group.initiatives.select_related("membership__organisation", "filed_by", "meeting")
