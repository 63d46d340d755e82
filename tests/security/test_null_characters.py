"""A null character (%00) in an address or a form gives a message saying so, never a server
error: PostgreSQL refuses NUL in text, so it must not reach a query."""

import pytest
from django.urls import reverse

from kotoplan.planning.models import Plan
from tests.cooperation.conftest import group_a  # noqa: F401

pytestmark = pytest.mark.django_db

REFUSAL = "The address contains a null character (%00)"


@pytest.mark.parametrize(
    "address",
    [
        "/?municipality=Esp%00oo",  # the front door's search by municipality
        "/?%00=1",
        "/documents/public/0%0049/2026-2029/",  # a municipality code in the path
    ],
)
def test_null_in_a_public_address__refused_with_a_message(client, municipality_a, address):
    response = client.get(address)
    assert response.status_code == 400
    assert REFUSAL in response.content.decode()


def test_null_in_a_query_of_a_form_page__refused_with_a_message(
    client, coordinator_a, full_draft_plan, themes
):
    client.force_login(coordinator_a)
    url = reverse("planning:objective_new", args=[full_draft_plan.pk])
    response = client.get(f"{url}?theme=work%00")
    assert response.status_code == 400
    assert REFUSAL in response.content.decode()
    assert client.get(f"{url}?theme=employment_education").status_code == 200


def test_null_in_a_text_field__named_by_the_field_and_nothing_saved(
    client, coordinator_a, full_draft_plan
):
    client.force_login(coordinator_a)
    url = reverse("planning:plan_edit", args=[full_draft_plan.pk])
    page = client.get(url).content.decode()
    assert "title_fi" in page
    response = client.post(url, {"title_fi": "Espoo\x00", "version": full_draft_plan.version})
    assert response.status_code == 200
    assert 'id="id_title_fi_error"' in response.content.decode()
    assert "Null characters are not allowed." in response.content.decode()
    assert Plan.objects.get(pk=full_draft_plan.pk).title_fi == full_draft_plan.title_fi


def test_a_malformed_id_in_the_address__not_found_not_a_server_error(
    client,
    group_a,  # noqa: F811
    coordinator_a,
):
    client.force_login(coordinator_a)
    url = reverse("cooperation:meeting_new", args=[group_a.pk])
    for bad in ("abc", "1%00", "1.5", "99999999999999999999"):
        assert client.get(f"{url}?initiative={bad}").status_code in (400, 404), bad
    assert client.post(url, {"initiative": "abc", "title": ""}).status_code == 404
