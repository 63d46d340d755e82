"""The reminder mails of a monitoring round, built in the recipient's language (sent by
`services.reminders_send` through kotoplan.core.notifications)."""

from django.utils.translation import gettext as _

from kotoplan.core.notifications import Message, absolute_url
from kotoplan.core.text import text_of

from .models import MonitoringRound, ReminderLog


def reminder_message(monitoring_round: MonitoringRound, kind: str, measures: list) -> Message:
    """The reminder of `kind` listing the measures that have no progress update yet."""
    params = {
        "plan": text_of(monitoring_round.plan, "title").value,
        "period": monitoring_round.period_label,
        "due": monitoring_round.due_date.isoformat(),
        "count": len(measures),
    }
    if kind == ReminderLog.Kind.ESCALATION:
        subject = _("Monitoring round %(period)s of %(plan)s: %(count)s updates missing")
        intro = _(
            "The due date %(due)s of monitoring round %(period)s has passed. These measures "
            "have no progress update yet:"
        )
        link = absolute_url("monitoring:round_list", plan_id=monitoring_round.plan_id)
    elif kind == ReminderLog.Kind.OVERDUE:
        subject = _("Overdue: progress update for %(plan)s")
        intro = _(
            "The due date %(due)s of monitoring round %(period)s has passed. Please report on "
            "these measures:"
        )
        link = absolute_url("monitoring:my_measures")
    else:
        subject = _("Reminder: progress update for %(plan)s is due on %(due)s")
        intro = _("Please report on these measures in monitoring round %(period)s by %(due)s:")
        link = absolute_url("monitoring:my_measures")
    lines = [f"- {text_of(measure, 'title').value}" for measure in measures]
    return Message(subject % params, "\n".join([intro % params, "", *lines, "", link]))
