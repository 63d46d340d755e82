"""Who finds what in the library: every page of kotoplan/library/urls.py × every role. B's
draft shows (in the search, its counts, the measure page and the similar measures) exactly to
those the permission engine lets read it; a GET never writes (but to the search index, which
is derived data)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kotoplan.core.permissions import can
from kotoplan.library.urls import urlpatterns
from kotoplan.planning.models import Measure
from tests.authz.matrix import product_writes
from tests.conftest import ROLE_FIXTURES

pytestmark = pytest.mark.django_db

SECRET = "Salainen kielikoulutus luonnoksessa"


def _pages(library) -> dict[str, tuple[str, str, dict]]:
    """name → (method, url, data) of every library page, asked about B's draft measure."""
    secret = library["secret"]
    return {
        "search": ("GET", "/library/", {"q": "salainen"}),
        "measure_detail": ("GET", f"/library/measures/{secret.pk}/", {}),
        "similar": ("GET", "/library/similar/", {"title_fi": SECRET}),
        "measure_reuse": (
            "POST",
            f"/library/measures/{secret.pk}/reuse/",
            {"objective": library["target"].pk},
        ),
    }


def test_every_library_url_is_in_the_matrix(library):
    assert {pattern.name for pattern in urlpatterns} == set(_pages(library))


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_hidden_draft_shows_only_to_its_readers__every_page_every_role(
    request, client, library, role
):
    user = request.getfixturevalue(role)
    if user is not None:
        client.force_login(user)
    may_read = can(user, "planning.view_plan", library["draft_b"])
    for name, (method, url, data) in _pages(library).items():
        if method == "POST":
            client.post(url, data)
            continue
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, data)
        assert product_writes(queries.captured_queries) == []
        page = response.content.decode()
        if name == "measure_detail":
            assert response.status_code == (200 if may_read else 404), role
        else:
            assert (SECRET in page or "<mark>Salainen</mark>" in page) is may_read, (role, name)
    # Only who may change A's draft copies into it, and only what they may read (B's
    # coordinators may read the draft but not change A's; the administrator may both).
    copied = Measure.objects.filter(reused_from=library["secret"]).exists()
    assert copied is (may_read and can(user, "library.reuse_into", library["target"]))


def test_search_counts_in_the_tabs_leave_the_draft_out(library, client):
    page = client.get("/library/", {"q": "luonnoksessa"}).content.decode()
    assert "Measures (0)" in page
