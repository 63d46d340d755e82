"""Who may do what with cooperation groups. The only place these decisions are made.

- a municipal group is managed by the coordinators of its municipalities; a regional group by
  the officials of the regional authority that appointed it (its member municipalities'
  coordinators take part, but do not run it); administrators manage every group;
- a member is a user linked to a representative or deputy whose period, and whose
  organisation's membership, are in force today: members see their group, its meetings and
  initiatives, comment on the plans it serves and propose measures; they file initiatives to
  convene the group. A plan in the workspace is shown only to those planning lets see it, so a
  group never opens a draft its member could not read on the plan page;
- everyone else gets nothing: views answer 404 as for a missing group.
"""

from django.db.models import Q, QuerySet

from kotoplan.accounts.selectors import user_reach
from kotoplan.core.clock import today
from kotoplan.core.permissions import grant, related_ids, rule, scope_rule

from .models import CooperationGroup, Initiative, MeasureProposal, Meeting, Representative


def active_seats(user, group: CooperationGroup) -> QuerySet[Representative]:
    """The user's representative seats in the group that are in force today."""
    return Representative.objects.serving_on(today()).filter(user=user, membership__group=group)


def manages(user, group: CooperationGroup) -> bool:
    reach = user_reach(user=user)
    if reach.admin:
        return True
    if group.kind == CooperationGroup.Kind.REGIONAL:
        return group.appointed_by.area_id in reach.official_areas
    return bool(related_ids(group, "municipalities") & reach.coordinator_municipalities)


def is_member(user, group: CooperationGroup) -> bool:
    return active_seats(user, group).exists()


@grant("planning.view_plan")
def members_read_the_plans_their_group_prepares(user) -> QuerySet:
    """Members of a municipal or joint group read the plans the group serves, drafts included:
    preparing them is the group's work. A regional group's members (other municipalities'
    coordinators among them) get no such reading: they see what planning shows them."""
    groups = (
        Representative.objects.serving_on(today())
        .filter(user=user)
        .exclude(membership__group__kind=CooperationGroup.Kind.REGIONAL)
        .values("membership__group_id")
    )
    return CooperationGroup.plans.through.objects.filter(cooperationgroup_id__in=groups).values(
        "plan_id"
    )


@scope_rule("cooperation.view_group")
def scope_visible_groups(user, queryset: QuerySet) -> QuerySet:
    reach = user_reach(user=user)
    if reach.admin:
        return queryset
    condition = Q(municipalities__in=reach.coordinator_municipalities)
    if reach.official_areas:
        condition |= Q(
            kind=CooperationGroup.Kind.REGIONAL,
            appointed_by__area__in=reach.official_areas,
        )
    seats = (
        Representative.objects.serving_on(today()).filter(user=user).values("membership__group_id")
    )
    condition |= Q(pk__in=seats)
    ids = CooperationGroup.objects.filter(condition).values("pk")
    return queryset.filter(pk__in=ids)


@rule("cooperation.view_group")
def can_view_group(user, group: CooperationGroup) -> bool:
    return manages(user, group) or is_member(user, group)


def manages_its_group(user, obj: Initiative | MeasureProposal | Meeting) -> bool:
    return manages(user, obj.group)


@rule("cooperation.create_group")
def can_create_group(user, _obj=None) -> bool:
    """Whether the user may start a group at all; the service checks the group it creates."""
    reach = user_reach(user=user)
    return reach.admin or bool(reach.coordinator_municipalities or reach.official_areas)


@rule("cooperation.record_no_group")
def can_record_no_group(user, municipality=None) -> bool:
    """For the municipality; without one, whether the user may record for any municipality."""
    reach = user_reach(user=user)
    if municipality is None:
        return reach.admin or bool(reach.coordinator_municipalities)
    return reach.admin or municipality.pk in reach.coordinator_municipalities


# The other actions follow from managing a group, belonging to it, or seeing it.
for action, check in {
    "cooperation.manage_group": manages,  # on a group
    "cooperation.answer_initiative": manages_its_group,  # on an initiative
    "cooperation.decide_proposal": manages_its_group,  # on a proposed measure
    "cooperation.manage_meeting": manages_its_group,  # on a meeting
    "cooperation.file_initiative": is_member,  # on a group
    "cooperation.propose_measure": is_member,  # on a group
    "cooperation.view_workspace": can_view_group,  # on a group
    "cooperation.comment_plan": can_view_group,  # on a group
}.items():
    rule(action)(check)
