"""Shared helpers of the planning service tests."""

from datetime import date

from kotoplan.planning.models import Plan
from kotoplan.planning.services import plan_transition

DECISION = {"decision_body": "Kaupunginvaltuusto", "decision_date": date(2026, 5, 18)}
REASON = "Valtuuston aikataulu: puutteet korjataan seuraavassa versiossa."
NEW_PLAN = {"title_fi": "Kotoutumisohjelma", "period_start": 2026, "period_end": 2029}


def adopt(plan: Plan, actor) -> Plan:
    """Move a plan through the decision steps as a coordinator would."""
    plan = plan_transition(
        actor=actor,
        plan=plan,
        to_state=Plan.State.AWAITING_DECISION,
        expected_version=plan.version,
        override_reason=REASON,
    )
    return plan_transition(
        actor=actor,
        plan=plan,
        to_state=Plan.State.ADOPTED,
        expected_version=plan.version,
        override_reason=REASON,
        decision=DECISION,
    )
