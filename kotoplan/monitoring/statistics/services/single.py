"""One value written by another system through the API (`statistic_value_save`).

Invariants: the writer may import statistics for the municipality (coordinators for their
own, importers and administrators for any); the write names the value it replaces (optimistic
locking); it is audited; writing the same value again changes nothing. Values written this way
are yearly values of a municipality.
"""

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from kotoplan.audit.services import acting_as
from kotoplan.core.errors import EditConflict
from kotoplan.core.permissions import require
from kotoplan.geography.models import Municipality

from ..models import StatIndicator, StatisticValue
from ..selectors import statistic_value_version


@transaction.atomic
def statistic_value_save(
    *,
    actor,
    indicator: StatIndicator,
    municipality: Municipality,
    period: int,
    value: Decimal | None,
    status: str,
    breakdown_key: str = "",
    breakdown_value: str = "",
    based_on: str | None = None,
) -> tuple[StatisticValue, str]:
    """Create or replace one municipality's yearly value; (value, "created", "updated" or
    "unchanged"). `based_on` is the `statistic_value_version` the caller read; a stored value
    that says something else by now raises EditConflict."""
    require(actor, "monitoring.import_statistics", municipality)
    key = {
        "indicator": indicator,
        "municipality": municipality,
        "period": period,
        "period_type": StatisticValue.PeriodType.YEAR,
        "subperiod": 0,
        "breakdown_key": breakdown_key,
        "breakdown_value": breakdown_value,
    }
    stored = StatisticValue.objects.select_for_update().filter(**key).first()
    if stored is not None and (stored.value, stored.status) == (value, status):
        return stored, "unchanged"
    if based_on is not None and (stored is None or statistic_value_version(stored) != based_on):
        raise EditConflict(_("The value changed since it was read."), current=stored)
    outcome = "created" if stored is None else "updated"
    with acting_as(actor):
        if stored is None:
            stored = StatisticValue(**key, value=value, status=status)
        stored.value, stored.status = value, status
        stored.full_clean()
        stored.save()
    return stored, outcome
