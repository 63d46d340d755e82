from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "kotoplan.participation"
    label = "participation"

    def ready(self) -> None:
        from . import audit, permissions  # noqa: F401  (registers rules and audited models)
