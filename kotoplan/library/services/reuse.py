"""Writes of the good-practice library.

Invariants: a measure is reused only into an objective of a draft plan of the coordinator's
own municipality (`library.reuse_into`), only from a plan the coordinator may find in the
library; the copy is a new, editable measure (with the indicators of the original measure)
that keeps a reference to its origin (`reused_from`); the responsible party, schedule dates,
progress status and the figures of the original indicators belong to the other municipality
and are not copied. Every row is written through the audit trail.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max

from kotoplan.audit.services import save_new
from kotoplan.core.permissions import require
from kotoplan.planning.models import Indicator, Measure, Objective

from ..selectors import searchable_plans

MEASURE_COPIED = (
    "title_fi",
    "title_sv",
    "title_en",
    "description_fi",
    "description_sv",
    "description_en",
    "schedule_text",
    "resources",
)
INDICATOR_COPIED = (
    "name_fi",
    "name_sv",
    "name_en",
    "unit",
    "source",
    "source_code",
    "target_text_fi",
    "target_text_sv",
    "target_text_en",
    "direction",
)


@transaction.atomic
def measure_reuse(*, actor, measure: Measure, objective: Objective) -> Measure:
    """Copy `measure` (with its indicators) into `objective` as a new measure based on it."""
    require(actor, "library.reuse_into", objective)
    found = searchable_plans(user=actor).filter(pk=measure.objective.plan_id).exists()
    if not found:
        raise PermissionDenied("library.reuse_from")
    last = Measure.objects.filter(objective=objective).aggregate(n=Max("order"))["n"]
    copy = Measure(
        objective=objective,
        reused_from=measure,
        order=(last or 0) + 1,
        **{name: getattr(measure, name) for name in MEASURE_COPIED},
    )
    save_new(actor=actor, obj=copy)
    for indicator in Indicator.objects.filter(measure=measure).order_by("pk"):
        save_new(
            actor=actor,
            obj=Indicator(
                objective=objective,
                measure=copy,
                reused_from=indicator,
                **{name: getattr(indicator, name) for name in INDICATOR_COPIED},
            ),
        )
    return copy
