""" "My measures to update" is kept per reader until anything changes: a reported update shows
at the next visit, and each reader keeps only their own measures."""

import pytest
from django.urls import reverse

from kotoplan.monitoring.rounds import services

from .conftest import open_round

pytestmark = pytest.mark.django_db


def _my_measures(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("monitoring:my_measures"))
    assert response.status_code == 200
    return response.content.decode()


def test_my_measures__a_reported_update_shows_at_the_next_visit(
    client, monitored_plan, coordinator_a, contributor
):
    monitoring_round = open_round(monitored_plan, coordinator_a)
    first = _my_measures(client, contributor)
    assert "Not reported yet" in first
    assert _my_measures(client, contributor).count("Not reported yet") == first.count(
        "Not reported yet"
    )
    services.measure_update_save(
        actor=contributor,
        monitoring_round=monitoring_round,
        measure=monitored_plan.partner_measure,
        expected_version=None,
        status="done",
        progress=100,
    )
    page = _my_measures(client, contributor)
    assert "Not reported yet" not in page
    assert "(100 %)" in page


def test_my_measures__each_reader_keeps_their_own(
    client, monitored_plan, coordinator_a, contributor
):
    open_round(monitored_plan, coordinator_a)
    contributor_page = _my_measures(client, contributor)
    coordinator_page = _my_measures(client, coordinator_a)
    assert "City measure" not in contributor_page
    assert "City measure" in coordinator_page
    assert "City measure" not in _my_measures(client, contributor)
