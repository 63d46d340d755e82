"""The coordinator's choice of figures for the plan's situation picture.

Invariants:
- only those who may edit the plan choose its figures;
- the choice replaces the previous one in the given order, audited as the actor.
"""

from django.db import transaction

from kotoplan.audit.services import acting_as
from kotoplan.core.permissions import require

from ..models import SituationIndicator


@transaction.atomic
def situation_indicators_set(*, actor, plan, indicators: list) -> list[SituationIndicator]:
    require(actor, "monitoring.choose_situation_figures", plan)
    wanted = {indicator.pk: order for order, indicator in enumerate(indicators)}
    with acting_as(actor):
        for chosen in SituationIndicator.objects.filter(plan=plan):
            if chosen.indicator_id not in wanted:
                chosen.delete()
            elif chosen.order != wanted[chosen.indicator_id]:
                chosen.order = wanted[chosen.indicator_id]
                chosen.save(update_fields=["order"])
        existing = set(
            SituationIndicator.objects.filter(plan=plan).values_list("indicator_id", flat=True)
        )
        for indicator in indicators:
            if indicator.pk not in existing:
                SituationIndicator.objects.create(
                    plan=plan, indicator=indicator, order=wanted[indicator.pk]
                )
    return list(SituationIndicator.objects.filter(plan=plan).select_related("indicator"))
