"""Logging in with the organisation's account (OpenID Connect): the work e-mail address picks the
identity provider, the provider sends the browser back with a code, and Kotoplan lets the person
in only when an approved account goes with that identity (accounts.services.sign_on_identify)."""

from django.conf import settings
from django.contrib import auth
from django.contrib.auth.forms import AuthenticationForm
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ..audit import SecurityEvent, record_security_event
from ..forms import SignOnForm
from ..integrations.oidc.client import (
    ProviderClient,
    SignOnFailed,
    authorization_url,
    end_session_url,
)
from ..integrations.oidc.providers import (
    provider_by_key,
    provider_for_email,
    provider_origins,
)
from ..models import AccountRequest
from ..services import sign_on_identify

PROVIDER = "kotoplan_sso_provider"  # the provider of the login under way, then of the session
# the provider's ID token: the hint when logging out there
ID_TOKEN = "kotoplan_sso_id_token"  # noqa: S105 (a session key, not a secret)
NEXT = "kotoplan_sso_next"
SSO_PREFIX = "sso"


def allow_provider_forms(response):
    """The login and logout pages' forms lead on to the providers: let the browser follow."""
    origins = sorted(provider_origins())
    if origins:
        response._csp_update = {"form-action": origins}
    return response


def sign_on_form(data=None) -> SignOnForm | None:
    """The form of the login page, when any organisation has single sign-on."""
    return SignOnForm(data, prefix=SSO_PREFIX) if settings.KOTOPLAN_SSO_PROVIDERS else None


def _callback_url(request) -> str:
    return request.build_absolute_uri(reverse("accounts:sso_callback"))


@require_POST
def sso_start(request):
    """Send the browser to the identity provider of the e-mail address's domain."""
    if not settings.KOTOPLAN_SSO_PROVIDERS:
        raise Http404
    form = sign_on_form(request.POST)
    if form is not None and form.is_valid():
        email = form.cleaned_data["email"]
        provider = provider_for_email(email)
        if provider is not None:
            request.session[PROVIDER] = provider.key
            next_url = request.POST.get("next", "")
            safe = url_has_allowed_host_and_scheme(
                next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
            )
            request.session[NEXT] = next_url if safe else ""
            url = authorization_url(
                request=request,
                provider=provider,
                redirect_uri=_callback_url(request),
                login_hint=email,
            )
            return HttpResponseRedirect(url)
        form.add_error(
            "email",
            _(
                "No organisation login is set up for the domain %(domain)s. Log in with your "
                "Kotoplan user name and password, or ask your municipality's coordinator."
            )
            % {"domain": email.rpartition("@")[2]},
        )
    context = {
        "form": AuthenticationForm(request),
        "sso_form": form,
        "next": request.POST.get("next", ""),
        "sso_hidden": {"next": request.POST.get("next", "")},
    }
    return allow_provider_forms(render(request, "accounts/login.html", context, status=400))


def _refused(request, outcome: str, status: int = 403):
    context = {"outcome": outcome, "contact": settings.KOTOPLAN_SUPPORT_CONTACT}
    return render(request, "accounts/sso_refused.html", context, status=status)


@require_GET
def sso_callback(request):
    """The provider sends the browser back here with a code (or an error)."""
    if not settings.KOTOPLAN_SSO_PROVIDERS:
        raise Http404
    provider = provider_by_key(request.session.get(PROVIDER))
    states = request.session.get("oidc_states") or {}
    pending = states.pop(request.GET.get("state", ""), None)
    request.session["oidc_states"] = states
    if provider is None or pending is None:
        return _refused(request, "expired", status=400)
    code = request.GET.get("code")
    if request.GET.get("error") or not code:
        return _refused(request, "cancelled")
    try:
        claims = ProviderClient(provider).claims_for_code(
            request=request,
            code=code,
            nonce=pending.get("nonce"),
            redirect_uri=_callback_url(request),
        )
    except SignOnFailed:
        record_security_event(SecurityEvent.LOGIN_FAILED, username=f"sso:{provider.key}")
        return _refused(request, "failed")
    outcome = sign_on_identify(provider=provider, claims=claims)
    user = outcome.user
    if outcome.state != AccountRequest.State.APPROVED or user is None or not user.is_active:
        record_security_event(SecurityEvent.LOGIN_FAILED, user=user)
        return _refused(request, outcome.state)
    next_url = request.session.get(NEXT) or reverse(settings.LOGIN_REDIRECT_URL)
    auth.login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    request.session[PROVIDER] = provider.key
    request.session[ID_TOKEN] = claims.get("id_token", "")
    response = HttpResponseRedirect(next_url)
    if user.preferred_language in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.preferred_language,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
    return response


def provider_logout_url(request) -> str | None:
    """Where the browser goes after logging out of Kotoplan to end the provider's session too
    (read before the session ends); None for password logins and providers without it."""
    provider = provider_by_key(request.session.get(PROVIDER))
    if provider is None or not request.user.is_authenticated:
        return None
    return end_session_url(
        provider=provider,
        id_token=request.session.get(ID_TOKEN, ""),
        redirect_uri=request.build_absolute_uri(reverse(settings.LOGOUT_REDIRECT_URL)),
    )
