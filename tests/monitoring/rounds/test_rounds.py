"""Monitoring rounds: lifecycle, who reports on which measure, optimistic locking, coverage."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from kotoplan.audit.selectors import plan_trail
from kotoplan.core.errors import DomainError, EditConflict
from kotoplan.monitoring.rounds import selectors, services
from kotoplan.monitoring.rounds.models import MeasureUpdate, MonitoringRound
from kotoplan.oversight.dashboards.selectors import municipality_rows
from kotoplan.oversight.readiness.rules import Status
from tests.oversight.support import check

from .conftest import open_round

pytestmark = pytest.mark.django_db


def test_round_lifecycle__open_then_close(monitored_plan, coordinator_a):
    r = open_round(monitored_plan, coordinator_a)
    assert r.state == MonitoringRound.State.OPEN
    assert r.opened_by == coordinator_a
    with pytest.raises(DomainError):
        open_round(monitored_plan, coordinator_a, label="2026")  # one open round at a time
    services.round_close(actor=coordinator_a, monitoring_round=r)
    r.refresh_from_db()
    assert (r.state, r.closed_on) == (MonitoringRound.State.CLOSED, date(2026, 6, 1))
    with pytest.raises(DomainError):
        services.round_close(actor=coordinator_a, monitoring_round=r)
    with pytest.raises(DomainError):
        open_round(monitored_plan, coordinator_a)  # same period twice
    assert open_round(monitored_plan, coordinator_a, label="2026").is_open


def test_round_open__only_adopted_plans_and_only_coordinators(
    monitored_plan, draft_plan, coordinator_a, contributor
):
    with pytest.raises(DomainError):
        open_round(draft_plan, coordinator_a)
    with pytest.raises(PermissionDenied):
        open_round(monitored_plan, contributor)


def test_next_period__follows_the_yearly_cycle(monitored_plan, coordinator_a):
    assert selectors.round_next_period(plan=monitored_plan) == ("2025", date(2026, 3, 31))
    open_round(monitored_plan, coordinator_a)
    assert selectors.round_next_period(plan=monitored_plan)[0] == "2026"


def test_my_measures__contributor_sees_only_own_measures(
    client, monitored_plan, coordinator_a, contributor
):
    open_round(monitored_plan, coordinator_a)
    client.force_login(contributor)
    response = client.get(reverse("monitoring:my_measures"))
    assert response.status_code == 200
    assert "Partner measure" in response.text
    assert "City measure" not in response.text
    client.force_login(coordinator_a)
    response = client.get(reverse("monitoring:my_measures"))
    assert "City measure" in response.text
    assert "Partner measure" in response.text


def test_measure_update__contributor_cannot_update_other_measures(
    client, monitored_plan, coordinator_a, contributor
):
    r = open_round(monitored_plan, coordinator_a)
    client.force_login(contributor)
    other = reverse("monitoring:measure_update", args=[r.pk, monitored_plan.own_measure.pk])
    assert client.get(other).status_code == 404
    assert client.post(other, {"status": "done"}).status_code == 404
    with pytest.raises(PermissionDenied):
        services.measure_update_save(
            actor=contributor,
            monitoring_round=r,
            measure=monitored_plan.own_measure,
            expected_version=None,
            status="done",
        )
    own = reverse("monitoring:measure_update", args=[r.pk, monitored_plan.partner_measure.pk])
    response = client.post(
        own,
        {
            "status": "on_track",
            "progress": "40",
            "narrative": "Two courses held.",
            "evidence_links": "https://example.org/report\n",
        },
    )
    assert response.status_code == 302
    update = MeasureUpdate.objects.get(round=r, measure=monitored_plan.partner_measure)
    assert (update.status, update.progress, update.evidence_links) == (
        "on_track",
        40,
        ["https://example.org/report"],
    )
    monitored_plan.refresh_from_db()
    assert monitored_plan.state == "adopted"  # progress is not plan content


def test_measure_update__invalid_link_and_progress_are_refused(
    client, monitored_plan, coordinator_a, contributor
):
    r = open_round(monitored_plan, coordinator_a)
    client.force_login(contributor)
    url = reverse("monitoring:measure_update", args=[r.pk, monitored_plan.partner_measure.pk])
    response = client.post(
        url, {"status": "on_track", "progress": "140", "evidence_links": "javascript:alert(1)"}
    )
    assert response.status_code == 200
    assert "Line 1 is not a web address" in response.text
    assert not MeasureUpdate.objects.exists()


def test_measure_update__optimistic_lock_conflict(monitored_plan, coordinator_a, contributor):
    r = open_round(monitored_plan, coordinator_a)
    measure = monitored_plan.partner_measure
    first = services.measure_update_save(
        actor=contributor,
        monitoring_round=r,
        measure=measure,
        expected_version=None,
        status="on_track",
    )
    services.measure_update_save(
        actor=coordinator_a,
        monitoring_round=r,
        measure=measure,
        expected_version=first.version,
        status="delayed",
    )
    with pytest.raises(EditConflict) as conflict:
        services.measure_update_save(
            actor=contributor,
            monitoring_round=r,
            measure=measure,
            expected_version=first.version,
            status="done",
        )
    assert conflict.value.current.status == "delayed"
    with pytest.raises(EditConflict):  # a "first" report that meets an existing one
        services.measure_update_save(
            actor=contributor,
            monitoring_round=r,
            measure=measure,
            expected_version=None,
            status="done",
        )


def test_measure_update__closed_round_refuses(monitored_plan, coordinator_a):
    r = open_round(monitored_plan, coordinator_a)
    services.round_close(actor=coordinator_a, monitoring_round=r)
    with pytest.raises(DomainError):
        services.measure_update_save(
            actor=coordinator_a,
            monitoring_round=r,
            measure=monitored_plan.own_measure,
            expected_version=None,
            status="done",
        )


def test_indicator_value__manual_value_for_a_year(monitored_plan, coordinator_a, contributor):
    r = open_round(monitored_plan, coordinator_a)
    value = services.indicator_value_save(
        actor=contributor,
        monitoring_round=r,
        indicator=monitored_plan.indicator,
        year=2025,
        value=Decimal("47"),
    )
    services.indicator_value_save(
        actor=coordinator_a,
        monitoring_round=r,
        indicator=monitored_plan.indicator,
        year=2025,
        value=Decimal("48"),
    )
    value.refresh_from_db()
    assert value.value == Decimal("48")


def test_coverage__reported_over_total(monitored_plan, coordinator_a, contributor):
    r = open_round(monitored_plan, coordinator_a)
    assert selectors.round_coverage(monitoring_round=r) == selectors.Coverage(0, 2)
    services.measure_update_save(
        actor=contributor,
        monitoring_round=r,
        measure=monitored_plan.partner_measure,
        expected_version=None,
        status="done",
    )
    coverage = selectors.round_coverage(monitoring_round=r)
    assert (coverage.reported, coverage.total, coverage.percent) == (1, 2, 50)
    summary = selectors.monitoring_summaries(plan_ids=[monitored_plan.pk])[monitored_plan.pk]
    assert summary.coverage == coverage
    assert summary.last_update is not None


def test_summary__newest_round_counts__last_report_of_the_newest_round_with_one(
    monitored_plan, coordinator_a, contributor
):
    first = open_round(monitored_plan, coordinator_a, label="2025", due=date(2026, 3, 31))
    services.measure_update_save(
        actor=contributor,
        monitoring_round=first,
        measure=monitored_plan.partner_measure,
        expected_version=None,
        status="done",
    )
    reported_on = datetime(2026, 3, 20, 10, tzinfo=UTC)
    MeasureUpdate.objects.filter(round=first).update(updated_at=reported_on)
    services.round_close(actor=coordinator_a, monitoring_round=first)
    second = open_round(monitored_plan, coordinator_a, label="2026", due=date(2027, 3, 31))

    summary = selectors.monitoring_summaries(plan_ids=[monitored_plan.pk])[monitored_plan.pk]
    # the newest round, nobody has reported in it yet; the last report is the older round's
    assert (summary.period_label, summary.coverage) == ("2026", selectors.Coverage(0, 2))
    assert summary.last_update == date(2026, 3, 20)

    services.measure_update_save(
        actor=contributor,
        monitoring_round=second,
        measure=monitored_plan.partner_measure,
        expected_version=None,
        status="on_track",
    )
    MeasureUpdate.objects.filter(round=second).update(
        updated_at=datetime(2027, 2, 1, 9, tzinfo=UTC)
    )
    summary = selectors.monitoring_summaries(plan_ids=[monitored_plan.pk])[monitored_plan.pk]
    assert (summary.coverage, summary.last_update) == (
        selectors.Coverage(1, 2),
        date(2027, 2, 1),
    )


def test_rounds_page__coordinator_manages_viewer_reads(
    client, monitored_plan, coordinator_a, viewer_a, coordinator_b
):
    client.force_login(coordinator_a)
    url = reverse("monitoring:round_list", args=[monitored_plan.pk])
    response = client.post(url, {"period_label": "2025", "due_date": "2026-06-30"})
    assert response.status_code == 302
    r = MonitoringRound.objects.get(plan=monitored_plan)
    client.force_login(viewer_a)
    assert client.get(url).status_code == 200
    assert client.post(url, {"period_label": "2026", "due_date": "2027-03-31"}).status_code == 403
    close = reverse("monitoring:round_close", args=[monitored_plan.pk, r.pk])
    assert client.post(close).status_code == 403
    assert MonitoringRound.objects.get(pk=r.pk).is_open
    client.force_login(coordinator_b)
    assert client.get(url).status_code == 404
    report = reverse("monitoring:round_report", args=[monitored_plan.pk, r.pk])
    assert client.get(report).status_code == 404


def test_r17__not_applicable_before_adoption(draft_plan):
    assert check("R17-monitoring-not-overdue", draft_plan).status == Status.NOT_APPLICABLE


def test_r17__missing_when_round_overdue_passed_when_closed(monitored_plan, coordinator_a, clock):
    # adopted 2025-03-01; on 2026-06-01 more than a yearly cycle has passed without a round
    assert check("R17-monitoring-not-overdue", monitored_plan).status == Status.MISSING
    r = open_round(monitored_plan, coordinator_a, due=date(2026, 6, 30))
    assert check("R17-monitoring-not-overdue", monitored_plan).status == Status.PASSED
    clock.day = date(2026, 7, 1)
    assert check("R17-monitoring-not-overdue", monitored_plan).status == Status.MISSING
    services.round_close(actor=coordinator_a, monitoring_round=r)
    assert check("R17-monitoring-not-overdue", monitored_plan).status == Status.PASSED


def test_rounds_are_audited_with_the_plan(monitored_plan, coordinator_a):
    r = open_round(monitored_plan, coordinator_a)
    entry = plan_trail(plan_id=monitored_plan.pk).filter(object_pk=str(r.pk)).first()
    assert entry is not None
    assert entry.actor == coordinator_a


def test_dashboard_rows__last_monitoring_update_and_coverage(
    monitored_plan, coordinator_a, contributor, municipality_a, django_assert_max_num_queries
):
    r = open_round(monitored_plan, coordinator_a)
    services.measure_update_save(
        actor=contributor,
        monitoring_round=r,
        measure=monitored_plan.partner_measure,
        expected_version=None,
        status="done",
    )
    with django_assert_max_num_queries(12):
        (row,) = municipality_rows([municipality_a], show_drafts=True)
    assert row.last_monitoring is not None
    assert row.monitoring_period == "2025"
    assert (row.monitoring_coverage.reported, row.monitoring_coverage.total) == (1, 2)


def test_next_period__half_yearly_cycle(monitored_plan, coordinator_a):
    monitored_plan.monitoring_cycle = "half_yearly"
    monitored_plan.save()
    assert selectors.round_next_period(plan=monitored_plan) == ("2025 H1", date(2025, 9, 30))
    open_round(monitored_plan, coordinator_a, label="2025 H1", due=date(2025, 9, 30))
    assert selectors.round_next_period(plan=monitored_plan) == ("2025 H2", date(2026, 3, 31))
