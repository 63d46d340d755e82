"""The identity providers of organisations, read from settings.KOTOPLAN_SSO_PROVIDERS (a TOML
file, docs/deployment.md) at each use; client secrets come from KOTOPLAN_SSO_CLIENT_SECRETS."""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings


@dataclass(frozen=True)
class Provider:
    key: str
    domains: tuple[str, ...]
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    userinfo_endpoint: str
    jwks_uri: str
    client_id: str
    client_secret: str = ""
    end_session_endpoint: str = ""
    scopes: str = "openid email profile"
    # The reference key or business ID of the organisation whose staff log in here.
    organisation: str = ""
    # Claim-based roles: the claim (e.g. "groups") and which of its values give which role.
    role_claim: str = ""
    role_values: dict[str, str] = field(default_factory=dict)

    def serves(self, email: str) -> bool:
        return email_domain(email) in self.domains

    def origins(self) -> set[str]:
        """The origins the browser is sent to (login and logout): allowed as form targets."""
        urls = (self.authorization_endpoint, self.end_session_endpoint)
        return {_origin(url) for url in urls if url}

    def role_from(self, claims: dict) -> str | None:
        """The role the configured claim gives, or None."""
        if not self.role_claim:
            return None
        values = claims.get(self.role_claim)
        values = values if isinstance(values, list) else [values]
        for value in values:
            role = self.role_values.get(str(value))
            if role:
                return role
        return None


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def email_domain(email: str) -> str:
    return (email or "").rpartition("@")[2].strip().lower()


def _provider(key: str, data: dict) -> Provider:
    roles = data.get("roles", {})
    return Provider(
        key=key,
        domains=tuple(d.lower() for d in data.get("domains", ())),
        issuer=data["issuer"],
        authorization_endpoint=data["authorization_endpoint"],
        token_endpoint=data["token_endpoint"],
        userinfo_endpoint=data["userinfo_endpoint"],
        jwks_uri=data["jwks_uri"],
        client_id=data["client_id"],
        client_secret=settings.KOTOPLAN_SSO_CLIENT_SECRETS.get(key, ""),
        end_session_endpoint=data.get("end_session_endpoint", ""),
        scopes=data.get("scopes", "openid email profile"),
        organisation=data.get("organisation", ""),
        role_claim=roles.get("claim", ""),
        role_values=dict(roles.get("values", {})),
    )


def all_providers() -> list[Provider]:
    return [_provider(key, data) for key, data in settings.KOTOPLAN_SSO_PROVIDERS.items()]


def provider_by_key(key: str | None) -> Provider | None:
    data = settings.KOTOPLAN_SSO_PROVIDERS.get(key or "")
    return _provider(key, data) if data else None


def provider_for_email(email: str) -> Provider | None:
    return next((p for p in all_providers() if p.serves(email)), None)


def provider_origins() -> set[str]:
    return {origin for provider in all_providers() for origin in provider.origins()}


REQUIRED = (
    "domains",
    "issuer",
    "authorization_endpoint",
    "token_endpoint",
    "userinfo_endpoint",
    "jwks_uri",
    "client_id",
)
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


def check_providers(app_configs=None, **kwargs) -> list:
    """`manage.py check`: every provider is complete, has its secret, and is reached over HTTPS
    (plain HTTP only on this machine's loopback)."""
    from django.core.checks import Error, Warning

    problems = []
    for key, data in settings.KOTOPLAN_SSO_PROVIDERS.items():
        missing = [name for name in REQUIRED if not data.get(name)]
        if missing:
            problems.append(
                Error(f"Single sign-on provider {key!r} lacks {', '.join(missing)}.", id="kp.E101")
            )
            continue
        if key not in settings.KOTOPLAN_SSO_CLIENT_SECRETS:
            problems.append(
                Warning(
                    f"No client secret for single sign-on provider {key!r}.",
                    hint="Add it to KOTOPLAN_SSO_CLIENT_SECRETS as key=secret.",
                    id="kp.W102",
                )
            )
        for name in (*REQUIRED[2:6], "end_session_endpoint"):
            parts = urlsplit(data.get(name) or "https://x")
            if parts.scheme != "https" and parts.hostname not in LOOPBACK_HOSTS:
                problems.append(Error(f"{name} of provider {key!r} must use HTTPS.", id="kp.E103"))
    return problems
