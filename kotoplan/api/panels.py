"""The api app's entry in the registries of kotoplan.core.panels: the API tokens section of the
account page (which links on to the API documentation)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kotoplan.core.panels import PROFILE, register_link


def _tokens_url(user=None, **context) -> str | None:
    return reverse("api:tokens") if user is not None and user.is_authenticated else None


register_link(PROFILE, key="api_tokens", order=10, label=_("API tokens"), url=_tokens_url)
