"""A small comparison world: Espoo (municipality A, 30 000 inhabitants, 7 % foreign-language
share) and municipalities around it, with plans in different states and monitoring rounds.

- Kauniainen (A's areas, 25 000, 8 %): an adopted plan checked 4 of 5, a closed round 2025
  with 1 of 2 measures reported and an open round 2026 with 2 of 2 (not published yet);
- Jyväskylä (municipality B, other areas, 45 000, 9 %): only a draft, checked 1 of 5;
- Vantaa (A's areas, 60 000, 7 %): bigger, no plan;
- Porvoo (A's areas, 30 000, 12 %): a higher share, no plan.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from kotoplan.monitoring.rounds.models import MeasureUpdate, MonitoringRound
from kotoplan.monitoring.statistics.models import (
    FOREIGN_LANGUAGE_SHARE,
    POPULATION,
    StatIndicator,
    StatisticValue,
)
from kotoplan.monitoring.statistics.services import catalogue_sync
from kotoplan.oversight.readiness.models import ReadinessResult
from kotoplan.planning.models import Plan
from tests.factories.geography import AreaMembershipFactory, MunicipalityFactory
from tests.factories.planning import MeasureFactory, ObjectiveFactory, PlanFactory

POPULATION_YEAR = 2022
SHARE_YEAR = 2025


@pytest.fixture
def catalogue(db):
    catalogue_sync()


def profile(municipality, population, share) -> None:
    """The municipality's population and share as the bundled statistics give them."""
    for code, value, year in (
        (POPULATION, population, POPULATION_YEAR),
        (FOREIGN_LANGUAGE_SHARE, share, SHARE_YEAR),
    ):
        if value is not None:
            StatisticValue.objects.create(
                indicator=StatIndicator.objects.get(code=code),
                municipality=municipality,
                period=year,
                value=Decimal(str(value)),
            )


def stored_readiness(plan, passed, total=5) -> ReadinessResult:
    return ReadinessResult.objects.create(
        plan=plan,
        ruleset_version="test",
        fingerprint="test",
        computed_at=timezone.now(),
        statutory_total=total,
        statutory_passed=passed,
        recommended_total=0,
        recommended_passed=0,
    )


def municipality_in(areas, code, name, name_sv=""):
    municipality = MunicipalityFactory(
        code=code, name_fi=name, name_sv=name_sv or name, name_en=name
    )
    for area in areas:
        AreaMembershipFactory(municipality=municipality, area=area)
    return municipality


@pytest.fixture
def a_areas(ely_centre, vitality_centre, wellbeing_county):
    return (ely_centre, vitality_centre, wellbeing_county)


@pytest.fixture
def world(catalogue, municipality_a, municipality_b, a_areas, themes, organisation_a):
    kauniainen = municipality_in(a_areas, "235", "Kauniainen", "Grankulla")
    vantaa = municipality_in(a_areas, "092", "Vantaa", "Vanda")
    porvoo = municipality_in(a_areas, "638", "Porvoo", "Borgå")
    profile(municipality_a, 30000, "7.0")
    profile(kauniainen, 25000, "8.0")
    profile(municipality_b, 45000, "9.0")
    profile(vantaa, 60000, "7.0")
    profile(porvoo, 30000, "12.0")

    adopted = PlanFactory(
        lead_municipality=kauniainen,
        period_start=2022,
        period_end=2025,
        state=Plan.State.ADOPTED,
        decision_date=date(2022, 3, 1),
    )
    objectives = [
        ObjectiveFactory(plan=adopted, theme=themes[code])
        for code in ("language_culture", "employment_education")
    ]
    measures = [MeasureFactory(objective=o, responsible_organisation=None) for o in objectives]
    stored_readiness(adopted, 4)
    closed = MonitoringRound.objects.create(
        plan=adopted,
        period_label="2025",
        due_date=date(2026, 3, 31),
        state=MonitoringRound.State.CLOSED,
        closed_on=date(2026, 4, 2),
    )
    MeasureUpdate.objects.create(round=closed, measure=measures[0], status="on_track")
    still_open = MonitoringRound.objects.create(
        plan=adopted, period_label="2026", due_date=date(2027, 3, 31)
    )
    for measure in measures:
        MeasureUpdate.objects.create(round=still_open, measure=measure, status="done")

    draft_b = PlanFactory(lead_municipality=municipality_b)
    ObjectiveFactory(plan=draft_b, theme=themes["good_relations"])
    stored_readiness(draft_b, 1)
    return {
        "kauniainen": kauniainen,
        "vantaa": vantaa,
        "porvoo": porvoo,
        "adopted": adopted,
        "draft_b": draft_b,
    }
