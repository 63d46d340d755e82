"""The administrators' view of the audit trail of logins and access changes; a person's copy
of their data; the erasure of a person's data by an administrator."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kotoplan.accounts.audit import SecurityEvent
from kotoplan.core.forms import DateInput
from kotoplan.core.permissions import require
from kotoplan.core.views import run_service

from . import selectors, services
from .forms import ErasureForm, ErasureLookupForm
from .selectors import SecurityFilter, entry_changes, security_event_label
from .services.erasure import person_erase, person_findings

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
    names = selectors.current_names(page.object_list)
    rows = [
        {
            "entry": entry,
            "name": names.get((entry.content_type_id, str(entry.object_pk)), entry.object_repr),
            "event": security_event_label(entry),
            "changes": entry_changes(entry),
        }
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


@login_required
def erasure(request):
    """GET: find the person and show what Kotoplan holds about them; POST: erase it, with the
    reason, after which the audit trail shows the erasure."""
    require(request.user, "audit.erase_personal_data")
    posted = request.method == "POST"
    lookup = ErasureLookupForm(request.POST if posted else (request.GET or None))
    form = ErasureForm(
        request.POST if posted else None, initial=request.GET.dict(), auto_id="erase_%s"
    )
    findings = []
    if lookup.is_bound and lookup.is_valid():
        subject = lookup.subject()
        findings = person_findings(subject=subject)
        if posted and form.is_valid():
            done = run_service(
                form,
                lambda: person_erase(
                    actor=request.user, subject=subject, reason=form.cleaned_data["reason"]
                ),
            )
            if done is not None:
                messages.success(request, _("The person's personal data was erased."))
                trail = reverse("audit:security_trail")
                return HttpResponseRedirect(f"{trail}?event={SecurityEvent.PERSONAL_DATA_ERASED}")
    context = {"lookup": lookup, "form": form, "findings": findings}
    return render(request, "audit/erasure.html", context)
