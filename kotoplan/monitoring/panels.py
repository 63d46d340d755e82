"""Monitoring's entries in the registries of kotoplan.core.panels."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kotoplan.core.panels import register_menu_item

from .progress_selectors import user_has_progress_role


def _my_measures_url(user) -> str | None:
    return reverse("monitoring:my_measures") if user_has_progress_role(user=user) else None


register_menu_item(
    key="my_measures", order=30, label=_("My measures to update"), url=_my_measures_url
)
