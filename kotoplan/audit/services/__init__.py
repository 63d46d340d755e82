"""Every change is recorded by django-auditlog through model registration; services wrap their
writes in `acting_as(actor)` so the entry names the person even outside a web request. The
common writes come ready-made: `save_new` (insert), `save_changes` (update a locked row) and
`save_version` (the optimistic-locking update), each as the actor."""

import json
from collections.abc import Iterator
from contextlib import contextmanager

from auditlog.context import auditlog_value, set_actor
from django.db import models
from django.utils import timezone

from kotoplan.accounts.audit import SecurityEvent, record_security_event
from kotoplan.core.permissions import require
from kotoplan.core.services import versioned_update

from ..selectors import personal_data_of


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


def personal_data_export(*, actor, person) -> bytes:
    """A person's data as a JSON document (see `personal_data_of`); the export is recorded in
    the audit trail as an event of the person's account, naming the administrator who made it."""
    require(actor, "audit.export_personal_data", person)
    document = json.dumps(
        {"generated": timezone.now().isoformat(), **personal_data_of(person=person)},
        ensure_ascii=False,
        indent=2,
        default=str,
    )
    record_security_event(
        SecurityEvent.PERSONAL_DATA_EXPORTED,
        user=person,
        actor=None if actor.pk == person.pk else actor,
    )
    return document.encode("utf-8")
