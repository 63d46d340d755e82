"""A coordinator fixes a gap from the readiness checklist: the "Fix" link opens the form with the
field's label and help text in view (not under the page header), and saving comes back to the
checklist. The attempt to move the plan on with statutory requirements still unmet is stopped
until a reason is given; the regional authority then reads the reason on the plan page."""

import re

import pytest
from playwright.sync_api import expect

from kotoplan.oversight.models import ReadinessOverride
from kotoplan.planning.models import Plan
from tests.support.browser import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

IN_VIEW = """(el) => {
  const box = el.getBoundingClientRect();
  return {top: box.top, bottom: box.bottom, height: window.innerHeight};
}"""
# The header's lowest edge still covering the top of the window, wherever it is scrolled.
HEADER_BOTTOM = """() => Math.max(0,
  ...[...document.querySelectorAll('body > header, .site-header')]
    .map((el) => el.getBoundingClientRect().bottom))"""

REASON = "Luonnos halutaan asukkaiden kommentoitavaksi jo nyt; puuttuvat osat täydennetään."


def _fix_from_the_checklist(page, base: str, plan) -> None:
    """Follow the checklist's first "Fix" link, fill the field and save."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{base}/plans/{plan.pk}/#readiness")
    checklist = page.locator("#readiness .readiness-checklist")
    expect(checklist).to_have_attribute("open", "")
    fix = checklist.locator("a", has_text=re.compile(r"^Korjaa")).first
    href = fix.get_attribute("href")
    field_id = href.rpartition("#")[2]
    assert field_id == "id_county_coordination_field", href  # the first statutory gap
    assert "return_to=" in href

    fix.click()

    page.wait_for_url(re.compile(re.escape(field_id) + "$"))
    wrapper = page.locator(f"#{field_id}")
    label = wrapper.locator("label, legend").first
    help_text = wrapper.locator(".help").first
    expect(label).to_be_visible()
    expect(help_text).to_be_visible()
    header_bottom = page.evaluate(HEADER_BOTTOM)
    for part in (label, help_text):
        box = part.evaluate(IN_VIEW)
        assert box["top"] >= header_bottom, (field_id, box, header_bottom)
        assert box["bottom"] <= box["height"], (field_id, box)
    assert page.evaluate("window.scrollY") > 0  # scrolled down the long form to the field
    wrapper.locator("textarea").fill("Yhteinen ohjausryhmä hyvinvointialueen kanssa.")

    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()

    page.wait_for_url(f"{base}/plans/{plan.pk}/#readiness")
    expect(page.locator(".messages, [role=status]").first).to_be_visible()
    plan.refresh_from_db()
    assert plan.county_coordination == "Yhteinen ohjausryhmä hyvinvointialueen kanssa."
    # back at the checklist, its result in view (the folded panel opened)
    expect(page.locator("#readiness .readiness-summary")).to_be_in_viewport()


def test_gap_fixed_from_the_checklist__then_stopped_until_a_reason_is_given(browser, demo_site):
    plan = Plan.objects.get(lead_municipality__code="301", state=Plan.State.DRAFT)
    base = demo_site.url
    coordinator = browser.new_context(locale="fi-FI").new_page()
    log_in(coordinator, base, "koordinaattori.kurikka")
    _fix_from_the_checklist(coordinator, base, plan)
    coordinator.goto(f"{base}/plans/{plan.pk}/")
    coordinator.click(f'a[href="/plans/{plan.pk}/state/consultation/"]')
    expect(coordinator.locator("#unmet-title")).to_contain_text("lakisääteistä vaatimusta ei täyty")
    expect(coordinator.locator('[data-unmet="R01-themes-covered"]')).to_be_visible()

    coordinator.click("main form button[type=submit]")
    expect(coordinator.locator("#id_override_reason_error")).to_be_visible()
    expect(coordinator.locator("#id_override_reason")).to_have_attribute("aria-invalid", "true")
    plan.refresh_from_db()
    assert plan.state == Plan.State.DRAFT

    coordinator.fill("#id_override_reason", REASON)
    coordinator.click("main form button[type=submit]")
    coordinator.wait_for_url(f"{base}/plans/{plan.pk}/")
    plan.refresh_from_db()
    assert plan.state == Plan.State.CONSULTATION
    assert ReadinessOverride.objects.get(plan=plan).reason == REASON

    official = browser.new_context(locale="fi-FI").new_page()
    log_in(official, base, "virkailija.etelapohjanmaa")
    official.goto(f"{base}/plans/{plan.pk}/")
    expect(official.locator(".readiness-overrides")).to_contain_text(REASON)
