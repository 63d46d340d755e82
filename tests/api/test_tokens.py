"""Personal API tokens: made, named and revoked on their page, shown once, stored as a hash,
with an expiry; a token acts as its owner."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kotoplan.api.models import ApiToken
from kotoplan.api.selectors import token_hash
from kotoplan.api.services import token_create

from .conftest import bearer

pytestmark = pytest.mark.django_db
ME = "/api/v1/me/"


def test_the_account_page_links_to_the_tokens(client, viewer_a):
    client.force_login(viewer_a)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert reverse("api:tokens") in page


def test_a_token_is_shown_once_stored_hashed_and_works(client, viewer_a):
    client.force_login(viewer_a)
    response = client.post(reverse("api:tokens"), {"name": "Case management", "days": "30"})
    assert response.status_code == 200
    page = response.content.decode()
    token = ApiToken.objects.get(user=viewer_a)
    secret = next(word for word in page.split('"') if word.startswith("kp_") and len(word) > 20)
    assert token.key_hash == token_hash(secret)
    assert secret not in {token.key_hash, token.prefix}
    assert response["Cache-Control"] == "no-store"
    assert secret not in client.get(reverse("api:tokens")).content.decode()  # never again
    assert token.expires_at - timezone.now() > timedelta(days=29)
    me = client.logout() or client.get(ME, **bearer(secret))
    assert me.json() == {
        "username": viewer_a.username,
        "token_name": "Case management",
        "token_expires_at": me.json()["token_expires_at"],
    }


def test_a_token_form_names_the_wrong_field(client, viewer_a):
    client.force_login(viewer_a)
    response = client.post(reverse("api:tokens"), {"name": "x", "days": "5000"})
    assert ApiToken.objects.count() == 0
    assert 'id="id_days"' in response.content.decode()
    assert "aria-invalid" in response.content.decode()


def test_a_revoked_token_stops_working(client, viewer_a):
    token, secret = token_create(actor=viewer_a, name="report", days=10)
    assert client.get(ME, **bearer(secret)).status_code == 200
    client.force_login(viewer_a)
    client.post(reverse("api:token_revoke", args=[token.pk]))
    client.logout()
    response = client.get(ME, **bearer(secret))
    assert response.status_code == 401
    assert response.json()["errors"][0]["code"] == "authentication_failed"
    assert "Peruttu" in _tokens_page(client, viewer_a)  # Finnish first (logout cleared the cookie)


def _tokens_page(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("api:tokens")).content.decode()


def test_an_expired_or_wrong_token_is_refused(client, viewer_a):
    token, secret = token_create(actor=viewer_a, name="old", days=1)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(ME, **bearer(secret)).status_code == 401
    assert client.get(ME, **bearer(secret[:-2] + "xx")).status_code == 401
    assert client.get(ME, **bearer("kp_nothing")).status_code == 401


def test_nobody_revokes_another_users_token(client, viewer_a, admin_user):
    token, secret = token_create(actor=viewer_a, name="mine", days=10)
    client.force_login(admin_user)
    assert client.post(reverse("api:token_revoke", args=[token.pk])).status_code == 404
    client.logout()
    assert client.get(ME, **bearer(secret)).status_code == 200


def test_a_token_of_a_deactivated_user_is_refused(client, viewer_a):
    _token, secret = token_create(actor=viewer_a, name="mine", days=10)
    viewer_a.is_active = False
    viewer_a.save()
    assert client.get(ME, **bearer(secret)).status_code == 401
