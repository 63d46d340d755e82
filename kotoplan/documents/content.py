"""The plan as a document: one language-resolved structure that every exporter renders.

DOCX, PDF, the chapter export and the public page all read `plan_document(...)`, so they say
the same thing in the same order. Texts written in another language than the one asked for
are kept with their language code so renderers can mark them (`lang`).
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils import formats, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from kotoplan.core.models import CONTENT_LANGUAGES, translated
from kotoplan.planning.models import Measure, Plan
from kotoplan.planning.selectors import plan_outline


@dataclass
class Text:
    """A text and the language it is written in ("" when empty)."""

    value: str
    lang: str

    def __bool__(self) -> bool:
        return bool(self.value.strip())

    def __str__(self) -> str:
        return self.value


@dataclass
class MeasureRow:
    title: Text
    description: Text
    responsible: str
    partners: list[str]
    schedule: str
    status: str
    resources: str


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
    measures: list[MeasureRow] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)


@dataclass
class ThemeBlock:
    code: str
    name: str
    statutory: bool
    justification: str
    objectives: list[ObjectiveBlock] = field(default_factory=list)


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
    adopted: bool

    @property
    def indicators(self) -> list[IndicatorRow]:
        return [i for t in self.themes for o in t.objectives for i in o.indicators]


def normalise_language(value: str | None, plan: Plan | None = None) -> str:
    """A content language; the plan's first language when none or an unknown one is asked."""
    if value in CONTENT_LANGUAGES:
        return value
    for code in (plan.languages if plan else None) or ["fi"]:
        if code in CONTENT_LANGUAGES:
            return code
    return "fi"


def _text(obj, name: str, language: str) -> Text:
    value, code = translated(obj, name, language)
    return Text(value, code if value else "")


def _name(obj, language: str) -> str:
    return translated(obj, "name", language)[0] if obj is not None else ""


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


def _objective(objective, language: str) -> ObjectiveBlock:
    title = _text(objective, "title", language)
    block = ObjectiveBlock(
        title=title,
        description=_text(objective, "description", language),
        target_groups=[_name(g, language) for g in objective.target_groups.all()],
    )
    for measure in objective.measures.all():
        block.measures.append(
            MeasureRow(
                title=_text(measure, "title", language),
                description=_text(measure, "description", language),
                responsible=_responsible(measure, language),
                partners=[_name(p, language) for p in measure.partners.all()],
                schedule=_schedule(measure),
                status=measure.get_status_display(),
                resources=measure.resources,
            )
        )
    for indicator in objective.indicators.all():
        source = indicator.get_source_display()
        if indicator.source_code:
            source = f"{source}: {indicator.source_code}"
        block.indicators.append(
            IndicatorRow(
                objective=title,
                name=_text(indicator, "name", language),
                unit=indicator.unit,
                baseline=_with_year(indicator.baseline_value, indicator.baseline_year),
                target=_with_year(indicator.target_value, indicator.target_year),
                direction=indicator.get_direction_display(),
                source=source,
            )
        )
    return block


def _yes_no(value: bool) -> str:
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
        field = Plan._meta.get_field
        themes = []
        for section in plan_outline(plan=plan):
            theme = section.theme
            themes.append(
                ThemeBlock(
                    code=theme.code,
                    name=_name(theme, language),
                    statutory=theme.statutory,
                    justification=(plan.theme_justifications or {}).get(theme.code, ""),
                    objectives=[_objective(o, language) for o in section.objectives],
                )
            )
        coordinating = plan.coordinating_authority or _name(plan.coordinating_unit, language)
        contact = ", ".join(
            p for p in (plan.contact_name, plan.contact_email, plan.contact_phone) if p
        )
        basics = _pairs(
            [
                (field("form").verbose_name, plan.get_form_display()),
                (field("host_document_name").verbose_name, plan.host_document_name),
                (field("host_document_url").verbose_name, plan.host_document_url),
                (field("host_document_approval").verbose_name, plan.host_document_approval),
                (
                    _("Mainstreaming into municipal strategy"),
                    _text(plan, "mainstreaming", language),
                ),
                (field("coordinating_authority").verbose_name, coordinating),
                (field("contact_name").verbose_name, contact),
                (field("programme_mode").verbose_name, plan.get_programme_mode_display()),
                (field("programme_url").verbose_name, plan.programme_url),
                (field("programme_note").verbose_name, plan.programme_note),
                (
                    field("covers_all_immigrants").verbose_name,
                    _yes_no(plan.covers_all_immigrants),
                ),
                (
                    field("covers_good_relations").verbose_name,
                    _yes_no(plan.covers_good_relations),
                ),
            ]
        )
        cooperation = _pairs(
            [
                (field("has_cooperation_group").verbose_name, _yes_no(plan.has_cooperation_group)),
                (field("cooperation_group_note").verbose_name, plan.cooperation_group_note),
                (field("participation_evidence").verbose_name, plan.participation_evidence),
                (field("county_coordination").verbose_name, plan.county_coordination),
                (
                    field("employment_area_coordination").verbose_name,
                    plan.employment_area_coordination,
                ),
                (field("authority_contacted_on").verbose_name, _day(plan.authority_contacted_on)),
            ]
        )
        monitoring = _pairs(
            [
                (field("monitoring_cycle").verbose_name, plan.get_monitoring_cycle_display()),
                (field("monitoring_description").verbose_name, plan.monitoring_description),
            ]
        )
        decision = _pairs(
            [
                (field("decision_body").verbose_name, plan.decision_body),
                (field("decision_date").verbose_name, _day(plan.decision_date)),
                (field("decision_reference").verbose_name, plan.decision_reference),
                (field("decision_url").verbose_name, plan.decision_url),
            ]
        )
        return PlanDocument(
            language=language,
            title=_text(plan, "title", language),
            municipalities=[_name(m, language) for m in plan.municipalities.all()],
            period=f"{plan.period_start}–{plan.period_end}",
            state=plan.get_state_display(),
            version=plan.version_number,
            basics=basics,
            situation_figures=_text(plan, "situation_quantitative", language),
            situation_needs=_text(plan, "situation_qualitative", language),
            themes=themes,
            cooperation=cooperation,
            monitoring=monitoring,
            decision=decision,
            adopted=plan.state == Plan.State.ADOPTED,
        )


def table_labels() -> dict[str, str]:
    """Column labels the HTML templates take from existing model field names."""
    return {
        "objective": capfirst(_("objective")),
        "unit": capfirst(_("unit")),
        "direction": capfirst(_("desired direction")),
    }
