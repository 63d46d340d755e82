"""The administrators' view of the audit trail of logins and access changes."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kotoplan.accounts.audit import SecurityEvent
from kotoplan.core.forms import DateInput
from kotoplan.core.permissions import require

from . import selectors, services
from .selectors import SecurityFilter, entry_changes, security_event_label

PAGE_SIZE = 100


class SecurityFilterForm(forms.Form):
    event = forms.ChoiceField(
        label=_("Event"),
        required=False,
        choices=[
            ("", _("All events")),
            *SecurityEvent.choices,
            ("roles", _("Role and permission changes")),
        ],
    )
    username = forms.CharField(label=_("Username"), required=False, max_length=150)
    since = forms.DateField(label=_("From"), required=False, widget=DateInput())
    until = forms.DateField(label=_("To"), required=False, widget=DateInput())


@login_required
def security_trail(request):
    require(request.user, "audit.view_security_trail")
    form = SecurityFilterForm(request.GET or None)
    filters = SecurityFilter(**form.cleaned_data) if form.is_valid() else SecurityFilter()
    entries = selectors.security_trail(filters=filters)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        {"entry": entry, "event": security_event_label(entry), "changes": entry_changes(entry)}
        for entry in page.object_list
    ]
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "rows": rows, "query": query.urlencode()}
    return render(request, "audit/security_trail.html", context)


def _personal_data_page(request, person):
    """GET: what the download holds; POST: the download (recorded in the audit trail)."""
    if request.method == "POST":
        content = services.personal_data_export(actor=request.user, person=person)
        response = HttpResponse(content, content_type="application/json; charset=utf-8")
        name = f"kotoplan-{person.get_username()}-{timezone.localdate().isoformat()}.json"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    own = person.pk == request.user.pk
    return render(request, "audit/personal_data.html", {"person": person, "own": own})


@login_required
def my_data(request):
    return _personal_data_page(request, request.user)


@login_required
def person_data(request, user_id):
    person = selectors.person_get_for_user(user=request.user, person_id=user_id)
    return _personal_data_page(request, person)
