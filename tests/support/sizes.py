"""Plans of a chosen size for the query budget tests (tests/support/queries.py).

`fill_plan(plan, themes, measures=12)` spreads the measures over objectives of every theme,
each with a responsible party, a co-responsible party and a partner, and one indicator per
measure (every other one from Sotkanet, the rest entered by hand), plus a target group, a
milestone and an indicator of its own per objective. `more_municipalities(n, *areas)` adds
municipalities in the areas.
"""

from kotoplan.planning.models import Indicator, Plan
from tests.factories.accounts import OrganisationFactory
from tests.factories.geography import AreaMembershipFactory, MunicipalityFactory
from tests.factories.planning import (
    IndicatorFactory,
    MeasureFactory,
    MilestoneFactory,
    ObjectiveFactory,
    PlanFactory,
    TargetGroupFactory,
)

MEASURES_PER_OBJECTIVE = 3


def fill_plan(
    plan: Plan, themes: dict, *, measures: int, responsible=None, co_responsible=None, partner=None
) -> Plan:
    """Give the plan `measures` measures (three per objective) with their parties and indicators.

    Two measures of three are led by `responsible` (when given), the third by the municipality;
    every measure has `co_responsible` (by default a unit of its own) and a partner. Each measure
    has an indicator; each objective one more of its own (not tied to a measure)."""
    theme_list = sorted(themes.values(), key=lambda t: t.order)
    partner = partner or OrganisationFactory(name_fi="Kela", name_sv="FPA", name_en="Kela")
    co_responsible = co_responsible or OrganisationFactory(
        name_fi="Nuorisopalvelut", name_sv="Ungdomstjänster", name_en="Youth services"
    )
    objective = None
    for number in range(measures):
        sotkanet = number % 2 == 1
        if number % MEASURES_PER_OBJECTIVE == 0:
            group = TargetGroupFactory(plan=plan)
            objective = ObjectiveFactory(
                plan=plan, theme=theme_list[(number // 3) % len(theme_list)], target_groups=[group]
            )
            MilestoneFactory(plan=plan)
            IndicatorFactory(objective=objective, source=Indicator.Source.MANUAL)
        fields = {"objective": objective, "partners": [partner]}
        if responsible is not None and number % MEASURES_PER_OBJECTIVE != 2:
            fields["responsible_organisation"] = responsible
        measure = MeasureFactory(**fields, schedule_text=f"{2026 + number % 3}")
        measure.co_responsible.set([co_responsible])
        IndicatorFactory(
            objective=objective,
            measure=measure,
            source=Indicator.Source.SOTKANET if sotkanet else Indicator.Source.MANUAL,
            source_code="127" if sotkanet else "",
        )
    return plan


def plan_of_size(
    municipality, themes, *, measures: int, responsible=None, co_responsible=None, **fields
) -> Plan:
    """A plan of the municipality (`fields` for the plan) filled by `fill_plan`."""
    plan = PlanFactory(lead_municipality=municipality, **fields)
    return fill_plan(
        plan, themes, measures=measures, responsible=responsible, co_responsible=co_responsible
    )


def more_municipalities(count: int, *areas, start: int = 500) -> list:
    """`count` new municipalities of mainland Finland, members of each of `areas`."""
    made = []
    for number in range(count):
        municipality = MunicipalityFactory(code=f"{start + number:03d}")
        for area in areas:
            AreaMembershipFactory(municipality=municipality, area=area)
        made.append(municipality)
    return made
