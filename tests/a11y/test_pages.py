"""axe-core finds no WCAG 2.1 A/AA violations on the main pages, in Finnish and Swedish."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from kotoplan.planning.models import Measure, Objective, Plan
from tests.support.browser import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def _assert_accessible(page, what: str) -> None:
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, f"{what}:\n{results.generate_report()}"


def test_main_pages_have_no_wcag_violations__as_coordinator(page, demo_site):
    """Login, plan list, plan page, every edit form and the history pass axe."""
    base = demo_site.url
    page.goto(f"{base}/accounts/login/")
    _assert_accessible(page, "login")
    log_in(page, base, "koordinaattori.tampere")
    plan = Plan.objects.get(lead_municipality__code="837", state=Plan.State.DRAFT)
    objective = Objective.objects.filter(plan=plan).first()
    paths = [
        "/",
        f"/plans/{plan.pk}/",
        f"/plans/{plan.pk}/edit/",
        f"/plans/{plan.pk}/situation/",
        f"/plans/{plan.pk}/history/",
        f"/plans/{plan.pk}/compare/",
        f"/plans/{plan.pk}/objectives/new/",
        f"/objectives/{objective.pk}/measures/new/",
        f"/objectives/{objective.pk}/indicators/new/",
        f"/plans/{plan.pk}/timetable/new/",
        f"/plans/{plan.pk}/decisions/new/",
        "/plans/historical/new/",
        f"/plans/{plan.previous_version_id}/",
        f"/plans/{plan.pk}/chapters/new/",
        "/accounts/profile/",
        "/accounts/organisations/",
        "/accounts/organisations/new/local/",
        "/accounts/organisations/new/unit/",
    ]
    for path in paths:
        response = page.goto(base + path)
        assert response.status == 200, path
        _assert_accessible(page, path)


def test_form_with_errors_has_no_wcag_violations(page, demo_site):
    """Error messages are linked to their fields and the error summary passes axe."""
    base = demo_site.url
    log_in(page, base, "koordinaattori.tampere")
    plan = Plan.objects.get(lead_municipality__code="837", state=Plan.State.DRAFT)
    page.goto(f"{base}/plans/{plan.pk}/edit/")
    page.fill("#id_period_end", "2000")
    page.click("main form button[type=submit]")
    expect(page.locator(".error-summary")).to_be_visible()
    _assert_accessible(page, "plan form with errors")


def test_plan_page_in_swedish_has_no_wcag_violations(page, demo_site):
    """A bilingual municipality's plan read in Swedish passes axe, fallbacks marked with lang."""
    base = demo_site.url
    log_in(page, base, "koordinaattori.vaasa")
    plan = Plan.objects.filter(lead_municipality__code="905").first()
    page.goto(f"{base}/plans/{plan.pk}/")
    page.select_option("#language-select", "sv")
    page.click(".language-form button")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    _assert_accessible(page, "plan page in Swedish")


def test_plan_by_its_own_chapters_has_no_wcag_violations(page, demo_site):
    """A plan read by its own priority areas (chapters with up/down buttons, objectives with
    additional themes, worded targets, schedules as text) passes axe, and so does the measure form
    that holds a schedule written as text."""
    base = demo_site.url
    log_in(page, base, "koordinaattori.kurikka")
    plan = Plan.objects.get(lead_municipality__code="301")
    page.goto(f"{base}/plans/{plan.pk}/")
    assert page.locator("#chapters button").count() == 2  # move down, move up
    _assert_accessible(page, "plan page by chapters")
    page.locator("#chapters button").first.click()
    page.wait_for_url(f"**/plans/{plan.pk}/#chapters")
    first = plan.chapters.order_by("order").first()
    assert first.title_fi == "Hyvä arki kaikille kurikkalaisille"
    measure = Measure.objects.get(objective__plan=plan, title_fi="Kansainvälinen kahvila")
    page.goto(f"{base}/measure/{measure.pk}/edit/")
    assert page.input_value("#id_schedule_text") == "jatkuva"
    _assert_accessible(page, "measure form with a schedule as text")
