"""Monitoring's entries in the registries of kotoplan.core.panels: the situation picture figures
and the monitoring panel on the plan page, and "my measures to update" in the navigation; and
the slot of the report's files."""

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from kotoplan.core.clock import today
from kotoplan.core.panels import HOME, register_menu_item, register_plan_panel, register_section
from kotoplan.core.permissions import can

from .rounds.selectors import (
    may_open_round,
    round_coverage,
    rounds_for_plan,
    user_has_progress_role,
)
from .rounds.selectors.work import measures_due, measures_due_count, open_rounds_run_by
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
    if latest is None:
        summary = gettext("No monitoring rounds yet.")
    else:
        summary = gettext("Latest round %(period)s (%(state)s), due %(due)s") % {
            "period": latest.period_label,
            "state": latest.get_state_display(),
            "due": formats.date_format(latest.due_date, "SHORT_DATE_FORMAT"),
        }
    return {
        "headline": summary,
        "latest": latest,
        "count": len(rounds),
        "coverage": round_coverage(monitoring_round=latest) if show_coverage else None,
        "may_open": may_open_round(user=user, plan=plan),
    }


def _figures_panel(*, plan, user, request=None) -> dict:
    figures = situation_figures_for_plan(plan=plan)
    if figures.is_empty:
        summary = gettext("No statistics imported yet")
    else:
        n = len(figures.rows)
        summary = ngettext(
            "%(n)s figure compared with the county and the whole country",
            "%(n)s figures compared with the county and the whole country",
            n,
        ) % {"n": n}
    return {
        "figures": figures,
        "may_choose": can(user, "monitoring.choose_situation_figures", plan),
        "headline": summary,
    }


def _home_section(*, user, request=None) -> dict | None:
    """A responsible party's measures due in the open rounds; a coordinator's open rounds with
    their deadlines."""
    due = measures_due(user=user)
    rounds = open_rounds_run_by(user=user)
    if not (due or rounds):
        return None
    return {
        "due": due,
        "rounds": rounds,
        "missing": sum(not d.reported for d in due),
        "today": today(),
    }


def _home_count(*, user) -> int:
    return measures_due_count(user=user)


register_section(
    HOME,
    key="monitoring",
    order=30,
    template="monitoring/_home.html",
    context=_home_section,
    count=_home_count,
)
register_menu_item(
    key="my_measures", order=30, label=_("My measures to update"), url=_my_measures_url
)
# Last of the panels, right above the plan's own content and its situation picture.
register_plan_panel(
    key="situation_figures",
    order=70,
    template="monitoring/_situation_figures.html",
    context=_figures_panel,
    title=_("Figures from statistics"),
)
register_plan_panel(
    key="monitoring",
    order=60,
    template="monitoring/_monitoring_panel.html",
    context=_rounds_panel,
    title=_("Monitoring"),
)
