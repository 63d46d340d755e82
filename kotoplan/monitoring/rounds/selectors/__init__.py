"""Reads of monitoring rounds: rounds and progress (`progress`) and the monitoring report
(`report`)."""

from .progress import (
    Coverage,
    MonitoringSummary,
    indicator_for_value_get,
    indicator_values,
    may_open_round,
    measure_for_update_get,
    measure_update_in_round,
    missing_measures,
    monitoring_summaries,
    my_measures,
    open_round_get,
    open_rounds,
    overdue_state,
    previous_measure_update,
    reminder_dates,
    reminder_due,
    round_coverage,
    round_get_for_user,
    round_next_period,
    rounds_for_plan,
    user_has_progress_role,
)
from .report import (
    report_data,
)

__all__ = [
    "Coverage",
    "MonitoringSummary",
    "indicator_for_value_get",
    "indicator_values",
    "may_open_round",
    "measure_for_update_get",
    "measure_update_in_round",
    "missing_measures",
    "monitoring_summaries",
    "my_measures",
    "open_round_get",
    "open_rounds",
    "overdue_state",
    "previous_measure_update",
    "reminder_dates",
    "reminder_due",
    "report_data",
    "round_coverage",
    "round_get_for_user",
    "round_next_period",
    "rounds_for_plan",
    "user_has_progress_role",
]
