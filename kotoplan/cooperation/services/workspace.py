from django.db import transaction
from django.utils.translation import gettext as _

from kotoplan.audit.services import save_new
from kotoplan.core.errors import DomainError
from kotoplan.core.permissions import require
from kotoplan.core.services import belonging, required_texts
from kotoplan.planning.models import Measure, Objective, Plan
from kotoplan.planning.services import content_create

from ..models import CooperationGroup, MeasureProposal, Membership, PlanComment
from .initiatives import require_representative
from .saving import lock_pending, save_decision


def _served_plan(group: CooperationGroup, plan: Plan) -> Plan:
    if not group.plans.filter(pk=plan.pk).exists():
        raise DomainError(_("The group does not serve this plan."))
    if not plan.is_editable:
        raise DomainError(_("The plan can no longer be changed, so it is closed for comments."))
    return plan


def _objective_of(plan: Plan, objective: Objective | None) -> Objective | None:
    message = _("The objective belongs to another plan.")
    belonging([objective] if objective else [], to=plan, by="plan_id", message=message)
    return objective


@transaction.atomic
def comment_add(
    *, actor, group: CooperationGroup, plan: Plan, text: str, objective: Objective | None = None
) -> PlanComment:
    """An internal comment of the group on a plan it serves."""
    require(actor, "cooperation.comment_plan", group)
    _served_plan(group, plan)
    texts = required_texts(text=(text, _("Write the comment.")))
    comment = PlanComment(
        group=group, plan=plan, objective=_objective_of(plan, objective), author=actor, **texts
    )
    return save_new(actor=actor, obj=comment)


@transaction.atomic
def proposal_file(
    *,
    actor,
    group: CooperationGroup,
    plan: Plan,
    objective: Objective,
    membership: Membership,
    title: str,
    description: str = "",
    language: str = "fi",
) -> MeasureProposal:
    """A member proposes a measure its organisation would own."""
    require(actor, "cooperation.propose_measure", group)
    _served_plan(group, plan)
    require_representative(actor, group, membership)
    texts = required_texts(title=(title, _("Give the measure a title.")))
    proposal = MeasureProposal(
        group=group,
        plan=plan,
        objective=_objective_of(plan, objective),
        membership=membership,
        proposed_by=actor,
        language=language,
        description=(description or "").strip(),
        **texts,
    )
    return save_new(actor=actor, obj=proposal)


def _lock_pending(proposal: MeasureProposal) -> MeasureProposal:
    return lock_pending(proposal, _("This proposal has already been decided."))


@transaction.atomic
def proposal_accept(*, actor, proposal: MeasureProposal) -> MeasureProposal:
    """Take the proposal into the plan as a measure owned by the proposing organisation."""
    require(actor, "cooperation.decide_proposal", proposal)
    locked = _lock_pending(proposal)
    objective = locked.objective
    measure = content_create(
        actor=actor,
        model=Measure,
        data={
            "objective": objective,
            "order": objective.measures.count() + 1,
            f"title_{locked.language}": locked.title,
            f"description_{locked.language}": locked.description,
            "responsible_organisation": locked.membership.organisation,
        },
    )
    return save_decision(
        actor, locked, "decided", status=MeasureProposal.Status.ACCEPTED, measure=measure
    )


@transaction.atomic
def proposal_decline(*, actor, proposal: MeasureProposal, reason: str) -> MeasureProposal:
    require(actor, "cooperation.decide_proposal", proposal)
    reason = required_texts(reason=(reason, _("Explain why the proposal is declined.")))["reason"]
    return save_decision(
        actor,
        _lock_pending(proposal),
        "decided",
        status=MeasureProposal.Status.DECLINED,
        decision_reason=reason,
    )
