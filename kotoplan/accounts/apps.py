from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "kotoplan.accounts"
    label = "accounts"

    def ready(self) -> None:
        from django.core import checks

        from . import audit, panels, permissions  # noqa: F401  (registers audit, menu, rules)
        from .integrations.oidc.providers import check_providers
        from .views import middleware  # noqa: F401  (stamps each session at login)

        checks.register(check_providers)
