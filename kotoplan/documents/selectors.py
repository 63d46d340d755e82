"""Reads for documents: published plans, and a plan as one language-resolved document.

Published plans are the adopted ones; nothing else is public. DOCX, PDF, the chapter export and
the public page all read `plan_document(...)`, so they say the same thing in the same order.
Texts written in another language than the one asked for are `Text`s that know it, so
renderers can mark them (`lang`).
"""

import hashlib
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404
from django.utils import formats, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from kotoplan.core.languages import content_languages
from kotoplan.core.text import Text, text_of
from kotoplan.planning.models import Measure, Plan
from kotoplan.planning.selectors import chapter_sections, plan_content_state, plan_outline

from .importers.spreadsheet import Checked, spreadsheet_check
from .models import PlanImport


def published_plans(*, municipality_code: str | None = None) -> QuerySet[Plan]:
    """Adopted plans (drafts, plans in consultation or awaiting decision, superseded: never)."""
    plans = Plan.objects.with_outline().filter(state=Plan.State.ADOPTED)
    if municipality_code:  # a subquery, not DISTINCT over the plans' long texts (10 ms)
        links = Plan.municipalities.through.objects.filter(municipality__code=municipality_code)
        plans = plans.filter(pk__in=links.values("plan_id"))
    return plans.order_by("lead_municipality__code", "period_start", "pk")


def public_plan_get(*, municipality_code: str, start: int, end: int) -> Plan:
    """The adopted plan of a municipality for a period; 404 for anything not published."""
    plan = (
        published_plans(municipality_code=municipality_code)
        .filter(period_start=start, period_end=end)
        .order_by("-version_number")
        .first()
    )
    if plan is None:
        raise Http404
    return plan


# Part of every stored file's fingerprint: raise it when the files' layout changes, so that
# files stored before an upgrade are made again.
EXPORT_LAYOUT = 1


def plan_export_fingerprint(*, plan: Plan) -> str:
    """What identifies the plan's content as its files show it (`plan_content_state`), with the
    files' layout."""
    state = f"{EXPORT_LAYOUT}|{plan_content_state(plan=plan)}"
    return hashlib.sha256(state.encode()).hexdigest()[:32]


def plan_languages(plan: Plan) -> list[str]:
    """The content languages the plan is published in, in its order (Finnish when none)."""
    available = content_languages()
    return [code for code in plan.languages or [] if code in available] or [settings.LANGUAGE_CODE]


# --- the plan as a document ----------------------------------------------------------------


@dataclass
class MeasureRow:
    title: Text
    description: Text
    responsible: str
    partners: list[str]
    co_responsible: list[str]
    schedule: str
    status: str
    based_on: str = ""  # "Based on: <municipality> <plan>" when copied from another plan


@dataclass
class IndicatorRow:
    objective: Text
    name: Text
    unit: str
    baseline: str
    target: str
    direction: str
    source: str


@dataclass
class ObjectiveBlock:
    title: Text
    description: Text
    target_groups: list[str]
    measures: list[MeasureRow]
    indicators: list[IndicatorRow]
    theme: str = ""
    additional_themes: list[str] = field(default_factory=list)
    chapter: str = ""
    themes_line: str = ""  # the statutory themes it serves, where the heading does not say


@dataclass
class ThemeBlock:
    code: str
    name: str
    statutory: bool
    justification: str
    objectives: list[ObjectiveBlock]
    also: list[Text] = field(default_factory=list)  # objectives with this additional theme

    @property
    def covered(self) -> bool:
        return bool(self.objectives or self.also)


@dataclass
class DecisionRow:
    date: str
    body: str
    kind: str
    section: str
    case_number: str
    outcome: str
    minutes_url: str


@dataclass
class PlanDocument:
    language: str
    title: Text
    municipalities: list[str]
    period: str
    state: str
    version: int
    basics: list[tuple[str, str]]
    situation_figures: Text
    situation_needs: Text
    themes: list[ThemeBlock]
    cooperation: list[tuple[str, str]]
    monitoring: list[tuple[str, str]]
    decision: list[tuple[str, str]]
    decision_trail: list[DecisionRow] = field(default_factory=list)
    # The documents linked to the plan: (title, web address), the plan document first.
    documents: list[tuple[str, str]] = field(default_factory=list)
    # The plan's own chapters (ThemeBlocks with code "chapter-<n>"), when it has them.
    chapters: list[ThemeBlock] = field(default_factory=list)

    @property
    def groups(self) -> list[ThemeBlock]:
        """How the objectives are listed: by the plan's own chapters when it has them (then
        the statutory themes it leaves empty, with their reasons), by theme otherwise."""
        if not self.chapters:
            return self.themes
        left_out = [t for t in self.themes if t.statutory and not t.covered]
        return [*self.chapters, *left_out]

    @property
    def indicators(self) -> list[IndicatorRow]:
        return [i for t in self.groups for o in t.objectives for i in o.indicators]


def _name(obj, language: str) -> str:
    return text_of(obj, "name", language).value if obj is not None else ""


def _day(value: date | None) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT") if value else ""


def _number(value) -> str:
    if value is None:
        return ""
    text = f"{value.normalize():f}" if hasattr(value, "normalize") else str(value)
    return formats.number_format(text, use_l10n=True) if "." in text else text


def _with_year(value, year) -> str:
    number = _number(value)
    if number and year:
        return f"{number} ({year})"
    return number or (str(year) if year else "")


def _schedule(measure: Measure) -> str:
    parts = [p for p in (_day(measure.schedule_start), _day(measure.schedule_end)) if p]
    text = "–".join(parts)
    if measure.schedule_text.strip():  # as written in the plan, beside any exact dates
        text = f"{measure.schedule_text.strip()} ({text})" if text else measure.schedule_text
    if measure.schedule_note:
        text = f"{text}, {measure.schedule_note}" if text else measure.schedule_note
    return text


def _responsible(measure: Measure, language: str) -> str:
    parts = [
        _name(measure.responsible_organisation, language),
        measure.responsible_unit,
        measure.responsible_contact,
    ]
    return ", ".join(p for p in parts if p)


def _measure_row(measure, language: str) -> MeasureRow:
    return MeasureRow(
        title=text_of(measure, "title", language),
        description=text_of(measure, "description", language),
        responsible=_responsible(measure, language),
        partners=[_name(p, language) for p in measure.partners.all()],
        co_responsible=[_name(p, language) for p in measure.co_responsible.all()],
        schedule=_schedule(measure),
        status=measure.get_status_display(),
        based_on=_based_on(measure, language),
    )


def _based_on(measure, language: str) -> str:
    """The origin of a measure copied from another municipality's plan, in one line."""
    if not measure.reused_from_id:
        return ""
    plan = measure.reused_from.objective.plan
    return _("Based on: {municipality} {plan} {start}–{end}").format(
        municipality=text_of(plan.lead_municipality, "name", language),
        plan=text_of(plan, "title", language),
        start=plan.period_start,
        end=plan.period_end,
    )


def _indicator_row(indicator, objective_title: Text, language: str) -> IndicatorRow:
    source = indicator.get_source_display()
    if indicator.source_code:
        source = f"{source}: {indicator.source_code}"
    target = _with_year(indicator.target_value, indicator.target_year)
    worded = text_of(indicator, "target_text", language)
    if worded:
        if indicator.target_value is not None:
            target = f"{target}; {worded}"
        else:
            target = f"{worded} ({indicator.target_year})" if indicator.target_year else str(worded)
    return IndicatorRow(
        objective=objective_title,
        name=text_of(indicator, "name", language),
        unit=indicator.unit,
        baseline=_with_year(indicator.baseline_value, indicator.baseline_year),
        target=target,
        direction=indicator.get_direction_display(),
        source=source,
    )


def _themes_line(block: ObjectiveBlock, chaptered: bool) -> str:
    also = ", ".join(block.additional_themes)
    if chaptered:
        line = _("Statutory theme: %(theme)s") % {"theme": block.theme}
        return f"{line}; {_('also')}: {also}" if also else line
    return _("Also serves: %(themes)s") % {"themes": also} if also else ""


def _objective(objective, language: str, chaptered: bool = False) -> ObjectiveBlock:
    title = text_of(objective, "title", language)
    block = ObjectiveBlock(
        title=title,
        description=text_of(objective, "description", language),
        target_groups=[_name(g, language) for g in objective.target_groups.all()],
        measures=[_measure_row(m, language) for m in objective.measures.all()],
        indicators=[_indicator_row(i, title, language) for i in objective.indicators.all()],
        theme=_name(objective.theme, language),
        additional_themes=[
            _name(t, language)
            for t in objective.additional_themes.all()
            if t.pk != objective.theme_id
        ],
        chapter=str(text_of(objective.chapter, "title", language)) if objective.chapter else "",
    )
    block.themes_line = _themes_line(block, chaptered)
    return block


def _yes_no(value: bool | None) -> str:
    if value is None:
        return _("Not answered")
    return capfirst(_("yes") if value else _("no"))


def _pairs(items) -> list[tuple[str, str]]:
    return [
        (capfirst(str(label)), str(value))
        for label, value in items
        if value is not None and str(value).strip()
    ]


def plan_document(*, plan: Plan, language: str) -> PlanDocument:
    """Everything a plan document shows, with labels in `language`."""
    with translation.override(language):
        label = Plan._meta.get_field
        themes = []
        sections = plan_outline(plan=plan)
        for section in sections:
            theme = section.theme
            themes.append(
                ThemeBlock(
                    code=theme.code,
                    name=_name(theme, language),
                    statutory=theme.statutory,
                    justification=(plan.theme_justifications or {}).get(theme.code, ""),
                    objectives=[_objective(o, language) for o in section.objectives],
                    also=[text_of(o, "title", language) for o in section.also],
                )
            )
        chapters = [
            ThemeBlock(
                code=f"chapter-{number}",
                name=str(text_of(cs.chapter, "title", language))
                if cs.chapter
                else _("Objectives in no chapter"),
                statutory=False,
                justification="",
                objectives=[_objective(o, language, chaptered=True) for o in cs.objectives],
            )
            for number, cs in enumerate(
                chapter_sections(sections=sections, chapters=list(plan.chapters.all())), start=1
            )
        ]
        coordinating = plan.coordinating_authority or _name(plan.coordinating_unit, language)
        contact = ", ".join(
            p for p in (plan.contact_name, plan.contact_email, plan.contact_phone) if p
        )
        basics = _pairs(
            [
                (label("form").verbose_name, plan.get_form_display()),
                (label("host_document_name").verbose_name, plan.host_document_name),
                (label("host_document_url").verbose_name, plan.host_document_url),
                (label("host_document_approval").verbose_name, plan.host_document_approval),
                (
                    _("Mainstreaming into municipal strategy"),
                    text_of(plan, "mainstreaming", language),
                ),
                (label("coordinating_authority").verbose_name, coordinating),
                (label("contact_name").verbose_name, contact),
                (label("programme_mode").verbose_name, plan.get_programme_mode_display()),
                (label("programme_url").verbose_name, plan.programme_url),
                (label("programme_note").verbose_name, plan.programme_note),
                (
                    label("covers_all_immigrants").verbose_name,
                    _yes_no(plan.covers_all_immigrants),
                ),
                (
                    label("covers_good_relations").verbose_name,
                    _yes_no(plan.covers_good_relations),
                ),
            ]
        )
        cooperation = _pairs(
            [
                (label("has_cooperation_group").verbose_name, _yes_no(plan.has_cooperation_group)),
                (label("cooperation_group_note").verbose_name, plan.cooperation_group_note),
                (label("participation_evidence").verbose_name, plan.participation_evidence),
                (label("county_coordination").verbose_name, plan.county_coordination),
                (
                    label("employment_area_coordination").verbose_name,
                    plan.employment_area_coordination,
                ),
                (label("authority_contacted_on").verbose_name, _day(plan.authority_contacted_on)),
            ]
        )
        monitoring = _pairs(
            [
                (label("monitoring_cycle").verbose_name, plan.get_monitoring_cycle_display()),
                (label("monitoring_description").verbose_name, plan.monitoring_description),
            ]
        )
        decision = _pairs(
            [
                (label("legal_basis").verbose_name, plan.get_legal_basis_display()),
                (label("document_url").verbose_name, plan.document_url),
                (label("decision_body").verbose_name, plan.decision_body),
                (label("decision_date").verbose_name, _day(plan.decision_date)),
                (label("decision_reference").verbose_name, plan.decision_reference),
                (label("decision_url").verbose_name, plan.decision_url),
            ]
        )
        return PlanDocument(
            language=language,
            title=text_of(plan, "title", language),
            municipalities=[_name(m, language) for m in plan.municipalities.all()],
            period=f"{plan.period_start}–{plan.period_end}",
            state=plan.get_state_display(),
            version=plan.version_number,
            basics=basics,
            situation_figures=text_of(plan, "situation_quantitative", language),
            situation_needs=text_of(plan, "situation_qualitative", language),
            themes=themes,
            chapters=chapters,
            cooperation=cooperation,
            monitoring=monitoring,
            decision=decision,
            decision_trail=[
                DecisionRow(
                    date=_day(step.decided_on),
                    body=step.body_name,
                    kind=step.get_body_kind_display(),
                    section=step.section,
                    case_number=step.case_number,
                    outcome=step.get_outcome_display(),
                    minutes_url=step.minutes_url,
                )
                for step in plan.decision_steps.all()
            ],
            documents=[
                *([(_("The plan document"), plan.document_url)] if plan.document_url else []),
                *((d.title, d.url) for d in plan.linked_documents.all()),
            ],
        )


def table_labels() -> dict[str, str]:
    """Column labels the HTML templates take from existing model field names."""
    return {
        "objective": capfirst(_("objective")),
        "unit": capfirst(_("unit")),
        "direction": capfirst(_("desired direction")),
    }


def plan_import_get_for_user(*, user, plan_import_id: int):
    """An uploaded plan spreadsheet; only its uploader sees it (404 for everyone else)."""
    found = PlanImport.objects.select_related("lead_municipality", "plan").filter(
        pk=plan_import_id, owner=user if user.is_authenticated else None
    )
    plan_import = found.first()
    if plan_import is None:
        raise Http404
    return plan_import


def plan_import_check(*, plan_import) -> Checked | None:
    """What the kept file would create, checked again now (in the current language); None when
    the file has been removed."""
    if plan_import.purged_at is not None:
        return None
    return spreadsheet_check(
        bytes(plan_import.content),
        filename=plan_import.file_name,
        lead_municipality=plan_import.lead_municipality,
        data=plan_import.plan_data,
    )


def draft_counts(draft) -> dict:
    return {
        "objectives": len(draft.objectives),
        "measures": sum(len(o.measures) for o in draft.objectives),
        "indicators": sum(len(o.indicators) for o in draft.objectives),
    }
