from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "kotoplan.monitoring"
    label = "monitoring"
