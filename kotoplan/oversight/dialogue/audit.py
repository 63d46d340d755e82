"""The dialogue and the discussion records are in the plan's change history (django-auditlog);
every entry carries the plan's id in `additional_data`, like the plan's own parts."""

from auditlog.registry import auditlog

from kotoplan.audit.selectors import history_rule
from kotoplan.core.permissions import can

from .models import DiscussionFollowUp, MonitoringDiscussion, Observation, ObservationEntry

auditlog.register(Observation, exclude_fields=["updated_at", "created_at"])
auditlog.register(ObservationEntry, m2m_fields={"changed_objectives"})
auditlog.register(MonitoringDiscussion, exclude_fields=["updated_at", "created_at"])
auditlog.register(DiscussionFollowUp, exclude_fields=["created_at"])


@history_rule(Observation, ObservationEntry, MonitoringDiscussion, DiscussionFollowUp)
def dialogue_for_its_parties(user, plan) -> bool:
    """The authority's dialogue with the municipality is read in the history by those who may
    read the plan's observations, not by everyone who reads the plan."""
    return can(user, "oversight.view_plan_observations", plan)
