from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "kotoplan.audit"
    label = "kotoplan_audit"

    def ready(self) -> None:
        from . import panels, permissions  # noqa: F401  (registers the rule and the menu entry)
