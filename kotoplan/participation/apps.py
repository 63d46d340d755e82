from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "kotoplan.participation"
    label = "participation"
