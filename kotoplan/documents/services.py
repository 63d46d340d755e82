"""Writes of the documents app: an imported plan becomes a draft plan.

Invariant: an import creates the whole plan (as a draft, as the importing user, through the
planning services and their permission checks and audit) or nothing at all.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from kotoplan.core.errors import DomainError
from kotoplan.planning.models import (
    DecisionStep,
    Indicator,
    Measure,
    Milestone,
    Objective,
    Plan,
    PlanChapter,
    TargetGroup,
)
from kotoplan.planning.services import content_create, plan_create

from .errors import ImportRejected, Problem
from .importers.common import PlanDraft


def _messages(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
    return " ".join(error.messages)


@transaction.atomic
def plan_draft_write(*, actor, draft: PlanDraft) -> Plan:
    """Create the plan and all its parts as `actor`, or nothing (ImportRejected)."""
    try:
        plan = plan_create(
            actor=actor,
            lead_municipality=draft.lead_municipality,
            municipalities=draft.municipalities,
            data={**draft.data, "state": Plan.State.DRAFT},
        )
        groups = {
            ref: content_create(actor=actor, model=TargetGroup, data={"plan": plan, **data})
            for ref, data in draft.target_groups.items()
        }
        for data in draft.milestones:
            content_create(actor=actor, model=Milestone, data={"plan": plan, **data})
        for data in draft.decision_steps:
            content_create(actor=actor, model=DecisionStep, data={"plan": plan, **data})
        chapters = {
            ref: content_create(actor=actor, model=PlanChapter, data={"plan": plan, **data})
            for ref, data in sorted(draft.chapters.items(), key=lambda c: c[1].get("order", 0))
        }
        for order, spec in enumerate(draft.objectives, start=1):
            objective = content_create(
                actor=actor,
                model=Objective,
                data={
                    "plan": plan,
                    "theme": spec.theme,
                    "order": order,
                    "chapter": chapters.get(spec.chapter_ref),
                    **spec.data,
                },
                m2m={
                    "target_groups": [groups[r] for r in spec.target_group_refs if r in groups],
                    "additional_themes": spec.additional_themes,
                },
            )
            measures = {}
            for m_order, measure in enumerate(spec.measures, start=1):
                measures[measure.ref] = content_create(
                    actor=actor,
                    model=Measure,
                    data={
                        "objective": objective,
                        "order": m_order,
                        "responsible_organisation": measure.responsible,
                        **measure.data,
                    },
                    m2m={"partners": measure.partners, "co_responsible": measure.co_responsible},
                )
            for indicator in spec.indicators:
                content_create(
                    actor=actor,
                    model=Indicator,
                    data={
                        "objective": objective,
                        "measure": measures.get(indicator.measure_ref),
                        **indicator.data,
                    },
                )
    except ValidationError as error:
        raise ImportRejected([Problem(_messages(error))]) from error
    except DomainError as error:
        raise ImportRejected([Problem(str(error))]) from error
    return plan
