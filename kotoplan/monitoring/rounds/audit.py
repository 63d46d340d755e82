"""Rounds, progress updates and manual indicator values are recorded by django-auditlog; each
entry names the plan (`get_additional_data`), so the plan's change history shows them."""

from auditlog.registry import auditlog

from kotoplan.audit.selectors import everyone, history_rule

from .models import IndicatorValue, MeasureUpdate, MonitoringRound

for model in (MonitoringRound, MeasureUpdate, IndicatorValue):
    auditlog.register(model, exclude_fields=["version", "updated_at", "created_at"])

history_rule(MonitoringRound, MeasureUpdate, IndicatorValue)(everyone)
