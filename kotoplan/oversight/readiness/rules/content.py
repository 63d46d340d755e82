"""The checks of the readiness rules on the content of the plan: plain functions of the plan
context, listed with their texts in the rule set (`ruleset`)."""

from django.utils.translation import gettext_lazy as _

from kotoplan.core.models import has_text
from kotoplan.planning.models import Objective, Plan

from .checks import filled
from .context import PlanContext
from .registry import Result, missing, passed


def has_complete_indicator(objective: Objective) -> bool:
    """An indicator of the objective has both a baseline value and a target: a target value or a
    worded target ("decreases and approaches the population average")."""
    return any(
        i.baseline_value is not None and (i.target_value is not None or has_text(i, "target_text"))
        for i in objective.indicators.all()
    )


def themes_covered(ctx: PlanContext) -> Result:
    justified = ctx.plan.theme_justifications or {}
    statutory_sections = [s for s in ctx.sections if s.theme.statutory]
    # An objective covers its primary theme and its additional themes.
    left_out = [s.theme.code for s in statutory_sections if not s.covered]
    uncovered = [code for code in left_out if not str(justified.get(code, "")).strip()]
    if uncovered:
        return missing(
            _("No objective and no written reason for: %(themes)s."),
            themes=uncovered,
            anchor=f"theme-{uncovered[0]}",
            field=f"justification_{uncovered[0]}",
        )
    if left_out:
        return passed(_("Covered; a reason is written for: %(themes)s."), themes=left_out)
    return passed(_("Every statutory theme has an objective."))


def cooperation_partners(ctx: PlanContext) -> Result:
    with_partners = [m for m in ctx.measures if m.partners.all()]
    if not with_partners:
        return missing(_("No measure names cooperation partners."))
    return passed(
        _("%(count)s of %(total)s measures name cooperation partners."),
        count=len(with_partners),
        total=len(ctx.measures),
    )


def coordinating_authority(ctx: PlanContext) -> Result:
    named = ctx.plan.coordinating_unit_id or ctx.plan.coordinating_authority.strip()
    return filled(
        (named, _("No coordinating authority is named.")),
        done=_("The coordinating authority is named."),
    )


def integration_programme(ctx: PlanContext) -> Result:
    plan = ctx.plan
    if plan.programme_mode == Plan.Programme.INCORPORATED:
        return passed(_("The integration programme is incorporated into the plan."))
    if plan.programme_mode != Plan.Programme.LINKED:
        return missing(_("The plan does not say how the integration programme is handled."))
    return filled(
        (
            plan.programme_url,
            _("The plan refers to the programme but gives no link to it."),
            "programme_url",
        ),
        done=_("The plan links to the integration programme."),
    )


def situation_picture(ctx: PlanContext) -> Result:
    figures = has_text(ctx.plan, "situation_quantitative")
    words = has_text(ctx.plan, "situation_qualitative")
    if not (figures or words):
        return missing(_("No situation picture yet."))
    return filled(
        (figures, _("The figures are missing.")),
        (words, _("The qualitative part is missing."), "situation_qualitative_fi"),
        done=_("Both the figures and the qualitative part are written."),
    )


def scope_answered(ctx: PlanContext) -> Result:
    """Both scope questions answered, and answered yes: an unanswered one never passes."""
    plan = ctx.plan
    questions = (
        (
            "covers_all_immigrants",
            _("Not answered whether the plan covers all immigrants living in the municipality."),
            _("The plan does not cover all immigrants living in the municipality."),
        ),
        (
            "covers_good_relations",
            _("Not answered whether the plan covers good relations between population groups."),
            _("The plan does not cover good relations between population groups."),
        ),
    )
    for name, unanswered, not_covered in questions:
        value = getattr(plan, name)
        if value is None:
            return missing(unanswered, field=name)
        if not value:
            return missing(not_covered, field=name)
    return passed(_("Both are covered."))
