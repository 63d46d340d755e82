"""Logging in and out, the lockout page, and the password: change, and reset by e-mail."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import get_language

from kotoplan.core.permissions import can

from ..audit import SecurityEvent, record_security_event
from ..selectors import confirmed_totp_device, roles_for_user, second_factor_required
from ..tasks import send_password_reset
from .sso import allow_provider_forms, provider_logout_url, sign_on_form


class LoginView(auth_views.LoginView):
    """Signs in and switches the interface to the user's preferred language."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("sso_form", sign_on_form())
        context["sso_hidden"] = {"next": context.get("next", "")}
        return context

    def render_to_response(self, context, **kwargs):
        return allow_provider_forms(super().render_to_response(context, **kwargs))

    def form_valid(self, form):
        response = super().form_valid(form)
        language = form.get_user().preferred_language
        if language in dict(settings.LANGUAGES):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response


def lockout_response(request, original_response=None, credentials=None):
    """What django-axes answers after too many failed logins (the Kotoplan login and /admin/)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"minutes": minutes, "contact": settings.KOTOPLAN_SUPPORT_CONTACT}
    return render(request, "accounts/locked.html", context, status=429)


class LogoutView(auth_views.LogoutView):
    """The menu links here: GET shows a page with the log-out button, POST logs out."""

    http_method_names = ["get", "post", "options"]
    template_name = "accounts/logout.html"

    def get(self, request, *args, **kwargs):
        return allow_provider_forms(super().get(request, *args, **kwargs))

    def post(self, request, *args, **kwargs):
        """After a single sign-on, the provider's session ends too where the provider can."""
        at_provider = provider_logout_url(request)
        response = super().post(request, *args, **kwargs)
        return HttpResponseRedirect(at_provider) if at_provider else response


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password_change_done")

    def form_valid(self, form):
        response = super().form_valid(form)
        record_security_event(SecurityEvent.PASSWORD_CHANGED, user=form.user)
        return response


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"
    extra_context = {"home_url": reverse_lazy(settings.LOGIN_REDIRECT_URL)}


class PasswordResetView(auth_views.PasswordResetView):
    """Asks for an e-mail address; the answer is the same whether an account has it or not."""

    template_name = "accounts/password_reset.html"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        # The lookup and the e-mail happen in the background: the answer, and the time it
        # takes, are the same whether or not the address has an account.
        send_password_reset.enqueue(email=form.cleaned_data["email"], language=get_language())
        return HttpResponseRedirect(self.get_success_url())


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        record_security_event(SecurityEvent.PASSWORD_RESET, user=form.user)
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


@login_required
def profile(request):
    user = request.user
    context = {
        "roles": roles_for_user(user=user),
        "device": confirmed_totp_device(user=user),
        "second_factor_required": second_factor_required(user=user),
        "decides_requests": can(user, "accounts.decide_account_request"),
    }
    return render(request, "accounts/profile.html", context)
