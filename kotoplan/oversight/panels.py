"""Oversight's entries in the registries of kotoplan.core.panels."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kotoplan.core.panels import register_menu_item
from kotoplan.core.permissions import can


def _dashboards_url(user) -> str | None:
    return reverse("oversight:dashboards") if can(user, "oversight.view_dashboards") else None


register_menu_item(key="oversight", order=20, label=_("Oversight"), url=_dashboards_url)
