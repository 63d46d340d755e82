"""Shared write helpers: the optimistic-locking update used by every edit form, and the checks
services repeat: required texts (`required_texts`) and links to the right parent (`belonging`)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from .errors import DomainError, EditConflict


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


def required_texts(**texts: tuple[str | None, str]) -> dict[str, str]:
    """The texts without surrounding white space. `texts` maps a field name to (value, message
    when empty); one ValidationError names every empty field with its message."""
    stripped = {name: (value or "").strip() for name, (value, _message) in texts.items()}
    empty = {name: texts[name][1] for name, value in stripped.items() if not value}
    if empty:
        raise ValidationError(empty)
    return stripped


def belonging(items, *, to: models.Model, by: str, message: str) -> list:
    """The items as a list, each one pointing to `to` by its field `by` (e.g. objectives by
    "plan_id" to their plan); a DomainError with `message` when one points elsewhere."""
    items = list(items or [])
    if any(getattr(item, by) != to.pk for item in items):
        raise DomainError(message)
    return items
