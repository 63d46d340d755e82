"""The foundation flow in a real browser, on the demo data that `make demo` loads."""

import re

import pytest
from playwright.sync_api import expect

from kotoplan.planning.models import Indicator, Measure, Objective, Plan
from tests.support.browser import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def _editable_demo_plan() -> Plan:
    return Plan.objects.get(lead_municipality__code="837", state=Plan.State.DRAFT)


def test_coordinator_adds_objective_measure_and_indicator__seen_on_plan_page(page, demo_site):
    """A coordinator builds an objective with a measure and an indicator using only the forms."""
    plan = _editable_demo_plan()
    base = demo_site.url
    log_in(page, base, "koordinaattori.tampere")
    page.goto(f"{base}/plans/{plan.pk}/")
    page.click('a[href$="objectives/new/?theme=good_relations"]')
    page.fill("#id_title_fi", "Kohtaamispaikat kaikille asukkaille")
    page.fill("#id_description_fi", "Kirjastot ja nuorisotilat järjestävät yhteisiä iltoja.")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    objective = Objective.objects.get(plan=plan, title_fi="Kohtaamispaikat kaikille asukkaille")
    assert re.search(rf"/plans/{plan.pk}/#objective-{objective.pk}$", page.url)

    page.click(f'a[href="/objectives/{objective.pk}/measures/new/"]')
    page.fill("#id_title_fi", "Kielikahvilat kirjastoissa")
    # The responsible party is picked with the typeahead over the <select>.
    page.fill("#id_responsible_organisation-combobox", "Tampere")
    page.press("#id_responsible_organisation-combobox", "ArrowDown")
    page.press("#id_responsible_organisation-combobox", "Enter")
    page.fill("#id_schedule_start", "2027-01-01")
    page.fill("#id_schedule_end", "2027-12-31")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert Measure.objects.filter(
        objective=objective, title_fi="Kielikahvilat kirjastoissa"
    ).exists()

    page.click(f'a[href="/objectives/{objective.pk}/indicators/new/"]')
    page.fill("#id_name_fi", "Kielikahviloiden kävijät")
    page.fill("#id_unit", "henkilöä")
    page.fill("#id_baseline_value", "120")
    page.fill("#id_baseline_year", "2026")
    page.fill("#id_target_value", "400")
    page.fill("#id_target_year", "2025")
    page.click("main form button[type=submit]")
    # The mistake is explained next to the field, and nothing was saved.
    expect(page.locator("#id_target_year")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_target_year_error")).to_be_visible()
    assert not Indicator.objects.filter(objective=objective).exists()
    page.fill("#id_target_year", "2028")
    with page.expect_navigation():
        page.click("main form button[type=submit]")

    page.goto(f"{base}/plans/{plan.pk}/")
    section = page.locator(f"#objective-{objective.pk}")
    assert "Kohtaamispaikat kaikille asukkaille" in section.inner_text()
    assert "Kielikahvilat kirjastoissa" in section.inner_text()
    assert "Kielikahviloiden kävijät" in section.inner_text()
    assert "400" in section.locator("table").last.inner_text()


def test_regional_official_reads_plan_read_only__and_other_coordinator_is_refused(
    browser, demo_site
):
    """The area's official sees the plan without edit controls; another municipality gets 404."""
    plan = _editable_demo_plan()
    base = demo_site.url

    official = browser.new_context().new_page()
    log_in(official, base, "virkailija.sisasuomi")
    response = official.goto(f"{base}/plans/{plan.pk}/")
    assert response.status == 200
    assert plan.title_fi in official.inner_text("h1")
    assert official.locator(f'a[href="/plans/{plan.pk}/edit/"]').count() == 0
    assert official.locator('a[href*="/objectives/new/"]').count() == 0
    assert official.goto(f"{base}/plans/{plan.pk}/edit/").status == 403
    official.context.close()

    other = browser.new_context().new_page()
    log_in(other, base, "koordinaattori.vaasa")
    assert other.goto(f"{base}/plans/{plan.pk}/").status == 404
    assert other.goto(f"{base}/plans/{plan.pk}/edit/").status == 404
    other.context.close()
