from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "kotoplan.library"
    label = "library"

    def ready(self) -> None:
        from . import panels, permissions  # noqa: F401  (registers rules, links and panels)
