"""Units and local organisations that coordinators add and edit themselves."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from kotoplan.core.views import form_view
from kotoplan.geography.models import Municipality

from .. import services
from ..forms import OrganisationForm
from ..models import Organisation
from ..selectors import (
    adding_municipalities,
    organisation_get_for_user,
    organisation_label,
    organisation_labels,
    organisations_managed_by,
)


def _back_to(request) -> str:
    """The form the user came from ("Add a missing organisation"), when it is on this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


@login_required
def organisation_list(request):
    municipalities = adding_municipalities(user=request.user)
    organisations = list(organisations_managed_by(user=request.user))
    labels = organisation_labels(organisations)
    return render(
        request,
        "accounts/organisation_list.html",
        {
            "rows": [(o, labels[o.pk]) for o in organisations],
            "can_add": municipalities.exists(),
            "next": _back_to(request),
        },
    )


def _organisation_page(request, *, form, call, title, cancel_url):
    back = _back_to(request)

    def page(form):
        form.ask_confirmation()
        return render(
            request,
            "accounts/organisation_form.html",
            {
                "form": form,
                "title": title,
                "hidden": {"next": back} if back else {},
                "cancel_url": back or cancel_url,
            },
        )

    return form_view(
        request,
        form=form,
        call=lambda form: call(form, allow_similar=bool(form.cleaned_data.get("confirm_new"))),
        success_message=None,
        redirect_to=lambda saved: _saved(request, saved, back),
        render_page=page,
    )


def _saved(request, organisation, back: str) -> str:
    messages.success(
        request,
        _("Saved: %(name)s. It can now be chosen in the plans of the area.")
        % {"name": organisation_label(organisation, with_kind=True)},
    )
    return back or reverse("accounts:organisation_list")


@login_required
def organisation_new(request, kind):
    if kind not in ("unit", "local"):
        raise Http404
    municipalities = adding_municipalities(user=request.user)
    if not municipalities.exists():
        raise PermissionDenied
    unit = kind == "unit"
    form = OrganisationForm(request.POST or None, unit=unit, municipalities=municipalities)
    return _organisation_page(
        request,
        form=form,
        call=lambda form, allow_similar: services.organisation_create(
            actor=request.user,
            municipality=form.cleaned_data["for_municipality"],
            data=form.organisation_data(),
            allow_similar=allow_similar,
        ),
        title=_("New unit") if unit else _("New local organisation"),
        cancel_url=reverse("accounts:organisation_list"),
    )


@login_required
def organisation_edit(request, organisation_id):
    organisation = organisation_get_for_user(user=request.user, organisation_id=organisation_id)
    unit = organisation.kind == Organisation.Kind.MUNICIPAL_UNIT
    home = organisation.created_by_municipality or organisation.municipality
    form = OrganisationForm(
        request.POST or None,
        instance=organisation,
        unit=unit,
        municipalities=Municipality.objects.filter(pk=getattr(home, "pk", None)),
    )
    return _organisation_page(
        request,
        form=form,
        call=lambda form, allow_similar: services.organisation_update(
            actor=request.user,
            organisation=organisation,
            expected_version=form.cleaned_data["expected_version"],
            data=form.organisation_data(),
            allow_similar=allow_similar,
        ),
        title=_("Edit organisation"),
        cancel_url=reverse("accounts:organisation_list"),
    )
