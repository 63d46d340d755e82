"""Accounts' entries in the registries of kotoplan.core.panels: the account part of the menu."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kotoplan.core.panels import register_menu_item

from .selectors import user_reach


def _profile_url(user) -> str:
    return reverse("accounts:profile")


def _administration_url(user) -> str | None:
    return reverse("admin:index") if user.is_staff else None


def _organisations_url(user) -> str | None:
    if not user.is_authenticated:
        return None
    reach = user_reach(user=user)
    if reach.admin or reach.coordinator_municipalities:
        return reverse("accounts:organisation_list")
    return None


def _logout_url(user) -> str:
    return reverse("accounts:logout")


register_menu_item(key="organisations", order=75, label=_("Organisations"), url=_organisations_url)
register_menu_item(key="account", order=80, label=_("Your account"), url=_profile_url)
register_menu_item(
    key="administration", order=85, label=_("Administration"), url=_administration_url
)
register_menu_item(key="logout", order=90, label=_("Log out"), url=_logout_url)
