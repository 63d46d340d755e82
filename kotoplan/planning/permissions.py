"""Who may do what with plans. The only place these decisions are made.

- coordinators edit the plans of their municipality while the plan is editable;
- viewers and contributors of a municipality read its plans; contributors also read plans in
  which their organisation leads or co-leads a measure (`Measure.co_responsible`), and update
  those measures while the plan is editable;
- regional authority officials read every plan of a municipality in their area today;
- wellbeing county liaisons read the plans of the county's municipalities;
- national viewers read every plan that has left the draft state;
- other apps may grant reading (cooperation: members of a municipal or joint group read the
  plans the group prepares), through `core.permissions.grant`;
- coordinators start plans for their municipalities;
- a municipality becomes a party of a joint plan only when its coordinator accepts the
  invitation (until then it gets nothing of the plan); those who may change the plan withdraw
  a pending invitation;
- administrators do everything.
"""

from django.db.models import Q, QuerySet

from kotoplan.accounts.selectors import user_reach
from kotoplan.core.permissions import granted, related_ids, rule, scope_rule
from kotoplan.geography.selectors import municipality_ids_in_areas

from .models import Measure, Plan, PlanInvitation


@scope_rule("planning.view_plan")
def scope_viewable_plans(user, queryset: QuerySet) -> QuerySet:
    reach = user_reach(user=user)
    if reach.admin:
        return queryset
    local = reach.coordinator_municipalities | reach.viewer_municipalities
    local |= reach.contributor_municipalities
    condition = Q(municipalities__in=local)
    if reach.contributor_organisations:
        condition |= Q(
            objectives__measures__responsible_organisation__in=reach.contributor_organisations
        ) | Q(objectives__measures__co_responsible__in=reach.contributor_organisations)
    areas = list(reach.official_areas | reach.county_areas)
    if areas:
        condition |= Q(municipalities__in=municipality_ids_in_areas(area_ids=areas))
    if reach.national:
        condition |= ~Q(state=Plan.State.DRAFT)
    for ids in granted(user, "planning.view_plan"):
        condition |= Q(pk__in=ids)
    ids = Plan.objects.filter(condition).values("pk")
    return queryset.filter(pk__in=ids)


@scope_rule("planning.change_plan")
def scope_editable_plans(user, queryset: QuerySet) -> QuerySet:
    reach = user_reach(user=user)
    if reach.admin:
        return queryset
    ids = Plan.objects.filter(municipalities__in=reach.coordinator_municipalities).values("pk")
    return queryset.filter(pk__in=ids)


@rule("planning.view_plan")
def can_view_plan(user, plan: Plan) -> bool:
    """The scope above for one plan; its most common ways (the reader's own municipality, a
    national reader and a published plan) are answered from the plan at hand, without a query."""
    reach = user_reach(user=user)
    if reach.admin or (reach.national and plan.state != Plan.State.DRAFT):
        return True
    local = reach.coordinator_municipalities | reach.viewer_municipalities
    if (local | reach.contributor_municipalities) & related_ids(plan, "municipalities"):
        return True
    return scope_viewable_plans(user, Plan.objects.filter(pk=plan.pk)).exists()


@rule("planning.change_plan")
def can_change_plan(user, plan: Plan) -> bool:
    """Coordinators of any municipality of the plan (content edits also need an editable state)."""
    reach = user_reach(user=user)
    if reach.admin:
        return True
    return bool(related_ids(plan, "municipalities") & reach.coordinator_municipalities)


@rule("planning.create_plan")
def can_create_plan(user, municipality) -> bool:
    reach = user_reach(user=user)
    return reach.admin or municipality.pk in reach.coordinator_municipalities


@scope_rule("planning.create_plan")
def scope_plan_municipalities(user, queryset: QuerySet) -> QuerySet:
    """The municipalities (of `queryset`) this user may start a plan for."""
    reach = user_reach(user=user)
    return queryset if reach.admin else queryset.filter(pk__in=reach.coordinator_municipalities)


@scope_rule("planning.change_measure")
def scope_changeable_measures(user, queryset: QuerySet) -> QuerySet:
    """The measures (of `queryset`) the user may change: those of the plans the user may change
    and those the user's organisation leads or shares as a contributor."""
    reach = user_reach(user=user)
    if reach.admin:
        return queryset
    plans = scope_editable_plans(user, Plan.objects.all()).values("pk")
    condition = Q(objective__plan__in=plans)
    if reach.contributor_organisations:
        mine = reach.contributor_organisations
        shared = Measure.objects.filter(co_responsible__in=mine).values("pk")
        condition |= Q(responsible_organisation__in=mine) | Q(pk__in=shared)
    return queryset.filter(condition)


@rule("planning.change_measure")
def can_change_measure(user, measure: Measure) -> bool:
    if can_change_plan(user, measure.objective.plan):
        return True
    return is_responsible_contributor(user, measure)


def is_responsible_contributor(user, measure: Measure) -> bool:
    """True when the user is a contributor of the measure's lead or of a co-responsible party."""
    mine = user_reach(user=user).contributor_organisations
    if not mine:
        return False
    if measure.responsible_organisation_id in mine:
        return True
    return bool(related_ids(measure, "co_responsible") & mine)


@rule("planning.view_history")
def can_view_history(user, plan: Plan) -> bool:
    return can_view_plan(user, plan)


# --- invitations to joint plans -----------------------------------------------------------------


@scope_rule("planning.answer_invitation")
def scope_answerable_invitations(user, queryset: QuerySet) -> QuerySet:
    """Invitations to the user's municipalities (as their coordinator); administrators all."""
    reach = user_reach(user=user)
    if reach.admin:
        return queryset
    return queryset.filter(municipality__in=reach.coordinator_municipalities)


@rule("planning.answer_invitation")
def can_answer_invitation(user, invitation: PlanInvitation) -> bool:
    reach = user_reach(user=user)
    return reach.admin or invitation.municipality_id in reach.coordinator_municipalities


@rule("planning.withdraw_invitation")
def can_withdraw_invitation(user, invitation: PlanInvitation) -> bool:
    """Whoever may change the plan speaks for its parties."""
    return can_change_plan(user, invitation.plan)
