from django.db import transaction
from django.utils.translation import gettext as _

from kotoplan.audit.services import save_new
from kotoplan.core.errors import DomainError
from kotoplan.core.permissions import require
from kotoplan.core.services import required_texts

from .. import notifications
from ..models import CooperationGroup, Initiative, Meeting, Membership
from ..permissions import active_seats
from .saving import lock_pending, save_decision


def require_representative(actor, group: CooperationGroup, membership: Membership) -> None:
    """The actor acts for the organisation: they hold one of its seats in the group today."""
    if not active_seats(actor, group).filter(membership=membership).exists():
        raise DomainError(_("You do not represent this organisation in the group."))


@transaction.atomic
def initiative_file(
    *,
    actor,
    group: CooperationGroup,
    membership: Membership,
    topic: str,
    reason: str,
    proposed_timing: str = "",
) -> Initiative:
    """A member organisation's representative asks the group to be convened."""
    require(actor, "cooperation.file_initiative", group)
    require_representative(actor, group, membership)
    texts = required_texts(
        topic=(topic, _("Give the topic.")),
        reason=(reason, _("Explain why the group should meet.")),
    )
    timing = (proposed_timing or "").strip()
    initiative = Initiative(
        group=group, membership=membership, filed_by=actor, proposed_timing=timing, **texts
    )
    save_new(actor=actor, obj=initiative)
    notifications.initiative_filed(initiative)
    return initiative


@transaction.atomic
def initiative_answer(
    *, actor, initiative: Initiative, meeting: Meeting | None = None, decision: str = ""
) -> Initiative:
    """Answer a pending initiative once: with the meeting scheduled for it, or a decision."""
    require(actor, "cooperation.answer_initiative", initiative)
    locked = lock_pending(initiative, _("This initiative has already been answered."))
    status = Initiative.Status.SCHEDULED if meeting else Initiative.Status.DECIDED
    save_decision(actor, locked, "answered", status=status, meeting=meeting, decision=decision)
    notifications.initiative_answered(locked)
    return locked


@transaction.atomic
def initiative_decide(*, actor, initiative: Initiative, decision: str) -> Initiative:
    """Answer an initiative without a meeting: the decision and its reasons are required."""
    require(actor, "cooperation.answer_initiative", initiative)
    texts = required_texts(decision=(decision, _("Write the decision and its reasons.")))
    return initiative_answer(actor=actor, initiative=initiative, **texts)
