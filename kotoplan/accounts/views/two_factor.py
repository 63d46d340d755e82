"""The second factor (TOTP): set up an authenticator app, enter its code after the password,
remove it. The key being set up is kept in the session and stored as a device only when a
code is entered for it (opening the page writes nothing). The QR code is an SVG image in a
data: URL (the CSP allows `img-src data:`)."""

import base64

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from ..forms import TokenForm
from ..selectors import (
    confirmed_totp_device,
    confirmed_totp_devices,
    second_factor_required,
    totp_setup_device,
)
from ..services import totp_device_confirm, totp_device_start, totp_devices_remove, totp_verify

SETUP_KEY = "kotoplan_totp_setup_key"


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("accounts:profile") if request.user.otp_device else "/"


def _qr_data_url(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    return "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode()


def _secret_in_groups(device) -> str:
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _throttled(devices) -> bool:
    """A wrong code makes the next try wait (1 s, 2 s, 4 s… after consecutive failures)."""
    return any(not device.verify_is_allowed()[0] for device in devices)


def _wrong_code_message(*, throttled: bool) -> str:
    if throttled:
        return _("Too many wrong codes in a row. Wait a moment, then enter the newest code.")
    return _("The code is not correct. Check that the clock of your phone is right.")


@login_required
def setup(request):
    """Shows the key as a QR code and as text; a first correct code confirms it."""
    if confirmed_totp_device(user=request.user) and not request.user.is_verified():
        return redirect(f"{reverse('accounts:two_factor_verify')}?{request.GET.urlencode()}")
    device = totp_setup_device(user=request.user, key=request.session.get(SETUP_KEY, ""))
    if request.session.get(SETUP_KEY) != device.key:
        request.session[SETUP_KEY] = device.key
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"]
        device = totp_device_start(user=request.user, device=device)
        throttled = _throttled([device])
        if totp_device_confirm(user=request.user, device=device, token=token):
            request.session.pop(SETUP_KEY, None)
            otp_login(request, device)
            messages.success(request, _("Your authenticator app is set up."))
            return redirect(_next_url(request))
        form.add_error("token", _wrong_code_message(throttled=throttled))
    context = {
        "form": form,
        "qr_code": _qr_data_url(device.config_url),
        "secret": _secret_in_groups(device),
        "next": request.POST.get("next") or request.GET.get("next") or "",
        "required": second_factor_required(user=request.user),
    }
    return render(request, "accounts/two_factor_setup.html", context)


@login_required
def verify(request):
    """After the password: the code from the app before any other page."""
    if confirmed_totp_device(user=request.user) is None:
        return redirect(f"{reverse('accounts:two_factor_setup')}?{request.GET.urlencode()}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        throttled = _throttled(confirmed_totp_devices(user=request.user))
        device = totp_verify(user=request.user, token=form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", _wrong_code_message(throttled=throttled))
    context = {"form": form, "next": request.POST.get("next") or request.GET.get("next") or ""}
    return render(request, "accounts/two_factor_verify.html", context)


@require_POST
@login_required
def remove(request):
    """The user removes their authenticator app (e.g. a new phone) and may set up another."""
    totp_devices_remove(user=request.user, actor=request.user)
    messages.success(request, _("The authenticator app was removed."))
    return redirect("accounts:profile")
