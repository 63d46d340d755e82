from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "kotoplan.oversight"
    label = "oversight"
    verbose_name = "Oversight"

    def ready(self) -> None:
        # Permission rules, audited models, plan panels and menu item, and the readiness
        # refresh queued by every audit entry of a plan.
        from . import panels  # noqa: F401
        from .dashboards import panels as dashboard_panels  # noqa: F401
        from .dashboards import permissions as dashboard_permissions  # noqa: F401
        from .dialogue import audit, permissions  # noqa: F401
        from .dialogue import panels as dialogue_panels  # noqa: F401
        from .peers import panels as peer_panels  # noqa: F401
        from .peers import permissions as peer_permissions  # noqa: F401
        from .readiness import audit as readiness_audit  # noqa: F401
        from .readiness import panels as readiness_panels  # noqa: F401
        from .readiness import tasks  # noqa: F401
