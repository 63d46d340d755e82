"""Read a StratML Part 2 file into a `PlanDraft` (mapping in `..exporters.stratml`).

The file is validated against the schema first, then read whole; problems name the element (and
its line) so the coordinator can find it. Of the `OtherInformation` fields only those the
exporter writes are read.
"""

import json
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from lxml import etree

from kotoplan.core.text import ascii_digits
from kotoplan.geography.models import Municipality
from kotoplan.planning.models import Plan, Theme
from kotoplan.planning.models.timespans import parse_period

from ..errors import ImportRejected, Problem
from ..exporters.stratml import (
    CHAPTER_FIELDS,
    DECISION_STEP_FIELDS,
    EXTRA_PREFIX,
    INDICATOR_EXTRA,
    LINKED_DOCUMENT_FIELDS,
    MEASURE_EXTRA,
    MILESTONE_FIELDS,
    NS,
    PLAN_EXTRA_FIELDS,
    TEXTS,
    schema,
)
from .common import IndicatorDraft, MeasureDraft, ObjectiveDraft, PlanDraft
from .spreadsheet_parties import resolve_organisation, unresolved_message

Q = f"{{{NS}}}"


def _find(element, name: str) -> str:
    child = element.find(Q + name)
    return (child.text or "").strip() if child is not None else ""


def _extra(element) -> dict:
    text = _find(element, "OtherInformation")
    if not text.startswith(EXTRA_PREFIX):
        return {}
    try:
        value = json.loads(text[len(EXTRA_PREFIX) :])
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _pick(extra: dict, names) -> dict:
    return {name: extra[name] for name in names if name in extra and extra[name] is not None}


def _stakeholders(element, role_type: str) -> list[tuple[str, str]]:
    """(name, role name) of the stakeholders with this RoleType."""
    found = []
    for stakeholder in element.findall(Q + "Stakeholder"):
        for role in stakeholder.findall(Q + "Role"):
            types = [(t.text or "").strip() for t in role.findall(Q + "RoleType")]
            if role_type in types:
                found.append((_find(stakeholder, "Name"), _find(role, "Name")))
    return found


def _decimal(text: str, where, problems: list[Problem]):
    if not text:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        problems.append(Problem(_("not a number: %(value)s") % {"value": text}, column=where))
        return None


def _year(element) -> int | None:
    start = _find(element, "StartDate")
    return int(start[:4]) if ascii_digits(start[:4]) else None


class _Reader:
    def __init__(self, root, language: str):
        self.root = root
        self.language = language
        self.problems: list[Problem] = []
        self.organisations: dict = {}
        self.themes = {t.code: t for t in Theme.objects.all()}
        self.groups: dict[str, dict] = {}
        self.group_by_name: dict[str, str] = {}
        self.chapters: dict[str, dict] = {}
        # The plan's area and period: the parties are found among those it may name.
        self.area: list = []
        self.on = self.until = None

    def where(self, element) -> str:
        return f"{etree.QName(element).localname} ({_('line')} {element.sourceline})"

    def plan(self, lead_municipality) -> PlanDraft:
        root = self.root
        extra = _extra(root)
        data = _pick(extra, PLAN_EXTRA_FIELDS)
        data.setdefault(f"title_{self.language}", _find(root, "Name"))
        admin = root.find(Q + "AdministrativeInformation")
        if admin is not None:
            for name, field in (("StartDate", "period_start"), ("EndDate", "period_end")):
                year = _find(admin, name)[:4]
                if ascii_digits(year):
                    data.setdefault(field, int(year))
        if "period_start" not in data or "period_end" not in data:
            self.problems.append(
                Problem(_("the plan period (AdministrativeInformation StartDate and EndDate)"))
            )
        else:
            try:  # the same reading of a period as the plan form's
                parse_period(f"{data['period_start']}–{data['period_end']}")
            except ValidationError as error:
                self.problems.append(Problem(" ".join(error.messages)))
        for chapter in extra.get("chapters", []) if isinstance(extra.get("chapters"), list) else []:
            key = str(chapter.get("key", ""))
            self.chapters[key] = {
                name: chapter[name] for name in CHAPTER_FIELDS if chapter.get(name) is not None
            }
        for group in extra.get("target_groups", []):
            key = str(group.get("key", ""))
            self.groups[key] = {
                k: group.get(k, "") for k in ("name_fi", "name_sv", "name_en", "description")
            }
            for name in ("name_fi", "name_sv", "name_en"):
                if group.get(name):
                    self.group_by_name.setdefault(group[name], key)
        municipalities = self.municipalities(lead_municipality)
        self.area = municipalities
        if isinstance(data.get("period_start"), int) and isinstance(data.get("period_end"), int):
            self.on = date(data["period_start"], 1, 1)
            self.until = date(data["period_end"], 12, 31)
        draft = PlanDraft(
            lead_municipality=lead_municipality or (municipalities[0] if municipalities else None),
            municipalities=municipalities,
            data=data,
        )
        core = root.find(Q + "StrategicPlanCore")
        for goal in core.findall(Q + "Goal") if core is not None else []:
            draft.objectives.extend(self.goal(goal))
        draft.target_groups = dict(self.groups)
        draft.milestones = self.rows(extra, "milestones", MILESTONE_FIELDS)
        draft.decision_steps = self.rows(extra, "decision_steps", DECISION_STEP_FIELDS)
        draft.linked_documents = self.rows(extra, "documents", LINKED_DOCUMENT_FIELDS)
        draft.chapters = dict(self.chapters)
        if draft.lead_municipality is None:
            self.problems.append(Problem(_("no municipality of the plan is known to Kotoplan")))
        return draft

    def rows(self, extra: dict, key: str, names) -> list[dict]:
        """The steps listed under `key` in the root's OtherInformation, with known fields."""
        found = extra.get(key, [])
        return (
            [_pick(row, names) for row in found if isinstance(row, dict)]
            if isinstance(found, list)
            else []
        )

    def municipalities(self, lead) -> list:
        codes = []
        core = self.root.find(Q + "StrategicPlanCore")
        for organisation in core.findall(Q + "Organization") if core is not None else []:
            identifier = _find(organisation, "Identifier")
            if identifier.startswith("municipality-"):
                codes.append(identifier.removeprefix("municipality-"))
        found = {m.code: m for m in Municipality.objects.filter(code__in=codes)}
        result = [found[c] for c in codes if c in found]
        if lead is not None and lead not in result:
            result.insert(0, lead)
        return result

    def theme(self, goal):
        code = _find(goal, "Identifier").removeprefix("theme-")
        if code in self.themes:
            return self.themes[code]
        name = _find(goal, "Name")
        for theme in self.themes.values():
            if name in (theme.name_fi, theme.name_sv, theme.name_en):
                return theme
        return self.themes.get("other")

    def goal(self, goal) -> list[ObjectiveDraft]:
        theme = self.theme(goal)
        objectives: list[ObjectiveDraft] = []
        sequences: dict[str, ObjectiveDraft] = {}
        for element in goal.findall(Q + "Objective"):
            extra = _extra(element)
            identifier = _find(element, "Identifier")
            sequence = _find(element, "SequenceIndicator")
            parent_sequence = sequence.rsplit(".", 1)[0] if sequence.count(".") >= 2 else ""
            is_measure = extra.get("kind") == "measure" or identifier.startswith("m-")
            if is_measure and parent_sequence in sequences:
                sequences[parent_sequence].measures.append(self.measure(element, extra))
            elif is_measure and objectives:
                objectives[-1].measures.append(self.measure(element, extra))
            else:
                objective = self.objective(element, extra, theme)
                objectives.append(objective)
                if sequence:
                    sequences[sequence] = objective
        return objectives

    def texts(self, element, extra: dict, fields) -> dict:
        data = _pick(extra, fields)
        data.setdefault(f"title_{self.language}", _find(element, "Name"))
        data.setdefault(f"description_{self.language}", _find(element, "Description"))
        return data

    def objective(self, element, extra: dict, theme) -> ObjectiveDraft:
        refs = [str(k) for k in extra.get("target_groups", [])]
        if not refs:
            for name, _role in _stakeholders(element, "Beneficiary"):
                key = self.group_by_name.get(name) or f"name:{name}"
                self.groups.setdefault(key, {f"name_{self.language}": name})
                refs.append(key)
        data = self.texts(element, extra, TEXTS)
        if isinstance(extra.get("order"), int) and extra["order"] >= 0:
            data["order"] = extra["order"]
        draft = ObjectiveDraft(
            theme=theme,
            data=data,
            target_group_refs=refs,
            chapter_ref=str(extra.get("chapter") or ""),
            additional_themes=[
                self.themes[code]
                for code in extra.get("additional_themes", [])
                if code in self.themes and self.themes[code] != theme
            ],
        )
        for indicator in element.findall(Q + "PerformanceIndicator"):
            draft.indicators.append(self.indicator(indicator))
        return draft

    def measure(self, element, extra: dict) -> MeasureDraft:
        draft = MeasureDraft(
            ref=_find(element, "Identifier"), data=self.texts(element, extra, MEASURE_EXTRA)
        )
        for name, role in _stakeholders(element, "Performer"):
            resolution = resolve_organisation(
                name, self.organisations, municipalities=self.area, on=self.on, until=self.until
            )
            organisation = resolution.match
            if organisation is None:
                self.problems.append(
                    Problem(unresolved_message(name, resolution), column=self.where(element))
                )
            elif role == "responsible" and draft.responsible is None:
                draft.responsible = organisation
            elif role == "co-responsible":
                if organisation not in draft.co_responsible:
                    draft.co_responsible.append(organisation)
            else:
                draft.partners.append(organisation)
        return draft

    def indicator(self, element) -> IndicatorDraft:
        extra = _extra(element)
        data = _pick(extra, INDICATOR_EXTRA)
        data.setdefault(f"name_{self.language}", _find(element, "MeasurementDimension"))
        data["unit"] = _find(element, "UnitOfMeasurement")
        where = self.where(element)
        for instance in element.findall(Q + "MeasurementInstance"):
            for tag, prefix in (("TargetResult", "target"), ("ActualResult", "baseline")):
                result = instance.find(Q + tag)
                if result is not None:
                    data[f"{prefix}_value"] = _decimal(
                        _find(result, "NumberOfUnits"), where, self.problems
                    )
                    data[f"{prefix}_year"] = _year(result)
                    described = _find(result, "Description")
                    if prefix == "target" and described and described != "target":
                        # A worded target, in a file from elsewhere.
                        data.setdefault(f"target_text_{self.language}", described)
        measure_ref = ""
        for relationship in element.findall(Q + "Relationship"):
            measure_ref = _find(relationship, "ReferentIdentifier") or measure_ref
        return IndicatorDraft(data=data, measure_ref=measure_ref)


def stratml_read(content: bytes, *, language: str = "fi", lead_municipality=None) -> PlanDraft:
    """Parse and check a StratML Part 2 file; ImportRejected lists every problem found."""
    try:
        root = etree.fromstring(content, parser=etree.XMLParser(resolve_entities=False))
    except etree.XMLSyntaxError as error:
        raise ImportRejected([Problem(_("not well-formed XML: %(e)s") % {"e": error})]) from error
    if root.tag != Q + "PerformancePlanOrReport":
        raise ImportRejected([Problem(_("not a StratML Part 2 (PerformancePlanOrReport) file"))])
    errors = list(schema().iter_errors(root))
    if errors:
        raise ImportRejected(
            [
                Problem(
                    _("line %(line)s, %(path)s: %(reason)s")
                    % {"line": e.sourceline, "path": e.path, "reason": e.reason}
                )
                for e in errors
            ]
        )
    reader = _Reader(root, language)
    draft = reader.plan(lead_municipality)
    if reader.problems:
        raise ImportRejected(reader.problems)
    draft.data.setdefault("languages", [language])
    draft.data.pop("state", None)
    draft.data = {k: v for k, v in draft.data.items() if k in {f.name for f in Plan._meta.fields}}
    return draft
