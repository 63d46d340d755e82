from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kotoplan.audit.services import acting_as
from kotoplan.core.errors import DomainError
from kotoplan.core.permissions import require
from kotoplan.planning.models import Measure, Objective, Plan
from kotoplan.planning.services import content_create

from ..models import CooperationGroup, MeasureProposal, Membership, PlanComment
from ..permissions import active_seats


def _served_plan(group: CooperationGroup, plan: Plan) -> Plan:
    if not group.plans.filter(pk=plan.pk).exists():
        raise DomainError(_("The group does not serve this plan."))
    if not plan.is_editable:
        raise DomainError(_("The plan can no longer be changed, so it is closed for comments."))
    return plan


def _objective_of(plan: Plan, objective: Objective | None) -> Objective | None:
    if objective is not None and objective.plan_id != plan.pk:
        raise DomainError(_("The objective belongs to another plan."))
    return objective


@transaction.atomic
def comment_add(
    *, actor, group: CooperationGroup, plan: Plan, text: str, objective: Objective | None = None
) -> PlanComment:
    """An internal comment of the group on a plan it serves."""
    require(actor, "cooperation.comment_plan", group)
    _served_plan(group, plan)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write the comment.")})
    with acting_as(actor):
        return PlanComment.objects.create(
            group=group,
            plan=plan,
            objective=_objective_of(plan, objective),
            author=actor,
            text=text,
        )


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
    if not active_seats(actor, group).filter(membership=membership).exists():
        raise DomainError(_("You do not represent this organisation in the group."))
    if not (title or "").strip():
        raise ValidationError({"title": _("Give the measure a title.")})
    proposal = MeasureProposal(
        group=group,
        plan=plan,
        objective=_objective_of(plan, objective),
        membership=membership,
        proposed_by=actor,
        language=language,
        title=title.strip(),
        description=(description or "").strip(),
    )
    with acting_as(actor):
        proposal.full_clean()
        proposal.save()
    return proposal


def _lock_pending(proposal: MeasureProposal) -> MeasureProposal:
    locked = MeasureProposal.objects.select_for_update().get(pk=proposal.pk)
    if locked.status != MeasureProposal.Status.PENDING:
        raise DomainError(_("This proposal has already been decided."))
    return locked


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
    locked.status = MeasureProposal.Status.ACCEPTED
    locked.measure = measure
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    with acting_as(actor):
        locked.save()
    return locked


@transaction.atomic
def proposal_decline(*, actor, proposal: MeasureProposal, reason: str) -> MeasureProposal:
    require(actor, "cooperation.decide_proposal", proposal)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Explain why the proposal is declined.")})
    locked = _lock_pending(proposal)
    locked.status = MeasureProposal.Status.DECLINED
    locked.decision_reason = reason
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    with acting_as(actor):
        locked.save()
    return locked
