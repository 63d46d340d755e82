"""The decision steps the cooperation services share: an initiative, a proposal or a meeting's
minutes is decided once, stamped with who decided and when."""

from django.db import models
from django.utils import timezone

from kotoplan.audit.services import save_changes
from kotoplan.core.errors import DomainError


def lock_pending(obj: models.Model, already_decided) -> models.Model:
    """The row locked for its one decision; refused once it has been decided."""
    locked = type(obj).objects.select_for_update().get(pk=obj.pk)
    if locked.status != type(obj).Status.PENDING:
        raise DomainError(already_decided)
    return locked


def save_decision(actor, locked: models.Model, stamp: str, **changes) -> models.Model:
    """Save a decision on a locked row, stamped with who took it and when: the fields
    `<stamp>_by` and `<stamp>_at` (answered, decided, minutes_approved)."""
    stamps = {f"{stamp}_by": actor, f"{stamp}_at": timezone.now()}
    return save_changes(actor=actor, obj=locked, **changes, **stamps)
