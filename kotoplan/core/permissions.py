"""The one permission engine. Apps register rules in their own permissions.py.

A rule answers "may this user do this action on this object"; a scope narrows a queryset to the
objects the user may act on. Anything without a registered rule is denied. A grant lets a higher
app widen a lower app's scope without the lower app importing it (cooperation groups let their
members read the plans they prepare): the scope owner asks `granted(user, action)` and ORs the
answers in, so the rule, the scope and every page that uses them agree.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

Rule = Callable[[Any, Any], bool]
Scope = Callable[[Any, QuerySet], QuerySet]

Grant = Callable[[Any], QuerySet]

_rules: dict[str, Rule] = {}
_scopes: dict[str, Scope] = {}
_grants: dict[str, list[Grant]] = {}


def _registration(registry: dict[str, Any], what: str) -> Callable[[str], Callable]:
    """The decorator factory that files a function under an action in `registry`, once."""

    def for_action(action: str) -> Callable:
        def register(fn):
            if action in registry:
                raise RuntimeError(f"{what} {action!r} registered twice")
            registry[action] = fn
            return fn

        return register

    return for_action


rule: Callable[[str], Callable[[Rule], Rule]] = _registration(_rules, "Permission rule")
scope_rule: Callable[[str], Callable[[Scope], Scope]] = _registration(_scopes, "Scope")


def grant(action: str) -> Callable[[Grant], Grant]:
    """Register a function answering the pks (a values("pk") queryset) of further objects the
    user may act on for `action`; the action's scope includes them."""

    def register(fn: Grant) -> Grant:
        _grants.setdefault(action, []).append(fn)
        return fn

    return register


def granted(user: Any, action: str) -> list[QuerySet]:
    """The pk querysets every registered grant of `action` gives this user."""
    return [fn(user) for fn in _grants.get(action, ())]


def _active(user: Any) -> bool:
    return user is not None and getattr(user, "is_authenticated", False) and user.is_active


def related_ids(obj: Any, relation: str) -> set[int]:
    """The pks behind a many-to-many of `obj` (e.g. a plan's or a group's municipalities), read
    once per object: the rules of one request ask for them again and again."""
    cache = f"_{relation}_ids"
    ids = getattr(obj, cache, None)
    if ids is None:
        ids = {related.pk for related in getattr(obj, relation).all()}
        setattr(obj, cache, ids)
    return ids


def can(user: Any, action: str, obj: Any = None) -> bool:
    if not _active(user):
        return False
    check = _rules.get(action)
    if check is None:
        return False
    return bool(check(user, obj))


def require(user: Any, action: str, obj: Any = None) -> None:
    if not can(user, action, obj):
        raise PermissionDenied(action)


def scope(user: Any, action: str, queryset: QuerySet) -> QuerySet:
    if not _active(user):
        return queryset.none()
    narrow = _scopes.get(action)
    if narrow is None:
        return queryset.none()
    return narrow(user, queryset)


def registered_actions() -> list[str]:
    return sorted(_rules)
