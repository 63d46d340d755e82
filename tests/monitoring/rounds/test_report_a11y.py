"""axe-core finds no WCAG 2.1 A/AA violations on the monitoring report and "my measures"
pages of the demo data (the completed 2025 round of the adopted Tampere plan)."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from kotoplan.monitoring.rounds.models import MonitoringRound
from tests.support.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def _assert_accessible(page, what: str) -> None:
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, f"{what}:\n{results.generate_report()}"


def test_report_and_my_measures_have_no_wcag_violations(page, demo_site):
    base = demo_site.url
    completed = MonitoringRound.objects.get(
        plan__lead_municipality__code="837", period_label="2025"
    )
    assert not completed.is_open
    log_in(page, base, "koordinaattori.tampere")
    for path in [
        f"/monitoring/plans/{completed.plan_id}/rounds/{completed.pk}/report/",
        "/monitoring/my-measures/",
        f"/monitoring/plans/{completed.plan_id}/rounds/",
    ]:
        response = page.goto(f"{base}{path}")
        assert response.status == 200, path
        _assert_accessible(page, path)
        if path.endswith("/report/"):
            assert page.locator("svg[role=img] title").count() >= 1
