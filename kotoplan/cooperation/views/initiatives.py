from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kotoplan.core.permissions import can, require
from kotoplan.core.views import run_service

from .. import selectors, services
from ..forms import DecisionForm, InitiativeForm
from .common import render_form
from .groups import group_url


def initiative_url(initiative) -> str:
    return reverse("cooperation:initiative_detail", args=[initiative.pk])


@login_required
def initiative_file(request, pk):
    group = selectors.group_get_for_user(user=request.user, pk=pk)
    require(request.user, "cooperation.file_initiative", group)
    memberships = selectors.member_organisations_of(user=request.user, group=group)
    form = InitiativeForm(request.POST or None, memberships=memberships)
    if request.method == "POST" and form.is_valid():
        initiative = run_service(
            form,
            lambda: services.initiative_file(actor=request.user, group=group, **form.cleaned_data),
        )
        if initiative:
            messages.success(
                request, _("The initiative was sent. The group's coordinators must answer it.")
            )
            return redirect(initiative_url(initiative))
    return render_form(
        request,
        form=form,
        title=_("Propose a meeting of the group"),
        group=group,
        cancel_url=group_url(group),
        intro=_(
            "Any member organisation may ask for the group to be convened. The coordinators "
            "are notified and answer with a meeting or a reasoned decision."
        ),
    )


def _detail(request, initiative, decision_form=None):
    answer = can(request.user, "cooperation.answer_initiative", initiative)
    pending = initiative.status == initiative.Status.PENDING
    return render(
        request,
        "cooperation/initiative_detail.html",
        {
            "initiative": initiative,
            "group": initiative.group,
            "can_answer": answer and pending,
            "decision_form": decision_form or DecisionForm(),
        },
    )


@login_required
def initiative_detail(request, pk):
    initiative = selectors.initiative_get_for_user(user=request.user, pk=pk)
    return _detail(request, initiative)


@login_required
@require_POST
def initiative_decide(request, pk):
    initiative = selectors.initiative_get_for_user(user=request.user, pk=pk)
    require(request.user, "cooperation.answer_initiative", initiative)
    form = DecisionForm(request.POST)
    if form.is_valid():
        done = run_service(
            form,
            lambda: services.initiative_decide(
                actor=request.user, initiative=initiative, decision=form.cleaned_data["decision"]
            ),
        )
        if done:
            messages.success(request, _("The decision was recorded."))
            return redirect(initiative_url(initiative))
    return _detail(request, initiative, decision_form=form)
