from django.apps import AppConfig


class CooperationConfig(AppConfig):
    name = "kotoplan.cooperation"
    label = "cooperation"

    def ready(self) -> None:
        from . import audit, panels, permissions  # noqa: F401  (registers rules, audit, panels)
