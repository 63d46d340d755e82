"""Every change is recorded by django-auditlog through model registration; services wrap their
writes in `acting_as(actor)` so the entry names the person even outside a web request."""

from collections.abc import Iterator
from contextlib import contextmanager

from auditlog.context import auditlog_value, set_actor


@contextmanager
def acting_as(actor) -> Iterator[None]:
    try:
        current = auditlog_value.get()
    except LookupError:
        current = None
    if current is not None and current.get("actor") == actor:
        yield
        return
    try:
        with set_actor(actor):
            yield
    finally:
        if current is not None:
            auditlog_value.set(current)
