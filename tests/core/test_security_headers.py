"""Every page tells the browser to keep it out of frames, send no referrer to other sites and
switch off features no page uses; the client address behind a proxy comes from its header."""

from django.test import RequestFactory

from kotoplan.core.views import client_address


def test_pages_send_security_headers__login_page(client, db):
    response = client.get("/accounts/login/")

    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp


def test_client_address_is_the_connection__no_proxy_configured(settings):
    settings.KOTOPLAN_CLIENT_IP_HEADER = ""
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4")

    assert client_address(request) == "10.0.0.1"


def test_client_address_is_the_one_our_proxies_saw__two_proxies(settings):
    settings.KOTOPLAN_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.KOTOPLAN_TRUSTED_PROXY_COUNT = 2
    forged_and_real = "6.6.6.6, 203.0.113.5, 10.0.0.9"
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forged_and_real
    )

    assert client_address(request) == "203.0.113.5"


def test_client_address_falls_back_to_the_connection__header_missing(settings):
    settings.KOTOPLAN_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.KOTOPLAN_TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1")

    assert client_address(request) == "10.0.0.1"
