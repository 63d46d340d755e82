"""Cooperation's entries in the registries of kotoplan.core.panels."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kotoplan.core.panels import register_menu_item


def _groups_url(user) -> str:
    return reverse("cooperation:group_list")


register_menu_item(key="cooperation", order=40, label=_("Cooperation groups"), url=_groups_url)
