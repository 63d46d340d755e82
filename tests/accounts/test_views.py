"""The account pages: the account part of the menu, logging out, changing the password."""

import pytest
from django.urls import reverse

from tests.helpers import page_text


@pytest.fixture
def coordinator_client(client, coordinator_a):
    client.force_login(coordinator_a)
    return client


def test_menu_offers_account_and_log_out__signed_in(coordinator_client):
    """Every page's menu leads to the user's account and to logging out."""
    page = page_text(coordinator_client.get(reverse("accounts:profile")))

    assert f'href="{reverse("accounts:profile")}" data-menu="account"' in page
    assert f'href="{reverse("accounts:logout")}" data-menu="logout"' in page
    assert 'data-menu="administration"' not in page


def test_menu_offers_administration__staff_user(client, admin_user):
    """Staff users also find the administration."""
    client.force_login(admin_user)

    page = page_text(client.get(reverse("accounts:profile")))

    assert f'href="{reverse("admin:index")}" data-menu="administration"' in page


def test_logout_asks_before_logging_out__link_followed(coordinator_client):
    """Following the menu link shows a page with the log-out button; nobody is logged out yet."""
    response = coordinator_client.get(reverse("accounts:logout"))

    assert response.status_code == 200
    assert '<form method="post"' in page_text(response)
    assert coordinator_client.get(reverse("accounts:profile")).status_code == 200


def test_logout_logs_out__button_pressed(coordinator_client):
    """Pressing the button logs the user out and returns to the login page."""
    response = coordinator_client.post(reverse("accounts:logout"))

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login")
    assert coordinator_client.get(reverse("accounts:profile")).status_code == 302


def test_password_change_done_links_home__password_changed(coordinator_client):
    """After changing the password the page leads back to the plans."""
    page = page_text(coordinator_client.get(reverse("accounts:password_change_done")))

    assert f'href="{reverse("planning:home")}"' in page
