"""Helpers for views of every app: run a service and turn domain errors into form messages,
the edit page (`form_view`, `form_page`), the button without a form (`action_view`), and page
addresses with an anchor (`page_url`)."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from .errors import DomainError, EditConflict
from .selectors import cookies, site_info


def run_service(form, call):
    """Run a service; on a domain problem put the message on the form and return None."""
    try:
        return call()
    except EditConflict as exc:
        _show_conflict(form, exc.current)
        form.add_error(None, exc.message)
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            for field, errors in exc.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, exc.messages)
    except DomainError as exc:
        form.add_error(None, exc.message)
    return None


def _show_conflict(form, current) -> None:
    """Keep the user's input, list what the other person saved, and arm the form to overwrite."""
    differing = []
    for name, field in form.fields.items():
        if name == "expected_version" or not hasattr(current, name):
            continue
        value = getattr(current, name)
        if hasattr(value, "all"):
            value = list(value.all())
            mine = list(form.cleaned_data.get(name) or [])
        else:
            mine = form.cleaned_data.get(name)
        if value != mine and not (value in (None, "") and mine in (None, "")):
            shown = ", ".join(str(v) for v in value) if isinstance(value, list) else value
            differing.append((field.label, "" if shown is None else str(shown)))
    form.conflict = current
    form.conflict_fields = differing
    data = form.data.copy()
    data["expected_version"] = current.version
    form.data = data


def form_view(
    request,
    *,
    form,
    call,
    success_message,
    redirect_to,
    render_page,
):
    """The POST → service → message → redirect pattern of every edit page.

    `call(form)` runs the service with the cleaned form; domain errors land on the form through
    `run_service`. On success the message is shown and the browser is sent to `redirect_to`
    (a URL, or a callable taking the service's result). Otherwise `render_page(form)` renders
    the page again with the form and its errors.
    """
    if request.method == "POST" and form.is_valid():
        result = run_service(form, lambda: call(form))
        if result is not None:
            if success_message:
                messages.success(request, success_message)
            target = redirect_to(result) if callable(redirect_to) else redirect_to
            return HttpResponseRedirect(target)
    return render_page(form)


def form_page(request, template, *, form, call, success_message, redirect_to, **context):
    """`form_view` on a page of its own: `template` is rendered with the form and `context`."""
    return form_view(
        request,
        form=form,
        call=call,
        success_message=success_message,
        redirect_to=redirect_to,
        render_page=lambda form: render(request, template, {"form": form, **context}),
    )


def action_view(request, *, call, success_message, redirect_to, refused_to=None):
    """The POST of a button without a form (publish, accept, close): run `call()`; a domain
    refusal is shown as an error message, success as `success_message`. The browser goes on to
    `redirect_to`: a URL, or a callable taking the service's result; after a refusal to
    `refused_to` (by default `redirect_to`, which is then a URL)."""
    try:
        result = call()
    except DomainError as exc:
        messages.error(request, exc.message)
        return HttpResponseRedirect(refused_to or redirect_to)
    messages.success(request, success_message)
    return HttpResponseRedirect(redirect_to(result) if callable(redirect_to) else redirect_to)


def page_url(url_name: str, *args, anchor: str = "") -> str:
    """The address of a page, at the element `anchor` when one is given."""
    url = reverse(url_name, args=args)
    return f"{url}#{anchor}" if anchor else url


def client_address(request) -> str:
    """The client's IP address: the connection's, or behind our reverse proxies the one they
    report in KOTOPLAN_CLIENT_IP_HEADER. Each trusted proxy appends the address it saw, so the
    entry KOTOPLAN_TRUSTED_PROXY_COUNT places from the right is the one no client can forge."""
    header = settings.KOTOPLAN_CLIENT_IP_HEADER
    if header:
        hops = [hop.strip() for hop in request.META.get(header, "").split(",") if hop.strip()]
        count = max(settings.KOTOPLAN_TRUSTED_PROXY_COUNT, 1)
        if len(hops) >= count:
            return hops[-count]
    return request.META.get("REMOTE_ADDR", "")


def _site_page(template):
    """A public page about the service itself (statement, notices, contact), open to everyone."""

    def view(request):
        context = {"site": site_info(), "cookies": cookies()}
        return render(request, f"core/{template}.html", context)

    view.__name__ = template
    return view


accessibility_statement = _site_page("accessibility")
privacy_notice = _site_page("privacy")
consultation_privacy_notice = _site_page("privacy_consultations")
cookie_information = _site_page("cookies")
contact = _site_page("contact")


class PermissionsPolicyMiddleware:
    """Sends KOTOPLAN_PERMISSIONS_POLICY: browser features no page needs stay switched off."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = settings.KOTOPLAN_PERMISSIONS_POLICY
        if policy:
            response.headers.setdefault("Permissions-Policy", policy)
        return response
