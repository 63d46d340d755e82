"""The oversight app's models, defined in its sub-contexts (Django loads `oversight.models`)."""

from .dialogue.models import DiscussionFollowUp, MonitoringDiscussion, Observation, ObservationEntry
from .readiness.models import ReadinessOverride, ReadinessResult

__all__ = [
    "DiscussionFollowUp",
    "MonitoringDiscussion",
    "Observation",
    "ObservationEntry",
    "ReadinessOverride",
    "ReadinessResult",
]
