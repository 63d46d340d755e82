"""Session rules applied to every request: sign-out after inactivity or the longest lifetime,
and no page before the second factor for those who need one."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from ..selectors import confirmed_totp_device, second_factor_required

SEEN = "kotoplan_seen"
STARTED = "kotoplan_started"
NO_DEVICE = "kotoplan_without_second_factor"
TOUCH_EVERY = 30  # seconds: how often the last activity is written to the session


class SessionExpiryMiddleware:
    """Logs out after KOTOPLAN_SESSION_IDLE without a request or KOTOPLAN_SESSION_MAX_AGE after
    login, and sends the user to the login page with a message saying why."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            session = request.session
            started = session.get(STARTED, now)
            seen = session.get(SEEN, now)
            idle = now - seen > settings.KOTOPLAN_SESSION_IDLE.total_seconds()
            too_old = now - started > settings.KOTOPLAN_SESSION_MAX_AGE.total_seconds()
            if idle or too_old:
                request.kotoplan_session_expired = True
                logout(request)
                messages.info(
                    request, _("You were signed out for your security. Please log in again.")
                )
                login = reverse(settings.LOGIN_URL)
                if request.method == "GET":
                    login += "?" + urlencode({"next": request.get_full_path()})
                return redirect(login)
            if now - session.get(SEEN, 0) > TOUCH_EVERY:
                session[SEEN] = now
                session.setdefault(STARTED, now)
        return self.get_response(request)


class SecondFactorMiddleware:
    """Until the code is verified, a user who has an authenticator app, or must have one, sees
    only the second-factor pages (and may log out or change the language)."""

    OPEN_NAMES = ("accounts:two_factor_setup", "accounts:two_factor_verify", "accounts:logout")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not user.is_verified() and self._needs_code(request):
            open_paths = {reverse(name) for name in self.OPEN_NAMES} | {reverse("set_language")}
            if request.path not in open_paths and not request.path.startswith(settings.STATIC_URL):
                has_device = confirmed_totp_device(user=user) is not None
                target = "accounts:two_factor_verify" if has_device else "accounts:two_factor_setup"
                query = (
                    urlencode({"next": request.get_full_path()}) if request.method == "GET" else ""
                )
                return redirect(reverse(target) + (f"?{query}" if query else ""))
        return self.get_response(request)

    @staticmethod
    def _needs_code(request) -> bool:
        if second_factor_required(user=request.user):
            return True
        if request.session.get(NO_DEVICE):
            return False
        return confirmed_totp_device(user=request.user) is not None


@receiver(user_logged_in, dispatch_uid="accounts_session_started")
def _session_started(sender, request, user, **kwargs) -> None:
    """Stamp the new session at login, so reading pages afterwards writes nothing."""
    now = time.time()
    request.session[STARTED] = now
    request.session[SEEN] = now
    request.session[NO_DEVICE] = confirmed_totp_device(user=user) is None
