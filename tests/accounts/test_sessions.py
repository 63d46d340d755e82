"""Sessions end after inactivity and after a longest lifetime; logging out is a POST."""

import time

import pytest
from django.urls import reverse

from kotoplan.accounts.views.middleware import SEEN, STARTED
from tests.helpers import page_text


@pytest.fixture
def signed_in(client, coordinator_a):
    client.force_login(coordinator_a)
    assert client.get(reverse("accounts:profile")).status_code == 200
    return client


def _age_session(client, **seconds_ago) -> None:
    session = client.session
    for key, ago in seconds_ago.items():
        session[key] = time.time() - ago
    session.save()


def test_idle_session_ends__31_minutes_without_a_request(signed_in):
    _age_session(signed_in, **{SEEN: 31 * 60})

    response = signed_in.get(reverse("accounts:profile"))

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Faccounts%2Fprofile%2F"
    login_page = page_text(signed_in.get(response["Location"]))
    assert "You were signed out for your security" in login_page
    assert signed_in.get(reverse("accounts:profile")).status_code == 302


def test_active_session_goes_on__29_minutes_since_the_last_request(signed_in):
    _age_session(signed_in, **{SEEN: 29 * 60, STARTED: 60 * 60})

    assert signed_in.get(reverse("accounts:profile")).status_code == 200


def test_session_ends_after_the_longest_lifetime__active_all_day(signed_in):
    _age_session(signed_in, **{SEEN: 60, STARTED: 11 * 60 * 60})

    assert signed_in.get(reverse("accounts:profile")).status_code == 302


def test_idle_limit_follows_the_setting__5_minutes(settings, signed_in):
    from datetime import timedelta

    settings.KOTOPLAN_SESSION_IDLE = timedelta(minutes=5)
    _age_session(signed_in, **{SEEN: 6 * 60})

    assert signed_in.get(reverse("accounts:profile")).status_code == 302


def test_session_cookie_lasts_less_than_two_weeks(settings):
    assert settings.SESSION_COOKIE_AGE <= 12 * 60 * 60


def test_logout_is_post_only__get_shows_the_button(signed_in):
    assert signed_in.get(reverse("accounts:logout")).status_code == 200
    assert signed_in.get(reverse("accounts:profile")).status_code == 200
