from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "kotoplan.participation"
    label = "participation"

    def ready(self) -> None:
        from . import audit, panels, permissions  # noqa: F401  (registers rules, audit, panels)
