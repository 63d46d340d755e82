from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kotoplan.core"
    label = "core"
