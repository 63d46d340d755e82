"""Writes to the parts of a plan (objectives, measures, indicators, target groups, timetable
steps, decision steps, chapters): one set of functions, so every part gets the same checks, and
the order of parts kept by moving them up or down."""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from kotoplan.audit.services import acting_as, save_new, save_version
from kotoplan.core.errors import DomainError, FrozenError
from kotoplan.core.permissions import can, require

from ..models import (
    DecisionStep,
    Indicator,
    LinkedDocument,
    Measure,
    Milestone,
    Objective,
    Plan,
    PlanChapter,
    TargetGroup,
)


def ensure_editable(plan: Plan) -> None:
    if not plan.is_editable:
        raise FrozenError(
            _(
                "This plan is %(state)s and can no longer be edited. Start a new version to make "
                "changes."
            )
            % {"state": plan.get_state_display().lower()}
        )


# --- the parts of a plan: objectives, measures, indicators, target groups, timetable steps
# One set of functions, so every part gets the same checks.

CONTENT_MODELS = (
    Objective,
    Measure,
    Indicator,
    TargetGroup,
    Milestone,
    DecisionStep,
    PlanChapter,
    LinkedDocument,
)


def _lock_editable_plan(plan: Plan, kind: type | None = None) -> None:
    # The plan row is locked and read afresh, so a plan adopted meanwhile is not edited.
    locked = Plan.objects.select_for_update().get(pk=plan.pk)
    if kind is None or not kind.open_in(locked):
        ensure_editable(locked)


def _check(actor, obj, changed: set[str] | None = None) -> None:
    plan = obj.owner_plan
    if isinstance(obj, Measure) and obj.pk:
        require(actor, "planning.change_measure", obj)
        if changed is not None and not can(actor, "planning.change_plan", plan):
            refused = changed - set(Measure.CONTRIBUTOR_FIELDS)
            if refused:
                raise DomainError(
                    _("Only the plan's coordinators can change: %(fields)s.")
                    % {"fields": ", ".join(sorted(refused))}
                )
    else:
        require(actor, "planning.change_plan", plan)
    _lock_editable_plan(plan, type(obj))


def _check_links(obj) -> None:
    if isinstance(obj, Objective) and obj.chapter_id and obj.chapter.plan_id != obj.plan_id:
        raise DomainError("The chapter belongs to another plan.")
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
    if model in ORDERED_AMONG and not obj.order:
        # A new part comes last; the order is changed with part_move, never typed.
        last = _siblings(obj).aggregate(n=Max("order"))["n"]
        obj.order = (last or 0) + 1
    return save_new(actor=actor, obj=obj, **(m2m or {}))


# Parts kept in an order of their own, and the parts they are ordered among.
ORDERED_AMONG = {
    PlanChapter: ("plan_id",),
    Objective: ("plan_id", "theme_id"),  # within the chapter when the plan has chapters
    Measure: ("objective_id",),
    DecisionStep: ("plan_id",),
    LinkedDocument: ("plan_id",),
}


def _siblings(part):
    """The parts `part` is ordered among, in the order the plan page and the print view show
    them. A plan with chapters lists its objectives under the chapters (`chapter_sections`), so
    there an objective moves within its chapter; otherwise within its theme."""
    model = type(part)
    if model is Objective and PlanChapter.objects.filter(plan_id=part.plan_id).exists():
        siblings = Objective.objects.filter(plan_id=part.plan_id, chapter_id=part.chapter_id)
        return siblings.order_by("order", "theme__order", "pk")
    fields = ORDERED_AMONG[model]
    return model.objects.filter(**{f: getattr(part, f) for f in fields}).order_by("order", "pk")


@transaction.atomic
def part_move(*, actor, part, up: bool):
    """Move a chapter, objective, measure or decision step one place up or down among its
    siblings (numbered 1…n again; an objective among those of its chapter when the plan has
    chapters). The order is never typed: new parts come last."""
    if type(part) not in ORDERED_AMONG:
        raise TypeError(f"{type(part).__name__} has no order of its own")
    plan = part.owner_plan
    require(actor, "planning.change_plan", plan)
    _lock_editable_plan(plan, type(part))
    items = list(_siblings(part).select_for_update(of=("self",)))
    index = next(i for i, item in enumerate(items) if item.pk == part.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
    with acting_as(actor):
        for number, item in enumerate(items, start=1):
            if item.order != number:
                item.order = number
                item.version += 1
                item.save(update_fields=["order", "version", "updated_at"])
    return next(item for item in items if item.pk == part.pk)


@transaction.atomic
def content_update(*, actor, obj, expected_version: int, data: dict, m2m: dict | None = None):
    _check(actor, obj, changed=set(data) | set(m2m or {}))
    for name, value in data.items():
        setattr(obj, name, value)
    _check_links(obj)
    return save_version(
        actor=actor, obj=obj, expected_version=expected_version, changes=data, m2m=m2m
    )


@transaction.atomic
def content_delete(*, actor, obj) -> Plan:
    """Delete a part; returns the plan it belonged to."""
    plan = obj.owner_plan
    require(actor, "planning.change_plan", plan)
    _lock_editable_plan(plan, type(obj))
    with acting_as(actor):
        obj.delete()
    return plan
