"""E-mails of the observations dialogue, built on kotoplan.core.notifications.

The services call these after their transaction commits, with ids only: each function loads what
it needs again and sends one plain-text message per recipient in the recipient's language, with
a link to the observation.
"""

from django.utils import formats
from django.utils.translation import gettext as _

from kotoplan.accounts.models import RoleAssignment
from kotoplan.accounts.selectors import users_with_role
from kotoplan.core.notifications import Message, absolute_url, notify
from kotoplan.core.text import text_of

from .models import Observation, ObservationEntry


def _load(observation_id: int) -> Observation:
    return Observation.objects.select_related("plan", "created_by").get(pk=observation_id)


def _values(observation: Observation, **more) -> dict:
    """The placeholders of the messages, in the active (the recipient's) language."""
    return {
        "plan": text_of(observation.plan, "title").value or str(observation.plan),
        "subject": observation.subject,
        "url": absolute_url("oversight:observation_detail", observation.pk),
        **more,
    }


def _to_coordinators_message(observation: Observation, *, reopened: bool) -> Message:
    values = _values(
        observation,
        official=str(observation.created_by),
        due=formats.date_format(observation.reply_due, "SHORT_DATE_FORMAT"),
    )
    if reopened:
        subject = _("Observation reopened: %(subject)s")
        intro = _("The regional authority reopened an observation on the plan “%(plan)s”.")
    else:
        subject = _("New observation on your plan: %(subject)s")
        intro = _(
            "%(official)s of the regional authority recorded an observation on the plan “%(plan)s”."
        )
    parts = [
        intro % values,
        observation.subject,
        observation.text,
        _("A reply is expected by %(due)s.") % values,
        _("Read the observation and reply: %(url)s") % values,
    ]
    return Message(subject=subject % values, body="\n\n".join(parts))


def _to_official_message(observation: Observation, reply: ObservationEntry | None) -> Message:
    values = _values(observation, author=str(reply.author) if reply else "")
    parts = [
        _("%(author)s replied to your observation on the plan “%(plan)s”.") % values,
        observation.subject,
    ]
    if reply is not None:
        parts.append(reply.text)
        if reply.changes_made:
            parts.append(_("Changed in the plan:") + "\n" + reply.changes_made)
    parts.append(_("Resolve or reopen the observation: %(url)s") % values)
    subject = _("Reply to your observation: %(subject)s") % values
    return Message(subject=subject, body="\n\n".join(parts))


def to_coordinators(*, observation_id: int, reopened: bool = False) -> int:
    """Tell the plan's coordinators about a new or reopened observation; returns the count."""
    observation = _load(observation_id)
    coordinators = users_with_role(
        RoleAssignment.Role.COORDINATOR,
        municipalities=observation.plan.municipalities.values("pk"),
    )
    return notify(
        coordinators, lambda user: _to_coordinators_message(observation, reopened=reopened)
    )


def to_official(*, observation_id: int) -> int:
    """Tell the official who recorded the observation that the municipality replied."""
    observation = _load(observation_id)
    official = observation.created_by
    if not official.is_active:
        return 0
    replies = observation.entries.filter(kind=ObservationEntry.Kind.REPLIED)
    reply = replies.select_related("author").last()
    return notify([official], lambda user: _to_official_message(observation, reply))
