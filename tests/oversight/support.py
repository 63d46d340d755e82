"""Helpers for the oversight tests: a plan that passes every check, running one rule,
refreshing a plan's stored readiness result the way production does, and the writes of a
request."""

from datetime import date

from kotoplan.oversight.readiness.models import ReadinessResult
from kotoplan.oversight.readiness.rules import RULES, build_context
from kotoplan.oversight.readiness.tasks import refresh_plan_readiness
from kotoplan.planning.models import Plan
from tests.factories.planning import IndicatorFactory, MeasureFactory, ObjectiveFactory

READY_FIELDS = {
    "coordinating_authority": "Kotoutumispalvelut",
    "county_coordination": "Sovittu hyvinvointialueen kanssa yhteisissä kokouksissa.",
    "programme_mode": Plan.Programme.INCORPORATED,
    "situation_quantitative_fi": "Vieraskielisiä asukkaita on 20 %.",
    "situation_qualitative_fi": "Asukaskyselyn mukaan tarve on suurin kielikoulutuksessa.",
    "participation_evidence": "Järjestöjen työpaja ja asukaskysely keväällä 2026.",
    "has_cooperation_group": True,
    "cooperation_group_note": "Kaupungin monialainen kotoutumisen yhteistyöryhmä.",
    "authority_contacted_on": date(2026, 2, 3),
    "monitoring_description": "Vuosittainen raportti valtuustolle.",
    "covers_all_immigrants": True,
    "covers_good_relations": True,
}


def make_ready(plan: Plan, themes: dict, responsible, partner) -> Plan:
    """Give the plan one complete objective per statutory theme and fill every field."""
    for theme in themes.values():
        if not theme.statutory:
            continue
        objective = ObjectiveFactory(plan=plan, theme=theme)
        MeasureFactory(
            objective=objective, responsible_organisation=responsible, partners=[partner]
        )
        IndicatorFactory(objective=objective)
    for name, value in READY_FIELDS.items():
        setattr(plan, name, value)
    plan.save()
    return plan


def check(rule_id: str, plan: Plan):
    """The result of one rule for the plan as it is in memory (parts are read from the db)."""
    return RULES[rule_id].check(build_context(plan))


def refresh(plan: Plan) -> ReadinessResult:
    """Run the background task that stores the plan's readiness result (the test settings run
    tasks at once), and return the stored result."""
    refresh_plan_readiness.enqueue(plan_id=plan.pk)
    return ReadinessResult.objects.get(plan=plan)


def writes(queries: list[dict]) -> list[str]:
    """The INSERT, UPDATE and DELETE statements among captured queries."""
    verbs = ("INSERT", "UPDATE", "DELETE")
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(verbs)]
