"""What every importer produces: a `PlanDraft` (or `..errors.ImportRejected`).

Parsing never writes; `kotoplan.documents.services.plan_draft_write` writes a draft.
"""

from dataclasses import dataclass, field

from kotoplan.accounts.models import Organisation
from kotoplan.planning.models import Theme


@dataclass
class MeasureDraft:
    ref: str
    data: dict
    responsible: Organisation | None = None
    partners: list[Organisation] = field(default_factory=list)
    co_responsible: list[Organisation] = field(default_factory=list)
    # Other many-to-many fields of organisations, by field name (e.g. from spreadsheet columns).
    m2m: dict[str, list[Organisation]] = field(default_factory=dict)
    row: int | None = None


@dataclass
class IndicatorDraft:
    data: dict
    measure_ref: str = ""
    row: int | None = None


@dataclass
class ObjectiveDraft:
    theme: Theme
    data: dict
    target_group_refs: list[str] = field(default_factory=list)
    chapter_ref: str = ""
    additional_themes: list[Theme] = field(default_factory=list)
    measures: list[MeasureDraft] = field(default_factory=list)
    indicators: list[IndicatorDraft] = field(default_factory=list)
    row: int | None = None


@dataclass
class PlanDraft:
    lead_municipality: object
    municipalities: list
    data: dict
    target_groups: dict[str, dict] = field(default_factory=dict)
    chapters: dict[str, dict] = field(default_factory=dict)  # ref → title_fi/sv/en, order
    objectives: list[ObjectiveDraft] = field(default_factory=list)
    milestones: list[dict] = field(default_factory=list)  # timetable steps, model field values
    decision_steps: list[dict] = field(default_factory=list)  # the decision trail, likewise
    linked_documents: list[dict] = field(default_factory=list)  # title, url, order
