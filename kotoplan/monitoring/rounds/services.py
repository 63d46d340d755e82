"""Writes of monitoring rounds and progress.

Invariants:
- rounds are opened only for adopted plans (a plan in consultation or awaiting its decision has
  nothing to monitor yet) and by the plan's coordinators; one round of a plan is open at a time,
  and its period label is unique within the plan;
- progress and manual indicator values are recorded only while the round is open, by the
  measure's responsible organisation or the plan's coordinators;
- an edit of a measure update names the version it was based on (optimistic locking);
- progress is not plan content: the adopted plan is never written here;
- a reminder goes to a recipient at most once per round and kind (a `ReminderLog` row per sent
  mail); a mail the server refused leaves no row, so a later run tries again.
"""

import logging
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from kotoplan.accounts.models import RoleAssignment
from kotoplan.accounts.selectors import users_with_role
from kotoplan.audit.services import acting_as
from kotoplan.core.clock import today
from kotoplan.core.errors import DomainError, EditConflict
from kotoplan.core.notifications import notify
from kotoplan.core.permissions import require
from kotoplan.core.services import versioned_update
from kotoplan.planning.models import Indicator, Measure, Plan

from .models import IndicatorValue, MeasureUpdate, MonitoringRound, ReminderLog
from .notifications import reminder_message
from .selectors import missing_measures, open_rounds, reminder_due

logger = logging.getLogger(__name__)


@transaction.atomic
def round_open(*, actor, plan: Plan, period_label: str, due_date: date) -> MonitoringRound:
    require(actor, "monitoring.manage_rounds", plan)
    if plan.state != Plan.State.ADOPTED:
        raise DomainError(_("Monitoring rounds can be opened only for an adopted plan."))
    if MonitoringRound.objects.filter(plan=plan, state=MonitoringRound.State.OPEN).exists():
        raise DomainError(_("Close the open monitoring round before opening a new one."))
    if MonitoringRound.objects.filter(plan=plan, period_label=period_label).exists():
        raise DomainError(_("This plan already has a round for that period."))
    with acting_as(actor):
        return MonitoringRound.objects.create(
            plan=plan, period_label=period_label, due_date=due_date, opened_by=actor
        )


@transaction.atomic
def round_close(*, actor, monitoring_round: MonitoringRound) -> MonitoringRound:
    require(actor, "monitoring.manage_rounds", monitoring_round.plan)
    if not monitoring_round.is_open:
        raise DomainError(_("The round is already closed."))
    with acting_as(actor):
        monitoring_round.state = MonitoringRound.State.CLOSED
        monitoring_round.closed_by = actor
        monitoring_round.closed_on = today()
        monitoring_round.save(update_fields=["state", "closed_by", "closed_on", "updated_at"])
    return monitoring_round


def _require_open(monitoring_round: MonitoringRound) -> None:
    if not monitoring_round.is_open:
        raise DomainError(_("The round is closed; progress can no longer be recorded."))


@transaction.atomic
def measure_update_save(
    *,
    actor,
    monitoring_round: MonitoringRound,
    measure: Measure,
    expected_version: int | None,
    status: str,
    progress: int | None = None,
    narrative: str = "",
    evidence_links: list[str] | None = None,
) -> MeasureUpdate:
    """Record or correct the measure's progress in the round.

    `expected_version` is None for a first report; a first report that meets an existing one,
    or an edit based on an old version, raises EditConflict.
    """
    require(actor, "monitoring.update_measure", measure)
    _require_open(monitoring_round)
    if measure.objective.plan_id != monitoring_round.plan_id:
        raise DomainError(_("The measure does not belong to this plan."))
    changes = {
        "status": status,
        "progress": progress,
        "narrative": narrative,
        "evidence_links": list(evidence_links or []),
        "updated_by": actor,
    }
    existing = MeasureUpdate.objects.filter(round=monitoring_round, measure=measure).first()
    with acting_as(actor):
        if existing is None and expected_version is None:
            try:
                with transaction.atomic():
                    update = MeasureUpdate(round=monitoring_round, measure=measure, **changes)
                    update.full_clean()
                    update.save()
                    return update
            except IntegrityError:
                existing = MeasureUpdate.objects.get(round=monitoring_round, measure=measure)
            except ValidationError:
                # Another first report was committed between the look above and the model's
                # uniqueness check: that is the conflict, not a mistake in this report.
                existing = MeasureUpdate.objects.filter(
                    round=monitoring_round, measure=measure
                ).first()
                if existing is None:
                    raise
        if existing is None:
            raise DomainError(_("The update was removed; reload the page."))
        if expected_version is None:
            raise EditConflict(
                _("Someone else reported on this measure while you were editing. Review and save."),
                current=existing,
            )
        return versioned_update(obj=existing, expected_version=expected_version, changes=changes)


@transaction.atomic
def indicator_value_save(
    *,
    actor,
    monitoring_round: MonitoringRound,
    indicator: Indicator,
    year: int,
    value: Decimal,
    note: str = "",
) -> IndicatorValue:
    """Record the value of a manual indicator for a year (a later entry for the year replaces
    the earlier one and is credited to this round)."""
    require(actor, "monitoring.enter_indicator_value", indicator)
    _require_open(monitoring_round)
    if indicator.objective.plan_id != monitoring_round.plan_id:
        raise DomainError(_("The indicator does not belong to this plan."))
    with acting_as(actor):
        saved, _created = IndicatorValue.objects.update_or_create(
            indicator=indicator,
            year=year,
            defaults={
                "round": monitoring_round,
                "value": value,
                "note": note,
                "entered_by": actor,
            },
        )
    return saved


# --- reminders ----------------------------------------------------------------------------------


def _remind_once(monitoring_round, kind: str, user, measures: list, on: date) -> int:
    """Send one reminder unless its log row exists; 1 if it was sent, else 0."""
    try:
        with transaction.atomic():
            ReminderLog.objects.create(
                round=monitoring_round,
                kind=kind,
                recipient=user,
                sent_on=on,
                missing_count=len(measures),
            )
            sent = notify([user], lambda _user: reminder_message(monitoring_round, kind, measures))
            if not sent:
                transaction.set_rollback(True)  # not sent: the next run tries again
    except IntegrityError:
        return 0
    return sent


def reminders_send(*, monitoring_round: MonitoringRound, on: date | None = None) -> int:
    """Send the reminders of the round due on the day; returns how many mails were sent.

    Schedule (`selectors.reminder_dates`): 14 and 3 days before the due date to the contributors
    of organisations whose measures have no update yet; 1 day after to the same contributors and,
    as an escalation, to the plan's coordinators with the list of missing updates. Only the
    latest reminder due on a day is sent.
    """
    on = on or today()
    kind = reminder_due(monitoring_round=monitoring_round, on=on)
    if kind is None:
        return 0
    missing = list(missing_measures(monitoring_round=monitoring_round))
    if not missing:
        return 0
    per_organisation: dict[int, list] = {}
    for measure in missing:
        parties = {measure.responsible_organisation_id}
        parties |= {party.pk for party in measure.co_responsible.all()}
        for organisation_id in parties - {None}:
            per_organisation.setdefault(organisation_id, []).append(measure)
    sent = 0
    for organisation_id, measures in per_organisation.items():
        contributors = users_with_role(
            RoleAssignment.Role.CONTRIBUTOR, organisations=[organisation_id], on=on
        )
        for user in contributors:
            sent += _remind_once(monitoring_round, kind, user, measures, on)
    if kind == ReminderLog.Kind.OVERDUE:
        coordinators = users_with_role(
            RoleAssignment.Role.COORDINATOR,
            municipalities=monitoring_round.plan.municipalities.all(),
            on=on,
        )
        for user in coordinators:
            sent += _remind_once(monitoring_round, ReminderLog.Kind.ESCALATION, user, missing, on)
    return sent


def reminders_send_all(*, on: date | None = None) -> int:
    """Every open round's reminders due on the day (the daily command)."""
    on = on or today()
    total = 0
    for monitoring_round in open_rounds():
        try:
            total += reminders_send(monitoring_round=monitoring_round, on=on)
        except Exception:  # one round's failure must not stop the other rounds
            logger.exception("Reminders of round %s failed", monitoring_round.pk)
    return total
