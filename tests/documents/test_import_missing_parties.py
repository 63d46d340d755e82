"""Parties a spreadsheet names that Kotoplan knows nowhere: the preview offers to add them as
local organisations of the plan's municipality, the file is checked again, and the plan is
saved with them; a misspelt name can be left out and corrected in the file instead."""

import pytest
from django.urls import reverse

from kotoplan.accounts.models import Organisation
from kotoplan.documents.models import PlanImport
from kotoplan.planning.models import Measure, Plan

from .test_plan_import_flow import post_file

pytestmark = pytest.mark.django_db

CSV = (
    "Teema;Tavoite;Toimenpide;Vastuutaho;Kumppanit\r\n"
    "employment_education;Työllisyys paranee;Työnhakuklubi;Espoon kaupunki;"
    "Leppävaaran Nuorisoseura ry\r\n"
    "language_culture;Kielitaito vahvistuu;Kielikahvila;Kahvila Kuppi Oy;\r\n"
).encode("cp1252")


def test_preview_offers_to_add_unknown_parties_then_the_plan_saves(
    client, coordinator_a, municipality_a, organisation_a, themes
):
    client.cookies["django_language"] = "fi"
    response = post_file(client, coordinator_a, municipality_a, "toimenpiteet.csv", CSV)
    assert response.status_code == 302, response.content.decode()[:3000]
    plan_import = PlanImport.objects.get()
    preview = client.get(response["Location"]).content.decode()
    assert "Kotoplan ei vielä tunne näitä tahoja" in preview
    assert "Leppävaaran Nuorisoseura ry" in preview
    assert "Tallenna suunnitelma" not in preview  # not before the parties are known

    added = client.post(
        reverse("documents:import_add_parties", args=[plan_import.pk]),
        {"party_0": Organisation.Kind.CIVIL_SOCIETY, "party_1": Organisation.Kind.COMPANY},
        follow=True,
    )
    page = added.content.decode()
    assert "2 organisaatiota lisättiin" in page
    assert "Tallenna suunnitelma" in page
    association = Organisation.objects.get(name_fi="Leppävaaran Nuorisoseura ry")
    assert association.created_by_municipality == municipality_a
    assert association.kind == Organisation.Kind.CIVIL_SOCIETY

    client.post(reverse("documents:import_preview", args=[plan_import.pk]))
    plan = Plan.objects.get(title_fi="Espoon kotoutumisohjelma")
    club = Measure.objects.get(objective__plan=plan, title_fi="Työnhakuklubi")
    assert list(club.partners.all()) == [association]
    cafe = Measure.objects.get(objective__plan=plan, title_fi="Kielikahvila")
    assert cafe.responsible_organisation.name_fi == "Kahvila Kuppi Oy"


def test_other_problems_still_go_back_to_the_upload_form(
    client, coordinator_a, municipality_a, organisation_a, themes
):
    content = CSV + "other;;Kerho;;\r\n".encode("cp1252")
    response = post_file(client, coordinator_a, municipality_a, "toimenpiteet.csv", content)
    assert response.status_code == 200
    assert not PlanImport.objects.exists()


def test_nothing_is_added_by_someone_else(
    client, coordinator_a, coordinator_b, municipality_a, organisation_a, themes
):
    post_file(client, coordinator_a, municipality_a, "toimenpiteet.csv", CSV)
    plan_import = PlanImport.objects.get()
    client.force_login(coordinator_b)
    response = client.post(
        reverse("documents:import_add_parties", args=[plan_import.pk]),
        {"party_0": Organisation.Kind.CIVIL_SOCIETY},
    )
    assert response.status_code == 404
    assert not Organisation.objects.filter(name_fi="Leppävaaran Nuorisoseura ry").exists()
