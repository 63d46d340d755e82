"""Create, update and delete the parts of a plan: objectives, measures, indicators, target
groups and timetable steps. One set of functions, so every part gets the same checks."""

from django.db import transaction
from django.utils.translation import gettext as _

from kotoplan.audit.services import acting_as
from kotoplan.core.errors import DomainError
from kotoplan.core.permissions import can, require
from kotoplan.core.services import versioned_update

from ..models import Indicator, Measure, Milestone, Objective, Plan, TargetGroup
from .plans import ensure_editable

CONTENT_MODELS = (Objective, Measure, Indicator, TargetGroup, Milestone)

# What a contributor of the responsible organisation may change in a measure it owns.
CONTRIBUTOR_MEASURE_FIELDS = frozenset(
    {
        "description_fi",
        "description_sv",
        "description_en",
        "responsible_contact",
        "schedule_start",
        "schedule_end",
        "schedule_note",
        "resources",
        "status",
    }
)


def plan_of(obj) -> Plan:
    if isinstance(obj, (Objective, TargetGroup, Milestone)):
        return obj.plan
    if isinstance(obj, (Measure, Indicator)):
        return obj.objective.plan
    raise TypeError(f"{type(obj).__name__} is not plan content")


def _check(actor, obj, changed: set[str] | None = None) -> None:
    plan = plan_of(obj)
    if isinstance(obj, Measure) and obj.pk:
        require(actor, "planning.change_measure", obj)
        if changed is not None and not can(actor, "planning.change_plan", plan):
            refused = changed - CONTRIBUTOR_MEASURE_FIELDS
            if refused:
                raise DomainError(
                    _("Only the plan's coordinators can change: %(fields)s.")
                    % {"fields": ", ".join(sorted(refused))}
                )
    else:
        require(actor, "planning.change_plan", plan)
    # The plan row is locked and read afresh, so a plan adopted meanwhile is not edited.
    ensure_editable(Plan.objects.select_for_update().get(pk=plan.pk))


def _check_links(obj) -> None:
    if (
        isinstance(obj, Indicator)
        and obj.measure_id
        and obj.measure.objective_id != obj.objective_id
    ):
        raise DomainError("The measure belongs to another objective.")


@transaction.atomic
def content_create(*, actor, model, data: dict, m2m: dict | None = None):
    if model not in CONTENT_MODELS:
        raise TypeError(f"{model.__name__} is not plan content")
    obj = model(**data)
    _check(actor, obj)
    _check_links(obj)
    with acting_as(actor):
        obj.full_clean()
        obj.save()
        for name, values in (m2m or {}).items():
            getattr(obj, name).set(values)
    return obj


@transaction.atomic
def content_update(*, actor, obj, expected_version: int, data: dict, m2m: dict | None = None):
    _check(actor, obj, changed=set(data) | set(m2m or {}))
    for name, value in data.items():
        setattr(obj, name, value)
    _check_links(obj)
    with acting_as(actor):
        return versioned_update(obj=obj, expected_version=expected_version, changes=data, m2m=m2m)


@transaction.atomic
def content_delete(*, actor, obj) -> None:
    plan = plan_of(obj)
    require(actor, "planning.change_plan", plan)
    ensure_editable(Plan.objects.select_for_update().get(pk=plan.pk))
    with acting_as(actor):
        obj.delete()
