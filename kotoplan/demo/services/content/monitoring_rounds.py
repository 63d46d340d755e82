"""Load the demo monitoring rounds through the services (idempotent: an existing round is kept
as it is). Called by the demo loader with the content in `monitoring.py` beside this module."""

from datetime import timedelta
from decimal import Decimal

from django.db import transaction

from kotoplan.accounts.models import User
from kotoplan.core.clock import today
from kotoplan.monitoring.rounds import services
from kotoplan.monitoring.rounds.models import MonitoringRound
from kotoplan.monitoring.rounds.tasks import schedule_round_reminders
from kotoplan.planning.models import Indicator, Measure, Plan


def _round(plan: Plan, spec: dict, coordinator: User, *, close: bool) -> str | None:
    if MonitoringRound.objects.filter(plan=plan, period_label=spec["period_label"]).exists():
        return None
    due = spec.get("due_date") or today() + timedelta(days=spec["due_in_days"])
    monitoring_round = services.round_open(
        actor=coordinator, plan=plan, period_label=spec["period_label"], due_date=due
    )
    for item in spec["updates"]:
        measure = Measure.objects.get(objective__plan=plan, title_fi=item["measure"])
        services.measure_update_save(
            actor=User.objects.get(username=item["actor"]),
            monitoring_round=monitoring_round,
            measure=measure,
            expected_version=None,
            status=item["status"],
            progress=item["progress"],
            narrative=item["narrative"],
            evidence_links=item["evidence_links"],
        )
    for item in spec["values"]:
        services.indicator_value_save(
            actor=coordinator,
            monitoring_round=monitoring_round,
            indicator=Indicator.objects.get(objective__plan=plan, name_fi=item["indicator"]),
            year=item["year"],
            value=Decimal(item["value"]),
            note=item.get("note", ""),
        )
    if close:
        services.round_close(actor=coordinator, monitoring_round=monitoring_round)
    else:
        transaction.on_commit(lambda: schedule_round_reminders(round_id=monitoring_round.pk))
    return f"Monitoring round: {plan} {spec['period_label']}"


def load_demo_monitoring(content) -> list[str]:
    plan = Plan.objects.filter(
        lead_municipality__code=content.PLAN["lead"], state=content.PLAN["state"]
    ).first()
    if plan is None:
        return []
    coordinator = User.objects.get(username=content.COORDINATOR)
    done = [
        _round(plan, content.COMPLETED_ROUND, coordinator, close=True),
        _round(plan, content.OPEN_ROUND, coordinator, close=False),
    ]
    return [line for line in done if line]
