from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "kotoplan.audit"
    label = "kotoplan_audit"
