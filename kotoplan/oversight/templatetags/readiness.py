"""`{% load readiness %}{% readiness_panel plan %}`: the readiness panel of the plan page."""

from django import template

from ..selectors import readiness_for_plan, readiness_report

register = template.Library()


@register.inclusion_tag("oversight/_readiness.html", takes_context=True)
def readiness_panel(context, plan):
    report = readiness_report(result=readiness_for_plan(plan=plan))
    return {"plan": plan, "report": report, "can_edit": context.get("can_edit", False)}
