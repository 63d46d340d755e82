"""Single sign-on without the browser: the checks of the provider's ID token, who gets in on a
first login (never a role from the provider alone, unless configured claims give it), and who
decides the requests. The whole flow against a real provider is tests/e2e/test_single_sign_on.py."""

import time

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import reverse

from kotoplan.accounts.integrations.oidc.client import ProviderClient
from kotoplan.accounts.integrations.oidc.providers import provider_by_key, provider_for_email
from kotoplan.accounts.models import AccountRequest, RoleAssignment
from kotoplan.accounts.selectors import account_requests_for_user
from kotoplan.accounts.services import account_request_approve, sign_on_identify
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db

ISSUER = "https://login.espoo.example"
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture
def espoo(settings, organisation_a):
    organisation_a.reference_key = "espoo"
    organisation_a.save()
    settings.KOTOPLAN_SSO_PROVIDERS = {
        "espoo": {
            "domains": ["espoo.example"],
            "issuer": ISSUER,
            "authorization_endpoint": f"{ISSUER}/authorize",
            "token_endpoint": f"{ISSUER}/token",
            "userinfo_endpoint": f"{ISSUER}/userinfo",
            "jwks_uri": f"{ISSUER}/keys",
            "client_id": "kotoplan",
            "organisation": "espoo",
            "roles": {"claim": "groups", "values": {"kotoplan-lukijat": "viewer"}},
        }
    }
    return provider_by_key("espoo")


def _token(**changes) -> str:
    now = int(time.time())
    claims = {"iss": ISSUER, "aud": "kotoplan", "sub": "s-1", "iat": now, "exp": now + 60}
    claims.update(changes)
    return jwt.encode(claims, KEY, algorithm="RS256")


def test_id_token__signed_for_kotoplan_by_the_provider__is_accepted(espoo):
    payload = ProviderClient(espoo)._verify_jws(_token(), KEY.public_key())
    assert payload["sub"] == "s-1"


@pytest.mark.parametrize(
    "changes",
    [{"aud": "another-app"}, {"iss": "https://login.elsewhere.example"}, {"exp": 1}],
    ids=["wrong audience", "wrong issuer", "expired"],
)
def test_id_token__for_another_audience_issuer_or_expired__is_refused(espoo, changes):
    with pytest.raises(SuspiciousOperation):
        ProviderClient(espoo)._verify_jws(_token(**changes), KEY.public_key())


def test_id_token__signed_with_another_key__is_refused(espoo):
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    with pytest.raises(SuspiciousOperation):
        ProviderClient(espoo)._verify_jws(_token(), other.public_key())


def test_provider__is_chosen_by_the_e_mail_domain(espoo):
    assert provider_for_email("Liisa@Espoo.example").key == "espoo"
    assert provider_for_email("liisa@vantaa.example") is None


def test_first_login__of_someone_unknown__waits_inactive_without_roles(espoo):
    outcome = sign_on_identify(
        provider=espoo, claims={"sub": "s-1", "email": "liisa@espoo.example", "name": "Liisa V"}
    )
    assert outcome.state == AccountRequest.State.PENDING
    assert not outcome.user.is_active
    assert not outcome.user.has_usable_password()
    assert not RoleAssignment.objects.filter(user=outcome.user).exists()
    again = sign_on_identify(provider=espoo, claims={"sub": "s-1", "email": "x@espoo.example"})
    assert again.user == outcome.user
    assert AccountRequest.objects.count() == 1


def test_first_login__of_a_known_user_of_the_domain__links_the_account(espoo):
    known = UserFactory(email="liisa@espoo.example")
    outcome = sign_on_identify(provider=espoo, claims={"sub": "s-1", "email": known.email})
    assert (outcome.state, outcome.user) == (AccountRequest.State.APPROVED, known)


def test_first_login__with_an_address_outside_the_domains__is_not_linked(espoo):
    UserFactory(email="liisa@vantaa.example")
    outcome = sign_on_identify(
        provider=espoo, claims={"sub": "s-1", "email": "liisa@vantaa.example"}
    )
    assert outcome.state == AccountRequest.State.PENDING


def test_first_login__with_a_configured_group_claim__gets_that_role(espoo, organisation_a):
    claims = {"sub": "s-1", "email": "liisa@espoo.example", "groups": ["kotoplan-lukijat"]}
    outcome = sign_on_identify(provider=espoo, claims=claims)
    assert outcome.state == AccountRequest.State.APPROVED
    assert outcome.user.is_active
    role = RoleAssignment.objects.get(user=outcome.user)
    assert (role.role, role.organisation) == (RoleAssignment.Role.VIEWER, organisation_a)


def test_request__is_decided_by_the_municipality_s_coordinator_only(
    espoo, coordinator_a, coordinator_b
):
    outcome = sign_on_identify(provider=espoo, claims={"sub": "s-1", "email": "l@espoo.example"})
    request = outcome.user.account_request
    assert list(account_requests_for_user(user=coordinator_b)) == []
    with pytest.raises(PermissionDenied):
        account_request_approve(actor=coordinator_b, account_request=request, role="viewer")
    account_request_approve(actor=coordinator_a, account_request=request, role="viewer")
    request.user.refresh_from_db()
    assert request.user.is_active
    assert RoleAssignment.objects.filter(user=request.user, role="viewer").exists()


def test_login_page__an_address_without_a_provider__is_named_in_the_field_error(client, espoo):
    page = client.get(reverse("accounts:login"))
    assert "Log in with your organisation" in page.content.decode()
    assert "form-action 'self' https://login.espoo.example" in page["Content-Security-Policy"]
    answer = client.post(reverse("accounts:sso_start"), {"sso-email": "liisa@vantaa.example"})
    assert answer.status_code == 400
    assert (
        "No organisation login is set up for the domain vantaa.example" in answer.content.decode()
    )


def test_callback__without_a_login_under_way__is_refused(client, espoo):
    answer = client.get(reverse("accounts:sso_callback"), {"code": "x", "state": "forged"})
    assert answer.status_code == 400
    assert "Login refused" in answer.content.decode()


def test_check__names_an_incomplete_or_plain_http_provider(settings, espoo):
    from kotoplan.accounts.integrations.oidc.providers import check_providers

    assert [problem.id for problem in check_providers()] == ["kp.W102"]  # no secret yet
    settings.KOTOPLAN_SSO_CLIENT_SECRETS = {"espoo": "s"}
    providers = settings.KOTOPLAN_SSO_PROVIDERS
    settings.KOTOPLAN_SSO_PROVIDERS = {
        "espoo": {**providers["espoo"], "token_endpoint": "http://login.espoo.example/token"},
        "vantaa": {"domains": ["vantaa.example"]},
    }
    assert sorted(problem.id for problem in check_providers()) == ["kp.E101", "kp.E103"]
