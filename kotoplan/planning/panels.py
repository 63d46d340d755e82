"""Planning's entries in the registries of kotoplan.core.panels: "My work" and "Plans" in the
navigation, the home page's link to every plan; the slot of links beside "New plan" on the list of
plans; and the list of the plan page's own sections, from which its table of contents is made."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kotoplan.core.panels import HOME, register_menu_item, register_section, waiting_count

from .selectors import invitations_waiting_for, municipalities_for_new_plan, plans_for_user

# Other ways to start a plan (e.g. importing one), offered beside "New plan" to those who may
# create plans: higher apps register them with `register_link(NEW_PLAN_ACTIONS, ...)`, with
# `url(user=...)`, so planning names none of them.
NEW_PLAN_ACTIONS = "planning.new_plan_actions"
# Links beside each measure of the plan page (`url(measure=...)`), and buttons of the measure
# form that send what is being written elsewhere (`url(plan=...)`): registered by higher apps.
MEASURE_LINKS = "planning.measure_links"
MEASURE_FORM_ACTIONS = "planning.measure_form_actions"


@dataclass(frozen=True)
class PlanSection:
    """A section of the plan page's content: `key` is its element id (the table of contents
    links to it), `template` is included with the page's context."""

    key: str
    title: object  # a lazy translation
    template: str


# The plan page's content, in order, after the folded status panels other apps register. A new
# section is one entry here (and its template): the table of contents follows this list.
PLAN_SECTIONS = [
    PlanSection("themes-glance", _("Themes at a glance"), "planning/_themes_glance.html"),
    PlanSection("plan-basics", _("Basic information"), "planning/_plan_basics.html"),
    PlanSection("target-groups", _("Target groups"), "planning/_target_groups.html"),
    PlanSection("chapters", _("Chapters and priority areas"), "planning/_chapters.html"),
    PlanSection("timetable", _("Timetable and decision points"), "planning/_timetable.html"),
    PlanSection("decision-trail", _("Decision trail"), "planning/_decision_trail.html"),
    PlanSection("themes", _("Objectives, measures and indicators"), "planning/_objectives.html"),
]


def _home_url(user) -> str:
    return reverse("planning:home")


def _waiting(user) -> int:
    return waiting_count(HOME, user=user)


def _plans_url(user) -> str:
    return reverse("planning:plan_list")


def _all_plans_section(*, user, request=None) -> dict:
    """The way to every plan the user can see, and to a new plan for those who may start one."""
    return {
        "plan_count": plans_for_user(user=user).count(),
        "can_create": municipalities_for_new_plan(user=user).exists(),
    }


register_menu_item(key="home", order=5, label=_("My work"), url=_home_url, count=_waiting)
register_menu_item(key="plans", order=10, label=_("Plans"), url=_plans_url)
register_section(
    HOME,
    key="all_plans",
    order=90,
    template="planning/_home_plans.html",
    context=_all_plans_section,
)


def _invitations_section(*, user, request=None) -> dict | None:
    invitations = list(invitations_waiting_for(user=user)[:20])
    return {"invitations": invitations} if invitations else None


register_section(
    HOME,
    key="plan_invitations",
    order=5,
    template="planning/_home_invitations.html",
    context=_invitations_section,  # not counted in the navigation: no query on every page
)
