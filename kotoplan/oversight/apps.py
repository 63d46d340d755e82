from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "kotoplan.oversight"
    label = "oversight"
    verbose_name = "Oversight"

    def ready(self) -> None:
        from .readiness import evaluate  # noqa: F401  (registers the readiness rules)
