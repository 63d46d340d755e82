"""axe-core finds no WCAG 2.1 A/AA violations on the login protection pages, in Finnish: password
reset, authenticator set-up and code entry (with an error), the lockout page and the login audit."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.support.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def _assert_accessible(page, what: str) -> None:
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, f"{what}:\n{results.generate_report()}"


def test_login_protection_pages_have_no_wcag_violations(settings, browser, page, demo_site):
    settings.KOTOPLAN_TWO_FACTOR_REQUIRED = True
    base = demo_site.url

    page.goto(f"{base}/accounts/password/reset/")
    _assert_accessible(page, "password reset")
    page.fill("#id_email", "ei-ketaan@example.fi")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    _assert_accessible(page, "password reset sent")

    log_in(page, base, "virkailija.sisasuomi")
    _assert_accessible(page, "authenticator set-up")
    page.fill("#id_token", "000000")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("#id_token_error")).to_be_visible()
    _assert_accessible(page, "authenticator set-up with an error")

    settings.KOTOPLAN_TWO_FACTOR_REQUIRED = False
    admin = browser.new_context(locale="fi-FI").new_page()
    log_in(admin, base, "admin")
    admin.goto(f"{base}/audit/security/")
    _assert_accessible(admin, "login audit")
    admin.context.close()

    locked = browser.new_context(locale="fi-FI").new_page()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        locked.goto(f"{base}/accounts/login/")
        locked.fill("#id_username", "koordinaattori.tampere")
        locked.fill("#id_password", "väärä-salasana")
        with locked.expect_navigation():
            locked.keyboard.press("Enter")
    expect(locked.locator("h1")).to_have_text("Kirjautuminen on lukittu")
    _assert_accessible(locked, "login locked")
    locked.context.close()
