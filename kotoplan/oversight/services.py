"""Writes of the oversight app.

Invariants:
- a ReadinessResult is derived data: it is only written by `readiness_refresh`, always from the
  whole current rule set, and carries the rule set version and the fingerprint of the plan state
  it checked. It needs no actor or audit entry, because it records no one's decision.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import override

from kotoplan.planning.models import Plan

from .models import ReadinessResult
from .readiness import RULESET_VERSION, Status
from .readiness.context import build_context
from .readiness.evaluate import evaluate
from .selectors import plan_fingerprint


def _serialise(outcome) -> dict:
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


def readiness_refresh(*, plan: Plan, fingerprint: str | None = None) -> ReadinessResult:
    """Check the plan against every rule and store the result (one row per plan)."""
    if fingerprint is None:
        fingerprint = plan_fingerprint(plan=plan)
    with override(None):  # content names in params do not depend on who triggered the check
        outcomes = evaluate(build_context(plan))
    counts = {"statutory": [0, 0], "recommendation": [0, 0]}
    for outcome in outcomes:
        if outcome.result.status == Status.NOT_APPLICABLE:
            continue
        bucket = counts[str(outcome.rule.level)]
        bucket[0] += 1
        bucket[1] += outcome.result.status == Status.PASSED
    values = {
        "ruleset_version": RULESET_VERSION,
        "fingerprint": fingerprint,
        "computed_at": timezone.now(),
        "statutory_total": counts["statutory"][0],
        "statutory_passed": counts["statutory"][1],
        "recommended_total": counts["recommendation"][0],
        "recommended_passed": counts["recommendation"][1],
        "results": [_serialise(o) for o in outcomes],
    }
    try:
        with transaction.atomic():
            result, _created = ReadinessResult.objects.update_or_create(plan=plan, defaults=values)
    except IntegrityError:  # another request stored it at the same moment
        ReadinessResult.objects.filter(plan=plan).update(**values)
        result = ReadinessResult.objects.get(plan=plan)
    return result
