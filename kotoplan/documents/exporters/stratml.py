"""A plan as a StratML Part 2 Performance Plan (schema 2.2.6), and the schema every file meets.

Mapping (the schema allows no nesting of Objective in Objective and no Relationship on an
Objective, so measures are *narrower objectives by sequence*):

- plan → `PerformancePlanOrReport Type="Performance_Plan"`; municipalities → `Organization`
  (Identifier `municipality-<code>`), period → `AdministrativeInformation` Start/EndDate,
  decision date → `PublicationDate`, contact → `Submitter`;
- theme → `Goal` (Identifier `theme-<code>`, SequenceIndicator = theme order);
- objective → `Objective` in its theme's Goal (Identifier `o-<key>`, SequenceIndicator `t.n`);
  target groups → `Stakeholder` (Generic_Group) with RoleType `Beneficiary`;
- measure → `Objective` right after its objective in the same Goal (Identifier `m-<key>`,
  SequenceIndicator `t.n.m`: narrower than `t.n`); responsible party, co-responsible parties
  and partners → `Stakeholder` (Organization) with RoleType `Performer` (role names
  "responsible" / "co-responsible" / "partner");
- indicator → `PerformanceIndicator` of its objective; name → MeasurementDimension, unit →
  UnitOfMeasurement, link to its measure → `Relationship` (Narrower_Than, ReferentIdentifier
  `m-<key>`); target value/year → `TargetResult`, baseline value/year → `ActualResult`; a
  worded target is the TargetResult's `Description` (an indicator with only a worded target is
  `Qualitative`).
- the plan's own chapters (priority areas) and an objective's chapter and additional themes
  travel in `OtherInformation` (Goals stay the statutory themes, so any reader finds them).

Kotoplan details the schema has no element for (texts in the other languages, schedules,
statuses, directions, plan fields, the legal basis, the decision and its trail of decision
steps, the timetable with its decision points) travel as a JSON object in `OtherInformation`,
prefixed with `kotoplan:` (keys `decision_steps`, `milestones` and `documents`, the linked
documents, of the root). A file from
elsewhere imports without them.

Every file written here and every file read by `importers.stratml` is validated against the
schema at `settings.KOTOPLAN_STRATML_XSD` (data/stratml/ unless configured otherwise); without
the schema file nothing is exported or imported.
"""

import json
from functools import cache
from pathlib import Path

import xmlschema
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation
from django.utils.translation import gettext as _
from lxml import etree

from kotoplan.core.text import text_of
from kotoplan.planning.models import Plan
from kotoplan.planning.selectors import plan_outline

NS = "urn:ISO:std:iso:17469:tech:xsd:PerformancePlanOrReport"
EXTRA_PREFIX = "kotoplan:"


@cache
def _schema(path: Path) -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(path))


def schema() -> xmlschema.XMLSchema:
    """The StratML Part 2 schema; ImproperlyConfigured when its file is missing."""
    path = Path(settings.KOTOPLAN_STRATML_XSD)
    if not path.is_file():
        raise ImproperlyConfigured(
            f"The StratML schema is missing: {path} (see KOTOPLAN_STRATML_XSD in config/env.py)."
        )
    return _schema(path)


# Plan fields carried in the root's OtherInformation (the schema has no element for them).
PLAN_EXTRA_FIELDS = (
    "title_fi",
    "title_sv",
    "title_en",
    "languages",
    "period_start",
    "period_end",
    "form",
    "host_document_name",
    "host_document_url",
    "host_document_approval",
    "mainstreaming_fi",
    "mainstreaming_sv",
    "mainstreaming_en",
    "coordinating_authority",
    "contact_name",
    "contact_email",
    "contact_phone",
    "programme_mode",
    "programme_url",
    "programme_note",
    "county_coordination",
    "employment_area_coordination",
    "covers_all_immigrants",
    "covers_good_relations",
    "situation_quantitative_fi",
    "situation_quantitative_sv",
    "situation_quantitative_en",
    "situation_qualitative_fi",
    "situation_qualitative_sv",
    "situation_qualitative_en",
    "theme_justifications",
    "has_cooperation_group",
    "cooperation_group_note",
    "participation_evidence",
    "monitoring_cycle",
    "monitoring_description",
    "legal_basis",
    "document_url",
    "decision_body",
    "decision_date",
    "decision_reference",
    "decision_url",
)
# The timetable and the decision trail, one JSON object per step in the root's OtherInformation.
MILESTONE_FIELDS = ("kind", "title_fi", "title_sv", "title_en", "due_date", "body", "done")
DECISION_STEP_FIELDS = (
    "body_kind",
    "body_name",
    "decided_on",
    "section",
    "case_number",
    "outcome",
    "minutes_url",
    "order",
)
# The documents linked to the plan (title and web address), in their order.
LINKED_DOCUMENT_FIELDS = ("title", "url", "order")
TEXTS = ("title_fi", "title_sv", "title_en", "description_fi", "description_sv", "description_en")
MEASURE_EXTRA = (
    *TEXTS,
    "responsible_unit",
    "responsible_contact",
    "schedule_start",
    "schedule_end",
    "schedule_text",
    "schedule_note",
    "resources",
    "status",
)
INDICATOR_EXTRA = (
    "name_fi",
    "name_sv",
    "name_en",
    "source",
    "source_code",
    "direction",
    "target_text_fi",
    "target_text_sv",
    "target_text_en",
)
CHAPTER_FIELDS = ("title_fi", "title_sv", "title_en", "order")


def _el(parent, name: str, text=None, **attrs):
    element = etree.SubElement(parent, f"{{{NS}}}{name}", **attrs)
    if text is not None:
        element.text = str(text)
    return element


def _extra(parent, obj, names, **more) -> None:
    data = {}
    for name in names:
        value = getattr(obj, name)
        data[name] = value.isoformat() if hasattr(value, "isoformat") else value
    data.update(more)
    _el(parent, "OtherInformation", EXTRA_PREFIX + json.dumps(data, ensure_ascii=False))


def _values(obj, names) -> dict:
    values = {}
    for name in names:
        value = getattr(obj, name)
        values[name] = value.isoformat() if hasattr(value, "isoformat") else value
    return values


def _stakeholder(parent, name: str, kind: str, role: str, role_type: str) -> None:
    stakeholder = _el(parent, "Stakeholder", StakeholderTypeType=kind)
    _el(stakeholder, "Name", name)
    role_el = _el(stakeholder, "Role")
    _el(role_el, "Name", role)
    _el(role_el, "RoleType", role_type)


def _number(value) -> str:
    return f"{value.normalize():f}" if value is not None else ""


def _result(parent, tag: str, value, year, description) -> None:
    result = _el(parent, tag)
    if year:
        _el(result, "StartDate", f"{year}-01-01")
        _el(result, "EndDate", f"{year}-12-31")
    _el(result, "NumberOfUnits", _number(value))
    _el(result, "Description", description)


def _indicator(parent, indicator, sequence: str, language: str) -> None:
    worded = text_of(indicator, "target_text", language)
    numeric = indicator.target_value is not None or indicator.baseline_value is not None
    element = _el(
        parent,
        "PerformanceIndicator",
        ValueChainStage="Outcome",
        PerformanceIndicatorType="Quantitative" if numeric or not worded else "Qualitative",
    )
    _el(element, "SequenceIndicator", sequence)
    _el(element, "MeasurementDimension", text_of(indicator, "name", language))
    _el(element, "UnitOfMeasurement", indicator.unit)
    _el(element, "Identifier", f"i-{indicator.key}")
    if indicator.measure_id:
        relationship = _el(element, "Relationship", RelationshipType="Narrower_Than")
        _el(relationship, "ReferentIdentifier", f"m-{indicator.measure.key}")
        _el(relationship, "Name", _("measure"))
    instance = _el(element, "MeasurementInstance")
    if indicator.target_value is not None or indicator.target_year or worded:
        _result(
            instance,
            "TargetResult",
            indicator.target_value,
            indicator.target_year,
            worded or "target",
        )
    if indicator.baseline_value is not None or indicator.baseline_year:
        _result(
            instance, "ActualResult", indicator.baseline_value, indicator.baseline_year, "baseline"
        )
    _extra(element, indicator, INDICATOR_EXTRA)


def _objective_element(goal, obj, identifier: str, sequence: str, language: str):
    """An `Objective` of the goal: a plan objective or a measure (narrower by sequence)."""
    element = _el(goal, "Objective")
    _el(element, "Name", text_of(obj, "title", language))
    _el(element, "Description", text_of(obj, "description", language))
    _el(element, "Identifier", identifier)
    _el(element, "SequenceIndicator", sequence)
    return element


def _objective(goal, objective, sequence: str, language: str) -> None:
    element = _objective_element(goal, objective, f"o-{objective.key}", sequence, language)
    for group in objective.target_groups.all():
        name = text_of(group, "name", language)
        _stakeholder(element, name, "Generic_Group", _("target group"), "Beneficiary")
    groups = [str(g.key) for g in objective.target_groups.all()]
    _extra(
        element,
        objective,
        TEXTS,
        kind="objective",
        target_groups=groups,
        order=objective.order,
        chapter=str(objective.chapter.key) if objective.chapter_id else None,
        additional_themes=sorted(
            t.code for t in objective.additional_themes.all() if t.pk != objective.theme_id
        ),
    )
    for number, indicator in enumerate(objective.indicators.all(), start=1):
        _indicator(element, indicator, f"{sequence}.i{number}", language)
    for number, measure in enumerate(objective.measures.all(), start=1):
        _measure(goal, measure, f"{sequence}.{number}", language)


def _measure(goal, measure, sequence: str, language: str) -> None:
    element = _objective_element(goal, measure, f"m-{measure.key}", sequence, language)
    if measure.responsible_organisation:
        name = text_of(measure.responsible_organisation, "name", language)
        _stakeholder(element, name, "Organization", "responsible", "Performer")
    for party in measure.co_responsible.all():
        name = text_of(party, "name", language)
        _stakeholder(element, name, "Organization", "co-responsible", "Performer")
    for partner in measure.partners.all():
        name = text_of(partner, "name", language)
        _stakeholder(element, name, "Organization", "partner", "Performer")
    _extra(element, measure, MEASURE_EXTRA, kind="measure")


def plan_stratml(*, plan: Plan, language: str) -> bytes:
    """The plan as StratML Part 2 XML (UTF-8)."""
    with translation.override(language):
        root = etree.Element(
            f"{{{NS}}}PerformancePlanOrReport", nsmap={None: NS}, Type="Performance_Plan"
        )
        _el(root, "Name", text_of(plan, "title", language) or str(plan))
        _el(root, "Description", text_of(plan, "situation_quantitative", language))
        groups = [
            {
                "key": str(g.key),
                "name_fi": g.name_fi,
                "name_sv": g.name_sv,
                "name_en": g.name_en,
                "description": g.description,
            }
            for g in plan.target_groups.all()
        ]
        chapters = [
            {"key": str(c.key), **{name: getattr(c, name) for name in CHAPTER_FIELDS}}
            for c in plan.chapters.all()
        ]
        _extra(
            root,
            plan,
            PLAN_EXTRA_FIELDS,
            target_groups=groups,
            chapters=chapters,
            milestones=[_values(m, MILESTONE_FIELDS) for m in plan.milestones.all()],
            decision_steps=[_values(d, DECISION_STEP_FIELDS) for d in plan.decision_steps.all()],
            documents=[_values(d, LINKED_DOCUMENT_FIELDS) for d in plan.linked_documents.all()],
        )
        core = _el(root, "StrategicPlanCore")
        municipalities = sorted(
            plan.municipalities.all(), key=lambda m: (m.pk != plan.lead_municipality_id, m.code)
        )
        for municipality in municipalities:
            organisation = _el(core, "Organization")
            _el(organisation, "Name", text_of(municipality, "name", language))
            _el(organisation, "Identifier", f"municipality-{municipality.code}")
        for section in plan_outline(plan=plan):
            if not section.objectives and not section.theme.statutory:
                continue
            theme = section.theme
            goal = _el(core, "Goal")
            _el(goal, "Name", text_of(theme, "name", language))
            _el(goal, "Description", (plan.theme_justifications or {}).get(theme.code, ""))
            _el(goal, "Identifier", f"theme-{theme.code}")
            _el(goal, "SequenceIndicator", theme.order)
            for number, objective in enumerate(section.objectives, start=1):
                _objective(goal, objective, f"{theme.order}.{number}", language)
        admin = _el(root, "AdministrativeInformation")
        _el(admin, "Identifier", f"plan-{plan.lineage}-v{plan.version_number}")
        _el(admin, "StartDate", f"{plan.period_start}-01-01")
        _el(admin, "EndDate", f"{plan.period_end}-12-31")
        if plan.decision_date:
            _el(admin, "PublicationDate", plan.decision_date.isoformat())
        if plan.contact_name or plan.contact_email or plan.contact_phone:
            submitter = _el(root, "Submitter")
            given, _sep, surname = plan.contact_name.partition(" ")
            if given:
                _el(submitter, "GivenName", given)
            if surname:
                _el(submitter, "Surname", surname)
            if plan.contact_phone:
                _el(submitter, "PhoneNumber", plan.contact_phone)
            if plan.contact_email:
                _el(submitter, "EmailAddress", plan.contact_email)
    schema().validate(root)  # a file we write is always a valid StratML file
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
