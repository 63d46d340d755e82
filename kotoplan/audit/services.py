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
    # Always connect a fresh receiver: auditlog leaves the context value behind after a block
    # ends (with its receiver disconnected), so an "already acting as this user" shortcut would
    # silently drop the actor from every later entry written outside a request.
    try:
        with set_actor(actor):
            yield
    finally:
        if current is not None:
            auditlog_value.set(current)
