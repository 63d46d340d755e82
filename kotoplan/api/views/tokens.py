"""The page where a user makes, names and revokes their personal API tokens."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kotoplan.core.views import action_view, run_service

from ..forms import TokenForm
from ..selectors import token_get_for_user, tokens_for_user
from ..services import token_create, token_revoke


@login_required
def token_list(request):
    """GET lists the tokens; POST makes one and shows its secret this once."""
    form = TokenForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        made = run_service(
            form,
            lambda: token_create(
                actor=request.user, name=form.cleaned_data["name"], days=form.cleaned_data["days"]
            ),
        )
        if made is not None:
            secret = made[1]
            messages.success(
                request, _("The token was created. Copy it now: it is not shown again.")
            )
            form = TokenForm()
    context = {"form": form, "tokens": tokens_for_user(user=request.user), "secret": secret}
    response = render(request, "api/tokens.html", context)
    if secret:
        response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def token_revoke_view(request, token_id: int):
    token = token_get_for_user(user=request.user, token_id=token_id)
    return action_view(
        request,
        call=lambda: token_revoke(actor=request.user, token=token),
        success_message=_("The token was revoked; it no longer works."),
        redirect_to=reverse("api:tokens"),
    )
