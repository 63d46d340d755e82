"""The one permission engine. Apps register rules in their own permissions.py.

A rule answers "may this user do this action on this object"; a scope narrows a queryset to the
objects the user may act on. Anything without a registered rule is denied.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

Rule = Callable[[Any, Any], bool]
Scope = Callable[[Any, QuerySet], QuerySet]

_rules: dict[str, Rule] = {}
_scopes: dict[str, Scope] = {}


def rule(action: str) -> Callable[[Rule], Rule]:
    def register(fn: Rule) -> Rule:
        if action in _rules:
            raise RuntimeError(f"Permission rule {action!r} registered twice")
        _rules[action] = fn
        return fn

    return register


def scope_rule(action: str) -> Callable[[Scope], Scope]:
    def register(fn: Scope) -> Scope:
        if action in _scopes:
            raise RuntimeError(f"Scope {action!r} registered twice")
        _scopes[action] = fn
        return fn

    return register


def can(user: Any, action: str, obj: Any = None) -> bool:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    check = _rules.get(action)
    if check is None:
        return False
    return bool(check(user, obj))


def require(user: Any, action: str, obj: Any = None) -> None:
    if not can(user, action, obj):
        raise PermissionDenied(action)


def scope(user: Any, action: str, queryset: QuerySet) -> QuerySet:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return queryset.none()
    narrow = _scopes.get(action)
    if narrow is None:
        return queryset.none()
    return narrow(user, queryset)


def registered_actions() -> list[str]:
    return sorted(_rules)
