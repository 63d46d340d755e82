from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "kotoplan.accounts"
    label = "accounts"

    def ready(self) -> None:
        from . import audit, panels  # noqa: F401  (registers the menu entries and the audit)
        from .views import middleware  # noqa: F401  (stamps each session at login)
