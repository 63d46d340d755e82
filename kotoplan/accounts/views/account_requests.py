"""Single sign-on account requests: the coordinators of the organisation's municipality and
administrators approve them with a role, or refuse them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kotoplan.core.permissions import can
from kotoplan.core.views import action_view, run_service

from ..forms import AccountRequestApproveForm
from ..models import AccountRequest
from ..selectors import account_request_get_for_user, account_requests_for_user, roles_offered
from ..services import account_request_approve, account_request_refuse


def _rows(user, data=None, failed: int | None = None):
    rows = []
    for account_request in account_requests_for_user(user=user):
        form = None
        if account_request.state == AccountRequest.State.PENDING and account_request.organisation:
            roles = roles_offered(organisation=account_request.organisation)
            bound = data if failed == account_request.pk else None
            form = AccountRequestApproveForm(
                bound, roles=roles, prefix=f"request-{account_request.pk}"
            )
        rows.append((account_request, form))
    return rows


def _page(request, rows, status=200):
    return render(request, "accounts/account_request_list.html", {"rows": rows}, status=status)


@login_required
def request_list(request):
    if not can(request.user, "accounts.decide_account_request"):
        raise PermissionDenied
    return _page(request, _rows(request.user))


@login_required
@require_POST
def request_approve(request, request_id: int):
    account_request = account_request_get_for_user(user=request.user, request_id=request_id)
    organisation = account_request.organisation
    roles = roles_offered(organisation=organisation) if organisation else []
    form = AccountRequestApproveForm(request.POST, roles=roles, prefix=f"request-{request_id}")
    if form.is_valid():
        done = run_service(
            form,
            lambda: account_request_approve(
                actor=request.user, account_request=account_request, role=form.cleaned_data["role"]
            ),
        )
        if done is not None:
            messages.success(
                request,
                _("%(person)s may now log in.") % {"person": account_request.name or done.email},
            )
            return HttpResponseRedirect(reverse("accounts:account_request_list"))
    rows = [
        (row, form if row.pk == account_request.pk else row_form)
        for row, row_form in _rows(request.user)
    ]
    return _page(request, rows, status=400)


@login_required
@require_POST
def request_refuse(request, request_id: int):
    account_request = account_request_get_for_user(user=request.user, request_id=request_id)
    return action_view(
        request,
        call=lambda: account_request_refuse(actor=request.user, account_request=account_request),
        success_message=_("The request was refused; the person cannot log in."),
        redirect_to=reverse("accounts:account_request_list"),
    )
