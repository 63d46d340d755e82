"""Reads of the cooperation register. `*_get_for_user` are the only way views load objects;
missing and forbidden both give 404. Given an `action`, they also require the user to be allowed
it on what they load (PermissionDenied otherwise)."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from kotoplan.accounts.models import RoleAssignment
from kotoplan.accounts.selectors import user_reach, users_with_role
from kotoplan.core.clock import today
from kotoplan.core.permissions import can, require, scope
from kotoplan.geography.models import Municipality
from kotoplan.planning.models import Plan

from .models import (
    RECOMMENDED_CATEGORIES,
    Category,
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


def _allowed(user, obj, action: str | None):
    if action:
        require(user, action, obj)
    return obj


def group_get_for_user(*, user, group_id: int, action: str | None = None) -> CooperationGroup:
    group = groups_for_user(user=user).filter(pk=group_id).first()
    if group is None:
        raise Http404
    return _allowed(user, group, action)


def _in_visible_group(queryset: QuerySet, *, user, pk: int, action: str | None = None):
    """The row of a group the user may see; missing and forbidden both give 404."""
    obj = queryset.filter(pk=pk).first()
    if obj is None or not can(user, "cooperation.view_group", obj.group):
        raise Http404
    return _allowed(user, obj, action)


def initiative_get_for_user(*, user, initiative_id: int, action: str | None = None) -> Initiative:
    queryset = Initiative.objects.select_related(
        "group__appointed_by", "membership__organisation", "filed_by", "meeting", "answered_by"
    )
    return _in_visible_group(queryset, user=user, pk=initiative_id, action=action)


def meeting_get_for_user(*, user, meeting_id: int, action: str | None = None) -> Meeting:
    queryset = Meeting.objects.select_related("group__appointed_by", "minutes_approved_by")
    return _in_visible_group(queryset, user=user, pk=meeting_id, action=action)


def membership_get_for_user(*, user, membership_id: int) -> Membership:
    queryset = Membership.objects.select_related("group__appointed_by", "organisation")
    return _in_visible_group(queryset, user=user, pk=membership_id)


def proposal_get_for_user(*, user, proposal_id: int, action: str | None = None) -> MeasureProposal:
    queryset = MeasureProposal.objects.select_related(
        "group__appointed_by", "plan", "objective", "membership__organisation"
    )
    return _in_visible_group(queryset, user=user, pk=proposal_id, action=action)


def workspace_plan_get(*, user, group: CooperationGroup, plan_id: int) -> Plan:
    """A plan the group serves, for a user who may see the group and whom planning lets see the
    plan: the workspace never opens a draft the plan page would hide."""
    if not can(user, "cooperation.view_workspace", group):
        raise Http404
    plan = group.plans.with_outline().filter(pk=plan_id).first()
    if plan is None or not can(user, "planning.view_plan", plan):
        raise Http404
    return plan


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
        Representative.objects.serving_on(on)
        .filter(membership__group=group)
        .select_related("membership__organisation", "user")
        .order_by("membership__organisation__name_fi", "role", "name")
    )


def group_managers(*, group: CooperationGroup) -> list:
    """Who answers for the group, with an e-mail address: the coordinators of its municipalities
    today, and for a regional group the officials of the appointing authority's area."""
    managers = users_with_role(
        RoleAssignment.Role.COORDINATOR, municipalities=group.municipalities.all()
    )
    if group.kind == CooperationGroup.Kind.REGIONAL:
        managers += users_with_role(
            RoleAssignment.Role.REGIONAL_OFFICIAL, areas=[group.appointed_by.area_id]
        )
    return sorted({user.pk: user for user in managers}.values(), key=lambda user: user.pk)


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


def municipalities_for_no_group_reason(*, user) -> QuerySet[Municipality]:
    """The municipalities for which the user may record why no group is needed."""
    reach = user_reach(user=user)
    municipalities = Municipality.objects.in_act_scope()
    if reach.admin:
        return municipalities
    return municipalities.filter(pk__in=reach.coordinator_municipalities)


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


def initiatives_waiting_for(*, user) -> QuerySet[Initiative]:
    """Initiatives to convene still waiting for an answer in the groups the user manages (the
    groups of their municipalities; an official: the regional groups of their area), oldest
    first."""
    reach = user_reach(user=user)
    if not (reach.admin or reach.coordinator_municipalities or reach.official_areas):
        return Initiative.objects.none()
    managed = Q(group__municipalities__in=reach.coordinator_municipalities) | Q(
        group__kind=CooperationGroup.Kind.REGIONAL,
        group__appointed_by__area__in=reach.official_areas,
    )
    found = Initiative.objects.filter(status=Initiative.Status.PENDING)
    if not reach.admin:
        found = found.filter(pk__in=Initiative.objects.filter(managed).values("pk"))
    return found.select_related("group", "membership__organisation").order_by("created_at", "pk")
