"""Word and PDF files of a plan are made by the background worker and stored per plan content:
the stored file is served until the plan changes, a progress page follows a file being made,
and a file is reached only by those who may read its plan."""

import io
import re
from datetime import date

import pytest
from django.test import override_settings
from django.urls import reverse
from pypdf import PdfReader

from kotoplan.core.models import StoredExport
from kotoplan.core.services import export_run
from kotoplan.documents.exporters import files
from kotoplan.planning.models import Plan
from kotoplan.planning.services import content_update

pytestmark = pytest.mark.django_db

QUEUED = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def _pdf_text(content: bytes) -> str:
    """The PDF's words, one space apart (a table cell may wrap a title onto two lines)."""
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.split())


@pytest.fixture
def pdf_writes(monkeypatch):
    """How many times a PDF was really rendered."""
    calls = []
    real = files.plan_pdf

    def counting(doc):
        calls.append(doc.language)
        return real(doc)

    monkeypatch.setattr(files, "plan_pdf", counting)
    return calls


def test_plan_pdf__stored_file_reused_until_a_measure_is_edited(
    client, rich_plan, owned_measure, coordinator_a, pdf_writes
):
    client.force_login(coordinator_a)
    url = reverse("documents:plan_pdf", args=[rich_plan.pk]) + "?lang=fi"

    first = client.get(url)
    again = client.get(url)

    assert first.status_code == again.status_code == 200
    assert first["Content-Type"] == "application/pdf"
    assert "kotoplan-" in first["Content-Disposition"]
    assert again.content == first.content
    assert pdf_writes == ["fi"]  # the second download came from the store
    assert StoredExport.objects.count() == 1

    owned_measure.refresh_from_db()
    content_update(
        actor=coordinator_a,
        obj=owned_measure,
        expected_version=owned_measure.version,
        data={"title_fi": "Työnhakuklubi joka viikko"},
    )
    changed = client.get(url)

    assert changed.status_code == 200
    assert pdf_writes == ["fi", "fi"]
    assert "Työnhakuklubi joka viikko" in _pdf_text(changed.content)
    assert "Työnhakuklubi joka viikko" not in _pdf_text(first.content)
    assert StoredExport.objects.count() == 1  # the file of the old content is gone


def test_plan_files__one_stored_file_per_language_and_format(client, rich_plan, coordinator_a):
    client.force_login(coordinator_a)
    for name in ("plan_pdf", "plan_docx"):
        for language in ("fi", "sv"):
            url = reverse(f"documents:{name}", args=[rich_plan.pk]) + f"?lang={language}"
            assert client.get(url).status_code == 200
    kinds = set(StoredExport.objects.values_list("kind", "language"))
    assert kinds == {
        ("plan_pdf", "fi"),
        ("plan_pdf", "sv"),
        ("plan_docx", "fi"),
        ("plan_docx", "sv"),
    }


@override_settings(TASKS=QUEUED)
def test_progress_page__without_script_until_the_worker_has_made_the_file(
    client, rich_plan, coordinator_a
):
    client.force_login(coordinator_a)
    client.cookies["django_language"] = "fi"

    response = client.get(reverse("documents:plan_docx", args=[rich_plan.pk]) + "?lang=fi")

    export = StoredExport.objects.get()
    progress = reverse("documents:plan_export", args=[rich_plan.pk, export.token])
    assert response.status_code == 302
    assert response["Location"] == progress
    page = client.get(progress)
    html = page.content.decode()
    assert page.status_code == 202
    assert '<meta http-equiv="refresh" content="2">' in html
    assert "Tiedostoa valmistellaan" in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)  # no inline script

    export_run(export_id=export.pk)  # the worker
    ready = client.get(progress)

    assert ready.status_code == 200
    assert ready["Content-Type"].startswith("application/vnd.openxmlformats")
    assert ready.content[:2] == b"PK"
    assert ready["Content-Disposition"].endswith('-fi.docx"')


def test_failed_file__page_says_so_and_trying_again_makes_it(
    client, rich_plan, coordinator_a, monkeypatch
):
    client.force_login(coordinator_a)
    client.cookies["django_language"] = "fi"
    real = files.plan_pdf
    monkeypatch.setattr(files, "plan_pdf", lambda doc: 1 / 0)
    url = reverse("documents:plan_pdf", args=[rich_plan.pk]) + "?lang=fi"

    response = client.get(url, follow=True)

    assert response.status_code == 200
    assert "Tiedostoa ei voitu tehdä" in response.content.decode()
    assert StoredExport.objects.get().status == StoredExport.Status.FAILED

    monkeypatch.setattr(files, "plan_pdf", real)
    again = client.get(url)
    assert again.status_code == 200
    assert again.content.startswith(b"%PDF")


@override_settings(TASKS=QUEUED)
def test_export_token__never_reaches_a_draft_for_those_who_cannot_read_it(
    client, rich_plan, coordinator_a, coordinator_b, adopted_plan
):
    client.force_login(coordinator_a)
    client.get(reverse("documents:plan_pdf", args=[rich_plan.pk]) + "?lang=fi")
    export = StoredExport.objects.get()
    export_run(export_id=export.pk)
    own = reverse("documents:plan_export", args=[rich_plan.pk, export.token])
    assert client.get(own).status_code == 200

    client.force_login(coordinator_b)
    assert client.get(own).status_code == 404
    # the token under a plan the user may read is as unknown as a made-up one
    client.force_login(coordinator_a)
    other = reverse("documents:plan_export", args=[adopted_plan.pk, export.token])
    assert client.get(other).status_code == 404
    client.logout()
    assert client.get(own).status_code == 302  # to the login
    public = reverse(
        "documents:public_plan_export",
        args=[
            rich_plan.lead_municipality.code,
            rich_plan.period_start,
            rich_plan.period_end,
            export.token,
        ],
    )
    assert client.get(public).status_code == 404


def test_public_pdf__shares_the_stored_file_and_never_serves_one_made_before_adoption(
    client, rich_plan, coordinator_a
):
    client.force_login(coordinator_a)
    client.get(reverse("documents:plan_pdf", args=[rich_plan.pk]) + "?lang=fi")
    draft_file = StoredExport.objects.get()
    Plan.objects.filter(pk=rich_plan.pk).update(
        state=Plan.State.ADOPTED, decision_date=date(2026, 3, 2)
    )
    client.logout()
    code, start, end = (
        rich_plan.lead_municipality.code,
        rich_plan.period_start,
        rich_plan.period_end,
    )

    old = client.get(
        reverse("documents:public_plan_export", args=[code, start, end, draft_file.token])
    )
    assert old.status_code == 302  # to a file of the plan as adopted, not the draft's
    assert old["Location"].endswith("plan.pdf?lang=fi")

    public = client.get(reverse("documents:public_plan_pdf", args=[code, start, end]) + "?lang=fi")
    assert public.status_code == 200
    assert public.content.startswith(b"%PDF")
    adopted_file = StoredExport.objects.get()
    assert adopted_file.token != draft_file.token

    client.force_login(coordinator_a)
    own = client.get(reverse("documents:plan_pdf", args=[rich_plan.pk]) + "?lang=fi")
    assert own.content == public.content
    assert StoredExport.objects.get().pk == adopted_file.pk
