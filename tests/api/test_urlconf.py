"""Every view under /api/v1/ is guarded by the one permission engine: it declares an `Access`
whose actions the engine knows, and the engine's DRF permission class denies a view without
one. A new API view without a rule makes this fail."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from kotoplan.api.permissions import Access, EngineAccess
from kotoplan.core.permissions import registered_actions


def _api_views(patterns=None, prefix=""):
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _api_views(entry.url_patterns, route)
        elif isinstance(entry, URLPattern) and route.startswith("api/v1/"):
            yield route, getattr(entry.callback, "view_class", None)


VIEWS = sorted(_api_views(), key=lambda pair: pair[0])


def test_the_api_has_views():
    assert len(VIEWS) >= 20


@pytest.mark.parametrize(("route", "view"), VIEWS, ids=[route for route, _ in VIEWS])
def test_every_api_view_has_a_permission_rule(route, view):
    assert view is not None, f"{route} is not a class-based view"
    assert issubclass(view, APIView), f"{route} is not a DRF view"
    assert view.permission_classes == [EngineAccess], f"{route} bypasses the engine"
    access = getattr(view, "access", None)
    assert isinstance(access, Access), f"{route} declares no Access"
    actions = set(registered_actions())
    assert access.read in actions, f"{route}: no engine rule {access.read!r}"
    assert access.write is None or access.write in actions, f"{route}: no rule {access.write!r}"
    writes = {"put", "post", "patch", "delete"} & set(dir(view))
    assert bool(writes) == (access.write is not None), f"{route}: writes without a write rule"


class Unguarded(APIView):
    def get(self, request):  # pragma: no cover (never reached)
        raise AssertionError("an API view without a rule must not run")


@pytest.mark.django_db
def test_a_view_without_a_rule_is_refused__even_for_an_administrator(admin_user):
    request = APIRequestFactory().get("/api/v1/unguarded/")
    request.user = admin_user
    response = Unguarded.as_view()(request)
    assert response.status_code in (401, 403)
