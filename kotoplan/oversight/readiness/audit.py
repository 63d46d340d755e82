"""Steps taken with unmet statutory requirements are recorded by django-auditlog and read in
the plan's change history by everyone who reads the plan's history."""

from auditlog.registry import auditlog

from kotoplan.audit.selectors import everyone, history_rule

from .models import ReadinessOverride

auditlog.register(ReadinessOverride)
history_rule(ReadinessOverride)(everyone)
