"""Oversight's entries in the registries of kotoplan.core.panels: the oversight menu item and
the plan page's readiness and observations panels."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kotoplan.core.panels import register_menu_item, register_plan_panel
from kotoplan.core.permissions import can

from .dialogue.selectors import plan_dialogue_summary
from .readiness.selectors import (
    overrides_of,
    readiness_basis_note,
    readiness_of_plan,
    readiness_report,
)


def _dashboards_url(user) -> str | None:
    return reverse("oversight:dashboards") if can(user, "oversight.view_dashboards") else None


def readiness_panel(*, plan, user, request=None) -> dict:
    """The stored readiness result; links to fix what is missing for those who may edit."""
    stored = readiness_of_plan(plan=plan)
    return {
        "result": stored.result,
        "is_current": stored.is_current,
        "report": readiness_report(result=stored.result) if stored.result else None,
        "may_fix": can(user, "planning.change_plan", plan) and plan.is_editable,
        "overrides": overrides_of(plan=plan),
        "ruleset_note": readiness_basis_note(plan=plan),
    }


def observations_panel(*, plan, user, request=None) -> dict | None:
    """The open observations and the count of records, for those who may follow the dialogue."""
    if not can(user, "oversight.view_plan_observations", plan):
        return None
    return {"summary": plan_dialogue_summary(plan=plan, user=user)}


register_menu_item(key="oversight", order=20, label=_("Oversight"), url=_dashboards_url)
register_plan_panel(
    key="readiness", order=10, template="oversight/readiness/panel.html", context=readiness_panel
)
register_plan_panel(
    key="observations",
    order=20,
    template="oversight/dialogue/panel.html",
    context=observations_panel,
)
