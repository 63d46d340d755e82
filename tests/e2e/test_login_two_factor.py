"""Logging in with the second factor in a real browser, in Finnish: a regional official sets up
an authenticator app at the first login (QR code and key shown), an administrator enters the code
from an app set up earlier and reaches the admin site."""

import base64

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from kotoplan.accounts.models import User
from tests.support.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _code(key: bytes) -> str:
    return f"{totp(key):06d}"


def test_official_and_admin_log_in_with_a_code__finnish(settings, page, demo_site):
    settings.KOTOPLAN_TWO_FACTOR_REQUIRED = True
    base = demo_site.url

    log_in(page, base, "virkailija.sisasuomi")
    expect(page.locator("h1")).to_have_text("Ota todennussovellus käyttöön")
    qr = page.locator("img.qr-code")
    expect(qr).to_be_visible()
    assert qr.evaluate("image => image.complete && image.naturalWidth > 0")  # CSP lets it load
    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    page.goto(f"{base}/accounts/profile/")  # no page before the code
    expect(page.locator("h1")).to_have_text("Ota todennussovellus käyttöön")
    page.fill("#id_token", _code(key))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text("Todennussovellus on otettu käyttöön")
    page.goto(f"{base}/accounts/profile/")
    expect(page.locator("h1")).to_have_text("Oma käyttäjätili")
    expect(page.get_by_role("button", name="Poista todennussovellus")).to_be_visible()

    admin = User.objects.get(username="admin")
    device = TOTPDevice.objects.create(user=admin, name="puhelin", confirmed=True)
    other = page.context.browser.new_context(locale="fi-FI").new_page()
    log_in(other, base, "admin")
    other.goto(f"{base}/admin/")
    expect(other.locator("h1")).to_have_text("Anna tunnistuskoodi")
    other.fill("#id_token", "000000")
    with other.expect_navigation():
        other.keyboard.press("Enter")
    expect(other.locator("#id_token_error")).to_contain_text("Koodi ei ole oikea")
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the wrong code above was the point, not its pause
    other.fill("#id_token", _code(device.bin_key))
    with other.expect_navigation():
        other.keyboard.press("Enter")
    other.wait_for_url(f"{base}/admin/")
    expect(other.locator("#site-name")).to_be_visible()
    other.context.close()
