from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "kotoplan.demo"
    label = "demo"
