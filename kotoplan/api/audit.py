"""Creating and revoking API tokens is recorded by django-auditlog (never the hash)."""

from auditlog.registry import auditlog

from .models import ApiToken

auditlog.register(ApiToken, exclude_fields=["key_hash"])
