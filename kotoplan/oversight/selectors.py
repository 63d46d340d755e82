"""Reads of the oversight app.

`readiness_for_plan` returns the stored readiness result and recomputes it only when the plan
changed since (lazy recompute); `readiness_report` turns a stored result into what the plan page
shows. Callers have already checked that the user may see the plan.
"""

from dataclasses import dataclass

from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext

from kotoplan.audit.selectors import plan_trail
from kotoplan.core.clock import today
from kotoplan.core.models import translated
from kotoplan.planning.models import Plan, Theme

from .models import ReadinessResult
from .readiness import RULES, RULESET_VERSION, Rule, Status

NEXT_STEPS = 3


def plan_fingerprint(*, plan: Plan) -> str:
    """What identifies the checked state: rule set, the plan row, the newest audit entry of the
    plan and its parts (every content change is audited), and the day (for dated rules)."""
    last_entry = plan_trail(plan_id=plan.pk).order_by().aggregate(last=Max("pk"))["last"]
    updated = plan.updated_at.isoformat() if plan.updated_at else ""
    return f"{RULESET_VERSION}|{plan.version}|{updated}|{last_entry or 0}|{today().isoformat()}"


def readiness_for_plan(*, plan: Plan) -> ReadinessResult:
    """The readiness result of the plan as it is now, recomputed only if the plan changed."""
    from .services import readiness_refresh  # services import this module

    fingerprint = plan_fingerprint(plan=plan)
    stored = ReadinessResult.objects.filter(plan=plan).first()
    if stored is not None and stored.fingerprint == fingerprint:
        return stored
    return readiness_refresh(plan=plan, fingerprint=fingerprint)


def readiness_stored(*, plan_ids) -> dict[int, ReadinessResult]:
    """Stored results without recomputing, for overviews of many plans."""
    return {r.plan_id: r for r in ReadinessResult.objects.filter(plan_id__in=plan_ids)}


@dataclass(frozen=True)
class ReadinessItem:
    rule: Rule
    status: str
    reason: str
    anchor: str
    fix_url: str

    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def is_missing(self) -> bool:
        return self.status == Status.MISSING


@dataclass(frozen=True)
class ReadinessReport:
    result: ReadinessResult
    statutory: list[ReadinessItem]
    recommendations: list[ReadinessItem]
    next_steps: list[ReadinessItem]


def _theme_names() -> dict[str, str]:
    return {theme.code: translated(theme, "name")[0] for theme in Theme.objects.all()}


def _reason(entry: dict, theme_names: dict[str, str]) -> str:
    text = gettext(entry["reason"]) if entry["reason"] else ""
    params = {}
    for key, value in (entry.get("params") or {}).items():
        if key == "themes":
            value = [theme_names.get(code, code) for code in value]
        params[key] = "; ".join(str(v) for v in value) if isinstance(value, list) else value
    return text % params if params else text


def _fix_url(rule: Rule, entry: dict, plan_id: int) -> str:
    if not rule.fix_url:
        return ""
    url = reverse(rule.fix_url, args=[plan_id])
    field = entry.get("field") or rule.fix_field
    return f"{url}#id_{field}" if field else url


def readiness_report(*, result: ReadinessResult) -> ReadinessReport:
    names = _theme_names()
    items = []
    for entry in result.results:
        rule = RULES.get(entry["rule"])
        if rule is None:  # a rule retired after this result was stored
            continue
        items.append(
            ReadinessItem(
                rule=rule,
                status=entry["status"],
                reason=_reason(entry, names),
                anchor=entry.get("anchor") or rule.anchor,
                fix_url=_fix_url(rule, entry, result.plan_id),
            )
        )
    statutory = [i for i in items if i.rule.statutory]
    recommendations = [i for i in items if not i.rule.statutory]
    next_steps = [i for i in statutory if i.is_missing][:NEXT_STEPS] or [
        i for i in recommendations if i.is_missing
    ][:NEXT_STEPS]
    return ReadinessReport(
        result=result,
        statutory=statutory,
        recommendations=recommendations,
        next_steps=next_steps,
    )
