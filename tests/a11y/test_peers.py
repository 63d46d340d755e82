"""The peer comparison in a browser: the plan page's panel and the comparison page pass axe
(WCAG 2.1 A/AA) in Finnish and Swedish and fit a 375 px wide screen without scrolling sideways;
the GET form changes the group without JavaScript's help."""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import expect

from kotoplan.planning.models import Plan
from tests.support.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PAGE_WIDTH = "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
SHOTS = os.environ.get("KOTOPLAN_SCREENSHOTS")  # a folder: screenshots for a person to look at


def _check(page, what: str, part: str = "main", width: int = 375) -> None:
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, f"{what}:\n{results.generate_report()}"
    for size in (1280, width):
        page.set_viewport_size({"width": size, "height": 900})
        assert page.evaluate(PAGE_WIDTH) <= size, f"{what} scrolls sideways at {size} px"
        if SHOTS:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            page.locator(part).first.screenshot(path=f"{SHOTS}/{what}-{size}.png")
    page.set_viewport_size({"width": 1280, "height": 900})


def _language(page, base: str, code: str) -> None:
    page.select_option("#language-select", code)
    page.click(".language-form button")
    expect(page.locator("html")).to_have_attribute("lang", code)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_plan_panel_and_comparison_page(page, demo_site, language):
    base = demo_site.url
    log_in(page, base, "koordinaattori.tampere")
    plan = Plan.objects.get(lead_municipality__code="837", state=Plan.State.DRAFT)
    page.goto(base + reverse("planning:plan_detail", args=[plan.pk]))
    _language(page, base, language)
    page.click("#panel-peers summary")
    panel = page.locator("#panel-peers")
    expect(panel.locator("svg.peers-chart-svg")).to_be_visible()
    expect(panel.locator("table.peers-table caption")).to_be_visible()
    _check(page, f"plan-panel-{language}", "#panel-peers")

    with page.expect_navigation():
        panel.locator("a[href*='/oversight/peers/']").click()
    expect(page.locator("h1")).to_contain_text("Tampere")
    _check(page, f"comparison-{language}")

    # the GET form, submitted as a plain form: another size class changes the group
    before = page.locator("[data-peers=group]").first.inner_text()
    page.select_option("#id_size", "any")
    with page.expect_navigation():
        page.locator("form.peers-form button[type=submit]").click()
    assert "size=any" in page.url
    expect(page.locator("[data-peers=group]").first).not_to_have_text(before)


def test_area_dashboard_section(page, demo_site):
    base = demo_site.url
    log_in(page, base, "virkailija.sisasuomi")
    page.goto(base + reverse("oversight:area_default"))
    expect(page.locator("#peers-section-title")).to_be_visible()
    page.goto(page.url + "&peers=837")  # what the form sends for Tampere
    expect(page.locator("section.peers svg.peers-chart-svg")).to_be_visible()
    _check(page, "area-dashboard-fi", "section.peers")
