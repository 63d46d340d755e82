from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "kotoplan.accounts"
    label = "accounts"

    def ready(self) -> None:
        from . import audit, panels, permissions  # noqa: F401  (registers audit, menu, rules)
