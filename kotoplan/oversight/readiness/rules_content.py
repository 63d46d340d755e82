"""Readiness rules on the content of the plan. Each is a plain function of the plan context;
add one by writing a function with the `rule` decorator (and bump RULESET_VERSION)."""

from django.utils.translation import gettext_lazy as _

from kotoplan.core.models import translated
from kotoplan.planning.models import Plan

from .context import PlanContext
from .registry import Basis, Level, Result, missing, passed, rule

ACT, CHECKLIST = Basis.ACT, Basis.CHECKLIST
STATUTORY, RECOMMENDATION = Level.STATUTORY, Level.RECOMMENDATION
EDIT = "planning:plan_edit"


def _has_text(plan: Plan, name: str) -> bool:
    return bool(translated(plan, name)[0].strip())


def _titles(objects, field: str = "title") -> list[str]:
    return [translated(obj, field)[0] or str(obj.pk) for obj in objects]


@rule(
    "R01-themes-covered",
    title=_("All five statutory themes are covered"),
    explanation=_(
        "Each statutory theme has at least one objective, or the plan gives a written reason "
        "for leaving the theme out."
    ),
    basis=ACT,
    level=STATUTORY,
    anchor="themes",
    fix_url=EDIT,
)
def themes_covered(ctx: PlanContext) -> Result:
    justified = ctx.plan.theme_justifications or {}
    uncovered = [
        section.theme
        for section in ctx.sections
        if section.theme.statutory
        and not section.objectives
        and not str(justified.get(section.theme.code, "")).strip()
    ]
    if uncovered:
        first = uncovered[0].code
        return missing(
            _("No objective and no written reason for: %(themes)s."),
            themes=[theme.code for theme in uncovered],
            anchor=f"theme-{first}",
            field=f"justification_{first}",
        )
    left_out = [s.theme.code for s in ctx.sections if s.theme.statutory and not s.objectives]
    if left_out:
        return passed(_("Covered; a reason is written for: %(themes)s."), themes=left_out)
    return passed(_("Every statutory theme has an objective."))


@rule(
    "R02-objectives-have-measures",
    title=_("Every objective has a measure"),
    explanation=_("The plan records the measures by which each objective is pursued."),
    basis=ACT,
    level=STATUTORY,
    anchor="themes",
)
def objectives_have_measures(ctx: PlanContext) -> Result:
    if not ctx.objectives:
        return missing(_("The plan has no objectives yet."))
    lacking = [o for o in ctx.objectives if not o.measures.all()]
    if lacking:
        return missing(
            _("Objectives without a measure: %(items)s."),
            items=_titles(lacking),
            anchor=f"objective-{lacking[0].pk}",
        )
    return passed(_("Every objective has at least one measure."))


@rule(
    "R03-objectives-have-indicators",
    title=_("Every objective has an indicator with a baseline and a target"),
    explanation=_(
        "Monitoring needs at least one indicator per objective, with a baseline value and a "
        "target value."
    ),
    basis=ACT,
    level=STATUTORY,
    anchor="themes",
)
def objectives_have_indicators(ctx: PlanContext) -> Result:
    if not ctx.objectives:
        return missing(_("The plan has no objectives yet."))
    lacking = [
        o
        for o in ctx.objectives
        if not any(
            i.baseline_value is not None and i.target_value is not None for i in o.indicators.all()
        )
    ]
    if lacking:
        return missing(
            _("Objectives without an indicator that has a baseline and a target: %(items)s."),
            items=_titles(lacking),
            anchor=f"objective-{lacking[0].pk}",
        )
    return passed(_("Every objective has an indicator with a baseline and a target."))


@rule(
    "R04-measures-have-responsible-party",
    title=_("Every measure has a responsible party"),
    explanation=_("The plan names who is responsible for carrying out each measure."),
    basis=ACT,
    level=STATUTORY,
    anchor="themes",
)
def measures_have_responsible(ctx: PlanContext) -> Result:
    if not ctx.measures:
        return missing(_("The plan has no measures yet."))
    lacking = [m for m in ctx.measures if m.responsible_organisation_id is None]
    if lacking:
        return missing(
            _("Measures without a responsible party: %(items)s."),
            items=_titles(lacking),
            anchor=f"measure-{lacking[0].pk}",
        )
    return passed(_("Every measure has a responsible party."))


@rule(
    "R05-cooperation-partners",
    title=_("Cooperation partners are recorded"),
    explanation=_("The plan records with whom the measures are carried out."),
    basis=ACT,
    level=STATUTORY,
    anchor="themes",
)
def cooperation_partners(ctx: PlanContext) -> Result:
    with_partners = [m for m in ctx.measures if m.partners.all()]
    if not with_partners:
        return missing(_("No measure names cooperation partners."))
    return passed(
        _("%(count)s of %(total)s measures name cooperation partners."),
        count=len(with_partners),
        total=len(ctx.measures),
    )


@rule(
    "R06-coordinating-authority",
    title=_("The coordinating authority is named"),
    explanation=_("The plan names the municipal authority that coordinates the planning."),
    basis=CHECKLIST,
    level=RECOMMENDATION,
    anchor="plan-basics",
    fix_url=EDIT,
    fix_field="coordinating_authority",
)
def coordinating_authority(ctx: PlanContext) -> Result:
    plan = ctx.plan
    if plan.coordinating_unit_id or plan.coordinating_authority.strip():
        return passed(_("The coordinating authority is named."))
    return missing(_("No coordinating authority is named."))


@rule(
    "R07-county-coordination",
    title=_("Coordination with the wellbeing services county is recorded"),
    explanation=_(
        "The plan describes how it is coordinated with the services of the wellbeing services "
        "county."
    ),
    basis=ACT,
    level=STATUTORY,
    anchor="plan-basics",
    fix_url=EDIT,
    fix_field="county_coordination",
)
def county_coordination(ctx: PlanContext) -> Result:
    if ctx.plan.county_coordination.strip():
        return passed(_("The coordination is described."))
    return missing(_("The coordination with the county is not described."))


@rule(
    "R08-integration-programme",
    title=_("The integration programme is referred to or incorporated"),
    explanation=_(
        "The plan refers to the integration programme as a separate document or includes it."
    ),
    basis=ACT,
    level=STATUTORY,
    anchor="plan-basics",
    fix_url=EDIT,
    fix_field="programme_mode",
)
def integration_programme(ctx: PlanContext) -> Result:
    plan = ctx.plan
    if plan.programme_mode == Plan.Programme.INCORPORATED:
        return passed(_("The integration programme is incorporated into the plan."))
    if plan.programme_mode == Plan.Programme.LINKED:
        if plan.programme_url:
            return passed(_("The plan links to the integration programme."))
        return missing(
            _("The plan refers to the programme but gives no link to it."), field="programme_url"
        )
    return missing(_("The plan does not say how the integration programme is handled."))


@rule(
    "R09-scope",
    title=_("The plan covers all immigrants and good relations"),
    explanation=_(
        "The planning concerns all immigrants living in the municipality and good relations "
        "between all population groups."
    ),
    basis=ACT,
    level=STATUTORY,
    anchor="plan-basics",
    fix_url=EDIT,
    fix_field="covers_all_immigrants",
)
def scope(ctx: PlanContext) -> Result:
    plan = ctx.plan
    if not plan.covers_all_immigrants:
        return missing(_("The plan does not cover all immigrants living in the municipality."))
    if not plan.covers_good_relations:
        return missing(
            _("The plan does not cover good relations between population groups."),
            field="covers_good_relations",
        )
    return passed(_("Both are covered."))


@rule(
    "R10-situation-picture",
    title=_("A situation picture with figures and qualitative content exists"),
    explanation=_(
        "The plan describes immigration in the municipality in figures and in words: needs, "
        "reception and views."
    ),
    basis=CHECKLIST,
    level=RECOMMENDATION,
    anchor="situation",
    fix_url="planning:plan_situation",
    fix_field="situation_quantitative_fi",
)
def situation_picture(ctx: PlanContext) -> Result:
    figures = _has_text(ctx.plan, "situation_quantitative")
    words = _has_text(ctx.plan, "situation_qualitative")
    if figures and words:
        return passed(_("Both the figures and the qualitative part are written."))
    if figures:
        return missing(_("The qualitative part is missing."), field="situation_qualitative_fi")
    if words:
        return missing(_("The figures are missing."))
    return missing(_("No situation picture yet."))
