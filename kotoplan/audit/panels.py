"""Audit's entry in the menu: the trail of logins and access changes, for administrators."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kotoplan.core.panels import register_menu_item
from kotoplan.core.permissions import can


def _security_trail_url(user) -> str | None:
    return reverse("audit:security_trail") if can(user, "audit.view_security_trail") else None


register_menu_item(key="security_trail", order=86, label=_("Login audit"), url=_security_trail_url)
