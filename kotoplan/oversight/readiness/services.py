"""Writes of the readiness check.

Invariants:
- a ReadinessResult is derived data: it is only written by `readiness_refresh`, always from the
  whole current rule set, and carries the rule set version and the fingerprint of the plan state
  it checked. It needs no actor or audit entry, because it records no one's decision;
- it is refreshed after a change (the task queued by every audit entry of the plan), by the
  daily `refresh_readiness` command, and never while a page is read.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import override

from kotoplan.audit.services import save_new
from kotoplan.planning.models import Measure, Plan
from kotoplan.planning.services import (
    TransitionGuard,
    Unmet,
    register_needed_for_decision,
    register_transition_guard,
)

from .models import ReadinessOverride, ReadinessResult, overdue_in
from .rules import RULESET_VERSION, Outcome, Status, build_context, evaluate
from .selectors import plan_fingerprint, readiness_stored, unmet_now


def _serialise(outcome: Outcome) -> dict:
    result = outcome.result
    with override(None):  # store the message id, translate when shown
        reason = str(result.reason)
    return {
        "rule": outcome.rule.id,
        "status": str(result.status),
        "reason": reason,
        "params": result.params,
        "anchor": result.anchor,
        "field": result.field,
    }


def _counts(outcomes: list[Outcome]) -> dict[str, int]:
    applying = [o for o in outcomes if o.result.status != Status.NOT_APPLICABLE]
    statutory = [o for o in applying if o.rule.statutory]
    recommended = [o for o in applying if not o.rule.statutory]
    return {
        "statutory_total": len(statutory),
        "statutory_passed": sum(o.result.status == Status.PASSED for o in statutory),
        "recommended_total": len(recommended),
        "recommended_passed": sum(o.result.status == Status.PASSED for o in recommended),
    }


def readiness_refresh(*, plan: Plan, force: bool = False) -> ReadinessResult:
    """Bring the stored result of the plan up to date: check the plan against every rule and
    store the result (one row per plan), unless the stored one already checked this state of the
    plan today. `force` checks anyway."""
    fingerprint = plan_fingerprint(plan=plan)
    stored = readiness_stored(plan_ids=[plan.pk]).get(plan.pk)
    if stored is not None and stored.fingerprint == fingerprint and not force:
        return stored
    with override(None):  # content names in params do not depend on who triggered the check
        outcomes = evaluate(build_context(plan))
    values = {
        "ruleset_version": RULESET_VERSION,
        "fingerprint": fingerprint,
        "computed_at": timezone.now(),
        **_counts(outcomes),
        "results": [_serialise(o) for o in outcomes],
    }
    values["monitoring_overdue"] = overdue_in(values["results"])
    try:
        with transaction.atomic():
            result, _created = ReadinessResult.objects.update_or_create(plan=plan, defaults=values)
    except IntegrityError:  # another worker stored it at the same moment
        ReadinessResult.objects.filter(plan=plan).update(**values)
        result = ReadinessResult.objects.get(plan=plan)
    return result


def override_record(*, actor, plan: Plan, from_state, to_state, reason, unmet: list[Unmet]) -> None:
    """Keep a lifecycle step taken with unmet statutory requirements, for the authority."""
    save_new(
        actor=actor,
        obj=ReadinessOverride(
            plan=plan,
            from_state=from_state,
            to_state=to_state,
            reason=reason,
            unmet=[{"rule": item.key, "title": item.title} for item in unmet],
            actor=actor,
        ),
    )


register_transition_guard(TransitionGuard(unmet=unmet_now, record=override_record))

# The fields that statutory requirements ask of every plan, whatever its answers elsewhere, so
# the forms mark them "needed for the decision" (conditional requirements, such as the host
# document of a plan that is part of another document, are left to the readiness list).
NEEDED_FIELDS = {
    "R04-measures-have-responsible-party": (Measure, ("responsible_organisation",)),
    "R07-county-coordination": (Plan, ("county_coordination",)),
    "R08-integration-programme": (Plan, ("programme_mode",)),
    "R09-scope": (Plan, ("covers_all_immigrants", "covers_good_relations")),
    "R16-monitoring-cycle": (Plan, ("monitoring_cycle", "monitoring_description")),
}
for _model, _fields in NEEDED_FIELDS.values():
    register_needed_for_decision(_model, *_fields)
