"""`{% load observations %}{% observations_panel plan %}`: the plan page's section on the
regional authority's observations and the monitoring and cooperation discussions."""

from django import template

from ..observation_selectors import is_overdue, plan_dialogue_summary

register = template.Library()


@register.inclusion_tag("oversight/observation_panel.html", takes_context=True)
def observations_panel(context, plan):
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    summary = plan_dialogue_summary(plan=plan, user=user)
    return {
        "plan": plan,
        "summary": summary,
        "overdue": {o.pk for o in summary.open_observations if is_overdue(o)},
    }
