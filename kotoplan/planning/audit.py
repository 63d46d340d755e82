"""Plan content is recorded by django-auditlog: who, when and which fields changed."""

from auditlog.registry import auditlog

from kotoplan.audit.selectors import everyone, history_rule

from .models import (
    DecisionStep,
    Indicator,
    LinkedDocument,
    Measure,
    Milestone,
    Objective,
    Plan,
    PlanChapter,
    TargetGroup,
)

auditlog.register(
    Plan, exclude_fields=["version", "updated_at", "created_at"], m2m_fields={"municipalities"}
)
auditlog.register(
    Objective,
    exclude_fields=["version", "updated_at", "created_at"],
    m2m_fields={"target_groups", "additional_themes"},
)
auditlog.register(
    Measure,
    exclude_fields=["version", "updated_at", "created_at", *Measure.SCHEDULE_SORT_FIELDS],
    m2m_fields={"partners", "co_responsible"},
)
auditlog.register(Indicator, exclude_fields=["version", "updated_at", "created_at"])
auditlog.register(TargetGroup, exclude_fields=["version", "updated_at", "created_at"])
auditlog.register(Milestone, exclude_fields=["version", "updated_at", "created_at"])
auditlog.register(DecisionStep, exclude_fields=["version", "updated_at", "created_at"])
auditlog.register(PlanChapter, exclude_fields=["version", "updated_at", "created_at"])
auditlog.register(LinkedDocument, exclude_fields=["version", "updated_at", "created_at"])

history_rule(
    Plan,
    Objective,
    Measure,
    Indicator,
    TargetGroup,
    Milestone,
    DecisionStep,
    PlanChapter,
    LinkedDocument,
)(everyone)
