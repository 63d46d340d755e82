"""Writes of monitoring rounds and progress.

Invariants:
- rounds are opened only for adopted plans (a plan in consultation or awaiting its decision has
  nothing to monitor yet) and by the plan's coordinators; one round of a plan is open at a time,
  and its period label is unique within the plan;
- progress and manual indicator values are recorded only while the round is open, by the
  measure's responsible organisation or the plan's coordinators;
- an edit of a measure update names the version it was based on (optimistic locking);
- progress is not plan content: the adopted plan is never written here;
- reminders for a round are scheduled when it opens (see `progress_reminders`).
"""

from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from kotoplan.audit.services import acting_as
from kotoplan.core.clock import today
from kotoplan.core.errors import DomainError, EditConflict
from kotoplan.core.permissions import require
from kotoplan.core.services import versioned_update
from kotoplan.planning.models import Indicator, Measure, Plan

from .models_rounds import IndicatorValue, MeasureUpdate, MonitoringRound


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
        created = MonitoringRound.objects.create(
            plan=plan, period_label=period_label, due_date=due_date, opened_by=actor
        )
    from .progress_reminders import schedule_round_reminders

    transaction.on_commit(lambda: schedule_round_reminders(round_id=created.pk))
    return created


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
