"""Invitations to joint plans: the invited municipality's coordinators read one and accept or
decline it; those who may change the plan withdraw it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kotoplan.core.permissions import can, require
from kotoplan.core.views import action_view

from .. import selectors, services
from ..models import PlanInvitation
from . import plan_url


@login_required
def invitation_detail(request, invitation_id):
    invitation = selectors.invitation_get_for_user(user=request.user, invitation_id=invitation_id)
    pending = invitation.status == PlanInvitation.Status.PENDING
    context = {
        "invitation": invitation,
        "can_answer": pending and can(request.user, "planning.answer_invitation", invitation),
        "can_withdraw": pending and can(request.user, "planning.withdraw_invitation", invitation),
        "can_open_plan": can(request.user, "planning.view_plan", invitation.plan),
    }
    return render(request, "planning/invitation_detail.html", context)


@login_required
@require_POST
def invitation_answer(request, invitation_id):
    invitation = selectors.invitation_get_for_user(user=request.user, invitation_id=invitation_id)
    require(request.user, "planning.answer_invitation", invitation)
    answer = request.POST.get("answer")
    if answer not in ("accept", "decline"):  # an answer is never guessed
        messages.error(request, _("Choose whether to accept or decline the invitation."))
        return HttpResponseRedirect(reverse("planning:invitation_detail", args=[invitation.pk]))
    accept = answer == "accept"
    return action_view(
        request,
        call=lambda: services.invitation_answer(
            actor=request.user, invitation=invitation, accept=accept
        ),
        success_message=_("The municipality joined the plan.")
        if accept
        else _("The invitation was declined."),
        redirect_to=plan_url(invitation.plan) if accept else reverse("planning:home"),
        refused_to=reverse("planning:invitation_detail", args=[invitation.pk]),
    )


@login_required
@require_POST
def invitation_withdraw(request, invitation_id):
    invitation = selectors.invitation_get_for_user(user=request.user, invitation_id=invitation_id)
    return action_view(
        request,
        call=lambda: services.invitation_withdraw(actor=request.user, invitation=invitation),
        success_message=_("The invitation was withdrawn."),
        redirect_to=plan_url(invitation.plan),
    )
