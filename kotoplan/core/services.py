"""Shared write helpers: the optimistic-locking update used by every edit form."""

from django.db import models
from django.utils.translation import gettext as _

from .errors import EditConflict


def versioned_update(
    *, obj: models.Model, expected_version: int, changes: dict, m2m: dict | None = None
) -> models.Model:
    """Apply changes only if nobody saved the row since `expected_version` was read.

    Must run inside a transaction. Raises EditConflict carrying the current row otherwise.
    """
    locked = type(obj).objects.select_for_update().get(pk=obj.pk)
    if locked.version != expected_version:
        raise EditConflict(
            _(
                "Someone else saved this while you were editing. Their version is shown below; "
                "review it and save again."
            ),
            current=locked,
        )
    for name, value in changes.items():
        setattr(locked, name, value)
    locked.version += 1
    locked.full_clean()
    locked.save()
    for name, values in (m2m or {}).items():
        getattr(locked, name).set(values)
    return locked
