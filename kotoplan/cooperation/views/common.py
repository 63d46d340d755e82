"""Helpers shared by the cooperation views."""

from django.core.exceptions import ValidationError
from django.shortcuts import render

from kotoplan.core.errors import DomainError, EditConflict


def run_service(form, call):
    """Run a service; on a domain problem put the message on the form and return None."""
    try:
        return call()
    except EditConflict as exc:
        data = form.data.copy()
        data["expected_version"] = exc.current.version
        form.data = data
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


def render_form(request, *, form, title: str, group, cancel_url: str, intro: str = ""):
    """The one page layout of every cooperation form."""
    return render(
        request,
        "cooperation/form.html",
        {"form": form, "title": title, "group": group, "cancel_url": cancel_url, "intro": intro},
    )
