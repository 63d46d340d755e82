"""Participation's entry in the plan page's panels (kotoplan.core.panels): the consultations and
participation events of the plan."""

from kotoplan.core.panels import register_plan_panel
from kotoplan.core.permissions import can

from .selectors import participation_evidence_for_plan


def _plan_panel(*, plan, user, request=None) -> dict | None:
    evidence = participation_evidence_for_plan(plan=plan)
    can_manage = can(user, "participation.manage", plan)
    if not (evidence.exists or can_manage):
        return None
    return {"evidence": evidence, "can_manage": can_manage}


register_plan_panel(
    key="participation",
    order=40,
    template="participation/_plan_panel.html",
    context=_plan_panel,
)
