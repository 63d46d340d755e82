"""The calendar file of a meeting invitation (RFC 5545)."""

from datetime import UTC, datetime

import pytest

from kotoplan.cooperation.exporters.ics import fold, meeting_ics

from ..conftest import parse_ics

pytestmark = pytest.mark.django_db


def test_ics__rfc5545_fields_in_utc(meeting_a):
    meeting_a.place = "Kaupungintalo, sali 2; 3. krs"
    meeting_a.title = "Kevään kokous – " + "pitkä otsikko " * 8
    meeting_a.save()
    services_text = meeting_ics(meeting_a, now=datetime(2026, 5, 1, 8, 30, tzinfo=UTC))
    fields = parse_ics(services_text)
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
