"""Organisations added and edited in Kotoplan are recorded by django-auditlog."""

from auditlog.registry import auditlog

from .models import Organisation

auditlog.register(Organisation, exclude_fields=["version", "updated_at", "created_at"])
