"""Reply e-mail addresses of consultation feedback are removed after the retention time: by the
daily command, once per consultation, recorded in the audit trail without the addresses."""

from datetime import timedelta
from io import StringIO

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone

from kotoplan.participation.models import Consultation, Submission
from kotoplan.participation.tasks import purge_feedback_contacts
from tests.participation.conftest import make_consultation


def _feedback(consultation, email: str) -> Submission:
    return Submission.objects.create(consultation=consultation, language="fi", email=email)


@pytest.fixture
def long_closed(full_draft_plan, coordinator_a) -> Consultation:
    consultation = make_consultation(full_draft_plan, coordinator_a, slug="espoo-2025")
    now = timezone.now()
    Consultation.objects.filter(pk=consultation.pk).update(
        opens_at=now - timedelta(days=300), closes_at=now - timedelta(days=200)
    )
    return consultation


def test_addresses_removed__consultation_closed_longer_than_the_retention(
    long_closed, consultation, settings
):
    """After 180 days the addresses of the old consultation are gone; an open one keeps its."""
    settings.KOTOPLAN_FEEDBACK_CONTACT_RETENTION_DAYS = 180
    old = _feedback(long_closed, "asukas@example.fi")
    anonymous = _feedback(long_closed, "")
    current = _feedback(consultation, "toinen@example.fi")
    out = StringIO()

    call_command("purge_feedback_contacts", stdout=out)

    assert out.getvalue().strip() == "1 reply e-mail address(es) removed"
    old.refresh_from_db()
    current.refresh_from_db()
    anonymous.refresh_from_db()
    assert old.email == ""
    assert anonymous.email == ""
    assert current.email == "toinen@example.fi"
    long_closed.refresh_from_db()
    assert long_closed.contacts_removed_at is not None
    consultation.refresh_from_db()
    assert consultation.contacts_removed_at is None


def test_addresses_kept__retention_not_yet_over(long_closed, settings):
    """A consultation closed 200 days ago keeps the addresses when they are kept a year."""
    settings.KOTOPLAN_FEEDBACK_CONTACT_RETENTION_DAYS = 365
    kept = _feedback(long_closed, "asukas@example.fi")

    assert purge_feedback_contacts.enqueue().return_value == 0

    kept.refresh_from_db()
    assert kept.email == "asukas@example.fi"


def test_removal_audited_once__without_the_addresses(long_closed):
    """The trail says when the addresses were removed, never what they were; a second run
    finds nothing to do and records nothing."""
    _feedback(long_closed, "asukas@example.fi")

    call_command("purge_feedback_contacts", "--days", "30", stdout=StringIO())
    call_command("purge_feedback_contacts", "--days", "30", stdout=StringIO())

    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Consultation),
        object_pk=str(long_closed.pk),
    )
    removals = [
        entry
        for entry in entries
        if (entry.changes or {}).get("contacts_removed_at", [None, "None"])[1] != "None"
    ]
    assert len(removals) == 1
    assert all("asukas@example.fi" not in str(entry.changes) for entry in LogEntry.objects.all())
