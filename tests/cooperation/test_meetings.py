"""Meetings: invitations with a calendar file, attendance, minutes drafted then frozen."""

import pytest
from django.core import mail

from kotoplan.cooperation import services
from kotoplan.cooperation.models import Meeting
from kotoplan.core.errors import FrozenError

from .conftest import parse_ics

pytestmark = pytest.mark.django_db


def test_invite__emails_representatives_with_calendar(
    django_capture_on_commit_callbacks, meeting_a, membership_a, member, coordinator_a
):
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_invite(actor=coordinator_a, meeting=meeting_a)
    recipients = {message.to[0] for message in mail.outbox}
    assert recipients == {member.email, coordinator_a.email}
    name, content, mimetype = mail.outbox[0].attachments[0]
    assert (name, mimetype) == ("meeting.ics", "text/calendar")
    assert parse_ics(content)["UID"] == f"{meeting_a.uid}@kotoplan"
    meeting_a.refresh_from_db()
    assert meeting_a.invitations_sent_at is not None


def test_attendance__only_representatives_of_the_day(meeting_a, membership_a, coordinator_a):
    rep = membership_a.representatives.get()
    rows = services.attendance_record(actor=coordinator_a, meeting=meeting_a, present=[rep])
    assert [(row.representative, row.present) for row in rows] == [(rep, True)]


def test_minutes__drafted_then_approved_and_frozen(meeting_a, membership_a, coordinator_a):
    meeting = services.minutes_save(
        actor=coordinator_a,
        meeting=meeting_a,
        expected_version=meeting_a.version,
        minutes="Käytiin läpi kesätyöt.",
        decisions="Perustetaan työryhmä.",
    )
    meeting = services.minutes_approve(actor=coordinator_a, meeting=meeting)
    assert meeting.minutes_state == Meeting.MinutesState.APPROVED
    rep = membership_a.representatives.get()

    with pytest.raises(FrozenError):
        services.minutes_save(
            actor=coordinator_a,
            meeting=meeting,
            expected_version=meeting.version,
            minutes="Muutettu",
            decisions="",
        )
    with pytest.raises(FrozenError):
        services.attendance_record(actor=coordinator_a, meeting=meeting, present=[rep])
    with pytest.raises(FrozenError):
        services.agenda_item_add(actor=coordinator_a, meeting=meeting, title="Uusi")
    with pytest.raises(FrozenError):
        services.document_add(
            actor=coordinator_a, meeting=meeting, title="Liite", url="https://example.fi/a"
        )
    meeting.refresh_from_db()
    assert meeting.minutes == "Käytiin läpi kesätyöt."


def test_minutes_view__frozen_page_has_no_forms(client, meeting_a, coordinator_a, member):
    meeting_a.minutes = "Pöytäkirja"
    meeting_a.save()
    services.minutes_approve(actor=coordinator_a, meeting=meeting_a)
    client.force_login(coordinator_a)
    page = client.get(f"/cooperation/meetings/{meeting_a.pk}/").content.decode()
    assert 'data-minutes-state="approved"' in page
    assert "/minutes/approve/" not in page
    response = client.post(
        f"/cooperation/meetings/{meeting_a.pk}/minutes/",
        {"expected_version": meeting_a.version + 1, "minutes": "x", "decisions": ""},
    )
    assert response.status_code == 302
    meeting_a.refresh_from_db()
    assert meeting_a.minutes == "Pöytäkirja"


def test_calendar_download(client, meeting_a, membership_a, member):
    client.force_login(member)
    response = client.get(f"/cooperation/meetings/{meeting_a.pk}/calendar.ics")
    assert response["Content-Type"].startswith("text/calendar")
    assert b"\r\nDTSTART:20260520T100000Z\r\n" in response.content


def test_meeting_page__every_form_carries_the_csrf_token(client, meeting_a, coordinator_a):
    client.force_login(coordinator_a)
    for url in (
        f"/cooperation/meetings/{meeting_a.pk}/",
        f"/cooperation/groups/{meeting_a.group_id}/meetings/new/",
        f"/cooperation/groups/{meeting_a.group_id}/plans/{meeting_a.group.plans.get().pk}/",
    ):
        page = client.get(url).content.decode()
        assert page.count("<form") == page.count('name="csrfmiddlewaretoken"'), url
