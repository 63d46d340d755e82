"""The monitoring report: accessible charts with the same numbers as their tables, status by
theme, narratives and the changes since the previous round; who may read it."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from kotoplan.monitoring import progress_services as services

from .progress_support import build_monitored_plan, open_round

pytestmark = pytest.mark.django_db
_monitored_plan = pytest.fixture(name="monitored_plan")(build_monitored_plan)


@pytest.fixture
def two_rounds(monitored_plan, coordinator_a, contributor):
    first = open_round(monitored_plan, coordinator_a, label="2025", due=date(2026, 3, 31))
    services.measure_update_save(
        actor=contributor,
        monitoring_round=first,
        measure=monitored_plan.partner_measure,
        expected_version=None,
        status="on_track",
        narrative="First courses started.",
    )
    services.indicator_value_save(
        actor=contributor,
        monitoring_round=first,
        indicator=monitored_plan.indicator,
        year=2025,
        value=Decimal("47"),
    )
    services.round_close(actor=coordinator_a, monitoring_round=first)
    second = open_round(monitored_plan, coordinator_a, label="2026", due=date(2026, 6, 30))
    services.measure_update_save(
        actor=contributor,
        monitoring_round=second,
        measure=monitored_plan.partner_measure,
        expected_version=None,
        status="delayed",
        narrative="Teacher on leave.",
        evidence_links=["https://example.org/news"],
    )
    services.indicator_value_save(
        actor=contributor,
        monitoring_round=second,
        indicator=monitored_plan.indicator,
        year=2026,
        value=Decimal("51.5"),
    )
    return first, second


def test_report__chart_and_table_carry_the_same_numbers(client, two_rounds, viewer_a):
    plan = two_rounds[1].plan
    client.force_login(viewer_a)
    response = client.get(reverse("monitoring:round_report", args=[plan.pk, two_rounds[1].pk]))
    assert response.status_code == 200
    html = response.text
    svg = re.search(r"<svg role=\"img\".*?</svg>", html, re.S).group(0)
    title = re.search(r"<title id=\"[^\"]+\">(.*?)</title>", svg).group(1)
    desc = re.search(r"<desc id=\"[^\"]+\">(.*?)</desc>", svg).group(1)
    assert title == "Course participants"
    for year, value in [("2024", "40"), ("2025", "47"), ("2026", "51.5"), ("2028", "55")]:
        assert f"{year}" in desc
        assert f" {value} persons" in desc
    table = re.search(r"<table class=\"chart-data\">.*?</table>", html, re.S).group(0)
    rows = re.findall(r"<th scope=\"row\">(\d+)</th><td>\w+</td><td>([\d.]+)</td>", table)
    assert rows == [("2024", "40"), ("2025", "47"), ("2026", "51.5"), ("2028", "55")]
    assert svg.count("<circle") == 3
    assert svg.count("<rect") == 1


def test_report__status_summary_changes_and_narratives(client, two_rounds, coordinator_a):
    plan = two_rounds[1].plan
    client.force_login(coordinator_a)
    html = client.get(reverse("monitoring:round_report", args=[plan.pk, two_rounds[1].pk])).text
    assert "Update coverage: 1 of 2 measures reported." in html
    assert "Partner measure: On track → Delayed" in html
    assert "Course participants 2026: 51.5 persons" in html
    assert "Teacher on leave." in html
    assert "https://example.org/news" in html
    first = client.get(reverse("monitoring:round_report", args=[plan.pk, two_rounds[0].pk])).text
    assert "This is the first monitoring round of the plan." in first
    assert "51.5" not in first  # a later round's value is not in an earlier report


def test_report__permissions(client, two_rounds, contributor, coordinator_b, national_viewer):
    plan = two_rounds[0].plan
    url = reverse("monitoring:round_report", args=[plan.pk, two_rounds[0].pk])
    client.force_login(contributor)  # owns a measure of the plan, so may read it
    assert client.get(url).status_code == 200
    client.force_login(coordinator_b)
    assert client.get(url).status_code == 404
    client.force_login(national_viewer)
    assert client.get(url).status_code == 200
    wrong_plan = reverse("monitoring:round_report", args=[plan.pk + 999, two_rounds[0].pk])
    assert client.get(wrong_plan).status_code == 404


def test_plan_page_panel_and_nav_link(client, two_rounds, coordinator_a, viewer_a):
    plan = two_rounds[1].plan
    client.force_login(coordinator_a)
    html = client.get(reverse("planning:plan_detail", args=[plan.pk])).text
    assert "Latest round 2026" in html
    assert "Update coverage: 1 of 2" in html
    assert "My measures to update" in html
    client.force_login(viewer_a)
    html = client.get(reverse("planning:plan_detail", args=[plan.pk])).text
    assert "Latest round 2026" in html
    assert "Update coverage" not in html
    assert "My measures to update" not in html
