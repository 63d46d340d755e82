"""Reads of the readiness check. Nothing here computes a check or writes.

A result is stored by `services.readiness_refresh`, which runs in the background after every
change to a plan (see `tasks`) and daily from the `refresh_readiness` command. A page shows the
stored result, says when it was computed, and says when the plan has changed since. Callers have
already checked that the user may see the plan.
"""

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy

from kotoplan.audit.selectors import plan_trail
from kotoplan.core.clock import today
from kotoplan.core.text import text_of
from kotoplan.planning.models import Plan, Theme
from kotoplan.planning.services import Unmet

from .models import ReadinessOverride, ReadinessResult
from .rules import RULES, RULESET_VERSION, Rule, Status, build_context, evaluate, ruleset_note

NEXT_STEPS = 3


def plan_state(*, plan: Plan) -> str:
    """What identifies the plan as it is now: the rule set, the plan row, and the newest audit
    entry of the plan and its parts (every content change is audited)."""
    last_entry = plan_trail(plan_id=plan.pk).order_by().aggregate(last=Max("pk"))["last"]
    updated = plan.updated_at.isoformat() if plan.updated_at else ""
    return f"{RULESET_VERSION}|{plan.version}|{updated}|{last_entry or 0}"


def plan_fingerprint(*, plan: Plan, day: date | None = None) -> str:
    """The plan state and the day a check describes (dated rules change with the day)."""
    return f"{plan_state(plan=plan)}|{(day or today()).isoformat()}"


def readiness_stored(*, plan_ids, counts_only: bool = False) -> dict[int, ReadinessResult]:
    """The stored results of the plans, for overviews of many plans; `counts_only` leaves out
    the result of each rule (the figures suffice for a comparison of peers)."""
    found = ReadinessResult.objects.filter(plan_id__in=plan_ids)
    if counts_only:
        found = found.defer("results")
    return {r.plan_id: r for r in found}


@dataclass(frozen=True)
class StoredReadiness:
    """The stored result of one plan (None: not computed yet) and whether it checked the plan
    as it is now; when not, an updated result is on its way."""

    result: ReadinessResult | None
    is_current: bool


def readiness_of_plan(*, plan: Plan) -> StoredReadiness:
    result = ReadinessResult.objects.filter(plan=plan).first()
    checked_state = result.fingerprint.rpartition("|")[0] if result else None
    return StoredReadiness(result, checked_state == plan_state(plan=plan))


@dataclass(frozen=True)
class ReadinessItem:
    rule: Rule
    status: str
    reason: str
    anchor: str
    fix_url: str
    actions: tuple = ()  # (label, url): the first steps that fix it, besides `fix_url`

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


def theme_names() -> dict[str, str]:
    """The themes' names in the reader's language, by code (one query; pass them to
    `readiness_report` when reporting on many plans)."""
    return {theme.code: text_of(theme, "name").value for theme in Theme.objects.all()}


def _reason(entry: dict, theme_names: dict[str, str]) -> str:
    text = gettext(entry["reason"]) if entry["reason"] else ""
    params = {}
    for key, value in (entry.get("params") or {}).items():
        if key == "themes":
            value = [theme_names.get(code, code) for code in value]
        params[key] = "; ".join(str(v) for v in value) if isinstance(value, list) else value
    return text % params if params else text


def _back_to_checklist(plan_id: int) -> str:
    """The query that brings a fixing form back to the checklist once saved (or cancelled)."""
    return "?" + urlencode(
        {"return_to": reverse("planning:plan_detail", args=[plan_id]) + "#readiness"}
    )


def _fix_url(rule: Rule, entry: dict, plan_id: int) -> str:
    """The form where the rule is fixed, at the field (its label and help in view), returning
    to the checklist."""
    if not rule.fix_url:
        return ""
    url = reverse(rule.fix_url, args=[plan_id]) + _back_to_checklist(plan_id)
    field = entry.get("field") or rule.fix_field
    return f"{url}#id_{field}_field" if field else url


# What to do first, by the part the finding points at (the anchor's prefix) and the rule.
ACTIONS = {
    ("theme", None): (gettext_lazy("Add an objective under this theme"), "planning:objective_new"),
    ("objective", "R02-objectives-have-measures"): (
        gettext_lazy("Add a measure to this objective"),
        "planning:measure_new",
    ),
    ("objective", "R03-objectives-have-indicators"): (
        gettext_lazy("Add an indicator to this objective"),
        "planning:indicator_new",
    ),
    ("measure", "R04-measures-have-responsible-party"): (
        gettext_lazy("Name the measure's responsible party"),
        "planning:content_edit",
    ),
}


def _actions(rule: Rule, anchor: str, plan_id: int) -> tuple:
    """The right first step for a finding about one part: "add an objective under this theme"
    for a theme with none, "add a measure" for an objective without, and so on."""
    prefix, _sep, key = anchor.partition("-")
    found = ACTIONS.get((prefix, rule.id)) or ACTIONS.get((prefix, None))
    if found is None or not key:
        return ()
    label, url_name = found
    back = _back_to_checklist(plan_id)
    if prefix == "theme":
        url = reverse(url_name, args=[plan_id]) + back + "&" + urlencode({"theme": key})
    elif prefix == "measure":
        url = reverse(url_name, args=["measure", key]) + back + "#id_responsible_organisation_field"
    else:
        url = reverse(url_name, args=[key]) + back
    return ((label, url),)


def readiness_report(
    *, result: ReadinessResult, names: dict[str, str] | None = None
) -> ReadinessReport:
    """What the plan page shows of a stored result: the rules in the reader's language."""
    names = theme_names() if names is None else names
    items = []
    for entry in result.results:
        rule = RULES.get(entry["rule"])
        if rule is None:  # a rule retired after this result was stored
            continue
        anchor = entry.get("anchor") or rule.anchor
        items.append(
            ReadinessItem(
                rule=rule,
                status=entry["status"],
                reason=_reason(entry, names),
                anchor=anchor,
                fix_url=_fix_url(rule, entry, result.plan_id),
                actions=_actions(rule, anchor, result.plan_id),
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


def _entry(outcome) -> dict:
    result = outcome.result
    return {
        "reason": str(result.reason),
        "params": result.params,
        "anchor": result.anchor,
        "field": result.field,
    }


def unmet_now(plan: Plan) -> list[Unmet]:
    """What the plan does not meet as it is now, computed on the spot (nothing is stored):
    the lifecycle asks before every step forward."""
    outcomes = evaluate(build_context(plan))
    names = theme_names()
    unmet = []
    for outcome in outcomes:
        if outcome.result.status != Status.MISSING:
            continue
        entry = _entry(outcome)
        unmet.append(
            Unmet(
                key=outcome.rule.id,
                title=str(outcome.rule.title),
                reason=_reason(entry, names),
                fix_url=_fix_url(outcome.rule, entry, plan.pk),
                statutory=outcome.rule.statutory,
            )
        )
    return unmet


def overrides_of(*, plan: Plan) -> list[ReadinessOverride]:
    """The steps taken with unmet statutory requirements, the requirements named in the
    reader's language (`titles`)."""
    steps = list(ReadinessOverride.objects.filter(plan=plan).select_related("actor"))
    for step in steps:
        step.titles = [
            str(RULES[item["rule"]].title) if item.get("rule") in RULES else item.get("title", "")
            for item in step.unmet
        ]
    return steps


def readiness_basis_note(*, plan: Plan) -> str:
    """Which rule set the plan's checklist applies (by its legal basis), or why none applies."""
    return ruleset_note(plan)
