"""The models of monitoring's sub-contexts (Django loads `<app>.models`): statistics
(indicator catalogue, statistic values, import runs) and rounds (progress by responsible
parties)."""

from .rounds.models import IndicatorValue, MeasureUpdate, MonitoringRound, ReminderLog
from .statistics.models import (
    BreakdownLabel,
    ImportRun,
    SituationIndicator,
    StatIndicator,
    StatisticValue,
)

__all__ = [
    "BreakdownLabel",
    "ImportRun",
    "IndicatorValue",
    "MeasureUpdate",
    "MonitoringRound",
    "ReminderLog",
    "SituationIndicator",
    "StatIndicator",
    "StatisticValue",
]
