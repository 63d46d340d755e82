"""Helpers for views of every app: run a service and turn domain errors into form messages,
the edit page (`form_view`, `form_page`), the button without a form (`action_view`), page
addresses with an anchor (`page_url`), and stored exports: the file or its progress page."""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from .errors import DomainError, EditConflict
from .models import StoredExport
from .selectors import cookies, site_info
from .services import export_content


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
    form.return_url = return_url(request)
    if request.method == "POST" and form.is_valid():
        result = run_service(form, lambda: call(form))
        if result is not None:
            if success_message:
                messages.success(request, success_message)
            target = redirect_to(result) if callable(redirect_to) else redirect_to
            return HttpResponseRedirect(form.return_url or target)
    return render_page(form)


def return_url(request) -> str:
    """A page of this site that the form was opened from (`?return_to=`, as the readiness
    checklist's fix links give it): the form goes back there when saved or cancelled."""
    target = request.GET.get("return_to", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


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


# --- stored exports: the file when it is ready, else a page that follows it --------------------

EXPORT_REFRESH_SECONDS = 2


def export_file(export: StoredExport, **headers) -> HttpResponse:
    response = HttpResponse(
        export_content(export), content_type=export.content_type, headers=headers
    )
    response["Content-Disposition"] = f'attachment; filename="{export.file_name}"'
    return response


def export_response(export: StoredExport, *, progress_url: str) -> HttpResponse:
    """The answer to a download request: the file when it is ready, else its progress page."""
    if export.status == StoredExport.Status.READY:
        return export_file(export)
    return HttpResponseRedirect(progress_url)


def export_progress(
    request, export: StoredExport, *, current: bool, restart_url: str, back_url: str, title: str
) -> HttpResponse:
    """The progress page of an export (the subject's permission already checked): the file once
    it is ready (the page's own refresh then downloads it); "being prepared" with a refresh
    that needs no script while it is made; "failed" with a link that tries again. An export
    of content that has changed since goes back to `restart_url`, which makes the current one."""
    stale = timezone.now() - timedelta(minutes=settings.KOTOPLAN_EXPORT_STALE_MINUTES)
    stopped = export.status == StoredExport.Status.WAITING and export.updated_at < stale
    if not current or stopped:
        return HttpResponseRedirect(restart_url)
    if export.status == StoredExport.Status.READY:
        return export_file(export)
    waiting = export.status == StoredExport.Status.WAITING
    return render(
        request,
        "export_progress.html",
        {
            "export": export,
            "waiting": waiting,
            "refresh_seconds": EXPORT_REFRESH_SECONDS,
            "restart_url": restart_url,
            "back_url": back_url,
            "title": title,
        },
        status=202 if waiting else 200,
    )


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
