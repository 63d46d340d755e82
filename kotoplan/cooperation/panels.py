"""Cooperation's entries in the registries of kotoplan.core.panels: the main navigation, and the
plan page's section on the groups that serve the plan, or why its municipalities need none."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kotoplan.core.panels import register_menu_item, register_plan_panel

from .selectors import plan_cooperation_summary


def _groups_url(user) -> str:
    return reverse("cooperation:group_list")


def _plan_panel(*, plan, user, request=None) -> dict | None:
    summary = plan_cooperation_summary(plan=plan, user=user)
    return summary if summary["groups"] or summary["reasons"] else None


register_menu_item(key="cooperation", order=40, label=_("Cooperation groups"), url=_groups_url)
register_plan_panel(
    key="cooperation", order=50, template="cooperation/_plan_panel.html", context=_plan_panel
)
