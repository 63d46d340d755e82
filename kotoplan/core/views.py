"""Helpers for views of every app: run a service and turn domain errors into form messages."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect

from .errors import DomainError, EditConflict


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
