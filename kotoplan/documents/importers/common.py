"""What every importer produces (a `PlanDraft`) and the one function that writes it.

Parsing never writes; `plan_draft_write` runs the planning services inside one transaction, so
an import either creates the whole plan or nothing.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kotoplan.accounts.models import Organisation
from kotoplan.core.errors import DomainError
from kotoplan.planning.models import Indicator, Measure, Objective, Plan, TargetGroup, Theme
from kotoplan.planning.services import content_create, plan_create


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an imported file: where (row/column or element) and what."""

    message: str
    row: int | None = None
    column: str = ""

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(_("row %(row)s") % {"row": self.row})
        if self.column:
            where.append(_("column %(column)s") % {"column": self.column})
        return f"{', '.join(where)}: {self.message}" if where else self.message


class ImportRejected(Exception):
    """The file was not imported; `problems` says why, all of them at once."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


@dataclass
class MeasureDraft:
    ref: str
    data: dict
    responsible: Organisation | None = None
    partners: list[Organisation] = field(default_factory=list)


@dataclass
class IndicatorDraft:
    data: dict
    measure_ref: str = ""


@dataclass
class ObjectiveDraft:
    theme: Theme
    data: dict
    target_group_refs: list[str] = field(default_factory=list)
    measures: list[MeasureDraft] = field(default_factory=list)
    indicators: list[IndicatorDraft] = field(default_factory=list)


@dataclass
class PlanDraft:
    lead_municipality: object
    municipalities: list
    data: dict
    target_groups: dict[str, dict] = field(default_factory=dict)
    objectives: list[ObjectiveDraft] = field(default_factory=list)


def organisation_by_name(name: str, cache: dict | None = None) -> Organisation | None:
    """An organisation whose name in any language is exactly `name`."""
    name = (name or "").strip()
    if not name:
        return None
    if cache is not None and name in cache:
        return cache[name]
    found = (
        Organisation.objects.filter(name_fi=name).first()
        or Organisation.objects.filter(name_sv=name).first()
        or Organisation.objects.filter(name_en=name).first()
    )
    if cache is not None:
        cache[name] = found
    return found


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
        for order, spec in enumerate(draft.objectives, start=1):
            objective = content_create(
                actor=actor,
                model=Objective,
                data={"plan": plan, "theme": spec.theme, "order": order, **spec.data},
                m2m={"target_groups": [groups[r] for r in spec.target_group_refs if r in groups]},
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
                    m2m={"partners": measure.partners},
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
