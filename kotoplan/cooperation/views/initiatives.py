from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kotoplan.core.permissions import can
from kotoplan.core.views import form_view, page_url

from .. import selectors, services
from ..forms import DecisionForm, InitiativeForm
from .common import group_form_page


def initiative_url(initiative) -> str:
    return page_url("cooperation:initiative_detail", initiative.pk)


@login_required
def initiative_file(request, group_id):
    group = selectors.group_get_for_user(
        user=request.user, group_id=group_id, action="cooperation.file_initiative"
    )
    memberships = selectors.member_organisations_of(user=request.user, group=group)
    return group_form_page(
        request,
        group,
        form=InitiativeForm(request.POST or None, memberships=memberships),
        call=lambda form: services.initiative_file(
            actor=request.user, group=group, **form.cleaned_data
        ),
        success_message=_("The initiative was sent. The group's coordinators must answer it."),
        redirect_to=initiative_url,
        title=_("Propose a meeting of the group"),
        intro=_(
            "Any member organisation may ask for the group to be convened. The coordinators "
            "are notified and answer with a meeting or a reasoned decision."
        ),
    )


def _detail_page(request, initiative, decision_form):
    pending = initiative.status == initiative.Status.PENDING
    return render(
        request,
        "cooperation/initiative_detail.html",
        {
            "initiative": initiative,
            "group": initiative.group,
            "can_answer": pending
            and can(request.user, "cooperation.answer_initiative", initiative),
            "decision_form": decision_form,
        },
    )


@login_required
def initiative_detail(request, initiative_id):
    initiative = selectors.initiative_get_for_user(user=request.user, initiative_id=initiative_id)
    return _detail_page(request, initiative, DecisionForm())


@login_required
@require_POST
def initiative_decide(request, initiative_id):
    initiative = selectors.initiative_get_for_user(
        user=request.user, initiative_id=initiative_id, action="cooperation.answer_initiative"
    )
    return form_view(
        request,
        form=DecisionForm(request.POST),
        call=lambda form: services.initiative_decide(
            actor=request.user, initiative=initiative, decision=form.cleaned_data["decision"]
        ),
        success_message=_("The decision was recorded."),
        redirect_to=initiative_url,
        render_page=lambda form: _detail_page(request, initiative, form),
    )
