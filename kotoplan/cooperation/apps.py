from django.apps import AppConfig


class CooperationConfig(AppConfig):
    name = "kotoplan.cooperation"
    label = "cooperation"

    def ready(self) -> None:
        from . import audit, permissions  # noqa: F401  (registers rules and audited models)
