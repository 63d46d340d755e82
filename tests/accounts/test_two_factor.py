"""The second factor: administrators and regional officials set up and enter a TOTP code after
the password before any page (the admin site too); others may set one up. Codes are computed
from the device key as an authenticator app would."""

import base64
import re

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories.accounts import PASSWORD
from tests.helpers import page_text

LOGIN = "/accounts/login/"


@pytest.fixture(autouse=True)
def second_factor_on(settings):
    settings.KOTOPLAN_TWO_FACTOR_REQUIRED = True


def code(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    value = totp(
        device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=steps_ahead
    )
    return f"{value:0{device.digits}d}"


def _log_in(client, user, next_url=""):
    data = {"username": user.username, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    response = client.post(LOGIN, data)
    client.cookies["django_language"] = "en"  # the login chose the user's Finnish
    return response


def test_official_sets_up_the_app_before_any_page__first_login(settings, client, regional_official):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a wrong code here is not part of the story
    response = _log_in(client, regional_official)
    page = client.get(response["Location"], follow=True)

    assert page.redirect_chain[-1][0].startswith(reverse("accounts:two_factor_setup"))
    text = page_text(page)
    assert 'src="data:image/svg+xml;base64,' in text
    shown = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', text).group(1)
    secret = shown.replace(" ", "")
    # Opening the page stores no device: the key waits in the session for its first code.
    assert not TOTPDevice.objects.filter(user=regional_official).exists()
    again = page_text(client.get(reverse("accounts:two_factor_setup")))
    assert f'id="totp-secret">{shown}<' in again  # the same key on a second look
    assert client.get(reverse("accounts:profile"))["Location"].startswith(
        reverse("accounts:two_factor_setup")
    )

    wrong = client.post(reverse("accounts:two_factor_setup"), {"token": "000000"})
    assert "The code is not correct" in page_text(wrong)
    device = TOTPDevice.objects.get(user=regional_official, confirmed=False)
    assert base64.b32encode(device.bin_key).decode().rstrip("=") == secret

    done = client.post(
        reverse("accounts:two_factor_setup"), {"token": code(device), "next": "/accounts/profile/"}
    )
    assert done["Location"] == "/accounts/profile/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("accounts:profile")).status_code == 200


@pytest.fixture
def official_device(regional_official):
    return TOTPDevice.objects.create(user=regional_official, name="phone", confirmed=True)


def test_official_enters_the_code__device_set_up(
    settings, client, regional_official, official_device
):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # throttling has its own test
    response = _log_in(client, regional_official, next_url="/accounts/profile/")
    assert response["Location"] == "/accounts/profile/"
    gate = client.get("/accounts/profile/")
    assert gate["Location"] == (
        reverse("accounts:two_factor_verify") + "?next=%2Faccounts%2Fprofile%2F"
    )

    wrong = client.post(reverse("accounts:two_factor_verify"), {"token": "123456"})
    assert wrong.status_code == 200
    assert "The code is not correct" in page_text(wrong)
    assert client.get("/accounts/profile/").status_code == 302

    right = client.post(
        reverse("accounts:two_factor_verify"),
        {"token": code(official_device, steps_ahead=1), "next": "/accounts/profile/"},
    )
    assert right["Location"] == "/accounts/profile/"
    assert client.get("/accounts/profile/").status_code == 200


def test_codes_are_throttled__quick_guesses(settings, client, regional_official, official_device):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60  # a minute's pause after a wrong code
    _log_in(client, regional_official)
    client.post(reverse("accounts:two_factor_verify"), {"token": "123456"})

    retry = client.post(reverse("accounts:two_factor_verify"), {"token": code(official_device)})

    assert "Too many wrong codes in a row" in page_text(retry)
    assert client.get("/accounts/profile/").status_code == 302


def test_admin_site_needs_the_code__staff_with_password_only(client, admin_user):
    device = TOTPDevice.objects.create(user=admin_user, name="phone", confirmed=True)
    client.post(reverse("admin:login"), {"username": "admin", "password": PASSWORD})

    gate = client.get(reverse("admin:index"))
    assert gate["Location"].startswith(reverse("accounts:two_factor_verify"))
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 302

    client.post(reverse("accounts:two_factor_verify"), {"token": code(device)})
    assert client.get(reverse("admin:index")).status_code == 200


def test_admin_without_device_is_sent_to_setup__force_logged_in(client, admin_user):
    client.force_login(admin_user)

    gate = client.get(reverse("admin:index"))

    assert gate["Location"].startswith(reverse("accounts:two_factor_setup"))


def test_coordinator_is_not_asked__no_device(client, coordinator_a):
    response = _log_in(client, coordinator_a, next_url="/accounts/profile/")

    assert client.get(response["Location"]).status_code == 200


def test_coordinator_with_a_device_is_asked_for_the_code__optional_set_up(client, coordinator_a):
    device = TOTPDevice.objects.create(user=coordinator_a, name="phone", confirmed=True)
    _log_in(client, coordinator_a)

    assert client.get("/accounts/profile/")["Location"].startswith(
        reverse("accounts:two_factor_verify")
    )
    client.post(reverse("accounts:two_factor_verify"), {"token": code(device)})
    assert "Remove the authenticator app" in page_text(client.get("/accounts/profile/"))

    client.post(reverse("accounts:two_factor_remove"))
    assert not TOTPDevice.objects.filter(user=coordinator_a).exists()


def test_not_required_when_switched_off__test_and_demo_settings(settings, client, admin_user):
    settings.KOTOPLAN_TWO_FACTOR_REQUIRED = False
    client.force_login(admin_user)

    assert client.get(reverse("admin:index")).status_code == 200


def test_setup_page_needs_login__anonymous(client, db):
    for name in ("accounts:two_factor_setup", "accounts:two_factor_verify"):
        assert client.get(reverse(name))["Location"].startswith(LOGIN)
    assert client.get(reverse("accounts:two_factor_remove")).status_code == 405
