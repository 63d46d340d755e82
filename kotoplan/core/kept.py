"""Rendered fragments kept in the cache under a key made of what they are made of.

`kept_fragment(name, parts, render)` returns the fragment rendered by `render()` once per
`parts` (the states of the data the fragment shows), the reader's language and the release
(`release_key`), so a change to any of them gives a new key and nobody reads an outdated page.
Whoever calls it names every state the fragment depends on; a fragment that depends on who reads
it names the reader's rights among its parts.

Parts of a page that read across the whole service (the plan page's panels from every app, the
dashboards, the navigation's counts) cannot name every row they read. `kept_for_reader` keeps
them per reader under `service_state()`: the newest audit entry (every change to the service's
data is audited), the states derived data registers (`register_derived_state`: what background
work stores without an audit entry) and the date. Any change anywhere gives a new key; a change
no state names (an entry committed after a newer one, reference data loaded by a command) is
shown within `SERVICE_KEPT_SECONDS`, the longest such a part is kept."""

import hashlib
from collections.abc import Callable, Iterable
from typing import Any

from auditlog.models import LogEntry
from django.conf import settings
from django.core.cache import cache
from django.db.models import Max, Subquery
from django.middleware.csrf import get_token
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from .clock import today
from .release import release_key

KEPT_SECONDS = 24 * 3600
SERVICE_KEPT_SECONDS = 120
_REQUEST_MEMO = "_kotoplan_service_state"

_derived_states: dict[str, tuple[Any, str]] = {}


def kept_key(name: str, parts: Iterable) -> str:
    text = "|".join(str(part) for part in (*parts, translation.get_language(), release_key()))
    return f"{name}:" + hashlib.sha256(text.encode()).hexdigest()


def kept_value(name: str, parts: Iterable, make: Callable[[], Any], *, seconds: int) -> Any:
    """The value `make()` gave for these parts (anything the cache can store), made anew when
    not kept."""
    key = kept_key(name, parts)
    value = cache.get(key)
    if value is None:
        value = make()
        cache.set(key, value, seconds)
    return value


def kept_fragment(
    name: str, parts: Iterable, render: Callable[[], str], *, seconds: int = KEPT_SECONDS
) -> SafeString:
    """The fragment of these parts, rendered (and escaped) by `render` when not kept; kept at
    most `seconds` (for a fragment that also shows something its parts do not name)."""
    fragment = kept_value(name, parts, lambda: str(render()), seconds=seconds)
    return mark_safe(fragment)  # rendered by a template, which escaped it


def csrf_slot() -> str:
    """Stands for the reader's CSRF token in a kept fragment (render it with
    `csrf_token=csrf_slot()`); derived from the secret key, so no text a user writes can carry
    it."""
    return hashlib.sha256(f"kept-csrf|{settings.SECRET_KEY}".encode()).hexdigest()


def with_csrf(fragment: str, request) -> SafeString:
    """A kept fragment with the reader's own CSRF token in its forms."""
    return mark_safe(fragment.replace(csrf_slot(), get_token(request)))  # rendered, escaped


def register_derived_state(key: str, model, field: str) -> None:
    """Data background work stores without an audit entry (e.g. the stored readiness results):
    the newest `field` of `model` is part of `service_state()`."""
    _derived_states[key] = (model, field)


def service_state(memo=None) -> str:
    """The state of all the service's data as one text (one small query), read once per request
    when `memo` (the request, or its user) is given."""
    known = getattr(memo, _REQUEST_MEMO, None)
    if known is not None:
        return known
    derived = {  # the newest of each, as a subquery the database reads once
        key: Max(Subquery(model.objects.order_by(f"-{field}").values(field)[:1]))
        for key, (model, field) in _derived_states.items()
    }
    found = LogEntry.objects.order_by().aggregate(last=Max("pk"), **derived)
    parts = [found["last"] or 0, *(f"{key}={found[key]}" for key in sorted(derived))]
    state = "|".join(str(part) for part in (*parts, today().isoformat()))
    if memo is not None:
        setattr(memo, _REQUEST_MEMO, state)
    return state


def kept_for_reader(
    name: str, parts: Iterable, make: Callable[[], Any], *, user, request=None
) -> Any:
    """`make()` kept for this reader (their rights are theirs alone) while the service's data
    stays as it was (`service_state`), at most SERVICE_KEPT_SECONDS. The state is read once per
    request: on the request, or on the request's user (which lives as long as the request)."""
    reader = user.pk if user is not None and user.is_authenticated else "anonymous"
    return kept_value(
        name,
        (*parts, "reader", reader, service_state(user if user is not None else request)),
        make,
        seconds=SERVICE_KEPT_SECONDS,
    )
