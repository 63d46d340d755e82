"""Cooperation's entries in the registries of kotoplan.core.panels: the main navigation, and the
plan page's section on the groups that serve the plan, or why its municipalities need none."""

from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from kotoplan.core.panels import HOME, register_menu_item, register_plan_panel, register_section

from .selectors import initiatives_waiting_for, plan_cooperation_summary


def _groups_url(user) -> str:
    return reverse("cooperation:group_list")


def _plan_panel(*, plan, user, request=None) -> dict | None:
    summary = plan_cooperation_summary(plan=plan, user=user)
    if not (summary["groups"] or summary["reasons"]):
        return None
    if summary["groups"]:
        n = len(summary["groups"])
        headline = ngettext("%(n)s group serves the plan", "%(n)s groups serve the plan", n) % {
            "n": n
        }
    else:
        headline = gettext("No group of its own; the reason is recorded")
    return {**summary, "headline": headline}


register_menu_item(key="cooperation", order=40, label=_("Cooperation groups"), url=_groups_url)
register_plan_panel(
    key="cooperation",
    order=50,
    template="cooperation/_plan_panel.html",
    context=_plan_panel,
    title=_("Cooperation"),
)


def _home_section(*, user, request=None) -> dict | None:
    initiatives = list(initiatives_waiting_for(user=user)[:10])
    return {"initiatives": initiatives} if initiatives else None


def _home_count(*, user) -> int:
    return initiatives_waiting_for(user=user).count()  # no query for those who manage no group


register_section(
    HOME,
    key="initiatives",
    order=50,
    template="cooperation/_home.html",
    context=_home_section,
    count=_home_count,
)
