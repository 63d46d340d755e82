from django.apps import AppConfig


class GeographyConfig(AppConfig):
    name = "kotoplan.geography"
    label = "geography"
