"""Who may reuse a good practice: a coordinator copies a measure into an objective of a draft
plan of their own municipality. Reading the library needs no rule of its own: what is found is
what `selectors.searchable_plans` lets the person see (adopted plans for everyone, other plans
through `planning.view_plan`)."""

from django.db.models import QuerySet

from kotoplan.core.permissions import can, rule, scope, scope_rule
from kotoplan.planning.models import Objective, Plan


@rule("library.reuse_into")
def can_reuse_into(user, objective: Objective) -> bool:
    plan = objective.plan
    return plan.state == Plan.State.DRAFT and can(user, "planning.change_plan", plan)


@scope_rule("library.reuse_into")
def scope_reuse_targets(user, queryset: QuerySet) -> QuerySet:
    drafts = scope(user, "planning.change_plan", Plan.objects.filter(state=Plan.State.DRAFT))
    return queryset.filter(plan__in=drafts.values("pk"))
