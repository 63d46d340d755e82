"""Joint plans: a municipality joins a plan by accepting an invitation.

Invariants: a municipality is a party of a plan (`Plan.municipalities`, which every access rule
reads) only after one of its coordinators (or an administrator) accepted an invitation; there
is at most one pending invitation per plan and municipality; an answered or withdrawn
invitation stays as it was; every step is audited and told by e-mail after the commit.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kotoplan.audit.services import acting_as, save_changes, save_new
from kotoplan.core.errors import DomainError
from kotoplan.core.permissions import require

from .. import notifications
from ..models import Plan, PlanInvitation

Status = PlanInvitation.Status


def invitations_sync(*, actor, plan: Plan, wanted) -> list[PlanInvitation]:
    """After the plan's municipalities were edited: invite each wanted municipality that is
    neither a party nor invited yet, and withdraw the pending invitations of those no longer
    wanted. Returns the new invitations. Runs inside the caller's transaction."""
    wanted_ids = {m.pk for m in wanted} - {plan.lead_municipality_id}
    parties = set(plan.municipalities.values_list("pk", flat=True))
    pending = {inv.municipality_id: inv for inv in plan.invitations.filter(status=Status.PENDING)}
    for municipality_id, invitation in pending.items():
        if municipality_id not in wanted_ids:
            _close(invitation, actor=actor, status=Status.WITHDRAWN)
    created = []
    for municipality in wanted:
        if municipality.pk in wanted_ids - parties - set(pending):
            invitation = save_new(
                actor=actor,
                obj=PlanInvitation(plan=plan, municipality=municipality, invited_by=actor),
            )
            notifications.invitation_sent(invitation)
            created.append(invitation)
    return created


def _close(invitation: PlanInvitation, *, actor, status: str) -> PlanInvitation:
    return save_changes(
        actor=actor,
        obj=invitation,
        status=status,
        answered_by=actor,
        answered_at=timezone.now(),
    )


def _locked_pending(invitation: PlanInvitation) -> PlanInvitation:
    locked = PlanInvitation.objects.select_for_update().select_related("plan").get(pk=invitation.pk)
    if locked.status != Status.PENDING:
        raise DomainError(_("The invitation has already been answered or withdrawn."))
    return locked


@transaction.atomic
def invitation_answer(*, actor, invitation: PlanInvitation, accept: bool) -> PlanInvitation:
    """The invited municipality accepts (and becomes a party of the plan) or declines."""
    require(actor, "planning.answer_invitation", invitation)
    invitation = _locked_pending(invitation)
    if accept and not invitation.plan.is_editable:
        raise DomainError(_("The plan can no longer change: no municipality joins it any more."))
    _close(invitation, actor=actor, status=Status.ACCEPTED if accept else Status.DECLINED)
    if accept:
        with acting_as(actor):
            invitation.plan.municipalities.add(invitation.municipality)
    notifications.invitation_answered(invitation)
    return invitation


@transaction.atomic
def invitation_withdraw(*, actor, invitation: PlanInvitation) -> PlanInvitation:
    require(actor, "planning.withdraw_invitation", invitation)
    invitation = _locked_pending(invitation)
    return _close(invitation, actor=actor, status=Status.WITHDRAWN)
