"""E-mails about joint plans, as message builders on kotoplan.core.notifications: sent after the
commit, once per recipient in the recipient's own language."""

from django.utils.translation import gettext as _

from kotoplan.accounts.models import RoleAssignment
from kotoplan.accounts.selectors import users_with_role
from kotoplan.core.notifications import Message, absolute_url, notify_on_commit
from kotoplan.core.text import text_of

from .models import PlanInvitation


def _values(invitation: PlanInvitation) -> dict:
    return {
        "plan": str(text_of(invitation.plan, "title")),
        "lead": str(invitation.plan.lead_municipality),
        "municipality": str(invitation.municipality),
        "url": absolute_url("planning:invitation_detail", invitation.pk),
    }


def invitation_sent(invitation: PlanInvitation) -> None:
    """The invited municipality's coordinators are asked to accept or decline."""

    def build(_user) -> Message:
        values = _values(invitation)
        return Message(
            subject=_("Invitation to the joint plan %(plan)s") % values,
            body="\n\n".join(
                [
                    _("%(lead)s invites %(municipality)s to prepare the plan %(plan)s together.")
                    % values,
                    _(
                        "Once you accept, the coordinators of %(municipality)s edit the plan "
                        "and it is listed as a plan of %(municipality)s. Until then, nobody of "
                        "%(municipality)s sees the plan."
                    )
                    % values,
                    _("Accept or decline: %(url)s") % values,
                ]
            ),
        )

    notify_on_commit(
        lambda: users_with_role(
            RoleAssignment.Role.COORDINATOR, municipalities=[invitation.municipality_id]
        ),
        build,
    )


def invitation_answered(invitation: PlanInvitation) -> None:
    """The person who invited learns the answer."""
    accepted = invitation.status == PlanInvitation.Status.ACCEPTED

    def build(_user) -> Message:
        values = _values(invitation)
        if accepted:
            subject = _("%(municipality)s joined the plan %(plan)s") % values
        else:
            subject = _("%(municipality)s declined to join the plan %(plan)s") % values
        return Message(subject=subject, body=subject + "\n\n" + values["url"])

    notify_on_commit(lambda: [invitation.invited_by] if invitation.invited_by else [], build)
