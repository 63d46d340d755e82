"""The readiness check's section of the home page (kotoplan.core.panels.HOME): a coordinator's
plans, each with its stored readiness result and what to do next."""

from kotoplan.core.panels import HOME, register_section
from kotoplan.planning.models import Plan
from kotoplan.planning.selectors import plans_for_user

from .selectors import readiness_report, readiness_stored, theme_names

PLANS_SHOWN = 12
STATE_ORDER = [
    Plan.State.DRAFT,
    Plan.State.CONSULTATION,
    Plan.State.AWAITING_DECISION,
    Plan.State.ADOPTED,
]


def _plans_section(*, user, request=None) -> dict | None:
    """The plans the user writes (not superseded ones), work in progress first; three queries
    however many plans."""
    plans = list(
        plans_for_user(user=user, action="planning.change_plan").exclude(
            state=Plan.State.SUPERSEDED
        )
    )
    if not plans:
        return None
    plans.sort(key=lambda p: (STATE_ORDER.index(p.state), p.lead_municipality.name_fi, -p.pk))
    shown = plans[:PLANS_SHOWN]
    stored = readiness_stored(plan_ids=[p.pk for p in shown])
    names = theme_names() if stored else {}
    cards = []
    for plan in shown:
        result = stored.get(plan.pk)
        report = readiness_report(result=result, names=names) if result else None
        cards.append(
            {
                "plan": plan,
                "result": result,
                "next_steps": report.next_steps if report else [],
                "may_fix": plan.is_editable,
            }
        )
    return {"cards": cards, "more": len(plans) - len(shown)}


register_section(
    HOME, key="plans", order=10, template="oversight/readiness/_home.html", context=_plans_section
)
