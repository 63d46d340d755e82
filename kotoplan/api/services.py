"""Writes of API tokens, and the record of writes sent with an Idempotency-Key.

Invariants:
- the secret is returned once, by `token_create`, and only its hash is stored;
- every token expires (at most `MAX_DAYS` after it was made); a revoked token stays listed with
  its revocation time, and never works again;
- users manage only their own tokens;
- an Idempotency-Key belongs to one user; while its write runs, the same key waits its turn
  (409); a finished write's answer is kept until the key expires, a refused one is forgotten.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from kotoplan.audit.services import acting_as
from kotoplan.core.permissions import require

from .models import ApiToken, IdempotentRequest
from .selectors import TOKEN_PREFIX, token_hash

MAX_DAYS = 365
# A write still "running" after this long was cut off (its process stopped): its key is free.
ABANDONED = timedelta(minutes=10)


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


# --- Idempotency-Key -----------------------------------------------------------------------------


def idempotency_reserve(*, user, key: str, fingerprint: str) -> tuple[IdempotentRequest, bool]:
    """The record of this user's key, and whether it was made now (the write may run). An
    expired record, or one of a write that never finished (its process stopped), is dropped
    first; a record made by another request at the same moment is
    returned as found."""
    now = timezone.now()
    expired = Q(expires_at__lte=now) | Q(status=0, created_at__lt=now - ABANDONED)
    IdempotentRequest.objects.filter(expired, user=user, key=key).delete()
    found = IdempotentRequest.objects.filter(user=user, key=key).first()
    if found is not None:
        return found, False
    hours = settings.KOTOPLAN_API_IDEMPOTENCY_HOURS
    try:
        with transaction.atomic():
            record = IdempotentRequest.objects.create(
                user=user,
                key=key,
                fingerprint=fingerprint,
                expires_at=now + timedelta(hours=hours),
            )
    except IntegrityError:
        return IdempotentRequest.objects.get(user=user, key=key), False
    return record, True


def idempotency_complete(*, record: IdempotentRequest, status: int, body, etag: str) -> None:
    IdempotentRequest.objects.filter(pk=record.pk).update(status=status, body=body, etag=etag[:100])


def idempotency_release(*, record: IdempotentRequest) -> None:
    """Forget a key whose write was refused or failed: the client may retry with it."""
    IdempotentRequest.objects.filter(pk=record.pk, status=0).delete()


def idempotency_purge(*, now=None) -> int:
    removed, _by_model = IdempotentRequest.objects.filter(
        expires_at__lte=now or timezone.now()
    ).delete()
    return removed
