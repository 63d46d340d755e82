"""The upload screen, the progress page and who may see them."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kotoplan.monitoring.statistics.models import ImportRun, StatisticValue
from tests.monitoring.conftest import SOTKANET_JSON, SOTKANET_REGIONS, statfin_subset

IMPORT_URL = reverse("monitoring:import")


def _upload(client, municipality, **extra):
    data = {
        "source": "sotkanet",
        "municipality": municipality.pk if municipality else "",
        "data_file": SimpleUploadedFile("sotkanet_127.json", SOTKANET_JSON.read_bytes()),
        "regions_file": SimpleUploadedFile("regions.json", SOTKANET_REGIONS.read_bytes()),
        **extra,
    }
    return client.post(IMPORT_URL, data)


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("user_without_role", 403),
        ("viewer_a", 403),
        ("contributor", 403),
        ("national_viewer", 403),
        ("regional_official", 403),
        ("coordinator_a", 200),
        ("admin_user", 200),
    ],
)
def test_import_page__only_coordinators_and_admins(client, request, role, status):
    client.force_login(request.getfixturevalue(role))
    assert client.get(IMPORT_URL).status_code == status


def test_import_page__anonymous_goes_to_login(client, db):
    response = client.get(IMPORT_URL)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_upload__runs_in_background_and_shows_result(
    client, coordinator_a, sotkanet_municipalities, catalogue, django_capture_on_commit_callbacks
):
    client.force_login(coordinator_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client, sotkanet_municipalities[0])
    run = ImportRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("monitoring:import_run", args=[run.pk])
    assert (run.status, run.rows_created, run.created_by) == ("succeeded", 3, coordinator_a)
    assert run.task_id
    page = client.get(response["Location"])
    assert "Refresh" not in page
    content = page.content.decode()
    assert "Completed" in content
    assert 'value="100"' in content
    assert set(StatisticValue.objects.values_list("municipality__code", flat=True)) == {"049"}
    assert "values of other areas than Espoo" in content


def test_upload__malformed_file_rejected_with_message(
    client, coordinator_a, municipality_a, catalogue, django_capture_on_commit_callbacks
):
    client.force_login(coordinator_a)
    data = statfin_subset(["SSS", "KU049"])
    data["value"] = data["value"][:-1]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            IMPORT_URL,
            {
                "source": "statfin",
                "municipality": municipality_a.pk,
                "data_file": SimpleUploadedFile("14jt.json", json.dumps(data).encode()),
            },
        )
    page = client.get(response["Location"])
    assert "The file has 3 values but the product of the dimension sizes is 4." in (
        page.content.decode()
    )
    assert "nothing was saved" in page.content.decode()
    assert StatisticValue.objects.count() == 0


def test_upload__coordinator_cannot_import_for_another_municipality(
    client, coordinator_a, municipality_b, catalogue
):
    client.force_login(coordinator_a)
    response = _upload(client, municipality_b)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not ImportRun.objects.exists()


def test_upload__sotkanet_file_without_regions_uses_the_shipped_list(
    client, coordinator_a, catalogue, django_capture_on_commit_callbacks
):
    client.force_login(coordinator_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(
            client, coordinator_a.roles.get().organisation.municipality, regions_file=""
        )
    run = ImportRun.objects.get()
    # The sample's ids 9049/9179 are invented; the shipped (real) regions list does not know
    # them, so the coordinator's own municipality has no value in the file, and the run says
    # which regions were left out and how to include them.
    assert run.status == "failed"
    assert run.error_message.startswith("The file has no values for Espoo")
    assert "Rows left out of the file: region 9049 is not in the regions list" in (
        run.error_message
    )
    assert response.status_code == 302


def test_upload__address_outside_configured_service_refused(
    client, admin_user, stats_server, catalogue
):
    client.force_login(admin_user)
    response = client.post(
        IMPORT_URL, {"source": "statfin", "address": "http://169.254.169.254/latest/meta-data"}
    )
    assert "Only addresses of the configured service are fetched." in response.content.decode()
    assert not ImportRun.objects.exists()


@pytest.mark.parametrize(
    ("viewer", "status"),
    [
        ("coordinator_a", 200),
        ("admin_user", 200),
        ("coordinator_b", 404),
        ("viewer_a", 404),
        ("regional_official", 404),
        ("user_without_role", 404),
    ],
)
def test_run_page__visible_to_starter_their_municipality_and_admins(
    client, request, coordinator_a, municipality_a, viewer, status
):
    run = ImportRun.objects.create(
        source="statfin", created_by=coordinator_a, municipality=municipality_a
    )
    client.force_login(request.getfixturevalue(viewer))
    assert client.get(reverse("monitoring:import_run", args=[run.pk])).status_code == status


def test_run_list__shows_only_runs_the_user_may_see(
    client, coordinator_a, coordinator_b, municipality_a, municipality_b
):
    ImportRun.objects.create(
        source="statfin",
        file_name="mine.json",
        created_by=coordinator_a,
        municipality=municipality_a,
    )
    ImportRun.objects.create(
        source="statfin",
        file_name="theirs.json",
        created_by=coordinator_b,
        municipality=municipality_b,
    )
    client.force_login(coordinator_a)
    content = client.get(IMPORT_URL).content.decode()
    assert "mine.json" in content
    assert "theirs.json" not in content


def test_upload__admin_fetches_from_the_configured_service(
    client, admin_user, municipality_a, stats_server, catalogue, django_capture_on_commit_callbacks
):
    stats_server.add(
        "/PxWeb/api/v1/fi/StatFin/vaka/14jt.px", json.dumps(statfin_subset(["SSS", "KU049"]))
    )
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(IMPORT_URL, {"source": "statfin", "address": "vaka/14jt.px"})
    run = ImportRun.objects.get()
    assert response["Location"] == reverse("monitoring:import_run", args=[run.pk])
    assert (run.status, run.rows_created, run.municipality) == ("succeeded", 4, None)
    assert stats_server.requests[0][0] == "POST"


def test_import_page__in_finnish_with_the_table_field(client, coordinator_a, catalogue):
    client.cookies["django_language"] = "fi"
    client.force_login(coordinator_a)
    page = client.get(IMPORT_URL).content.decode()
    assert "Taulukko" in page
    assert "StatFin-taulukon tunnus, esimerkiksi 11ra." in page
    response = client.post(
        IMPORT_URL,
        {
            "source": "statfin",
            "municipality": coordinator_a.roles.get().organisation.municipality.pk,
            "table_id": "11ra; drop",
            "data_file": SimpleUploadedFile("x.json", b"{}"),
        },
    )
    assert "Kirjoita taulukon tunnus pelkin kirjaimin ja numeroin" in response.content.decode()
    assert not ImportRun.objects.exists()
