"""Planning's entries in the registries of kotoplan.core.panels: the "Plans" menu item; and the
slot of links beside "New plan" on the list of plans."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kotoplan.core.panels import register_menu_item

# Other ways to start a plan (e.g. importing one), offered beside "New plan" to those who may
# create plans: higher apps register them with `register_link(NEW_PLAN_ACTIONS, ...)`, with
# `url(user=...)`, so planning names none of them.
NEW_PLAN_ACTIONS = "planning.new_plan_actions"


def _plans_url(user) -> str:
    return reverse("planning:home")


register_menu_item(key="plans", order=10, label=_("Plans"), url=_plans_url)
