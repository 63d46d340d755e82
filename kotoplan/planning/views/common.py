"""Helpers shared by the planning views: turn domain errors into form messages."""

from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse

from kotoplan.core.errors import DomainError, EditConflict


def plan_url(plan, anchor: str = "") -> str:
    url = reverse("planning:plan_detail", args=[plan.pk])
    return f"{url}#{anchor}" if anchor else url


def run_service(form, call):
    """Run a service; on a domain problem put the message on the form and return None."""
    try:
        return call()
    except EditConflict as exc:
        form.add_error(None, exc.message)
        form.conflict = exc.current
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            for field, errors in exc.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, exc.messages)
    except DomainError as exc:
        form.add_error(None, exc.message)
    return None


def redirect_to(url: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(url)
