"""A coordinator makes a named API token with an expiry on the token page (Finnish), sees it
once, another system uses it against the running server, and after it is revoked it no longer
works."""

import json
import urllib.error
import urllib.request
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from kotoplan.api.models import ApiToken
from tests.factories.accounts import PASSWORD
from tests.support.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _who_am_i(base: str, secret: str) -> tuple[int, dict]:
    """What another system gets from the API with the token (no browser cookies)."""
    request = urllib.request.Request(
        f"{base}/api/v1/me/", headers={"Authorization": f"Bearer {secret}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_token_is_shown_once__works__and_stops_working_when_revoked(
    page, live_server, coordinator_a
):
    base = live_server.url
    log_in(page, base, coordinator_a.username, PASSWORD)
    page.goto(f"{base}/api/tokens/")
    page.get_by_label("Nimi").fill("Asianhallinnan synkronointi")
    page.get_by_label("Voimassa (päivää)").fill("30")
    page.get_by_role("button", name="Luo tunniste").click()
    secret = page.locator("#token-secret").input_value()
    assert secret.startswith("kp_")
    token = ApiToken.objects.get(name="Asianhallinnan synkronointi")
    assert secret not in (token.key_hash, token.prefix)  # stored as a fingerprint only
    expected_expiry = timezone.now() + timedelta(days=30)
    assert abs(token.expires_at - expected_expiry) < timedelta(minutes=5)

    status, body = _who_am_i(base, secret)
    assert status == 200
    assert (body["username"], body["token_name"]) == (
        coordinator_a.username,
        "Asianhallinnan synkronointi",
    )

    page.goto(f"{base}/api/tokens/")
    expect(page.locator("#token-secret")).to_have_count(0)  # shown only once
    row = page.get_by_role("row").filter(has_text="Asianhallinnan synkronointi")
    row.get_by_role("button", name="Peru").click()
    expect(page.locator(".messages")).to_contain_text("Tunniste peruttiin")
    status, body = _who_am_i(base, secret)
    assert status == 401
