from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "kotoplan.documents"
    label = "documents"
