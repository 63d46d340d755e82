"""Every change is recorded by django-auditlog through model registration; services wrap their
writes in `acting_as(actor)` so the entry names the person even outside a web request. The
common writes come ready-made: `save_new` (insert), `save_changes` (update a locked row) and
`save_version` (the optimistic-locking update), each as the actor."""

from collections.abc import Iterator
from contextlib import contextmanager

from auditlog.context import auditlog_value, set_actor
from django.db import models

from kotoplan.core.services import versioned_update


@contextmanager
def acting_as(actor) -> Iterator[None]:
    try:
        current = auditlog_value.get()
    except LookupError:
        current = None
    # Always connect a fresh receiver: auditlog leaves the context value behind after a block
    # ends (with its receiver disconnected), so an "already acting as this user" shortcut would
    # silently drop the actor from every later entry written outside a request.
    try:
        with set_actor(actor):
            yield
    finally:
        if current is not None:
            auditlog_value.set(current)


def save_new(*, actor, obj: models.Model, **m2m) -> models.Model:
    """Validate and insert a row as the actor, then set its many-to-many links (lists of
    objects by field name)."""
    with acting_as(actor):
        obj.full_clean()
        obj.save()
        for name, values in m2m.items():
            getattr(obj, name).set(values)
    return obj


def save_changes(*, actor, obj: models.Model, **changes) -> models.Model:
    """Set `changes` on a row (locked by the caller), validate and save it as the actor."""
    for name, value in changes.items():
        setattr(obj, name, value)
    with acting_as(actor):
        obj.full_clean()
        obj.save()
    return obj


def save_version(
    *, actor, obj: models.Model, expected_version: int, changes: dict, m2m: dict | None = None
) -> models.Model:
    """`versioned_update` as the actor: the change is refused with an EditConflict when someone
    saved the row after `expected_version` was read. Must run inside a transaction."""
    with acting_as(actor):
        return versioned_update(
            obj=obj, expected_version=expected_version, changes=changes, m2m=m2m
        )
