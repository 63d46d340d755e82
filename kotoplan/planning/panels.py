"""Planning's entries in the registries of kotoplan.core.panels: the "Plans" menu item."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kotoplan.core.panels import register_menu_item


def _plans_url(user) -> str:
    return reverse("planning:home")


register_menu_item(key="plans", order=10, label=_("Plans"), url=_plans_url)
