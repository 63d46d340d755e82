"""Which rules apply to a plan, by the act it was made under (`Plan.legal_basis`).

Plans made under Act 681/2023 are checked against every rule. Integration programmes made under
the earlier Act 1386/2010 are checked against the smaller set below: the duties that Act also
laid on the municipality (measures with responsible parties and partners, approval by the
council, monitoring). That selection is this product's reading of the earlier Act [unverified]:
it is data, changed here without touching the rules. A historical record (an earlier adopted
plan entered afterwards) is checked against no rule.
"""

from django.utils.translation import gettext_lazy as _

from kotoplan.planning.models import Plan

from .registry import Result, Rule, not_applicable

EVERY_RULE = None
RULES_BY_BASIS: dict[str, frozenset[str] | None] = {
    Plan.LegalBasis.ACT_2023: EVERY_RULE,
    Plan.LegalBasis.ACT_2010: frozenset(
        {
            "R02-objectives-have-measures",
            "R04-measures-have-responsible-party",
            "R05-cooperation-partners",
            "R15-decision-recorded",
            "R16-monitoring-cycle",
            "R17-monitoring-not-overdue",
        }
    ),
}

HISTORICAL = _(
    "A historical record of an earlier adopted plan: the readiness rules do not apply to it."
)
OTHER_BASIS = _("Not a requirement for a plan made under Act %(basis)s.")


def exemption(rule: Rule, plan: Plan) -> Result | None:
    """Why the rule does not apply to the plan, or None when it does."""
    if plan.is_historical:
        return not_applicable(HISTORICAL)
    applying = RULES_BY_BASIS.get(plan.legal_basis, EVERY_RULE)
    if applying is not EVERY_RULE and rule.id not in applying:
        return not_applicable(OTHER_BASIS, basis=plan.legal_basis)
    return None


def ruleset_note(plan: Plan) -> str:
    """What the checklist of this plan is checked against, in the reader's language."""
    if plan.is_historical:
        return str(
            _(
                "A historical record: no readiness rules apply. The plan was adopted earlier "
                "and recorded afterwards."
            )
        )
    if RULES_BY_BASIS.get(plan.legal_basis, EVERY_RULE) is EVERY_RULE:
        return str(
            _("Checked against Act %(basis)s and the official planning checklist.")
            % {"basis": plan.legal_basis}
        )
    return str(
        _(
            "Checked against the requirements that applied under Act %(basis)s; the other "
            "rules are marked not applicable."
        )
        % {"basis": plan.legal_basis}
    )
