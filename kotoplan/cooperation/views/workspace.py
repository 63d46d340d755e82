"""The group's workspace on a plan it serves: a read-only outline of the plan, the group's
internal comments, and the measures members propose."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kotoplan.core.errors import DomainError
from kotoplan.core.permissions import can, require
from kotoplan.core.views import run_service
from kotoplan.planning.selectors import plan_outline

from .. import selectors, services
from ..forms import CommentForm, DeclineForm, ProposalForm


def workspace_url(group, plan, anchor: str = "") -> str:
    url = reverse("cooperation:workspace_plan", args=[group.pk, plan.pk])
    return f"{url}#{anchor}" if anchor else url


def _page(request, group, plan, comment_form=None, proposal_form=None, decline_forms=None):
    is_member = can(request.user, "cooperation.propose_measure", group)
    manage = can(request.user, "cooperation.manage_group", group)
    memberships = selectors.member_organisations_of(user=request.user, group=group)
    proposals = group.proposals.filter(plan=plan).select_related(
        "objective", "membership__organisation", "proposed_by", "measure"
    )
    decline_forms = decline_forms or {}
    return render(
        request,
        "cooperation/workspace_plan.html",
        {
            "group": group,
            "plan": plan,
            "sections": plan_outline(plan=plan),
            "comments": group.comments.filter(plan=plan).select_related("author", "objective"),
            "proposals": [
                (proposal, decline_forms.get(proposal.pk) or DeclineForm(prefix=f"p{proposal.pk}"))
                for proposal in proposals
            ],
            "open": plan.is_editable,
            "manage": manage,
            "comment_form": comment_form or CommentForm(plan=plan),
            "proposal_form": (proposal_form or ProposalForm(plan=plan, memberships=memberships))
            if is_member
            else None,
        },
    )


@login_required
def workspace_plan(request, pk, plan_pk):
    group = selectors.group_get_for_user(user=request.user, pk=pk)
    plan = selectors.workspace_plan_get(user=request.user, group=group, plan_id=plan_pk)
    return _page(request, group, plan)


@login_required
@require_POST
def comment_add(request, pk, plan_pk):
    group = selectors.group_get_for_user(user=request.user, pk=pk)
    plan = selectors.workspace_plan_get(user=request.user, group=group, plan_id=plan_pk)
    require(request.user, "cooperation.comment_plan", group)
    form = CommentForm(request.POST, plan=plan)
    if form.is_valid() and run_service(
        form,
        lambda: services.comment_add(
            actor=request.user, group=group, plan=plan, **form.cleaned_data
        ),
    ):
        messages.success(request, _("Your comment was saved."))
        return redirect(workspace_url(group, plan, "comments"))
    return _page(request, group, plan, comment_form=form)


@login_required
@require_POST
def proposal_add(request, pk, plan_pk):
    group = selectors.group_get_for_user(user=request.user, pk=pk)
    plan = selectors.workspace_plan_get(user=request.user, group=group, plan_id=plan_pk)
    require(request.user, "cooperation.propose_measure", group)
    memberships = selectors.member_organisations_of(user=request.user, group=group)
    form = ProposalForm(request.POST, plan=plan, memberships=memberships)
    if form.is_valid() and run_service(
        form,
        lambda: services.proposal_file(
            actor=request.user, group=group, plan=plan, **form.cleaned_data
        ),
    ):
        messages.success(request, _("Your proposal was sent to the coordinators."))
        return redirect(workspace_url(group, plan, "proposals"))
    return _page(request, group, plan, proposal_form=form)


@login_required
@require_POST
def proposal_decide(request, pk):
    proposal = selectors.proposal_get_for_user(user=request.user, pk=pk)
    require(request.user, "cooperation.decide_proposal", proposal)
    group, plan = proposal.group, proposal.plan
    if request.POST.get("decision") == "accept":
        try:
            services.proposal_accept(actor=request.user, proposal=proposal)
        except DomainError as exc:
            messages.error(request, exc.message)
            return redirect(workspace_url(group, plan, f"proposal-{proposal.pk}"))
        messages.success(request, _("The measure was added to the plan."))
        return redirect(workspace_url(group, plan, f"proposal-{proposal.pk}"))
    form = DeclineForm(request.POST, prefix=f"p{proposal.pk}")
    done = form.is_valid() and run_service(
        form,
        lambda: services.proposal_decline(
            actor=request.user, proposal=proposal, reason=form.cleaned_data["reason"]
        ),
    )
    message = _("The proposal was declined.")
    if done:
        messages.success(request, message)
        return redirect(workspace_url(group, plan, f"proposal-{proposal.pk}"))
    return _page(request, group, plan, decline_forms={proposal.pk: form})
