"""`{% monitoring_panel plan %}` on the plan page ."""

from django import template

from kotoplan.core.permissions import can

from ..progress_selectors import round_coverage, rounds_for_plan

register = template.Library()


@register.inclusion_tag("monitoring/_monitoring_panel.html", takes_context=True)
def monitoring_panel(context, plan):
    user = context["request"].user
    rounds = list(rounds_for_plan(plan=plan))
    latest = rounds[-1] if rounds else None
    may_manage = can(user, "monitoring.manage_rounds", plan)
    return {
        "plan": plan,
        "latest": latest,
        "count": len(rounds),
        "may_manage": may_manage,
        "show_coverage": may_manage,
        "coverage": round_coverage(monitoring_round=latest) if latest else None,
    }
