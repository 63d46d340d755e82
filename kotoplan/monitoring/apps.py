from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "kotoplan.monitoring"
    label = "monitoring"

    def ready(self) -> None:
        # Registers permission rules, audit logging and the plan page panels.
        from . import panels  # noqa: F401
        from .rounds import audit as rounds_audit  # noqa: F401
        from .rounds import permissions as rounds_permissions  # noqa: F401
        from .statistics import audit as statistics_audit  # noqa: F401
        from .statistics import permissions as statistics_permissions  # noqa: F401
