"""Writes to plans. Invariants every function here keeps:

- the actor is allowed (core.permissions) and the change is in the audit trail (audit.acting_as);
- adopted and superseded plans are frozen: changes go into a new version (plan_new_version);
- edits carry the version the user saw; a stale version raises EditConflict, nothing is lost;
- a plan leaves the draft for decision only when every measure has a responsible party;
- a plan goes to consultation, to decision or is adopted with statutory requirements unmet only
  with a stated reason, which the registered transition guards record (the readiness check);
- the decision trail is recorded while the plan is prepared and decided; the adoption is always
  a step of the trail (the deciding body, its date, section, case number and minutes);
- a historical record (an earlier adopted plan entered afterwards) is adopted when written;
- a municipality joins a joint plan only by accepting an invitation (`invitations`);
- every plan and part passes its model's rules (full_clean: a title or name in one language,
  periods in order, indicator figures with their years and source code), whoever writes it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kotoplan.audit.services import acting_as, save_new, save_version
from kotoplan.core.clock import today
from kotoplan.core.errors import DomainError
from kotoplan.core.models import has_text
from kotoplan.core.permissions import require
from kotoplan.core.text import text_of

from ..models import (
    DecisionStep,
    Indicator,
    Measure,
    Milestone,
    Objective,
    Plan,
    PlanChapter,
    TargetGroup,
)
from ..selectors import plan_has_next_version
from .invitations import (  # noqa: F401 - part of this module's interface
    invitation_answer,
    invitation_withdraw,
    invitations_sync,
)
from .parts import (  # noqa: F401 - the parts' writes are part of this module's interface
    CONTENT_MODELS,
    ORDERED_AMONG,
    _lock_editable_plan,
    content_create,
    content_delete,
    content_update,
    ensure_editable,
    part_move,
)

# --- plans ------------------------------------------------------------------------------------


def _members(lead, municipalities) -> list:
    """The plan's municipalities: the lead one always among them, none from Åland."""
    members = {m.pk: m for m in municipalities}
    members[lead.pk] = lead
    if any(not m.in_act_scope for m in members.values()):
        raise DomainError(_("Åland municipalities have their own integration legislation."))
    return list(members.values())


def _check_basics(plan: Plan, data: dict) -> None:
    """When the basic information is written: a plan that is part of another document names it,
    and an integration programme referred to as a separate document is linked."""
    if "form" not in data:
        return
    after = {
        name: data.get(name, getattr(plan, name))
        for name in ("form", "host_document_name", "programme_mode", "programme_url")
    }
    errors = {}
    if after["form"] == Plan.Form.PART_OF_OTHER and not after["host_document_name"]:
        errors["host_document_name"] = _("Name the document that the integration plan is part of.")
    if after["programme_mode"] == Plan.Programme.LINKED and not after["programme_url"]:
        errors["programme_url"] = _("Give the link to the integration programme.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def plan_create(*, actor, lead_municipality, municipalities, data: dict) -> Plan:
    """A new plan of the lead municipality; the other `municipalities` are invited to it."""
    require(actor, "planning.create_plan", lead_municipality)
    wanted = _members(lead_municipality, municipalities)
    plan = Plan(lead_municipality=lead_municipality, **data)
    save_new(actor=actor, obj=plan, municipalities=[lead_municipality])
    invitations_sync(actor=actor, plan=plan, wanted=wanted)
    return plan


@transaction.atomic
def plan_update(
    *, actor, plan: Plan, expected_version: int, data: dict, municipalities=None
) -> Plan:
    require(actor, "planning.change_plan", plan)
    ensure_editable(plan)
    _check_basics(plan, data)
    m2m, wanted = {}, None
    if municipalities is not None:
        # Parties may be removed; a municipality that is not one yet is invited, not added.
        wanted = _members(plan.lead_municipality, municipalities)
        parties = set(plan.municipalities.values_list("pk", flat=True))
        m2m["municipalities"] = [m for m in wanted if m.pk in parties]
    saved = save_version(
        actor=actor, obj=plan, expected_version=expected_version, changes=data, m2m=m2m
    )
    if wanted is not None:
        invitations_sync(actor=actor, plan=saved, wanted=wanted)
    return saved


# --- the lifecycle: draft → consultation → awaiting decision → adopted → superseded ----------

S = Plan.State

# (from, to) → label of the action that moves the plan.
TRANSITIONS = {
    (S.DRAFT, S.CONSULTATION): gettext_lazy("Open for consultation"),
    (S.DRAFT, S.AWAITING_DECISION): gettext_lazy("Send for decision"),
    (S.CONSULTATION, S.DRAFT): gettext_lazy("Return to draft"),
    (S.CONSULTATION, S.AWAITING_DECISION): gettext_lazy("Send for decision"),
    (S.AWAITING_DECISION, S.DRAFT): gettext_lazy("Return to draft"),
    (S.AWAITING_DECISION, S.ADOPTED): gettext_lazy("Record the decision"),
}


@dataclass(frozen=True)
class Problem:
    """Something that stops the plan from going forward, with the place to fix it."""

    message: str
    anchor: str
    rule: str = ""  # the readiness requirement that says the same, listed once with this


def decision_problems(plan: Plan) -> list[Problem]:
    """What must be fixed before the plan can be sent for decision."""
    problems = []
    if not has_text(plan, "title"):
        problems.append(Problem(_("The plan has no title."), "plan-basics"))
    objectives = list(plan.objectives.all())
    if not objectives:
        problems.append(Problem(_("The plan has no objectives."), "themes"))
    missing = Measure.objects.filter(objective__plan=plan, responsible_organisation__isnull=True)
    for measure in missing.select_related("objective"):
        problems.append(
            Problem(
                _("Measure “%(measure)s” has no responsible party.")
                % {"measure": text_of(measure, "title")},
                f"measure-{measure.pk}",
                "R04-measures-have-responsible-party",
            )
        )
    if plan.form == Plan.Form.PART_OF_OTHER and not plan.host_document_name:
        problems.append(
            Problem(
                _("The plan is part of another document, but that document is not named."),
                "plan-basics",
                "R14-host-document",
            )
        )
    return problems


@dataclass(frozen=True)
class Unmet:
    """A requirement the plan does not meet, as a guard reports it."""

    key: str  # a stable id (a readiness rule's id)
    title: str
    reason: str
    fix_url: str
    statutory: bool


@dataclass(frozen=True)
class TransitionGuard:
    """What a higher app (the readiness check) contributes to the lifecycle: `unmet(plan)`
    lists what the plan does not meet now; `record(...)` keeps a move made in spite of unmet
    statutory requirements, with its reason, where the authority sees it."""

    unmet: Callable[[Plan], list[Unmet]]
    record: Callable[..., None]


_guards: list[TransitionGuard] = []
GUARDED_STATES = (S.CONSULTATION, S.AWAITING_DECISION, S.ADOPTED)


def register_transition_guard(guard: TransitionGuard) -> None:
    _guards.append(guard)


# Fields a draft may be saved without but that its decision needs, registered by the readiness
# check (model → field names), so the forms mark them beside the required ones.
NEEDED_FOR_DECISION: dict[type, set[str]] = {}


def register_needed_for_decision(model: type, *fields: str) -> None:
    NEEDED_FOR_DECISION.setdefault(model, set()).update(fields)


def transition_unmet(plan: Plan, to_state: str) -> list[Unmet]:
    """What the plan does not meet before moving to `to_state`, statutory requirements first
    (nothing for moves back to the draft)."""
    if to_state not in GUARDED_STATES:
        return []
    unmet = [item for guard in _guards for item in guard.unmet(plan)]
    return sorted(unmet, key=lambda item: not item.statutory)


@transaction.atomic
def plan_transition(
    *,
    actor,
    plan: Plan,
    to_state: str,
    expected_version: int,
    decision: dict | None = None,
    override_reason: str = "",
) -> Plan:
    require(actor, "planning.change_plan", plan)
    if (plan.state, to_state) not in TRANSITIONS:
        raise DomainError(
            _("A plan cannot move from “%(from)s” to “%(to)s”.")
            % {"from": plan.get_state_display(), "to": Plan.State(to_state).label}
        )
    from_state = plan.state
    unmet = [item for item in transition_unmet(plan, to_state) if item.statutory]
    override_reason = (override_reason or "").strip()
    if unmet and not override_reason:
        raise DomainError(
            _(
                "%(count)s statutory requirements are not met. Fix them first, or give the "
                "reason for going on anyway: it is recorded and shown to the regional authority."
            )
            % {"count": len(unmet)}
        )
    changes: dict = {"state": to_state}
    if to_state == S.AWAITING_DECISION:
        problems = decision_problems(plan)
        if problems:
            raise DomainError(" ".join(p.message for p in problems))
    if to_state == S.ADOPTED:
        changes.update(_adoption(decision or {}))
    updated = save_version(
        actor=actor, obj=plan, expected_version=expected_version, changes=changes
    )
    if to_state == S.ADOPTED:
        _record_adoption_step(actor, updated, decision or {})
    if unmet:
        for guard in _guards:
            guard.record(
                actor=actor,
                plan=updated,
                from_state=from_state,
                to_state=to_state,
                reason=override_reason,
                unmet=unmet,
            )
    with acting_as(actor):
        if to_state == S.ADOPTED and updated.previous_version_id:
            previous = Plan.objects.select_for_update().get(pk=updated.previous_version_id)
            if previous.state == S.ADOPTED:
                previous.state = S.SUPERSEDED
                previous.version += 1
                previous.save(update_fields=["state", "version", "updated_at"])
    return updated


def _adoption(decision: dict) -> dict:
    """The plan's decision fields from the adoption form (or a loader's dict)."""
    if not decision.get("decision_body") or not decision.get("decision_date"):
        raise DomainError(_("Record the deciding body and the decision date."))
    changes = {
        key: decision.get(key) or ""
        for key in ("decision_body", "decision_reference", "decision_url")
    }
    changes["decision_date"] = decision["decision_date"]
    return changes


def _record_adoption_step(actor, plan: Plan, decision: dict) -> DecisionStep:
    """The adoption as the last step of the decision trail: the approval already recorded by
    that body on that day, or a new step (by default the council's)."""
    kind = decision.get("decision_body_kind") or DecisionStep.BodyKind.COUNCIL
    recorded = DecisionStep.objects.filter(
        plan=plan,
        body_kind=kind,
        decided_on=decision["decision_date"],
        outcome=DecisionStep.Outcome.APPROVED,
    ).first()
    if recorded is not None:
        return recorded
    last = DecisionStep.objects.filter(plan=plan).aggregate(n=Max("order"))["n"] or 0
    step = DecisionStep(
        plan=plan,
        body_kind=kind,
        body_name=decision["decision_body"],
        decided_on=decision["decision_date"],
        section=decision.get("decision_reference") or "",
        case_number=decision.get("decision_case_number") or "",
        outcome=DecisionStep.Outcome.APPROVED,
        minutes_url=decision.get("decision_url") or "",
        order=last + 1,
    )
    return save_new(actor=actor, obj=step)


def _copy(obj, **overrides):
    copy = type(obj).objects.get(pk=obj.pk)
    copy.pk = None
    copy.id = None
    copy.version = 1
    copy._state.adding = True
    for name, value in overrides.items():
        setattr(copy, name, value)
    copy.save()
    return copy


@transaction.atomic
def plan_new_version(*, actor, plan: Plan) -> Plan:
    """Copy an adopted plan into a new draft; the adopted one stays as it was until the new
    version is adopted. Parts keep their `key`, so versions can be compared part by part. The
    decision trail and the linked documents are not copied: the new version starts with
    its own."""
    require(actor, "planning.change_plan", plan)
    # Locked, so that two people starting a new version at once make one (the other is told).
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if plan.state != S.ADOPTED:
        raise DomainError(_("Only an adopted plan can get a new version."))
    if plan_has_next_version(plan=plan):
        raise DomainError(_("A new version of this plan already exists."))
    with acting_as(actor):
        number = Plan.objects.filter(lineage=plan.lineage).aggregate(n=Max("version_number"))["n"]
        new = _copy(
            plan,
            version_number=number + 1,
            previous_version=plan,
            state=S.DRAFT,
            decision_body="",
            decision_date=None,
            decision_reference="",
            decision_url="",
            is_historical=False,
            legal_basis=Plan.LegalBasis.ACT_2023,
            document_url="",
        )
        new.municipalities.set(plan.municipalities.all())
        groups = {g.pk: _copy(g, plan=new) for g in TargetGroup.objects.filter(plan=plan)}
        chapters = {c.pk: _copy(c, plan=new) for c in PlanChapter.objects.filter(plan=plan)}
        for milestone in Milestone.objects.filter(plan=plan):
            _copy(milestone, plan=new, done=False)
        objectives = Objective.objects.filter(plan=plan).prefetch_related(
            "target_groups", "additional_themes"
        )
        for objective in objectives:
            new_objective = _copy(objective, plan=new, chapter=chapters.get(objective.chapter_id))
            new_objective.target_groups.set([groups[g.pk] for g in objective.target_groups.all()])
            new_objective.additional_themes.set(objective.additional_themes.all())
            measures = {}
            for measure in objective.measures.prefetch_related("partners", "co_responsible"):
                new_measure = _copy(measure, objective=new_objective)
                new_measure.partners.set(measure.partners.all())
                new_measure.co_responsible.set(measure.co_responsible.all())
                measures[measure.pk] = new_measure
            for indicator in Indicator.objects.filter(objective=objective):
                _copy(
                    indicator, objective=new_objective, measure=measures.get(indicator.measure_id)
                )
    return new


# --- historical records: earlier adopted plans entered afterwards ------------------------------


@transaction.atomic
def plan_record_historical(
    *, actor, lead_municipality, data: dict, steps: list[dict], series: Plan | None = None
) -> Plan:
    """Record an earlier adopted plan (under Act 1386/2010 or 681/2023) as it was decided: its
    period, documents and decision trail, even without objectives. It is adopted at once and
    frozen; `series` places it among the versions of an existing plan."""
    require(actor, "planning.create_plan", lead_municipality)
    if series is not None:
        require(actor, "planning.change_plan", series)
        if lead_municipality not in series.municipalities.all():
            raise DomainError(_("The plan series belongs to another municipality."))
    if not steps:
        raise DomainError(_("Record at least the decision by which the plan was adopted."))
    approvals = [s for s in steps if s.get("outcome") == DecisionStep.Outcome.APPROVED]
    if not approvals:
        raise DomainError(_("One step of the decision trail must be the approval of the plan."))
    if any(s["decided_on"] > today() for s in steps):
        raise DomainError(_("A historical record has no decisions in the future."))
    adoption = max(approvals, key=lambda s: (s["body_kind"] == "council", s["decided_on"]))
    identity = {}
    if series is not None:
        number = Plan.objects.filter(lineage=series.lineage).aggregate(n=Max("version_number"))
        identity = {"lineage": series.lineage, "version_number": number["n"] + 1}
    plan = Plan(
        lead_municipality=lead_municipality,
        **identity,
        **data,
        state=S.ADOPTED,
        is_historical=True,
        decision_body=adoption["body_name"],
        decision_date=adoption["decided_on"],
        decision_reference=" ".join(
            p for p in (adoption.get("section"), adoption.get("case_number")) if p
        ),
        decision_url=adoption.get("minutes_url") or "",
    )
    save_new(actor=actor, obj=plan, municipalities=_members(lead_municipality, []))
    for order, step in enumerate(steps, start=1):
        save_new(actor=actor, obj=DecisionStep(plan=plan, order=order, **step))
    return plan
