"""Audit's entry in the menu (the trail of logins and access changes, for administrators) and
on the account page (a copy of one's own data)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kotoplan.core.panels import PROFILE, register_link, register_menu_item
from kotoplan.core.permissions import can


def _security_trail_url(user) -> str | None:
    return reverse("audit:security_trail") if can(user, "audit.view_security_trail") else None


register_menu_item(key="security_trail", order=86, label=_("Login audit"), url=_security_trail_url)


def _my_data_url(user) -> str | None:
    return reverse("audit:my_data")


register_link(PROFILE, key="my_data", order=90, label=_("Your personal data"), url=_my_data_url)
