"""Reminders of a monitoring round: 14 and 3 days before, 1 day after with escalation to the
coordinators, never twice; scheduled when the round opens and sent by the daily command."""

import io
from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from kotoplan.monitoring.rounds import services
from kotoplan.monitoring.rounds.models import ReminderLog
from kotoplan.monitoring.rounds.selectors import reminder_dates

from .conftest import open_round

pytestmark = pytest.mark.django_db
DUE = date(2026, 6, 30)


def _run(clock, day):
    mail.outbox.clear()
    clock.day = day
    call_command("send_monitoring_reminders", stdout=io.StringIO())
    return list(mail.outbox)


def test_reminders__schedule_before_after_and_escalation(
    monitored_plan, coordinator_a, contributor, clock
):
    coordinator_a.preferred_language = "en"  # the escalation is read in English below
    coordinator_a.save()
    r = open_round(monitored_plan, coordinator_a, due=DUE)
    assert [d for d, _k in reminder_dates(monitoring_round=r)] == [
        date(2026, 6, 16),
        date(2026, 6, 27),
        date(2026, 7, 1),
    ]
    assert _run(clock, date(2026, 6, 15)) == []
    sent = _run(clock, date(2026, 6, 16))
    assert [m.to for m in sent] == [[contributor.email]]
    assert "Partner measure" in sent[0].body
    assert "City measure" not in sent[0].body
    assert _run(clock, date(2026, 6, 17)) == []  # no duplicates
    assert [m.to for m in _run(clock, date(2026, 6, 27))] == [[contributor.email]]
    assert _run(clock, date(2026, 6, 30)) == []
    overdue = _run(clock, date(2026, 7, 1))
    assert sorted(m.to[0] for m in overdue) == sorted([contributor.email, coordinator_a.email])
    escalation = next(m for m in overdue if m.to == [coordinator_a.email])
    assert "2 updates missing" in escalation.subject
    assert "City measure" in escalation.body
    assert "Partner measure" in escalation.body
    assert _run(clock, date(2026, 7, 2)) == []
    assert ReminderLog.objects.filter(round=r).count() == 4


def test_reminders__nothing_for_reported_measures_or_closed_rounds(
    monitored_plan, coordinator_a, contributor, clock
):
    r = open_round(monitored_plan, coordinator_a, due=DUE)
    services.measure_update_save(
        actor=contributor,
        monitoring_round=r,
        measure=monitored_plan.partner_measure,
        expected_version=None,
        status="done",
    )
    assert _run(clock, date(2026, 6, 16)) == []  # the contributor has reported
    services.round_close(actor=coordinator_a, monitoring_round=r)
    assert _run(clock, date(2026, 7, 1)) == []


def test_reminders__task_runs_when_the_round_opens(
    client, monitored_plan, coordinator_a, contributor, clock, django_capture_on_commit_callbacks
):
    clock.day = date(2026, 6, 20)  # inside the 14-day window already
    client.force_login(coordinator_a)
    url = reverse("monitoring:round_list", args=[monitored_plan.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"period_label": "2025", "due_date": DUE.isoformat()})
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[contributor.email]]
    assert ReminderLog.objects.get().kind == ReminderLog.Kind.BEFORE_14
