from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "kotoplan.monitoring"
    label = "monitoring"

    def ready(self) -> None:
        from . import audit, panels, permissions  # noqa: F401  (registers rules, audit, panels)
