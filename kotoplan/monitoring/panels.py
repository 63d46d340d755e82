"""Monitoring's entries in the registries of kotoplan.core.panels: the situation picture figures
and the monitoring panel on the plan page, and "my measures to update" in the navigation; and
the slot of the report's files."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kotoplan.core.panels import register_menu_item, register_plan_panel
from kotoplan.core.permissions import can

from .rounds.selectors import (
    may_open_round,
    round_coverage,
    rounds_for_plan,
    user_has_progress_role,
)
from .statistics.selectors import situation_figures_for_plan

# The files of a monitoring report offered on its page: apps that write them register links
# with `register_link(REPORT_FILES, ...)`, with `url(monitoring_round=...)`.
REPORT_FILES = "monitoring.report_files"


def _my_measures_url(user) -> str | None:
    return reverse("monitoring:my_measures") if user_has_progress_role(user=user) else None


def _rounds_panel(*, plan, user, request=None) -> dict:
    """The latest round with its report; its update coverage for those who manage the rounds."""
    rounds = list(rounds_for_plan(plan=plan))
    latest = rounds[-1] if rounds else None
    show_coverage = latest is not None and can(user, "monitoring.manage_rounds", plan)
    return {
        "latest": latest,
        "count": len(rounds),
        "coverage": round_coverage(monitoring_round=latest) if show_coverage else None,
        "may_open": may_open_round(user=user, plan=plan),
    }


def _figures_panel(*, plan, user, request=None) -> dict:
    return {
        "figures": situation_figures_for_plan(plan=plan),
        "may_choose": can(user, "monitoring.choose_situation_figures", plan),
    }


register_menu_item(
    key="my_measures", order=30, label=_("My measures to update"), url=_my_measures_url
)
# Last of the panels, right above the plan's own content and its situation picture.
register_plan_panel(
    key="situation_figures",
    order=70,
    template="monitoring/_situation_figures.html",
    context=_figures_panel,
)
register_plan_panel(
    key="monitoring",
    order=60,
    template="monitoring/_monitoring_panel.html",
    context=_rounds_panel,
)
