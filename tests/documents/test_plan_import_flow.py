"""The spreadsheet import as the coordinator goes through it: upload → preview (nothing saved)
→ save once, in the background → the plan. Only the uploader sees the import; an interrupted
saving is marked failed; uploaded files are removed after the retention time."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kotoplan.documents.models import PlanImport
from kotoplan.documents.services import plan_import_run
from kotoplan.planning.models import Indicator, Measure, Objective, Plan
from tests.factories.accounts import OrganisationFactory

pytestmark = pytest.mark.django_db
URL = "/documents/import/"
FILES = Path(__file__).resolve().parent.parent / "data" / "spreadsheets"


@pytest.fixture
def organisations(organisation_a, contributor_organisation):
    OrganisationFactory(reference_key="kela", name_fi="Kansaneläkelaitos (Kela)")


def post_file(client, user, municipality, name="finnish-plan-excel.csv", content=None):
    client.force_login(user)
    return client.post(
        URL,
        {
            "lead_municipality": municipality.pk,
            "title_fi": "Espoon kotoutumisohjelma",
            "period_start": 2026,
            "period_end": 2029,
            "form": Plan.Form.SEPARATE,
            "file": SimpleUploadedFile(
                name, content if content is not None else (FILES / name).read_bytes()
            ),
        },
    )


def counts() -> tuple:
    return (
        Plan.objects.count(),
        Objective.objects.count(),
        Measure.objects.count(),
        Indicator.objects.count(),
    )


def test_upload_shows_a_preview_and_saves_nothing_until_confirmed(
    client, coordinator_a, municipality_a, organisations
):
    before = counts()
    response = post_file(client, coordinator_a, municipality_a, "finnish-plan.xlsx")
    plan_import = PlanImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("documents:import_preview", args=[plan_import.pk])
    page = client.get(response["Location"]).content.decode()
    assert counts() == before
    assert "A draft plan with 3 objectives, 4 measures and 4 indicators" in page
    assert "Työllisyys paranee – erityisesti naisilla" in page
    assert "Työllisyyspalvelut" in page
    assert "The column “Budjetti (€)” (column T) is not imported" in page
    assert "Rows 1–3 above the header row were read as titles" in page
    response = client.post(reverse("documents:import_preview", args=[plan_import.pk]))
    plan = Plan.objects.get(title_fi="Espoon kotoutumisohjelma")
    assert response["Location"] == reverse("planning:plan_detail", args=[plan.pk])
    assert plan.state == Plan.State.DRAFT
    assert Objective.objects.filter(plan=plan).count() == 3
    assert Measure.objects.filter(objective__plan=plan).count() == 4
    mentoring = Measure.objects.get(objective__plan=plan, title_fi="Mentorointi")
    assert mentoring.indicators.count() == 2
    club = Measure.objects.get(objective__plan=plan, title_fi="Työnhakuklubi")
    assert club.responsible_unit == "Työllisyyspalvelut"
    assert club.partners.count() == 2
    plan_import.refresh_from_db()
    assert plan_import.status == PlanImport.Status.SAVED
    assert plan_import.plan == plan
    assert bytes(plan_import.content) == b""  # the file is not kept once the plan exists


def test_a_second_confirmation_creates_no_second_plan(
    client, coordinator_a, municipality_a, organisations
):
    post_file(client, coordinator_a, municipality_a)
    plan_import = PlanImport.objects.get()
    url = reverse("documents:import_preview", args=[plan_import.pk])
    client.post(url)
    response = client.post(url, follow=True)
    assert Plan.objects.filter(title_fi="Espoon kotoutumisohjelma").count() == 1
    assert "This file is already being saved or has been saved." in response.content.decode()


def test_problems_are_shown_on_the_upload_form_and_nothing_is_kept(
    client, coordinator_a, municipality_a, organisations
):
    content = "Otsikko;;\nTeema*;Tavoite*;Toimenpide\nother;;Kerho\n".encode("cp1252")
    response = post_file(client, coordinator_a, municipality_a, "plan.csv", content)
    assert response.status_code == 200
    page = response.content.decode()
    assert "row 3, column B (Tavoite): the objective is missing" in page
    assert not PlanImport.objects.exists()


def test_the_upload_page_speaks_finnish(client, coordinator_a, municipality_a, organisations):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
    content = "Teema*;Tavoite*;Toimenpide\nother;;Kerho\n".encode("cp1252")
    page = post_file(client, coordinator_a, municipality_a, "plan.csv", content).content.decode()
    assert "rivi 2, sarake B (Tavoite): tavoite puuttuu" in page


def test_only_the_uploader_sees_the_import(
    client, coordinator_a, municipality_a, coordinator_b, organisations
):
    post_file(client, coordinator_a, municipality_a)
    url = reverse("documents:import_preview", args=[PlanImport.objects.get().pk])
    client.force_login(coordinator_b)
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert not Plan.objects.filter(title_fi="Espoon kotoutumisohjelma").exists()
    client.logout()
    assert client.get(url).status_code == 302


def test_an_upload_over_the_limit_is_not_stored(client, coordinator_a, municipality_a, settings):
    settings.KOTOPLAN_SPREADSHEET_LIMITS = {"max_bytes": 1024 * 1024}
    content = b"Teema;Tavoite\n" + b"other;x\n" * 200_000
    response = post_file(client, coordinator_a, municipality_a, "plan.csv", content)
    assert response.status_code == 200
    assert "The file is larger than 1 MB" in response.content.decode()
    assert not PlanImport.objects.exists()


def test_an_interrupted_saving_is_marked_failed_and_can_be_saved_again(
    client, coordinator_a, municipality_a, organisations
):
    post_file(client, coordinator_a, municipality_a)
    plan_import = PlanImport.objects.get()
    # the worker took the task and was killed: the row says "saving", nothing was written
    PlanImport.objects.filter(pk=plan_import.pk).update(
        status=PlanImport.Status.SAVING, started_at=timezone.now()
    )
    call_command("recover_imports")
    plan_import.refresh_from_db()
    assert plan_import.status == PlanImport.Status.FAILED
    page = client.get(reverse("documents:import_preview", args=[plan_import.pk])).content.decode()
    assert "Saving was interrupted" in page
    assert "Save the plan" in page
    client.post(reverse("documents:import_preview", args=[plan_import.pk]))
    assert Plan.objects.filter(title_fi="Espoon kotoutumisohjelma").count() == 1


def test_a_saving_that_fails_midway_writes_nothing(
    client, coordinator_a, municipality_a, organisations, monkeypatch
):
    post_file(client, coordinator_a, municipality_a)
    plan_import = PlanImport.objects.get()
    PlanImport.objects.filter(pk=plan_import.pk).update(status=PlanImport.Status.SAVING)
    before = counts()
    calls = []

    def crash(*args, **kwargs):
        calls.append(1)
        if len(calls) == 4:  # after the plan and some of its parts were written
            raise RuntimeError("worker killed")
        return real(*args, **kwargs)

    from kotoplan.documents import services

    real = services.content_create
    monkeypatch.setattr(services, "content_create", crash)
    with pytest.raises(RuntimeError):
        plan_import_run(plan_import_id=plan_import.pk)
    assert counts() == before
    plan_import.refresh_from_db()
    assert plan_import.status == PlanImport.Status.FAILED


def test_uploaded_files_are_purged_after_the_retention_time(
    client, coordinator_a, municipality_a, organisations, settings
):
    settings.KOTOPLAN_IMPORT_RETENTION_HOURS = 2
    post_file(client, coordinator_a, municipality_a)
    plan_import = PlanImport.objects.get()
    call_command("purge_imports")
    plan_import.refresh_from_db()
    assert bytes(plan_import.content) != b""  # still within the retention time
    PlanImport.objects.filter(pk=plan_import.pk).update(
        created_at=timezone.now() - timedelta(hours=3)
    )
    call_command("purge_imports")
    plan_import.refresh_from_db()
    assert bytes(plan_import.content) == b""
    assert plan_import.purged_at is not None
    url = reverse("documents:import_preview", args=[plan_import.pk])
    assert "The uploaded file has been removed" in client.get(url).content.decode()
    response = client.post(url, follow=True)
    assert "The uploaded file has been removed; upload it again." in response.content.decode()
    assert not Plan.objects.filter(title_fi="Espoon kotoutumisohjelma").exists()


def test_the_upload_is_protected_against_cross_site_requests(coordinator_a, municipality_a):
    client = Client(enforce_csrf_checks=True)
    response = post_file(client, coordinator_a, municipality_a)
    assert response.status_code == 403
    assert not PlanImport.objects.exists()
