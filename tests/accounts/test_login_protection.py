"""Logging in is throttled: repeated failures lock the account and the address for a while, with
a message saying so; an administrator unlocks early; /admin/ is protected the same way."""

import pytest
from axes.models import AccessAttempt
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import translation

from tests.factories.accounts import PASSWORD, UserFactory
from tests.helpers import page_text

LOGIN = "/accounts/login/"
WRONG = "not-the-password"


def _log_in(client, username: str, password: str, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


@pytest.fixture
def resident(db):
    return UserFactory(username="maija")


def test_lockout_refuses_the_right_password__after_100_wrong_ones(client, resident):
    """An attacker guessing 100 times is locked out: even the right password is refused, with a
    page saying the login is locked, for how long and whom to ask."""
    for _ in range(100):
        _log_in(client, "maija", WRONG)

    response = _log_in(client, "maija", PASSWORD)

    assert response.status_code == 429
    text = page_text(response)
    assert "Login locked" in text
    assert "locked for 30 minutes" in text
    assert "administrator of your organisation" in text
    assert "_auth_user_id" not in client.session


def test_admin_unlock_lets_the_user_in__locked_account(client, resident, admin_user):
    for _ in range(6):
        _log_in(client, "maija", WRONG)
    assert _log_in(client, "maija", PASSWORD).status_code == 429

    admin = client.__class__()
    admin.force_login(admin_user)
    response = admin.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "unlock_login", ACTION_CHECKBOX_NAME: [resident.pk]},
    )
    assert response.status_code == 302

    response = _log_in(client, "maija", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(resident.pk)


def test_lockout_holds_per_address__failures_on_many_accounts(client, resident):
    """Guessing across many usernames from one address locks that address, not others."""
    for number in range(5):
        _log_in(client, f"guess{number}", WRONG, REMOTE_ADDR="203.0.113.7")

    assert _log_in(client, "maija", PASSWORD, REMOTE_ADDR="203.0.113.7").status_code == 429
    assert _log_in(client, "maija", PASSWORD, REMOTE_ADDR="198.51.100.1").status_code == 302


def test_lockout_counts_the_forwarded_address__behind_a_trusted_proxy(settings, client, resident):
    """Behind the proxy every request comes from its address; the client address in the header
    decides, so one guesser does not lock out everyone else."""
    settings.KOTOPLAN_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for number in range(5):
        _log_in(client, f"guess{number}", WRONG, HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)

    assert AccessAttempt.objects.filter(ip_address="203.0.113.7").exists()
    other = _log_in(client, "maija", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.1", **proxy)
    assert other.status_code == 302
    # A forged left-most entry does not help the guesser: the proxy appended the real address.
    forged = {"HTTP_X_FORWARDED_FOR": "198.51.100.9, 203.0.113.7"}
    assert _log_in(client.__class__(), "maija", PASSWORD, **forged, **proxy).status_code == 429


def test_admin_login_is_throttled__wrong_passwords_on_admin(client, admin_user):
    for _ in range(5):
        client.post(reverse("admin:login"), {"username": "admin", "password": WRONG})

    response = client.post(reverse("admin:login"), {"username": "admin", "password": PASSWORD})

    assert response.status_code == 429
    assert "Login locked" in page_text(response)


@pytest.mark.parametrize(
    ("language", "heading", "duration"),
    [
        ("fi", "Kirjautuminen on lukittu", "30 minuutiksi"),
        ("sv", "Inloggningen är låst", "i 30 minuter"),
        ("en", "Login locked", "for 30 minutes"),
    ],
)
def test_lockout_message_in_the_users_language(client, resident, language, heading, duration):
    client.cookies["django_language"] = language
    for _ in range(5):
        _log_in(client, "maija", WRONG)

    with translation.override(language):
        text = page_text(_log_in(client, "maija", PASSWORD))

    assert heading in text
    assert duration in text


def test_login_page_offers_password_reset(client, db):
    text = page_text(client.get(LOGIN))

    assert f'href="{reverse("accounts:password_reset")}"' in text
