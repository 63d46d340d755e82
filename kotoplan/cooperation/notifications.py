"""Emails of the cooperation group, through Django's mail framework.

Called from `transaction.on_commit` by the services, with ids only: each function loads what it
needs again and writes one plain-text message per recipient, in a user's preferred language. A
failing mail server is logged; it never undoes what was already committed.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from kotoplan.accounts.models import RoleAssignment
from kotoplan.core.clock import today

from .ics import meeting_ics
from .models import CooperationGroup, Initiative, Meeting
from .selectors import representatives_active_on

logger = logging.getLogger(__name__)


def _url(name: str, pk: int) -> str:
    return settings.KOTOPLAN_SITE_URL.rstrip("/") + reverse(f"cooperation:{name}", args=[pk])


def group_managers(group: CooperationGroup) -> list:
    """Coordinators of the group's municipalities, and for a regional group the officials of the
    appointing authority, with a role in force today and an email address."""
    roles = RoleAssignment.objects.active_on(today())
    user_ids = set(
        roles.filter(
            role=RoleAssignment.Role.COORDINATOR,
            organisation__municipality__in=group.municipalities.all(),
        ).values_list("user_id", flat=True)
    )
    if group.kind == CooperationGroup.Kind.REGIONAL:
        user_ids |= set(
            roles.filter(
                role=RoleAssignment.Role.REGIONAL_OFFICIAL,
                organisation__area_id=group.appointed_by.area_id,
            ).values_list("user_id", flat=True)
        )
    return list(
        get_user_model()
        .objects.filter(pk__in=user_ids, is_active=True)
        .exclude(email="")
        .order_by("pk")
    )


def _send(to: str, subject: str, body: str, attachment: tuple | None = None) -> None:
    message = EmailMessage(" ".join(subject.split()), body, None, [to])
    if attachment:
        message.attach(*attachment)
    try:
        message.send(fail_silently=False)
    except Exception:  # committed already; a mail problem must not become an error
        logger.exception("Could not send a cooperation group email")


def _language(user) -> str:
    return getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE


def initiative_filed(initiative_id: int) -> None:
    initiative = Initiative.objects.select_related(
        "group__appointed_by", "membership__organisation", "filed_by"
    ).get(pk=initiative_id)
    values = {
        "group": initiative.group.name,
        "organisation": str(initiative.membership.organisation),
        "topic": initiative.topic,
        "reason": initiative.reason,
        "timing": initiative.proposed_timing or "–",
        "url": _url("initiative_detail", initiative.pk),
    }
    for user in group_managers(initiative.group):
        with override(_language(user)):
            subject = _("Initiative to convene %(group)s") % values
            body = "\n\n".join(
                [
                    _("%(organisation)s proposes that the group %(group)s meets.") % values,
                    _("Topic: %(topic)s") % values,
                    _("Reason: %(reason)s") % values,
                    _("Proposed timing: %(timing)s") % values,
                    _("Please answer: schedule a meeting or record a reasoned decision. %(url)s")
                    % values,
                ]
            )
        _send(user.email, subject, body)


def initiative_answered(initiative_id: int) -> None:
    initiative = Initiative.objects.select_related("group", "filed_by", "meeting").get(
        pk=initiative_id
    )
    user = initiative.filed_by
    if not user.email:
        return
    with override(_language(user)):
        values = {
            "topic": initiative.topic,
            "status": initiative.get_status_display(),
            "url": _url("initiative_detail", initiative.pk),
        }
        subject = _("Your initiative was answered: %(topic)s") % values
        body = _("Status: %(status)s\n\nSee the answer: %(url)s") % values
    _send(user.email, subject, body)


def meeting_invitations(meeting_id: int) -> None:
    meeting = Meeting.objects.select_related("group__appointed_by").get(pk=meeting_id)
    recipients: dict[str, object] = {}
    for representative in representatives_active_on(
        group=meeting.group, on=timezone.localdate(meeting.starts_at)
    ):
        email = representative.email or (representative.user.email if representative.user else "")
        if email:
            recipients.setdefault(email, representative.user)
    for user in group_managers(meeting.group):
        recipients.setdefault(user.email, user)
    ics = meeting_ics(meeting)
    for email, user in recipients.items():
        with override(_language(user)):
            starts = timezone.localtime(meeting.starts_at)
            values = {
                "group": meeting.group.name,
                "title": meeting.title,
                "when": formats.date_format(starts, "SHORT_DATETIME_FORMAT"),
                "where": meeting.place or meeting.online_url or "–",
                "url": _url("meeting_detail", meeting.pk),
            }
            subject = _("Invitation: %(group)s – %(title)s") % values
            body = (
                _(
                    "You are invited to a meeting of %(group)s.\n\n%(title)s\n%(when)s\n%(where)s"
                    "\n\nAgenda and documents: %(url)s"
                )
                % values
            )
        _send(email, subject, body, ("meeting.ics", ics, "text/calendar"))
