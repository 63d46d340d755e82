from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "kotoplan.accounts"
    label = "accounts"

    def ready(self) -> None:
        from . import panels  # noqa: F401  (registers the account part of the menu)
