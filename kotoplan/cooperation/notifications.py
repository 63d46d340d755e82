"""E-mails of the cooperation group, as message builders on kotoplan.core.notifications.

Services call these inside their transaction; each message is built and sent after the commit,
once per recipient in the recipient's own language.
"""

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from kotoplan.core.notifications import Message, absolute_url, notify_on_commit

from .exporters.ics import meeting_ics
from .models import Initiative, Meeting
from .selectors import group_managers, representatives_active_on


def initiative_filed(initiative: Initiative) -> None:
    """The group's managers are asked to answer a member's initiative."""
    values = {
        "group": initiative.group.name,
        "organisation": str(initiative.membership.organisation),
        "topic": initiative.topic,
        "reason": initiative.reason,
        "timing": initiative.proposed_timing or "–",
        "url": absolute_url("cooperation:initiative_detail", initiative.pk),
    }

    def build(_user) -> Message:
        paragraphs = [
            _("%(organisation)s proposes that the group %(group)s meets."),
            _("Topic: %(topic)s"),
            _("Reason: %(reason)s"),
            _("Proposed timing: %(timing)s"),
            _("Please answer: schedule a meeting or record a reasoned decision. %(url)s"),
        ]
        return Message(
            subject=_("Initiative to convene %(group)s") % values,
            body="\n\n".join(paragraph % values for paragraph in paragraphs),
        )

    notify_on_commit(lambda: group_managers(group=initiative.group), build)


def initiative_answered(initiative: Initiative) -> None:
    """The member who filed the initiative hears how it was answered."""

    def build(_user) -> Message:
        values = {
            "topic": initiative.topic,
            "status": initiative.get_status_display(),
            "url": absolute_url("cooperation:initiative_detail", initiative.pk),
        }
        return Message(
            subject=_("Your initiative was answered: %(topic)s") % values,
            body=_("Status: %(status)s\n\nSee the answer: %(url)s") % values,
        )

    notify_on_commit(lambda: [initiative.filed_by], build)


def _invited(meeting: Meeting) -> list:
    """The representatives in force on the meeting day, then the group's managers, as
    (address, user or None) pairs."""
    day = timezone.localdate(meeting.starts_at)
    recipients = [
        (representative.email or getattr(representative.user, "email", ""), representative.user)
        for representative in representatives_active_on(group=meeting.group, on=day)
    ]
    return recipients + [(user.email, user) for user in group_managers(group=meeting.group)]


def meeting_invitations(meeting: Meeting) -> None:
    """Invitations with the calendar file, to representatives and managers."""
    calendar = ("meeting.ics", meeting_ics(meeting), "text/calendar")

    def build(_user) -> Message:
        values = {
            "group": meeting.group.name,
            "title": meeting.title,
            "when": formats.date_format(
                timezone.localtime(meeting.starts_at), "SHORT_DATETIME_FORMAT"
            ),
            "where": meeting.place or meeting.online_url or "–",
            "url": absolute_url("cooperation:meeting_detail", meeting.pk),
        }
        body = _(
            "You are invited to a meeting of %(group)s.\n\n%(title)s\n%(when)s\n%(where)s"
            "\n\nAgenda and documents: %(url)s"
        )
        return Message(
            subject=_("Invitation: %(group)s – %(title)s") % values,
            body=body % values,
            attachments=[calendar],
        )

    notify_on_commit(lambda: _invited(meeting), build)
