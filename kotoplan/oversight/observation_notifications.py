"""Emails of the observations dialogue, through Django's mail framework.

Called from `transaction.on_commit` by the observation services, with ids only: each function
loads what it needs again, writes one plain-text message per recipient in the recipient's
preferred language, and links to the observation with settings.KOTOPLAN_SITE_URL. A failing mail
server is logged; it never undoes the step that was already committed.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import override

from kotoplan.accounts.models import RoleAssignment
from kotoplan.core.clock import today
from kotoplan.core.models import translated

from .models import Observation

logger = logging.getLogger(__name__)


def observation_url(observation_id: int) -> str:
    path = reverse("oversight:observation_detail", args=[observation_id])
    return settings.KOTOPLAN_SITE_URL.rstrip("/") + path


def coordinators_of(plan) -> list:
    """Active users with a coordinator role, valid today, in one of the plan's municipalities."""
    municipalities = plan.municipalities.values("pk")
    user_ids = (
        RoleAssignment.objects.active_on(today())
        .filter(
            role=RoleAssignment.Role.COORDINATOR,
            organisation__municipality__in=municipalities,
        )
        .values("user_id")
    )
    return list(
        get_user_model()
        .objects.filter(pk__in=user_ids, is_active=True)
        .exclude(email="")
        .order_by("pk")
    )


def _send(user, subject: str, body: str) -> None:
    subject = " ".join(subject.split())  # a header: never a line break
    try:
        send_mail(subject, body, None, [user.email], fail_silently=False)
    except Exception:  # the step is committed; a mail problem must not turn it into an error
        logger.exception("Could not send the observation email to user %s", user.pk)


def _load(observation_id: int) -> Observation:
    return Observation.objects.select_related("plan", "created_by").get(pk=observation_id)


def _language(user) -> str:
    return user.preferred_language or settings.LANGUAGE_CODE


def _coordinator_message(observation: Observation, *, reopened: bool) -> tuple[str, str]:
    """Subject and body in the active language."""
    values = {
        "plan": translated(observation.plan, "title")[0] or str(observation.plan),
        "subject": observation.subject,
        "official": str(observation.created_by),
        "due": formats.date_format(observation.reply_due, "SHORT_DATE_FORMAT"),
        "url": observation_url(observation.pk),
    }
    if reopened:
        subject = _("Observation reopened: %(subject)s") % values
        intro = _("The regional authority reopened an observation on the plan “%(plan)s”.")
    else:
        subject = _("New observation on your plan: %(subject)s") % values
        intro = _(
            "%(official)s of the regional authority recorded an observation on the plan “%(plan)s”."
        )
    body = "\n\n".join(
        [
            intro % values,
            observation.subject,
            observation.text,
            _("A reply is expected by %(due)s.") % values,
            _("Read the observation and reply: %(url)s") % values,
        ]
    )
    return subject, body


def to_coordinators(*, observation_id: int, reopened: bool = False) -> int:
    """Tell the plan's coordinators about a new or reopened observation; returns the count."""
    observation = _load(observation_id)
    recipients = coordinators_of(observation.plan)
    for user in recipients:
        with override(_language(user)):
            subject, body = _coordinator_message(observation, reopened=reopened)
            _send(user, subject, body)
    return len(recipients)


def to_official(*, observation_id: int) -> int:
    """Tell the official who recorded the observation that the municipality replied."""
    observation = _load(observation_id)
    official = observation.created_by
    if not official.is_active or not official.email:
        return 0
    reply = observation.entries.filter(kind="replied").select_related("author").last()
    with override(_language(official)):
        values = {
            "plan": translated(observation.plan, "title")[0] or str(observation.plan),
            "subject": observation.subject,
            "author": str(reply.author) if reply else "",
            "url": observation_url(observation.pk),
        }
        parts = [
            _("%(author)s replied to your observation on the plan “%(plan)s”.") % values,
            observation.subject,
        ]
        if reply is not None:
            parts.append(reply.text)
            if reply.changes_made:
                parts.append(_("Changed in the plan:") + "\n" + reply.changes_made)
        parts.append(_("Resolve or reopen the observation: %(url)s") % values)
        _send(
            official,
            _("Reply to your observation: %(subject)s") % values,
            "\n\n".join(parts),
        )
    return 1
