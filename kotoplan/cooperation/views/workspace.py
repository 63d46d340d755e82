"""The group's workspace on a plan it serves: a read-only outline of the plan, the group's
internal comments, and the measures members propose."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_POST

from kotoplan.core.permissions import can, require
from kotoplan.core.views import action_view, form_view, page_url
from kotoplan.planning.selectors import plan_outline

from .. import selectors, services
from ..forms import CommentForm, DeclineForm, ProposalForm


def workspace_url(group, plan, anchor: str = "") -> str:
    return page_url("cooperation:workspace_plan", group.pk, plan.pk, anchor=anchor)


def _proposal_url(proposal) -> str:
    return workspace_url(proposal.group, proposal.plan, f"proposal-{proposal.pk}")


def _new_form(request, name: str, group, plan, data=None):
    """The workspace's own forms: "comment" (an internal comment) and "proposal" (a measure
    proposed by one of the user's organisations). Both are on one page, so their fields' ids
    begin with the form's name."""
    auto_id = f"{name}_%s"
    if name == "comment":
        return CommentForm(data, plan=plan, auto_id=auto_id)
    memberships = selectors.member_organisations_of(user=request.user, group=group)
    return ProposalForm(data, plan=plan, memberships=memberships, auto_id=auto_id)


def _page(request, group, plan, forms=None):
    """The workspace page; `forms` holds a form sent back with its errors."""
    forms = forms or {}
    open_ = plan.is_editable
    may_decide = open_ and can(request.user, "cooperation.manage_group", group)
    proposals = group.proposals.filter(plan=plan).select_related(
        "objective", "membership__organisation", "proposed_by", "measure"
    )
    may_propose = open_ and can(request.user, "cooperation.propose_measure", group)

    def form(name: str, offered: bool):
        return (forms.get(name) or _new_form(request, name, group, plan)) if offered else None

    return render(
        request,
        "cooperation/workspace_plan.html",
        {
            "group": group,
            "plan": plan,
            "sections": plan_outline(plan=plan),
            "comments": group.comments.filter(plan=plan).select_related("author", "objective"),
            "proposals": [
                (
                    proposal,
                    forms.get(proposal.pk) or DeclineForm(prefix=f"p{proposal.pk}")
                    if may_decide and proposal.status == proposal.Status.PENDING
                    else None,
                )
                for proposal in proposals
            ],
            "decline_hidden": {"decision": "decline"},
            "open": open_,
            "comment_form": form("comment", open_),
            "proposal_form": form("proposal", may_propose),
        },
    )


def _workspace(request, group_id, plan_id):
    group = selectors.group_get_for_user(user=request.user, group_id=group_id)
    return group, selectors.workspace_plan_get(user=request.user, group=group, plan_id=plan_id)


@login_required
def workspace_plan(request, group_id, plan_id):
    return _page(request, *_workspace(request, group_id, plan_id))


def _workspace_step(name: str, permission: str, service, success_message, anchor: str):
    """The view of a form posted on the workspace page: it runs `service(actor=, group=, plan=,
    **form.cleaned_data)` and returns to the page at `anchor`; otherwise the page again with the
    form and its errors."""

    @login_required
    @require_POST
    def step(request, group_id, plan_id):
        group, plan = _workspace(request, group_id, plan_id)
        require(request.user, permission, group)
        return form_view(
            request,
            form=_new_form(request, name, group, plan, request.POST),
            call=lambda form: service(
                actor=request.user, group=group, plan=plan, **form.cleaned_data
            ),
            success_message=success_message,
            redirect_to=workspace_url(group, plan, anchor),
            render_page=lambda form: _page(request, group, plan, {name: form}),
        )

    return step


comment_add = _workspace_step(
    "comment",
    "cooperation.comment_plan",
    services.comment_add,
    _l("Your comment was saved."),
    "comments",
)
proposal_add = _workspace_step(
    "proposal",
    "cooperation.propose_measure",
    services.proposal_file,
    _l("Your proposal was sent to the coordinators."),
    "proposals",
)


@login_required
@require_POST
def proposal_decide(request, proposal_id):
    proposal = selectors.proposal_get_for_user(
        user=request.user, proposal_id=proposal_id, action="cooperation.decide_proposal"
    )
    if request.POST.get("decision") == "accept":
        return action_view(
            request,
            call=lambda: services.proposal_accept(actor=request.user, proposal=proposal),
            success_message=_("The measure was added to the plan."),
            redirect_to=_proposal_url(proposal),
        )
    return form_view(
        request,
        form=DeclineForm(request.POST, prefix=f"p{proposal.pk}"),
        call=lambda form: services.proposal_decline(
            actor=request.user, proposal=proposal, reason=form.cleaned_data["reason"]
        ),
        success_message=_("The proposal was declined."),
        redirect_to=_proposal_url,
        render_page=lambda form: _page(request, proposal.group, proposal.plan, {proposal.pk: form}),
    )
