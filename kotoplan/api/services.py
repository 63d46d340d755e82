"""Writes of API tokens.

Invariants:
- the secret is returned once, by `token_create`, and only its hash is stored;
- every token expires (at most `MAX_DAYS` after it was made); a revoked token stays listed with
  its revocation time, and never works again;
- users manage only their own tokens.
"""

import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from kotoplan.audit.services import acting_as
from kotoplan.core.permissions import require

from .models import ApiToken
from .selectors import TOKEN_PREFIX, token_hash

MAX_DAYS = 365


@transaction.atomic
def token_create(*, actor, name: str, days: int) -> tuple[ApiToken, str]:
    """A new token for `actor`; returns it with its secret (shown to the user once)."""
    require(actor, "api.manage_token", None)
    days = max(1, min(int(days), MAX_DAYS))
    prefix = secrets.token_hex(4)
    while ApiToken.objects.filter(prefix=prefix).exists():  # pragma: no cover (2^32 prefixes)
        prefix = secrets.token_hex(4)
    secret = f"{TOKEN_PREFIX}{prefix}{secrets.token_urlsafe(32)}"
    with acting_as(actor):
        token = ApiToken.objects.create(
            user=actor,
            name=name.strip(),
            prefix=prefix,
            key_hash=token_hash(secret),
            expires_at=timezone.now() + timedelta(days=days),
        )
    return token, secret


@transaction.atomic
def token_revoke(*, actor, token: ApiToken) -> ApiToken:
    require(actor, "api.manage_token", token)
    if token.revoked_at is None:
        with acting_as(actor):
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
    return token
