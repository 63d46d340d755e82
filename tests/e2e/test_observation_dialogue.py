"""The observations dialogue in a real browser, on the demo data that `make demo` loads: the
area's official records an observation, the coordinator replies, the official resolves it."""

from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from playwright.sync_api import expect

from kotoplan.core.clock import today
from kotoplan.oversight.models import Observation
from kotoplan.planning.models import Objective, Plan
from tests.support.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUBJECT = "Osallistumisen kuvaus puuttuu"
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def _assert_accessible(page, what: str) -> None:
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, f"{what}:\n{results.generate_report()}"


def test_official_observes__coordinator_replies__official_resolves(browser, demo_site):
    plan = Plan.objects.get(lead_municipality__code="837", state=Plan.State.DRAFT)
    objective = Objective.objects.filter(plan=plan).order_by("theme__order", "order", "pk").first()
    base = demo_site.url
    due = (today() + timedelta(days=30)).isoformat()

    official = browser.new_context(locale="fi-FI").new_page()
    log_in(official, base, "virkailija.sisasuomi")
    official.goto(f"{base}/plans/{plan.pk}/")
    official.click("#panel-observations > summary")  # the panel is folded to one line
    official.click(f'#observations a[href="/oversight/plans/{plan.pk}/observations/"]')
    _assert_accessible(official, "plan's observations and discussions")
    official.click(f'a[href="/oversight/plans/{plan.pk}/observations/new/"]')
    official.click("main form button[type=submit]")  # empty: the error summary
    expect(official.locator(".error-summary")).to_be_visible()
    _assert_accessible(official, "observation form with errors")
    official.fill("#id_subject", SUBJECT)
    official.fill("#id_text", "Suunnitelmasta ei käy ilmi, miten asukkaat osallistuivat.")
    official.select_option("#id_rule_id", "R11-participation")
    official.select_option("#id_objective", str(objective.pk))
    official.fill("#id_reply_due", due)
    with official.expect_navigation():
        official.click("main form button[type=submit]")
    observation = Observation.objects.get(plan=plan, subject=SUBJECT)
    assert official.url.endswith(f"/oversight/observations/{observation.pk}/")
    assert official.locator("[data-observation-state]").get_attribute("data-observation-state") == (
        "open"
    )
    assert "koordinaattori.tampere@example.org" in {m.to[0] for m in mail.outbox}
    # The official cannot reply on the municipality's behalf.
    assert official.locator("#step-reply").count() == 0

    coordinator = browser.new_context(locale="fi-FI").new_page()
    log_in(coordinator, base, "koordinaattori.tampere")
    coordinator.goto(f"{base}/plans/{plan.pk}/")
    coordinator.click("#panel-observations > summary")
    coordinator.click(f'#observations a[href="/oversight/observations/{observation.pk}/"]')
    coordinator.wait_for_url(f"**/oversight/observations/{observation.pk}/")
    expect(coordinator.locator("#step-reply")).to_be_visible()
    assert coordinator.locator("#step-resolve").count() == 0
    _assert_accessible(coordinator, "observation with the reply form")
    coordinator.fill("#id_reply-text", "Lisäsimme kuvauksen asukastilaisuuksista.")
    coordinator.fill(
        "#id_reply-changes_made", "Osallistumista koskeva kohta kirjoitettiin uudelleen."
    )
    coordinator.check(f'#step-reply input[value="{objective.pk}"]')
    with coordinator.expect_navigation():
        coordinator.click("#step-reply button[type=submit]")
    observation.refresh_from_db()
    assert observation.state == Observation.State.REPLIED
    assert "virkailija.sisasuomi@example.org" in {m.to[0] for m in mail.outbox}
    coordinator.context.close()

    official.goto(f"{base}/oversight/observations/")
    _assert_accessible(official, "open observations in the area")
    official.click(f'a[href="/oversight/observations/{observation.pk}/"]')
    expect(official.locator("#trail")).to_contain_text("Lisäsimme kuvauksen asukastilaisuuksista.")
    official.fill("#id_resolve-comment", "Kiitos, asia on kunnossa.")
    with official.expect_navigation():
        official.click("#step-resolve button[type=submit]")
    observation.refresh_from_db()
    assert observation.state == Observation.State.RESOLVED
    kinds = official.locator("#trail [data-entry-kind]").evaluate_all(
        "items => items.map(item => item.dataset.entryKind)"
    )
    assert kinds == ["created", "replied", "resolved"]
    assert official.locator("#step-reopen").count() == 1
    official.context.close()
