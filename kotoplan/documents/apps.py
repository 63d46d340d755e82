from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "kotoplan.documents"
    label = "documents"

    def ready(self) -> None:
        from . import panels  # noqa: F401  (registers the export links of the plan page)
