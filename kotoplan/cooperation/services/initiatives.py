from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kotoplan.audit.services import acting_as
from kotoplan.core.errors import DomainError
from kotoplan.core.permissions import require

from .. import notifications
from ..models import CooperationGroup, Initiative, Membership
from ..permissions import active_seats


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
    if not active_seats(actor, group).filter(membership=membership).exists():
        raise DomainError(_("You do not represent this organisation in the group."))
    errors = {}
    if not (topic or "").strip():
        errors["topic"] = _("Give the topic.")
    if not (reason or "").strip():
        errors["reason"] = _("Explain why the group should meet.")
    if errors:
        raise ValidationError(errors)
    with acting_as(actor):
        initiative = Initiative.objects.create(
            group=group,
            membership=membership,
            filed_by=actor,
            topic=topic.strip(),
            reason=reason.strip(),
            proposed_timing=(proposed_timing or "").strip(),
        )
    transaction.on_commit(lambda: notifications.initiative_filed(initiative.pk))
    return initiative


def lock_pending(initiative: Initiative) -> Initiative:
    locked = Initiative.objects.select_for_update().get(pk=initiative.pk)
    if locked.status != Initiative.Status.PENDING:
        raise DomainError(_("This initiative has already been answered."))
    return locked


@transaction.atomic
def initiative_decide(*, actor, initiative: Initiative, decision: str) -> Initiative:
    """Answer an initiative without a meeting: the decision and its reasons are required."""
    require(actor, "cooperation.answer_initiative", initiative)
    decision = (decision or "").strip()
    if not decision:
        raise ValidationError({"decision": _("Write the decision and its reasons.")})
    locked = lock_pending(initiative)
    locked.status = Initiative.Status.DECIDED
    locked.decision = decision
    locked.answered_by = actor
    locked.answered_at = timezone.now()
    with acting_as(actor):
        locked.save()
    transaction.on_commit(lambda: notifications.initiative_answered(locked.pk))
    return locked
