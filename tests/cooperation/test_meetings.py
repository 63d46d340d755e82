"""Meetings: invitations with a calendar file, attendance, minutes drafted then frozen."""

from datetime import UTC, datetime

import pytest
from django.core import mail

from kotoplan.cooperation import services
from kotoplan.cooperation.ics import fold, meeting_ics
from kotoplan.cooperation.models import Meeting
from kotoplan.core.errors import FrozenError

pytestmark = pytest.mark.django_db


def _parse(text: str) -> dict[str, str]:
    """Unfold the content lines (RFC 5545 3.1) and read NAME:VALUE pairs of the event."""
    assert text.endswith("\r\n")
    lines = text.split("\r\n")[:-1]
    assert all("\n" not in line for line in lines)
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded: list[str] = []
    for line in lines:
        if line.startswith(" "):
            unfolded[-1] += line[1:]
        else:
            unfolded.append(line)
    assert unfolded[0] == "BEGIN:VCALENDAR"
    assert unfolded[-1] == "END:VCALENDAR"
    start, end = unfolded.index("BEGIN:VEVENT"), unfolded.index("END:VEVENT")
    return dict(line.split(":", 1) for line in unfolded[start + 1 : end]) | {
        "VERSION": unfolded[1].split(":", 1)[1]
    }


def test_ics__rfc5545_fields_in_utc(meeting_a):
    meeting_a.place = "Kaupungintalo, sali 2; 3. krs"
    meeting_a.title = "Kevään kokous – " + "pitkä otsikko " * 8
    meeting_a.save()
    services_text = meeting_ics(meeting_a, now=datetime(2026, 5, 1, 8, 30, tzinfo=UTC))
    fields = _parse(services_text)
    assert fields["VERSION"] == "2.0"
    assert fields["UID"] == f"{meeting_a.uid}@kotoplan"
    assert fields["DTSTAMP"] == "20260501T083000Z"
    assert fields["DTSTART"] == "20260520T100000Z"  # 13:00 in Helsinki summer time
    assert fields["DTEND"] == "20260520T120000Z"
    assert fields["LOCATION"] == "Kaupungintalo\\, sali 2\\; 3. krs"
    assert fields["SUMMARY"].startswith("Espoon kotoutumisen yhteistyöryhmä: Kevään kokous")
    assert "\r\n " in services_text  # the long summary was folded


def test_fold__never_splits_a_character():
    line = "SUMMARY:" + "ä" * 80
    folded = fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


def test_invite__emails_representatives_with_calendar(
    django_capture_on_commit_callbacks, meeting_a, membership_a, member, coordinator_a
):
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_invite(actor=coordinator_a, meeting=meeting_a)
    recipients = {message.to[0] for message in mail.outbox}
    assert recipients == {member.email, coordinator_a.email}
    name, content, mimetype = mail.outbox[0].attachments[0]
    assert (name, mimetype) == ("meeting.ics", "text/calendar")
    assert _parse(content)["UID"] == f"{meeting_a.uid}@kotoplan"
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
        services.agenda_item_add(actor=coordinator_a, meeting=meeting, item={"title": "Uusi"})
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
