"""Shared set-up of the rounds tests: an adopted plan of A with a measure of A's organisation
and one of the contributor's organisation, and a manual indicator on the contributor's measure;
two rounds with reports on it."""

from datetime import date
from decimal import Decimal

import pytest

from kotoplan.monitoring.rounds import services
from kotoplan.planning.models import Indicator, Plan
from tests.factories.planning import (
    IndicatorFactory,
    MeasureFactory,
    ObjectiveFactory,
    PlanFactory,
)


@pytest.fixture
def monitored_plan(municipality_a, organisation_a, contributor_organisation, themes):
    plan = PlanFactory(
        lead_municipality=municipality_a,
        title_en="Espoo integration plan 2025–2028",
        period_start=2025,
        period_end=2028,
        state=Plan.State.ADOPTED,
        decision_body="Kaupunginvaltuusto",
        decision_date=date(2025, 3, 1),
    )
    plan.municipalities.set([municipality_a])
    objective = ObjectiveFactory(plan=plan, theme=themes["language_culture"])
    plan.own_measure = MeasureFactory(
        objective=objective,
        responsible_organisation=organisation_a,
        title_fi="City measure",
        title_en="City measure",
    )
    plan.partner_measure = MeasureFactory(
        objective=objective,
        responsible_organisation=contributor_organisation,
        title_fi="Partner measure",
        title_en="Partner measure",
    )
    plan.indicator = IndicatorFactory(
        objective=objective,
        measure=plan.partner_measure,
        source=Indicator.Source.MANUAL,
        name_fi="Course participants",
        name_en="Course participants",
        unit="persons",
        baseline_value=40,
        baseline_year=2024,
        target_value=55,
        target_year=2028,
    )
    return plan


def open_round(plan, coordinator, *, label="2025", due=date(2026, 6, 30)):
    return services.round_open(actor=coordinator, plan=plan, period_label=label, due_date=due)


@pytest.fixture
def two_rounds(monitored_plan, coordinator_a, contributor):
    first = open_round(monitored_plan, coordinator_a, label="2025", due=date(2026, 3, 31))
    services.measure_update_save(
        actor=contributor,
        monitoring_round=first,
        measure=monitored_plan.partner_measure,
        expected_version=None,
        status="on_track",
        narrative="First courses started.",
    )
    services.indicator_value_save(
        actor=contributor,
        monitoring_round=first,
        indicator=monitored_plan.indicator,
        year=2025,
        value=Decimal("47"),
    )
    services.round_close(actor=coordinator_a, monitoring_round=first)
    second = open_round(monitored_plan, coordinator_a, label="2026", due=date(2026, 6, 30))
    services.measure_update_save(
        actor=contributor,
        monitoring_round=second,
        measure=monitored_plan.partner_measure,
        expected_version=None,
        status="delayed",
        narrative="Teacher on leave.",
        evidence_links=["https://example.org/news"],
    )
    services.indicator_value_save(
        actor=contributor,
        monitoring_round=second,
        indicator=monitored_plan.indicator,
        year=2026,
        value=Decimal("51.5"),
    )
    return first, second
