"""Reflow (WCAG 1.4.10): the main pages fit a 320 px wide screen without scrolling sideways,
in Finnish; wide tables scroll inside their own labelled region instead of widening the page."""

import pytest
from django.urls import reverse

from kotoplan.monitoring.models import MonitoringRound
from kotoplan.planning.models import Plan
from tests.support.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGE_WIDTH = "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"


def _too_wide(page, base: str, paths: list[str], width: int) -> list[str]:
    page.set_viewport_size({"width": width, "height": 800})
    wide = []
    for path in paths:
        response = page.goto(base + path)
        assert response.status == 200, path
        scroll_width = page.evaluate(PAGE_WIDTH)
        if scroll_width > width:
            wide.append(f"{path}: {scroll_width} px")
    return wide


def test_coordinator_pages_fit_320_px(page, demo_site):
    base = demo_site.url
    log_in(page, base, "koordinaattori.tampere")
    adopted = Plan.objects.get(lead_municipality__code="837", state=Plan.State.ADOPTED)
    draft = Plan.objects.get(lead_municipality__code="837", state=Plan.State.DRAFT)
    monitoring_round = MonitoringRound.objects.filter(plan=adopted).order_by("pk").first()
    paths = [
        "/",
        reverse("planning:plan_detail", args=[adopted.pk]),
        reverse("planning:plan_detail", args=[draft.pk]),
        reverse("planning:plan_history", args=[draft.pk]),
        reverse("planning:plan_compare", args=[draft.pk]),
        reverse("monitoring:round_list", args=[adopted.pk]),
        reverse("monitoring:round_report", args=[adopted.pk, monitoring_round.pk]),
        reverse("monitoring:my_measures"),
        reverse("cooperation:group_list"),
    ]
    assert _too_wide(page, base, paths, 320) == []


def test_official_pages_fit_320_px(page, demo_site):
    base = demo_site.url
    log_in(page, base, "virkailija.sisasuomi")
    page.goto(base + reverse("oversight:area_default"))
    paths = [reverse("oversight:dashboards"), page.url.removeprefix(base)]
    assert _too_wide(page, base, paths, 320) == []


def test_ministry_pages_fit_320_px(page, demo_site):
    base = demo_site.url
    log_in(page, base, "ministerio.tem")
    paths = ["/", reverse("oversight:national_dashboard")]
    assert _too_wide(page, base, paths, 320) == []
