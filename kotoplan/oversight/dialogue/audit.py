"""The dialogue and the discussion records are in the plan's change history (django-auditlog);
every entry carries the plan's id in `additional_data`, like the plan's own parts."""

from auditlog.registry import auditlog

from .models import DiscussionFollowUp, MonitoringDiscussion, Observation, ObservationEntry

auditlog.register(Observation, exclude_fields=["updated_at", "created_at"])
auditlog.register(ObservationEntry, m2m_fields={"changed_objectives"})
auditlog.register(MonitoringDiscussion, exclude_fields=["updated_at", "created_at"])
auditlog.register(DiscussionFollowUp, exclude_fields=["created_at"])
