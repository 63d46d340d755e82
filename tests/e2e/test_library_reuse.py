"""A coordinator finds another municipality's measure in the good-practice library and copies it
into their own draft, with the keyboard, in Finnish; the copy names its origin."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from kotoplan.planning.models import Measure
from tests.support.browser import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_coordinator_searches_and_reuses_a_measure__finnish_keyboard(page, demo_site):
    base = demo_site.url
    log_in(page, base, "koordinaattori.kurikka")
    page.locator("[data-menu=library]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Muiden kuntien hyvät käytännöt")

    page.get_by_label("Hakusanat").fill("kielenoppimisen polku")
    with page.expect_navigation():
        page.get_by_label("Hakusanat").press("Enter")
    result = page.locator(".library-result").first
    expect(result.locator("mark").first).to_be_visible()
    expect(result).to_contain_text("Tampere")
    expect(result).to_contain_text("2025–2028")

    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa"]}}
    )
    assert results.violations_count == 0, results.generate_report()

    result.get_by_label("Kopioi luonnoksesi tavoitteeseen").focus()
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/plans/\d+/#measure-\d+$"))
    copy = Measure.objects.get(reused_from__isnull=False)
    assert copy.objective.plan.lead_municipality.name_fi == "Kurikka"
    row = page.locator(f"#measure-{copy.pk}")
    expect(row).to_contain_text("Pohjana: Tampere 2025–2028")
