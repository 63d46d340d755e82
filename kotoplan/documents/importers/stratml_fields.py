"""Which Kotoplan fields a StratML file may carry in OtherInformation (nothing else is read)."""

from ..exporters.stratml import INDICATOR_EXTRA, MEASURE_EXTRA, PLAN_EXTRA_FIELDS, TEXTS

PLAN_FIELDS = PLAN_EXTRA_FIELDS
OBJECTIVE_FIELDS = TEXTS
MEASURE_FIELDS = MEASURE_EXTRA
INDICATOR_FIELDS = INDICATOR_EXTRA
