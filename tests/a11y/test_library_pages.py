"""The good-practice library's pages pass axe (WCAG 2.1 A and AA) in Finnish: the search with
its results and filters, without logging in, and a measure's page with similar measures."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from kotoplan.planning.models import Measure, Plan
from tests.support.browser import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def _assert_accessible(page, what: str) -> None:
    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa"]}}
    )
    assert results.violations_count == 0, f"{what}:\n{results.generate_report()}"


def test_library_search_and_measure_pages_have_no_wcag_violations(page, demo_site):
    base = demo_site.url
    page.context.add_cookies([{"name": "django_language", "value": "fi", "url": base}])
    page.goto(f"{base}/library/?q=kieli&evidence=")
    expect(page.locator(".library-result").first).to_be_visible()
    _assert_accessible(page, "search")
    page.goto(f"{base}/library/?kind=indicator")
    _assert_accessible(page, "indicators")
    measure = Measure.objects.filter(objective__plan__state=Plan.State.ADOPTED).first()
    page.goto(f"{base}/library/measures/{measure.pk}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    _assert_accessible(page, "measure page")


def test_library_results_with_copy_forms_fit_a_narrow_screen_in_swedish(page, demo_site):
    """A coordinator's results carry a choice of their own objectives (long names): the page
    still fits 375 px without sideways scrolling."""
    base = demo_site.url
    page.set_viewport_size({"width": 375, "height": 900})
    log_in(page, base, "koordinaattori.tampere")
    page.context.add_cookies([{"name": "django_language", "value": "sv", "url": base}])
    page.goto(f"{base}/library/?q=kieli")
    expect(page.locator(".library-result").first).to_be_visible()
    assert page.locator("select").count() > 0
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page is {width} px wide at 375 px"
