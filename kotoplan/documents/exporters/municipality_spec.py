"""What one municipality's data is, for its export and import (docs/backup.md).

Three kinds of rows:

- **reference rows** exist in every installation (loaded by `migrate`, `load_reference_data`,
  the statistics catalogue) and are named by their natural key: municipalities and areas by
  code, themes and statistics indicators by code, content types by app and model;
- **shared rows** are matched by natural key on import and created only when missing: the
  users the data names (username, else e-mail), the organisations it names or the municipality
  owns (reference key, business ID, the municipality or area it stands for, else kind, name and
  municipality), and the role assignments in the municipality's own organisations;
- **owned rows** belong to the municipality and are created anew on import, their keys mapped:
  plans of which it is the lead municipality with everything in them, monitoring, statistics
  values, cooperation groups it belongs to, consultations, the authority's observations and
  discussions, and the audit entries of all of these.

A row is named in the file by its position among the rows of its model (1, 2, …, in the order of
the original keys), so two exports of the same data are identical whatever the database keys.
"""

from collections.abc import Callable
from dataclasses import dataclass

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q

from kotoplan.accounts.models import Organisation, RoleAssignment, User
from kotoplan.cooperation.models import (
    AgendaItem,
    Attendance,
    CooperationGroup,
    Initiative,
    MeasureProposal,
    Meeting,
    MeetingDocument,
    Membership,
    NoGroupReason,
    PlanComment,
    Representative,
)
from kotoplan.geography.models import Area, Municipality
from kotoplan.monitoring.rounds.models import (
    IndicatorValue,
    MeasureUpdate,
    MonitoringRound,
    ReminderLog,
)
from kotoplan.monitoring.statistics.models import (
    ImportRun,
    SituationIndicator,
    StatIndicator,
    StatisticValue,
)
from kotoplan.oversight.dialogue.models import (
    DiscussionFollowUp,
    MonitoringDiscussion,
    Observation,
    ObservationEntry,
)
from kotoplan.oversight.readiness.models import ReadinessOverride, ReadinessResult
from kotoplan.participation.models import (
    Answer,
    Comment,
    Consultation,
    ConsultationLanguage,
    ContentTranslation,
    ParticipationEvent,
    Question,
    QuestionOption,
    ResponseItem,
    Submission,
)
from kotoplan.planning.models import (
    DecisionStep,
    Indicator,
    Measure,
    Milestone,
    Objective,
    Plan,
    PlanChapter,
    TargetGroup,
    Theme,
)

from ..models import PlainLanguageSummary

FORMAT = "kotoplan.municipality"
FORMAT_VERSION = 1

# Reference rows: their natural key fields.
REFERENCES: dict[type[models.Model], tuple[str, ...]] = {
    Municipality: ("code",),
    Area: ("kind", "code"),
    Theme: ("code",),
    StatIndicator: ("code",),
    ContentType: ("app_label", "model"),
}

# User fields carried by the file; passwords, staff and superuser flags never are.
USER_FIELDS = ("username", "email", "first_name", "last_name", "preferred_language", "is_active")

Select = Callable[[Municipality], models.QuerySet]


@dataclass(frozen=True)
class Owned:
    model: type[models.Model]
    select: Select

    @property
    def label(self) -> str:
        return self.model._meta.label_lower


def _by(model: type[models.Model], path: str) -> Owned:
    """Rows of `model` whose `path` leads to the municipality."""
    return Owned(model, lambda m: model.objects.filter(**{path: m}))


_PLAN = "plan__lead_municipality"
_CONSULTATION = f"consultation__{_PLAN}"
_GROUP = "group__municipalities"

# In an order where every row's non-nullable links point to rows earlier in the list.
OWNED: tuple[Owned, ...] = (
    _by(Plan, "lead_municipality"),
    _by(TargetGroup, _PLAN),
    _by(Milestone, _PLAN),
    _by(PlanChapter, _PLAN),
    _by(DecisionStep, _PLAN),
    _by(Objective, _PLAN),
    _by(Measure, f"objective__{_PLAN}"),
    _by(Indicator, f"objective__{_PLAN}"),
    _by(PlainLanguageSummary, _PLAN),
    _by(MonitoringRound, _PLAN),
    _by(MeasureUpdate, f"round__{_PLAN}"),
    _by(IndicatorValue, f"round__{_PLAN}"),
    _by(ReminderLog, f"round__{_PLAN}"),
    _by(ImportRun, "municipality"),
    _by(StatisticValue, "municipality"),
    _by(SituationIndicator, _PLAN),
    _by(CooperationGroup, "municipalities"),
    _by(NoGroupReason, "municipality"),
    _by(Membership, _GROUP),
    _by(Representative, f"membership__{_GROUP}"),
    _by(Meeting, _GROUP),
    _by(AgendaItem, f"meeting__{_GROUP}"),
    _by(Attendance, f"meeting__{_GROUP}"),
    _by(MeetingDocument, f"meeting__{_GROUP}"),
    _by(Initiative, _GROUP),
    _by(PlanComment, _GROUP),
    _by(MeasureProposal, _GROUP),
    _by(Consultation, _PLAN),
    _by(ConsultationLanguage, _CONSULTATION),
    _by(ContentTranslation, f"language__{_CONSULTATION}"),
    _by(Question, _CONSULTATION),
    _by(QuestionOption, f"question__{_CONSULTATION}"),
    _by(Submission, _CONSULTATION),
    _by(Comment, _CONSULTATION),
    _by(Answer, f"submission__{_CONSULTATION}"),
    _by(ResponseItem, _CONSULTATION),
    _by(ParticipationEvent, _PLAN),
    _by(Observation, _PLAN),
    _by(ObservationEntry, f"observation__{_PLAN}"),
    _by(MonitoringDiscussion, "municipality"),
    _by(DiscussionFollowUp, "discussion__municipality"),
    _by(ReadinessResult, _PLAN),
    _by(ReadinessOverride, _PLAN),
)
OWNED_BY_LABEL = {owned.label: owned for owned in OWNED}
SHARED = (User, Organisation, RoleAssignment)
LABEL = {model: model._meta.label_lower for model in (*SHARED, LogEntry, *REFERENCES)}

# Audit entries name related rows by key in `additional_data`.
AUDIT_DATA_KEYS: dict[str, type[models.Model]] = {
    "plan_id": Plan,
    "cooperation_group_id": CooperationGroup,
    "observation_id": Observation,
    "discussion_id": MonitoringDiscussion,
}


def own_organisations(municipality: Municipality) -> models.QuerySet:
    """The municipality's own organisation, its units and the local organisations it added."""
    return Organisation.objects.filter(
        Q(municipality=municipality) | Q(created_by_municipality=municipality)
    )


def data_counts(municipality: Municipality) -> dict[str, int]:
    """How many owned rows of each model the municipality has (models with none left out)."""
    counts = {owned.label: owned.select(municipality).count() for owned in OWNED}
    return {label: n for label, n in counts.items() if n}


def link_fields(model: type[models.Model]) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if f.is_relation]


def m2m_fields(model: type[models.Model]) -> list[models.ManyToManyField]:
    return [f for f in model._meta.many_to_many if f.remote_field.through._meta.auto_created]


def row_fields(model: type[models.Model]) -> list[models.Field]:
    """The columns a row carries in the file: every column but the key."""
    return [f for f in model._meta.concrete_fields if not f.primary_key]


def changed_link(model: type[models.Model], name: str) -> type[models.Model] | None:
    """The model whose key an audit entry's change of field `name` holds (the row's own key, a
    link to a shared or owned row), else None."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    if getattr(field, "primary_key", False):
        return model
    linked = field.concrete and (field.many_to_one or field.one_to_one)
    if linked and field.related_model and field.related_model not in REFERENCES:
        return field.related_model
    return None
