"""The public page of an adopted demo plan passes axe (WCAG 2.1 A/AA), in Finnish and Swedish."""

import pytest
from axe_playwright_python.sync_playwright import Axe

# Imported at collection, before any test pins the clock, so the demo loader and the services
# it calls keep the real `today` (a module imported while a test pins it would keep the pin).
import kotoplan.cooperation.services
import kotoplan.demo.services.loader
import kotoplan.oversight.dialogue.services  # noqa: F401
from kotoplan.planning.models import Plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def test_public_plan_page_has_no_wcag_violations(page, demo_site):
    plan = Plan.objects.filter(state=Plan.State.ADOPTED).first()
    assert plan is not None, "the demo data has an adopted plan"
    base = f"{demo_site.url}/documents/public/{plan.lead_municipality.code}/"
    for language in plan.languages or ["fi"]:
        response = page.goto(f"{base}{plan.period_start}-{plan.period_end}/?lang={language}")
        assert response.status == 200
        assert page.get_attribute("html", "lang") == language
        results = Axe().run(page, options=WCAG_21_AA)
        assert results.violations_count == 0, results.generate_report()
    response = page.goto(f"{demo_site.url}/documents/open-data/")
    assert response.status == 200
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()
