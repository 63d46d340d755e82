"""The feedback spreadsheet is stored until the feedback changes: hiding a comment makes a new
one, and only the consultation's managers reach it."""

import io

import pytest
from django.test import override_settings
from django.urls import reverse
from openpyxl import load_workbook

from kotoplan.core.models import StoredExport
from kotoplan.participation import services

pytestmark = pytest.mark.django_db


def _cells(content: bytes) -> list[str]:
    sheet = load_workbook(io.BytesIO(content)).active
    return [str(c.value or "") for row in sheet.iter_rows() for c in row]


def test_xlsx__stored_until_a_comment_is_hidden(client, consultation, coordinator_a):
    comment = services.feedback_submit(
        consultation=consultation, language="fi", comment="Lisää iltakursseja"
    ).comments.get()
    client.force_login(coordinator_a)
    url = reverse("participation:export_xlsx", args=[consultation.pk])

    first = client.get(url)
    again = client.get(url)

    assert "Lisää iltakursseja" in _cells(first.content)
    assert again.content == first.content
    assert StoredExport.objects.count() == 1
    stored = StoredExport.objects.get()

    services.comment_hide(actor=coordinator_a, comment=comment, reason="Off topic")
    changed = client.get(url)

    assert "Lisää iltakursseja" not in _cells(changed.content)
    assert "Off topic" in _cells(changed.content)
    assert StoredExport.objects.get().pk != stored.pk


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_xlsx_progress__only_for_the_consultations_managers(
    client, consultation, coordinator_a, coordinator_b
):
    client.force_login(coordinator_a)
    response = client.get(reverse("participation:export_xlsx", args=[consultation.pk]))
    progress = response["Location"]
    assert client.get(progress).status_code == 202

    client.force_login(coordinator_b)
    assert client.get(progress).status_code == 404
