"""Reminders of a monitoring round, by email.

Schedule (days relative to the round's due date): 14 and 3 days before, to the contributors of
organisations whose measures have no update yet; 1 day after, to the same contributors and, as
an escalation, to the plan's coordinators with the list of missing updates. Only the latest
reminder due on a day is sent. Each sent mail leaves a `ReminderLog` row (round, kind,
recipient), so the scheduled task and the daily command `send_monitoring_reminders` never send
the same reminder twice.
"""

import logging
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kotoplan.accounts.models import RoleAssignment
from kotoplan.core.clock import today
from kotoplan.core.models import translated

from .models_rounds import MonitoringRound, ReminderLog
from .progress_selectors import missing_measures

logger = logging.getLogger(__name__)

Kind = ReminderLog.Kind
SCHEDULE = ((-14, Kind.BEFORE_14), (-3, Kind.BEFORE_3), (1, Kind.OVERDUE))
SEND_AT = time(8, 0)


def reminder_dates(*, monitoring_round: MonitoringRound) -> list[tuple[date, str]]:
    return [(monitoring_round.due_date + timedelta(days=d), kind) for d, kind in SCHEDULE]


def kind_due(*, monitoring_round: MonitoringRound, on: date) -> str | None:
    """The reminder that applies on the day: the latest one whose day has come."""
    if not monitoring_round.is_open:
        return None
    due = None
    for day, kind in reminder_dates(monitoring_round=monitoring_round):
        if on >= day:
            due = kind
    return due


def schedule_round_reminders(*, round_id: int) -> None:
    """Send what is due now and, when the task backend can defer, queue the later reminders."""
    from .progress_tasks import send_round_reminders

    send_round_reminders.enqueue(round_id)
    if not send_round_reminders.get_backend().supports_defer:
        return  # the daily command sends the rest
    monitoring_round = MonitoringRound.objects.get(pk=round_id)
    now = timezone.now()
    for day, _kind in reminder_dates(monitoring_round=monitoring_round):
        when = timezone.make_aware(datetime.combine(day, SEND_AT))
        if when > now:
            send_round_reminders.using(run_after=when).enqueue(round_id)


def _contributors(organisation_ids: set[int], on: date) -> list:
    roles = (
        RoleAssignment.objects.active_on(on)
        .filter(role=RoleAssignment.Role.CONTRIBUTOR, organisation_id__in=organisation_ids)
        .select_related("user")
    )
    users = {r.user.pk: r.user for r in roles if r.user.is_active and r.user.email}
    return list(users.values())


def _coordinators(monitoring_round: MonitoringRound, on: date) -> list:
    roles = (
        RoleAssignment.objects.active_on(on)
        .filter(
            role=RoleAssignment.Role.COORDINATOR,
            organisation__municipality__in=monitoring_round.plan.municipalities.all(),
        )
        .select_related("user")
    )
    users = {r.user.pk: r.user for r in roles if r.user.is_active and r.user.email}
    return list(users.values())


def _url(name: str, **kwargs) -> str:
    return settings.KOTOPLAN_SITE_URL.rstrip("/") + reverse(name, kwargs=kwargs)


def _send(monitoring_round, kind: str, user, measures: list, on: date) -> bool:
    """Send one reminder unless its log row exists; True if it was sent."""
    try:
        with transaction.atomic():
            ReminderLog.objects.create(
                round=monitoring_round,
                kind=kind,
                recipient=user,
                sent_on=on,
                missing_count=len(measures),
            )
            with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
                subject, body = _message(monitoring_round, kind, measures)
            send_mail(subject, body, None, [user.email], fail_silently=False)
    except IntegrityError:
        return False
    return True


def _message(monitoring_round, kind: str, measures: list) -> tuple[str, str]:
    plan_title = translated(monitoring_round.plan, "title")[0]
    params = {
        "plan": plan_title,
        "period": monitoring_round.period_label,
        "due": monitoring_round.due_date.isoformat(),
        "count": len(measures),
    }
    lines = [f"- {translated(m, 'title')[0]}" for m in measures]
    if kind == Kind.ESCALATION:
        subject = _("Monitoring round %(period)s of %(plan)s: %(count)s updates missing") % params
        intro = _(
            "The due date %(due)s of monitoring round %(period)s has passed. These measures "
            "have no progress update yet:"
        )
        link = _url("monitoring:round_list", plan_id=monitoring_round.plan_id)
    elif kind == Kind.OVERDUE:
        subject = _("Overdue: progress update for %(plan)s") % params
        intro = _(
            "The due date %(due)s of monitoring round %(period)s has passed. Please report on "
            "these measures:"
        )
        link = _url("monitoring:my_measures")
    else:
        subject = _("Reminder: progress update for %(plan)s is due on %(due)s") % params
        intro = _("Please report on these measures in monitoring round %(period)s by %(due)s:")
        link = _url("monitoring:my_measures")
    body = "\n".join([intro % params, "", *lines, "", link])
    return " ".join(subject.split()), body


def reminders_send(*, monitoring_round: MonitoringRound, on: date | None = None) -> int:
    """Send the reminders of the round due on the day; returns how many mails were sent."""
    on = on or today()
    kind = kind_due(monitoring_round=monitoring_round, on=on)
    if kind is None:
        return 0
    missing = list(missing_measures(monitoring_round=monitoring_round))
    if not missing:
        return 0
    per_org: dict[int, list] = {}
    for measure in missing:
        if measure.responsible_organisation_id:
            per_org.setdefault(measure.responsible_organisation_id, []).append(measure)
    sent = 0
    for org_id, measures in per_org.items():
        for user in _contributors({org_id}, on):
            sent += _send(monitoring_round, kind, user, measures, on)
    if kind == Kind.OVERDUE:
        for user in _coordinators(monitoring_round, on):
            sent += _send(monitoring_round, Kind.ESCALATION, user, missing, on)
    return sent


def reminders_send_all(*, on: date | None = None) -> int:
    """Every open round's reminders due on the day (the daily command)."""
    on = on or today()
    total = 0
    rounds = MonitoringRound.objects.filter(state=MonitoringRound.State.OPEN).select_related("plan")
    for monitoring_round in rounds:
        try:
            total += reminders_send(monitoring_round=monitoring_round, on=on)
        except Exception:  # one broken mail server answer must not stop the other rounds
            logger.exception("Reminders of round %s failed", monitoring_round.pk)
    return total
