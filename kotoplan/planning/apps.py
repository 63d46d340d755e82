from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "kotoplan.planning"
    label = "planning"

    def ready(self) -> None:
        from . import audit, panels, permissions  # noqa: F401  (registers rules, audit, panels)
