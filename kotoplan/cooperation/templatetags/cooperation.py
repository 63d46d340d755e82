"""`{% load cooperation %}{% cooperation_panel plan %}`: the plan page's section on the
cooperation groups that serve the plan, or why its municipalities need none."""

from django import template

from ..selectors import plan_cooperation_summary

register = template.Library()


@register.inclusion_tag("cooperation/_plan_panel.html", takes_context=True)
def cooperation_panel(context, plan):
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return {"plan": plan, **plan_cooperation_summary(plan=plan, user=user)}
