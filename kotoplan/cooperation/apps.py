from django.apps import AppConfig


class CooperationConfig(AppConfig):
    name = "kotoplan.cooperation"
    label = "cooperation"
