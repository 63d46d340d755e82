"""The authorisation code flow with one provider, on mozilla-django-oidc's backend: the code is
exchanged for tokens, the ID token's signature (the provider's JWKS), issuer, audience, expiry
and nonce are checked, and the claims are read from the userinfo endpoint."""

from urllib.parse import urlencode

import jwt
import requests
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.utils.crypto import get_random_string
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import add_state_and_verifier_and_nonce_to_session

from .providers import Provider

SIGN_ALGORITHM = "RS256"


class SignOnFailed(Exception):
    """The provider's answer could not be trusted (or the provider could not be reached)."""


class ProviderClient(OIDCAuthenticationBackend):
    """mozilla-django-oidc's token handling, set up for one provider instead of settings."""

    def __init__(self, provider: Provider):  # the parent reads one provider from settings
        self.provider = provider
        self.OIDC_OP_TOKEN_ENDPOINT = provider.token_endpoint
        self.OIDC_OP_USER_ENDPOINT = provider.userinfo_endpoint
        self.OIDC_OP_JWKS_ENDPOINT = provider.jwks_uri
        self.OIDC_RP_CLIENT_ID = provider.client_id
        self.OIDC_RP_CLIENT_SECRET = provider.client_secret
        self.OIDC_RP_SIGN_ALGO = SIGN_ALGORITHM
        self.OIDC_RP_IDP_SIGN_KEY = None
        self.UserModel = get_user_model()

    def _verify_jws(self, payload, key):
        """The signature, and also the audience and issuer (which the parent leaves out)."""
        if jwt.get_unverified_header(payload).get("alg") != SIGN_ALGORITHM:
            raise SuspiciousOperation("Unexpected signing algorithm")
        try:
            return jwt.decode(
                payload,
                key,
                algorithms=[SIGN_ALGORITHM],
                audience=self.provider.client_id,
                issuer=self.provider.issuer,
                options={"require": ["exp", "iat", "iss", "aud", "sub"]},
            )
        except jwt.InvalidTokenError as exc:
            raise SuspiciousOperation(f"ID token refused: {exc}") from exc

    def retrieve_matching_jwk(self, token):
        """The provider's key for the token: by its key id, or its only key of that type when
        the token names none (the parent requires a key id)."""
        response = requests.get(self.provider.jwks_uri, timeout=self.get_settings("OIDC_TIMEOUT"))
        response.raise_for_status()
        keys = [key for key in response.json().get("keys", []) if key.get("kty") == "RSA"]
        kid = jwt.get_unverified_header(token).get("kid")
        if kid is not None:
            keys = [key for key in keys if key.get("kid") == kid]
        if len(keys) != 1:
            raise SuspiciousOperation("No single signing key of the provider fits the token")
        return jwt.PyJWK(keys[0])

    def claims_for_code(self, *, request, code: str, nonce: str, redirect_uri: str) -> dict:
        """The person's claims, from a code the browser brought back; SignOnFailed if anything
        in the provider's answer does not check out."""
        self.request = request
        try:
            tokens = self.get_token(
                {
                    "client_id": self.provider.client_id,
                    "client_secret": self.provider.client_secret,
                    "grant_type": "authorization_code",
                    "code": code,
                    "redirect_uri": redirect_uri,
                }
            )
            id_token = tokens.get("id_token") or ""
            payload = self.verify_token(id_token, nonce=nonce)
            claims = self.get_userinfo(tokens.get("access_token"), id_token, payload)
        except (
            SuspiciousOperation,
            requests.RequestException,
            jwt.PyJWTError,
            ValueError,
            KeyError,
            TypeError,
        ) as exc:
            raise SignOnFailed(str(exc)) from exc
        if not isinstance(claims, dict) or claims.get("sub") != payload.get("sub"):
            raise SignOnFailed("The userinfo subject differs from the ID token's")
        return {**claims, "sub": payload["sub"], "id_token": id_token}


def authorization_url(*, request, provider: Provider, redirect_uri: str, login_hint: str) -> str:
    """Where to send the browser to log in; the state and nonce wait in the session."""
    params = {
        "response_type": "code",
        "scope": provider.scopes,
        "client_id": provider.client_id,
        "redirect_uri": redirect_uri,
        "state": get_random_string(32),
        "nonce": get_random_string(32),
    }
    if login_hint:
        params["login_hint"] = login_hint
    add_state_and_verifier_and_nonce_to_session(request, params["state"], params, None)
    return f"{provider.authorization_endpoint}?{urlencode(params)}"


def end_session_url(*, provider: Provider, id_token: str, redirect_uri: str) -> str | None:
    """Where to send the browser to end the provider's session too, if the provider can."""
    if not provider.end_session_endpoint:
        return None
    params = {"post_logout_redirect_uri": redirect_uri, "client_id": provider.client_id}
    if id_token:
        params["id_token_hint"] = id_token
    return f"{provider.end_session_endpoint}?{urlencode(params)}"
