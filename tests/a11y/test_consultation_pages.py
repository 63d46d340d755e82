"""axe-core finds no WCAG 2.1 A/AA violations on the consultation pages: the public page in
Finnish, plain Finnish, Swedish and Arabic (right to left), a form with errors, the closed
consultation with its response report, and the coordinator's results and management pages."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.cache import cache
from playwright.sync_api import expect

from kotoplan.participation.models import Consultation
from tests.support.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def _assert_accessible(page, what: str, context: str | None = None) -> None:
    results = Axe().run(page, context=context, options=WCAG_21_AA)
    assert results.violations_count == 0, f"{what}:\n{results.generate_report()}"


def test_public_consultation_pages_have_no_wcag_violations(page, demo_site):
    cache.clear()
    base = demo_site.url
    open_ = Consultation.objects.get(slug="vaasa-2027-2030")
    closed = Consultation.objects.get(slug="tampere-luonnos-2026")
    for slug, lang in [
        (open_.slug, "fi"),
        (open_.slug, "selko"),
        (open_.slug, "sv"),
        (open_.slug, "ar"),
        (closed.slug, "fi"),
        (closed.slug, "ar"),
    ]:
        response = page.goto(f"{base}/participation/c/{slug}/?lang={lang}")
        assert response.status == 200, (slug, lang)
        if lang == "ar":
            assert page.get_attribute("html", "dir") == "rtl"
            assert page.get_attribute("html", "lang") == "ar"
        # Nothing hidden off-screen widens the page (a right-to-left page would scroll to it).
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], (slug, lang, widths)
        _assert_accessible(page, f"{slug} in {lang}")

    page.goto(f"{base}/participation/c/{open_.slug}/?lang=ar")
    page.fill("#id_comment", "x" * 10)
    page.fill("#id_email", "not an email")
    page.click("#feedback button[type=submit]")
    expect(page.locator(".error-summary")).to_be_visible()
    _assert_accessible(page, "Arabic form with errors")


def test_results_and_management_pages_have_no_wcag_violations(page, demo_site):
    base = demo_site.url
    closed = Consultation.objects.get(slug="tampere-luonnos-2026")
    log_in(page, base, "koordinaattori.tampere")
    paths = [
        f"/participation/consultations/{closed.pk}/results/",
        f"/participation/consultations/{closed.pk}/",
        f"/participation/consultations/{closed.pk}/report/",
        f"/participation/plans/{closed.plan_id}/",
        f"/participation/plans/{closed.plan_id}/events/new/",
        f"/participation/consultations/{closed.pk}/responses/new/",
        f"/participation/languages/{closed.languages.get(code='ar').pk}/edit/",
    ]
    for path in paths:
        response = page.goto(base + path)
        assert response.status == 200, path
        _assert_accessible(page, path)
    # On the plan page, the participation section (the rest of the page belongs to other suites).
    page.goto(f"{base}/plans/{closed.plan_id}/")
    page.click("#panel-participation > summary")  # the panel is folded to one line
    assert page.locator("#participation a[href$='#response-report']").count() == 1
    _assert_accessible(page, "participation section of the plan page", context="#participation")
