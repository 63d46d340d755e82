"""The StratML upload page creates a draft plan from a file, or shows precisely why not."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kotoplan.documents.exporters.stratml import plan_stratml
from kotoplan.planning.models import Measure, Plan

pytestmark = pytest.mark.django_db
URL = "/documents/import/stratml/"


def post(client, user, content: bytes, municipality, language="en"):
    client.force_login(user)
    return client.post(
        URL,
        {
            "lead_municipality": municipality.pk,
            "language": language,
            "file": SimpleUploadedFile("plan.xml", content, content_type="application/xml"),
        },
    )


def test_upload_of_an_exported_file_creates_a_draft_plan(
    client, rich_plan, coordinator_a, municipality_a
):
    content = plan_stratml(plan=rich_plan, language="en")
    before = set(Plan.objects.values_list("pk", flat=True))
    response = post(client, coordinator_a, content, municipality_a)
    created = Plan.objects.exclude(pk__in=before).get()
    assert response.status_code == 302
    assert response["Location"] == reverse("planning:plan_detail", args=[created.pk])
    assert created.state == Plan.State.DRAFT
    assert created.lead_municipality == municipality_a
    assert created.objectives.count() == rich_plan.objectives.count()
    assert Measure.objects.filter(objective__plan=created).count() == (
        Measure.objects.filter(objective__plan=rich_plan).count()
    )
    club = Measure.objects.get(
        objective__plan=created, title_en="Job-seeking club in three languages"
    )
    assert {p.name_fi for p in club.partners.all()} == {"Kela", "Espoon kaupunki"}


def test_malformed_xml_is_rejected_with_the_line(client, coordinator_a, municipality_a):
    content = b'<?xml version="1.0"?>\n<PerformancePlanOrReport>\n  <Name>x</Nam>\n'
    response = post(client, coordinator_a, content, municipality_a)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in page
    assert "not well-formed XML" in page
    assert "line 3" in page
    assert not Plan.objects.exists()


def test_a_file_that_is_not_stratml_is_rejected(client, coordinator_a, municipality_a):
    response = post(client, coordinator_a, b"<plan/>", municipality_a)
    assert "not a StratML Part 2" in response.content.decode()
    assert not Plan.objects.exists()


def test_coordinator_of_another_municipality_cannot_import_for_it(
    client, rich_plan, coordinator_b, municipality_a, municipality_b
):
    content = plan_stratml(plan=rich_plan, language="en")
    before = Plan.objects.count()
    response = post(client, coordinator_b, content, municipality_a)
    assert response.status_code == 200
    assert Plan.objects.count() == before


def test_anonymous_is_redirected_and_viewers_refused(client, viewer_a):
    response = client.get(URL)
    assert response.status_code == 302
    assert "login" in response["Location"]
    client.force_login(viewer_a)
    assert client.get(URL).status_code == 403
