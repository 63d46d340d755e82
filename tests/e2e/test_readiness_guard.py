"""A coordinator's attempt to move a plan on with statutory requirements unmet is stopped until a
reason is given; the regional authority then reads the reason on the plan page."""

import pytest
from playwright.sync_api import expect

from kotoplan.oversight.models import ReadinessOverride
from kotoplan.planning.models import Plan
from tests.support.browser import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

REASON = "Luonnos halutaan asukkaiden kommentoitavaksi jo nyt; puuttuvat osat täydennetään."


def test_step_with_unmet_statutory_items__stopped_until_a_reason_is_given(browser, demo_site):
    plan = Plan.objects.get(lead_municipality__code="301", state=Plan.State.DRAFT)
    base = demo_site.url
    coordinator = browser.new_context(locale="fi-FI").new_page()
    log_in(coordinator, base, "koordinaattori.kurikka")
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
