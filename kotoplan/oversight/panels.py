"""Oversight's entries in the registries of kotoplan.core.panels: the oversight menu item and
the plan page's readiness and observations panels."""

from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from kotoplan.core.kept import register_derived_state
from kotoplan.core.panels import register_menu_item, register_plan_panel
from kotoplan.core.permissions import can

from .dialogue.selectors import plan_dialogue_summary
from .readiness.models import ReadinessResult
from .readiness.selectors import (
    overrides_of,
    readiness_basis_note,
    readiness_of_plan,
    readiness_report,
)

# The background check stores readiness results without an audit entry.
register_derived_state("readiness", ReadinessResult, "computed_at")


def _dashboards_url(user) -> str | None:
    return reverse("oversight:dashboards") if can(user, "oversight.view_dashboards") else None


def readiness_panel(*, plan, user, request=None) -> dict:
    """The stored readiness result; links to fix what is missing for those who may edit."""
    stored = readiness_of_plan(plan=plan)
    if stored.result is None:
        summary = gettext("Not checked yet")
    else:
        summary = gettext("%(met)s of %(total)s statutory requirements met") % {
            "met": stored.result.statutory_passed,
            "total": stored.result.statutory_total,
        }
        if not stored.is_current:
            summary += " " + gettext("(out of date, an update is on its way)")
    return {
        "headline": summary,
        "result": stored.result,
        "is_current": stored.is_current,
        "report": readiness_report(result=stored.result) if stored.result else None,
        "may_fix": can(user, "planning.change_plan", plan) and plan.is_editable,
        # Rule ids are for the authority, who cites them; others read the plain titles.
        "show_ids": can(user, "oversight.view_dashboards"),
        "overrides": overrides_of(plan=plan),
        "ruleset_note": readiness_basis_note(plan=plan),
    }


def observations_panel(*, plan, user, request=None) -> dict | None:
    """The open observations and the count of records, for those who may follow the dialogue."""
    if not can(user, "oversight.view_plan_observations", plan):
        return None
    dialogue = plan_dialogue_summary(plan=plan, user=user)
    opened = len(dialogue.open_observations)
    if not opened:
        line = gettext("No open observations")
    else:
        line = ngettext("%(n)s open observation", "%(n)s open observations", opened) % {"n": opened}
        if dialogue.overdue:
            line += ", " + ngettext(
                "%(n)s reply overdue", "%(n)s replies overdue", len(dialogue.overdue)
            ) % {"n": len(dialogue.overdue)}
    return {"summary": dialogue, "headline": line}


register_menu_item(key="oversight", order=20, label=_("Oversight"), url=_dashboards_url)
register_plan_panel(
    key="readiness",
    order=10,
    template="oversight/readiness/panel.html",
    context=readiness_panel,
    title=_("Readiness"),
)
register_plan_panel(
    key="observations",
    order=20,
    template="oversight/dialogue/panel.html",
    context=observations_panel,
    title=_("Observations"),
)
