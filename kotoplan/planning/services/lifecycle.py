"""The plan lifecycle: draft → consultation → awaiting decision → adopted → superseded."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kotoplan.audit.services import acting_as
from kotoplan.core.errors import DomainError
from kotoplan.core.models import translated
from kotoplan.core.permissions import require
from kotoplan.core.services import versioned_update

from ..models import Indicator, Measure, Milestone, Objective, Plan, TargetGroup

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


def decision_problems(plan: Plan) -> list[Problem]:
    """What must be fixed before the plan can be sent for decision."""
    problems = []
    if not (plan.title_fi or plan.title_sv or plan.title_en):
        problems.append(Problem(_("The plan has no title."), "plan-basics"))
    objectives = list(plan.objectives.all())
    if not objectives:
        problems.append(Problem(_("The plan has no objectives."), "themes"))
    missing = Measure.objects.filter(objective__plan=plan, responsible_organisation__isnull=True)
    for measure in missing.select_related("objective"):
        problems.append(
            Problem(
                _("Measure “%(measure)s” has no responsible party.")
                % {"measure": translated(measure, "title")[0]},
                f"measure-{measure.pk}",
            )
        )
    if plan.form == Plan.Form.PART_OF_OTHER and not plan.host_document_name:
        problems.append(
            Problem(
                _("The plan is part of another document, but that document is not named."),
                "plan-basics",
            )
        )
    return problems


@transaction.atomic
def plan_transition(
    *, actor, plan: Plan, to_state: str, expected_version: int, decision: dict | None = None
) -> Plan:
    require(actor, "planning.change_plan", plan)
    if (plan.state, to_state) not in TRANSITIONS:
        raise DomainError(
            _("A plan cannot move from “%(from)s” to “%(to)s”.")
            % {"from": plan.get_state_display(), "to": Plan.State(to_state).label}
        )
    changes: dict = {"state": to_state}
    if to_state == S.AWAITING_DECISION:
        problems = decision_problems(plan)
        if problems:
            raise DomainError(" ".join(p.message for p in problems))
    if to_state == S.ADOPTED:
        decision = decision or {}
        if not decision.get("decision_body") or not decision.get("decision_date"):
            raise DomainError(_("Record the deciding body and the decision date."))
        changes.update(
            {
                key: decision.get(key) or ""
                for key in ("decision_body", "decision_reference", "decision_url")
            }
        )
        changes["decision_date"] = decision["decision_date"]
    with acting_as(actor):
        updated = versioned_update(obj=plan, expected_version=expected_version, changes=changes)
        if to_state == S.ADOPTED and updated.previous_version_id:
            previous = Plan.objects.select_for_update().get(pk=updated.previous_version_id)
            if previous.state == S.ADOPTED:
                previous.state = S.SUPERSEDED
                previous.version += 1
                previous.save(update_fields=["state", "version", "updated_at"])
    return updated


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
    version is adopted. Parts keep their `key`, so versions can be compared part by part."""
    require(actor, "planning.change_plan", plan)
    if plan.state != S.ADOPTED:
        raise DomainError(_("Only an adopted plan can get a new version."))
    if Plan.objects.filter(previous_version=plan).exists():
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
        )
        new.municipalities.set(plan.municipalities.all())
        groups = {g.pk: _copy(g, plan=new) for g in TargetGroup.objects.filter(plan=plan)}
        for milestone in Milestone.objects.filter(plan=plan):
            _copy(milestone, plan=new, done=False)
        for objective in Objective.objects.filter(plan=plan).prefetch_related("target_groups"):
            new_objective = _copy(objective, plan=new)
            new_objective.target_groups.set([groups[g.pk] for g in objective.target_groups.all()])
            measures = {}
            for measure in objective.measures.prefetch_related("partners"):
                new_measure = _copy(measure, objective=new_objective)
                new_measure.partners.set(measure.partners.all())
                measures[measure.pk] = new_measure
            for indicator in Indicator.objects.filter(objective=objective):
                _copy(
                    indicator, objective=new_objective, measure=measures.get(indicator.measure_id)
                )
    return new
