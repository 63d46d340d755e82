from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "kotoplan.accounts"
    label = "accounts"

    def ready(self) -> None:
        from . import audit, panels, permissions  # noqa: F401  (registers audit, menu, rules)
        from .views import middleware  # noqa: F401  (stamps each session at login)
