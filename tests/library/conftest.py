"""Plans of two municipalities for the library: B's adopted plan with a language-training
measure (reported on track) and B's draft with a measure nobody outside B may find; A's draft
to copy into."""

from datetime import date

import pytest

from kotoplan.monitoring.rounds.models import IndicatorValue, MeasureUpdate, MonitoringRound
from kotoplan.planning.models import Plan
from tests.factories.planning import (
    IndicatorFactory,
    MeasureFactory,
    ObjectiveFactory,
    PlanFactory,
)

EMPTY = {f"{field}_{lang}": "" for field in ("title", "description") for lang in ("fi", "sv", "en")}


def measure(objective, title_fi: str, title_sv: str = "", description_fi: str = "", **more):
    return MeasureFactory(
        objective=objective,
        **{**EMPTY, "title_fi": title_fi, "title_sv": title_sv, "description_fi": description_fi},
        **more,
    )


def objective(plan, title_fi: str, **more):
    return ObjectiveFactory(plan=plan, **{**EMPTY, "title_fi": title_fi}, **more)


def adopted_plan(municipality, **more) -> Plan:
    return PlanFactory(
        lead_municipality=municipality,
        state=Plan.State.ADOPTED,
        decision_date=date(2025, 6, 1),
        period_start=2025,
        period_end=2028,
        title_fi=f"Kotoutumisohjelma {municipality.name_fi}",
        **more,
    )


def report(measure_obj, status: str, period: str = "2025", due=date(2025, 12, 31)):
    monitoring_round, _created = MonitoringRound.objects.get_or_create(
        plan=measure_obj.objective.plan, period_label=period, defaults={"due_date": due}
    )
    return MeasureUpdate.objects.create(round=monitoring_round, measure=measure_obj, status=status)


@pytest.fixture
def library(themes, municipality_a, municipality_b, coordinator_a, coordinator_b):
    """What the tests search: names of the parts by role."""
    plan_b = adopted_plan(municipality_b)
    work = objective(plan_b, "Työllisyys ja osaaminen", theme=themes["employment_education"])
    language = measure(
        work,
        "Kielikoulutuksen lisääminen työikäisille",
        title_sv="Mer språkutbildningen för vuxna",
        description_fi="Ohjataan kielikoulutukseen nopeasti <b>heti</b> muuton jälkeen.",
    )
    integration = measure(work, "Kotoutumiskoulutus verkossa")
    other = objective(plan_b, "Hyvät väestösuhteet", theme=themes["good_relations"])
    club = measure(other, "Kerhotoiminta nuorille")
    report(language, MeasureUpdate.Status.ON_TRACK)
    report(integration, MeasureUpdate.Status.DELAYED)
    indicator = IndicatorFactory(
        objective=work,
        measure=language,
        name_fi="Kielikoulutukseen osallistuneet",
        name_sv="",
        name_en="",
        baseline_value=40,
        direction="increase",
    )
    IndicatorValue.objects.create(
        indicator=indicator,
        round=language.progress_updates.first().round,
        year=2025,
        value=48,
    )
    draft_b = PlanFactory(lead_municipality=municipality_b, title_fi="Jyväskylän luonnos")
    secret_objective = objective(
        draft_b, "Luonnoksen tavoite", theme=themes["employment_education"]
    )
    secret = measure(secret_objective, "Salainen kielikoulutus luonnoksessa")
    draft_a = PlanFactory(lead_municipality=municipality_a, title_fi="Espoon luonnos")
    target = objective(draft_a, "Espoon työllisyystavoite", theme=themes["employment_education"])
    return {
        "plan_b": plan_b,
        "language": language,
        "integration": integration,
        "club": club,
        "indicator": indicator,
        "draft_b": draft_b,
        "secret": secret,
        "draft_a": draft_a,
        "target": target,
    }
