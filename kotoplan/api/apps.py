from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "kotoplan.api"
    label = "api"
    verbose_name = _("REST API")

    def ready(self) -> None:
        from . import audit, panels, permissions  # noqa: F401  (registrations)
