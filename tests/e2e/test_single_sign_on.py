"""Logging in with the organisation's account against a real OpenID Connect provider on loopback
(oidc-provider-mock), in a real browser, in Finnish: a first login waits for the coordinator's
approval, then the person logs in and out (also at the provider); a refused person and answers
that were tampered with (a changed ID token, a swapped nonce) are kept out, and all is audited."""

import base64
import json
import re
import threading
from contextlib import contextmanager
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import oidc_provider_mock
import pytest
import requests
from auditlog.models import LogEntry
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from kotoplan.accounts.models import AccountRequest, RoleAssignment
from kotoplan.accounts.services import account_request_refuse
from tests.factories.accounts import PASSWORD
from tests.support.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LIISA = oidc_provider_mock.User(
    sub="5f0c-liisa",
    claims={"email": "liisa.virtanen@espoo.example", "name": "Liisa Virtanen"},
)
PEKKA = oidc_provider_mock.User(
    sub="81aa-pekka", claims={"email": "pekka.niemi@espoo.example", "name": "Pekka Niemi"}
)


@contextmanager
def _serving(app):
    """A WSGI app on a free loopback port, in a thread, for the duration of the block."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def _tampering(token_endpoint: str):
    """A man in the middle of the token response: passes the provider's answer on, with the
    ID token's e-mail claim changed and the provider's signature kept."""

    @Request.application
    def app(request):
        answer = requests.post(token_endpoint, data=request.form, timeout=10).json()
        header, payload, signature = answer["id_token"].split(".")
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        claims["email"] = "hallinto@espoo.example"
        forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
        answer["id_token"] = f"{header}.{forged}.{signature}"
        return Response(json.dumps(answer), content_type="application/json")

    return app


@pytest.fixture
def identity_provider(monkeypatch):
    """The provider (nonces required, two staff members ready to pick) and a tampering proxy
    in front of its token endpoint."""
    monkeypatch.setenv("AUTHLIB_INSECURE_TRANSPORT", "1")  # plain HTTP on loopback
    provider_app = oidc_provider_mock.app(require_nonce=True, user_claims=[LIISA, PEKKA])
    with _serving(provider_app) as url, _serving(_tampering(f"{url}/oauth2/token")) as proxy:
        yield url, proxy


@pytest.fixture
def sso(settings, identity_provider, organisation_a):
    """Espoo's staff (espoo.example) log in at the provider; a second domain's token answers
    pass the tampering proxy."""
    url, proxy = identity_provider
    organisation_a.reference_key = "espoo"
    organisation_a.save()
    espoo = {
        "domains": ["espoo.example"],
        "issuer": url,
        "authorization_endpoint": f"{url}/oauth2/authorize",
        "token_endpoint": f"{url}/oauth2/token",
        "userinfo_endpoint": f"{url}/userinfo",
        "jwks_uri": f"{url}/jwks",
        "end_session_endpoint": f"{url}/oauth2/end_session",
        "client_id": "kotoplan",
        "organisation": "espoo",
    }
    tampered = {**espoo, "domains": ["esbo.example"], "token_endpoint": f"{proxy}/token"}
    settings.KOTOPLAN_SSO_PROVIDERS = {"espoo": espoo, "esbo": tampered}
    settings.KOTOPLAN_SSO_CLIENT_SECRETS = {"espoo": "client-secret", "esbo": "client-secret"}
    return url


NOT_LOOPBACK = re.compile(r"^(?!http://(127\.0\.0\.1|localhost)[:/])")


def _loopback_only(context) -> None:
    """The provider's pages link a stylesheet from the internet: the browser fetches nothing
    beyond this machine."""
    context.route(NOT_LOOPBACK, lambda route: route.abort())


def _sso_login(page, base: str, email: str, person: str, idp: str) -> None:
    """From Kotoplan's login page to the provider, pick the person there, and back."""
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_sso-email", email)
    page.get_by_role("button", name="Jatka organisaation kirjautumiseen").click()
    page.wait_for_url(f"{idp}/oauth2/authorize?**")
    with page.expect_navigation(url=f"{base}/**"):
        page.get_by_role("button", name=person, exact=True).click()


def _accessible(page) -> None:
    tags = ["wcag2a", "wcag2aa", "wcag21aa"]
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": tags}})
    assert results.violations_count == 0, results.generate_report()


def _events(event: str) -> list[LogEntry]:
    return list(LogEntry.objects.filter(additional_data__security_event=event).order_by("pk"))


def test_first_login_waits_for_approval__then_logs_in_and_out_at_the_provider(
    page, live_server, sso, coordinator_a
):
    base = live_server.url
    _loopback_only(page.context)
    _sso_login(page, base, LIISA.claims["email"], LIISA.sub, sso)
    expect(page.locator("h1")).to_have_text("Käyttäjätilisi odottaa hyväksyntää")
    _accessible(page)
    request = AccountRequest.objects.get(subject=LIISA.sub)
    assert request.state == AccountRequest.State.PENDING
    assert not request.user.is_active
    assert not RoleAssignment.objects.filter(user=request.user).exists()
    page.goto(f"{base}/accounts/profile/")
    page.wait_for_url(f"{base}/accounts/login/**")  # no access
    _accessible(page)  # the login page with both forms
    assert _events("login_failed")[-1].object_repr == request.user.username

    coordinator = page.context.browser.new_context(locale="fi-FI").new_page()
    _loopback_only(coordinator.context)
    log_in(coordinator, base, coordinator_a.username, PASSWORD)
    coordinator.goto(f"{base}/accounts/profile/")
    coordinator.get_by_role("link", name="Organisaation tunnuksella kirjautuvien pyynnöt").click()
    _accessible(coordinator)
    row = coordinator.get_by_role("row").filter(has_text="Liisa Virtanen")
    row.get_by_label("Rooli").select_option("viewer")
    row.get_by_role("button", name="Hyväksy").click()
    expect(coordinator.locator(".messages")).to_contain_text("Liisa Virtanen voi nyt kirjautua")
    coordinator.context.close()

    _sso_login(page, base, LIISA.claims["email"], LIISA.sub, sso)
    page.wait_for_url(f"{base}/")
    page.goto(f"{base}/accounts/profile/")
    expect(page.locator("main")).to_contain_text("Lukija")
    assert _events("login")[-1].object_repr == request.user.username

    page.goto(f"{base}/accounts/logout/")
    page.locator("main").get_by_role("button", name="Kirjaudu ulos").click()
    page.wait_for_url(f"{sso}/oauth2/end_session?**")  # the provider's session ends too
    assert "id_token_hint" in parse_qs(urlsplit(page.url).query)
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(f"{base}/accounts/login/")
    assert _events("logout")[-1].object_repr == request.user.username
    page.goto(f"{base}/accounts/profile/")
    page.wait_for_url(f"{base}/accounts/login/**")


def _swap_nonce(route) -> None:
    """Tamper with the authorisation request: the provider signs another nonce than the one
    Kotoplan keeps for this login."""
    parts = urlsplit(route.request.url)
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    query["nonce"] = "swapped-nonce"
    route.continue_(url=urlunsplit(parts._replace(query=urlencode(query))))


def test_refused_person_and_tampered_answers_are_kept_out(page, live_server, sso, coordinator_a):
    base = live_server.url
    _loopback_only(page.context)
    _sso_login(page, base, PEKKA.claims["email"], PEKKA.sub, sso)
    expect(page.locator("h1")).to_have_text("Käyttäjätilisi odottaa hyväksyntää")
    request = AccountRequest.objects.get(subject=PEKKA.sub)
    account_request_refuse(actor=coordinator_a, account_request=request)
    _sso_login(page, base, PEKKA.claims["email"], PEKKA.sub, sso)
    expect(page.locator("h1")).to_have_text("Kirjautuminen estetty")
    expect(page.locator("main")).to_contain_text("pyyntö käyttää Kotoplania hylättiin")
    page.goto(f"{base}/accounts/profile/")
    page.wait_for_url(f"{base}/accounts/login/**")

    failed_before = len(_events("login_failed"))
    _sso_login(page, base, "liisa.virtanen@esbo.example", LIISA.sub, sso)
    expect(page.locator("h1")).to_have_text("Kirjautuminen estetty")
    expect(page.locator("main")).to_contain_text("ei voitu varmistaa")

    page.route(f"{sso}/oauth2/authorize?**", _swap_nonce)
    _sso_login(page, base, LIISA.claims["email"], LIISA.sub, sso)
    expect(page.locator("main")).to_contain_text("ei voitu varmistaa")
    page.unroute(f"{sso}/oauth2/authorize?**")

    assert not AccountRequest.objects.filter(subject=LIISA.sub).exists()
    failures = _events("login_failed")[failed_before:]
    assert [entry.object_repr for entry in failures] == ["sso:esbo", "sso:espoo"]
    page.goto(f"{base}/accounts/profile/")
    page.wait_for_url(f"{base}/accounts/login/**")
