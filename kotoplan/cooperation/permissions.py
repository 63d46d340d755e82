"""Who may do what with cooperation groups. The only place these decisions are made.

- a group is managed by the coordinators of its municipalities; a regional group also by the
  officials of the regional authority that appointed it; administrators manage every group;
- a member is a user linked to a representative or deputy whose period, and whose
  organisation's membership, are in force today: members see their group, its meetings and
  initiatives, the plans it serves (even where planning would not show them), comment on those
  plans and propose measures; they file initiatives to convene the group;
- everyone else gets nothing: views answer 404 as for a missing group.
"""

from django.db.models import Q, QuerySet

from kotoplan.accounts.selectors import user_reach
from kotoplan.core.clock import today
from kotoplan.core.permissions import rule, scope_rule

from .models import CooperationGroup, Initiative, MeasureProposal, Meeting, Representative


def _group_municipality_ids(group: CooperationGroup) -> set[int]:
    cached = getattr(group, "_municipality_ids", None)
    if cached is None:
        cached = {m.pk for m in group.municipalities.all()}
        group._municipality_ids = cached
    return cached


def active_seats(user, group: CooperationGroup) -> QuerySet[Representative]:
    """The user's representative seats in the group that are in force today."""
    on = today()
    return (
        Representative.objects.active_on(on)
        .filter(user=user, membership__group=group, membership__start_date__lte=on)
        .filter(Q(membership__end_date__isnull=True) | Q(membership__end_date__gte=on))
    )


def manages(user, group: CooperationGroup) -> bool:
    reach = user_reach(user=user)
    if reach.admin:
        return True
    if _group_municipality_ids(group) & reach.coordinator_municipalities:
        return True
    return (
        group.kind == CooperationGroup.Kind.REGIONAL
        and group.appointed_by.area_id in reach.official_areas
    )


def is_member(user, group: CooperationGroup) -> bool:
    return active_seats(user, group).exists()


@scope_rule("cooperation.view_group")
def scope_visible_groups(user, queryset: QuerySet) -> QuerySet:
    reach = user_reach(user=user)
    if reach.admin:
        return queryset
    on = today()
    condition = Q(municipalities__in=reach.coordinator_municipalities)
    if reach.official_areas:
        condition |= Q(
            kind=CooperationGroup.Kind.REGIONAL,
            appointed_by__area__in=reach.official_areas,
        )
    seats = (
        Representative.objects.active_on(on)
        .filter(user=user, membership__start_date__lte=on)
        .filter(Q(membership__end_date__isnull=True) | Q(membership__end_date__gte=on))
        .values("membership__group_id")
    )
    condition |= Q(pk__in=seats)
    ids = CooperationGroup.objects.filter(condition).values("pk")
    return queryset.filter(pk__in=ids)


@rule("cooperation.view_group")
def can_view_group(user, group: CooperationGroup) -> bool:
    return manages(user, group) or is_member(user, group)


@rule("cooperation.manage_group")
def can_manage_group(user, group: CooperationGroup) -> bool:
    return manages(user, group)


@rule("cooperation.create_group")
def can_create_group(user, _obj=None) -> bool:
    """Whether the user may start a group at all; the service checks the group it creates."""
    reach = user_reach(user=user)
    return reach.admin or bool(reach.coordinator_municipalities or reach.official_areas)


@rule("cooperation.record_no_group")
def can_record_no_group(user, municipality) -> bool:
    reach = user_reach(user=user)
    return reach.admin or municipality.pk in reach.coordinator_municipalities


@rule("cooperation.file_initiative")
def can_file_initiative(user, group: CooperationGroup) -> bool:
    return is_member(user, group)


@rule("cooperation.answer_initiative")
def can_answer_initiative(user, initiative: Initiative) -> bool:
    return manages(user, initiative.group)


@rule("cooperation.view_workspace")
def can_view_workspace(user, group: CooperationGroup) -> bool:
    return can_view_group(user, group)


@rule("cooperation.comment_plan")
def can_comment_plan(user, group: CooperationGroup) -> bool:
    return can_view_group(user, group)


@rule("cooperation.propose_measure")
def can_propose_measure(user, group: CooperationGroup) -> bool:
    return is_member(user, group)


@rule("cooperation.decide_proposal")
def can_decide_proposal(user, proposal: MeasureProposal) -> bool:
    return manages(user, proposal.group)


@rule("cooperation.manage_meeting")
def can_manage_meeting(user, meeting: Meeting) -> bool:
    return manages(user, meeting.group)
