from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "kotoplan.oversight"
    label = "oversight"
    verbose_name = "Oversight"

    def ready(self) -> None:
        # Register permission rules, audited models and the readiness refresh on audit entries.
        from . import (  # noqa: F401
            observation_permissions,
            observations_audit,
            panels,
            permissions,
            signals,
        )
        from .readiness import evaluate  # noqa: F401  (registers the readiness rules)
