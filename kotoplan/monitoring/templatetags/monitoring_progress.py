"""`{% monitoring_panel plan %}` on the plan page and `{% my_measures_nav_item %}` in the menu."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from kotoplan.core.permissions import can

from ..progress_selectors import round_coverage, rounds_for_plan, user_has_progress_role

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


@register.simple_tag(takes_context=True)
def my_measures_nav_item(context) -> str:
    """The menu link, only for users with a contributor or coordinator role today."""
    user = context["request"].user
    if not user.is_authenticated or not user_has_progress_role(user=user):
        return ""
    from django.urls import reverse

    return format_html(
        '<li><a href="{}">{}</a></li>',
        reverse("monitoring:my_measures"),
        _("My measures to update"),
    )
