"""Moderation hides with a reason and keeps everything; exports carry no personal data."""

import csv
import io

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from openpyxl import load_workbook

from kotoplan.core.errors import DomainError
from kotoplan.participation import services
from kotoplan.participation.exporters.feedback import feedback_csv, feedback_xlsx
from kotoplan.participation.models import Comment

from .conftest import questions

pytestmark = pytest.mark.django_db

EMAIL = "participant.private@example.org"


def _send(consultation, text, **extra):
    return services.feedback_submit(consultation=consultation, language="fi", comment=text, **extra)


def test_hidden_comment__stays_stored_and_in_the_audit_trail(client, consultation, coordinator_a):
    submission = _send(consultation, "Loukkaava kommentti")
    comment = submission.comments.get()
    client.force_login(coordinator_a)
    url = reverse("participation:comment_hide", args=[comment.pk])
    response = client.post(url, {"reason": "Contains insults"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.hidden is True
    assert comment.text == "Loukkaava kommentti"
    assert comment.hidden_reason == "Contains insults"
    assert comment.hidden_by == coordinator_a
    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Comment), object_id=comment.pk
    ).order_by("pk")
    created, hidden = entries
    assert created.changes_dict["text"][1] == "Loukkaava kommentti"
    assert hidden.actor == coordinator_a
    assert hidden.changes_dict["hidden"] == ["False", "True"]
    assert hidden.changes_dict["hidden_reason"][1] == "Contains insults"
    assert hidden.additional_data == {"plan_id": consultation.plan_id}


def test_hiding__needs_a_reason(consultation, coordinator_a):
    comment = _send(consultation, "Text").comments.get()
    with pytest.raises(DomainError):
        services.comment_hide(actor=coordinator_a, comment=comment, reason=" ")
    assert not Comment.objects.get().hidden


def test_hiding__refused_to_another_municipality(client, consultation, coordinator_b):
    comment = _send(consultation, "Text").comments.get()
    with pytest.raises(PermissionDenied):
        services.comment_hide(actor=coordinator_b, comment=comment, reason="No")
    client.force_login(coordinator_b)
    url = reverse("participation:comment_hide", args=[comment.pk])
    assert client.post(url, {"reason": "No"}).status_code == 404
    assert not Comment.objects.get().hidden


def test_the_participant_email__never_in_the_audit_trail(consultation):
    submission = _send(consultation, "Vastatkaa minulle", email=EMAIL)
    assert submission.email == EMAIL
    assert not any(EMAIL in str(e.changes) for e in LogEntry.objects.all())


def _feedback(consultation, coordinator):
    q = questions(consultation)
    _send(
        consultation,
        "Kommentti = tärkeä",
        email=EMAIL,
        category="organisation",
        organisation_name="Monikulttuurinen yhdistys ry",
        answers={q["rating"].pk: "5", q["text"].pk: "Lisää kursseja"},
    )
    hidden = _send(consultation, "Salainen henkilötieto 040 123 4567").comments.get()
    services.comment_hide(actor=coordinator, comment=hidden, reason="Personal data")


def test_csv_export__bom_semicolons_and_no_personal_data(client, consultation, coordinator_a):
    _feedback(consultation, coordinator_a)
    client.force_login(coordinator_a)
    response = client.get(reverse("participation:export_csv", args=[consultation.pk]))
    assert response.status_code == 200
    raw = response.content
    assert raw.startswith("\ufeff".encode())
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][0] == "Submission"
    assert EMAIL not in text
    assert "@" not in text
    assert "Monikulttuurinen yhdistys ry" in text
    assert "Salainen henkilötieto" not in text  # hidden text is left out …
    assert "Personal data" in text  # … its reason is kept
    assert "Kommentti = tärkeä" in text
    assert any(row[5] == "Answer" and row[10] == "5" for row in rows)


def test_xlsx_export__no_personal_data(consultation, coordinator_a, client):
    _feedback(consultation, coordinator_a)
    client.force_login(coordinator_a)
    response = client.get(reverse("participation:export_xlsx", args=[consultation.pk]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [str(c.value or "") for row in sheet.iter_rows() for c in row]
    assert "Kommentti = tärkeä" in cells
    assert not any(EMAIL in c or "@" in c for c in cells)
    assert feedback_xlsx(consultation)[:2] == b"PK"


def test_export__formula_like_text_is_defused(consultation):
    _send(consultation, '=HYPERLINK("http://evil")')
    assert "'=HYPERLINK" in feedback_csv(consultation).decode("utf-8-sig")
