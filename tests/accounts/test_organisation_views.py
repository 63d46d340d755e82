"""The pages where coordinators add and edit units and local organisations: who may open them,
what a save does, and the way back to the measure form."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from kotoplan.accounts.models import Organisation
from tests.conftest import ROLE_FIXTURES
from tests.factories.accounts import OrganisationFactory
from tests.helpers import page_text

LIST = reverse("accounts:organisation_list")
NEW_LOCAL = reverse("accounts:organisation_new", args=["local"])
NEW_UNIT = reverse("accounts:organisation_new", args=["unit"])
COORDINATORS = {"coordinator_a", "coordinator_b", "admin_user"}


@pytest.fixture
def local_of_a(municipality_a):
    return OrganisationFactory(
        kind=Organisation.Kind.CIVIL_SOCIETY,
        municipality=municipality_a,
        created_by_municipality=municipality_a,
        name_fi="Espoon Setlementti ry",
        name_en="",
    )


def _login(client, request, role):
    user = request.getfixturevalue(role)
    if user is not None:
        client.force_login(user)
    return user


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_only_coordinators_and_administrators_open_the_adding_pages(
    client, request, role, municipality_a, municipality_b
):
    _login(client, request, role)

    for url in (LIST, NEW_LOCAL, NEW_UNIT):
        response = client.get(url)
        if role == "anonymous":
            assert response.status_code == 302
            assert response.url.startswith("/accounts/login/")
        elif role in COORDINATORS or url == LIST:
            # The list opens for everyone signed in; it lists only what they may edit.
            assert response.status_code == 200
        else:
            assert response.status_code == 403


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_only_the_adding_municipalitys_coordinators_edit_a_local_organisation(
    client, request, role, local_of_a, municipality_b
):
    _login(client, request, role)

    response = client.get(reverse("accounts:organisation_edit", args=[local_of_a.pk]))

    if role == "anonymous":
        assert response.status_code == 302
    elif role in {"coordinator_a", "admin_user"}:
        assert response.status_code == 200
    else:
        assert response.status_code == 404


def test_public_bodies_are_edited_by_no_coordinator(client, coordinator_a, organisation_a):
    client.force_login(coordinator_a)

    response = client.get(reverse("accounts:organisation_edit", args=[organisation_a.pk]))

    assert response.status_code == 404


def test_the_list_shows_own_units_and_local_organisations_only(
    client, coordinator_a, local_of_a, municipality_b
):
    OrganisationFactory(
        kind=Organisation.Kind.CIVIL_SOCIETY,
        municipality=municipality_b,
        created_by_municipality=municipality_b,
        name_fi="Jyväskylän Setlementti ry",
    )
    client.force_login(coordinator_a)

    text = page_text(client.get(LIST))

    assert "Espoon Setlementti ry" in text
    assert "Jyväskylän Setlementti ry" not in text


def test_adding_from_the_measure_form_returns_to_it(client, coordinator_a, objective):
    client.force_login(coordinator_a)
    back = reverse("planning:measure_new", args=[objective.pk])

    form_page = page_text(client.get(back))
    response = client.post(
        NEW_LOCAL,
        {
            "kind": Organisation.Kind.IMMIGRANT_ORGANISATION,
            "name_fi": "Espoon Kurdiyhdistys ry",
            "name_sv": "",
            "name_en": "",
            "business_id": "",
            "email": "",
            "website": "",
            "for_municipality": objective.plan.lead_municipality.pk,
            "next": back,
        },
    )

    assert "Add a missing organisation" in form_page
    assert response.status_code == 302
    assert response.url == back
    created = Organisation.objects.get(name_fi="Espoon Kurdiyhdistys ry")
    assert created.created_by_municipality == objective.plan.lead_municipality
    assert LogEntry.objects.get_for_object(created).get().actor == coordinator_a
    assert "Espoon Kurdiyhdistys ry" in page_text(client.get(back))


def test_an_outside_return_address_is_ignored(client, coordinator_a, municipality_a):
    client.force_login(coordinator_a)

    response = client.post(
        NEW_UNIT,
        {
            "kind": Organisation.Kind.MUNICIPAL_UNIT,
            "name_fi": "Nuorisopalvelut",
            "for_municipality": municipality_a.pk,
            "next": "https://example.com/",
        },
    )

    assert response.status_code == 302
    assert response.url == LIST


def test_a_repeated_business_id_is_shown_at_the_field_with_the_existing_name(
    client, coordinator_a, municipality_a
):
    OrganisationFactory(name_fi="Somaliliitto ry", name_en="", business_id="0245437-2")
    client.force_login(coordinator_a)

    response = client.post(
        NEW_LOCAL,
        {
            "kind": Organisation.Kind.IMMIGRANT_ORGANISATION,
            "name_fi": "Espoon Somaliyhdistys ry",
            "business_id": "0245437-2",
            "for_municipality": municipality_a.pk,
        },
    )

    text = page_text(response)
    assert response.status_code == 200
    assert 'id="id_business_id_error"' in text
    assert "Somaliliitto ry" in text


def test_a_similar_name_is_warned_and_saved_once_confirmed(
    client, coordinator_a, municipality_a, local_of_a
):
    client.force_login(coordinator_a)
    data = {
        "kind": Organisation.Kind.CIVIL_SOCIETY,
        "name_fi": "Espoon setlementti",
        "for_municipality": municipality_a.pk,
    }

    warned = client.post(NEW_LOCAL, data)
    confirmed = client.post(NEW_LOCAL, {**data, "confirm_new": "on"})

    assert warned.status_code == 200
    assert "Espoon Setlementti ry" in page_text(warned)
    assert 'type="checkbox" name="confirm_new"' in page_text(warned)
    assert confirmed.status_code == 302
    assert Organisation.objects.filter(name_fi="Espoon setlementti").count() == 1


def test_a_coordinator_records_that_a_local_organisation_ceased(client, coordinator_a, local_of_a):
    client.cookies["django_language"] = "fi"
    client.force_login(coordinator_a)
    url = reverse("accounts:organisation_edit", args=[local_of_a.pk])
    form = client.get(url).content.decode()
    assert "Toiminta päättynyt" in form
    response = client.post(
        url,
        {
            "kind": local_of_a.kind,
            "name_fi": local_of_a.name_fi,
            "ended_on": "30.6.2025",
            "expected_version": local_of_a.version,
        },
    )
    assert response.status_code == 302, page_text(response)[:2000]
    local_of_a.refresh_from_db()
    assert str(local_of_a.ended_on) == "2025-06-30"
    assert "päättynyt 30.6.2025" in page_text(client.get(LIST))
    assert LogEntry.objects.get_for_object(local_of_a).filter(changes__icontains="ended_on")
