"""Query budgets of the overviews: the national, area and wellbeing county dashboards, the area
CSV and the home pages of the oversight roles and of a partner cost as many SQL queries for one
municipality with a small plan as for three with large ones (tests/support/queries.py)."""

from datetime import date

import pytest
from django.urls import reverse

from kotoplan.monitoring.rounds import services as rounds
from kotoplan.oversight.dialogue import services as dialogue
from kotoplan.planning.models import Plan
from tests.support.queries import assert_same_queries, visit
from tests.support.sizes import more_municipalities, plan_of_size

from ..support import refresh

pytestmark = pytest.mark.django_db

ADOPTED = {
    "state": Plan.State.ADOPTED,
    "decision_body": "Kaupunginvaltuusto",
    "decision_date": date(2025, 3, 1),
}
PAGES = {
    # page: (user fixture, URL of the page given the areas)
    "national": ("national_viewer", lambda areas: reverse("oversight:national_dashboard")),
    "area": (
        "regional_official",
        lambda areas: reverse("oversight:area_dashboard", args=[areas["evk"].pk]),
    ),
    "area csv": (
        "regional_official",
        lambda areas: reverse("oversight:area_dashboard_csv", args=[areas["evk"].pk]),
    ),
    "county": (
        "county_liaison",
        lambda areas: reverse("oversight:county_dashboard", args=[areas["county"].pk]),
    ),
    "home of a regional official": ("regional_official", lambda areas: "/"),
    "home of a county liaison": ("county_liaison", lambda areas: "/"),
    "home of a national viewer": ("national_viewer", lambda areas: "/"),
    "home of a partner": ("contributor", lambda areas: "/"),
}


@pytest.fixture
def country(
    municipality_a,
    vitality_centre,
    wellbeing_county,
    themes,
    admin_user,
    regional_official,
    contributor_organisation,
):
    """Grows the country: first A with an adopted plan of 3 measures; then two more
    municipalities of the same areas with plans of 12 measures (one adopted, one in
    consultation), each with a monitoring round and an observation."""
    areas = {"evk": vitality_centre, "county": wellbeing_county}

    def add_plan(municipality, measures: int, **fields) -> Plan:
        plan = plan_of_size(
            municipality,
            themes,
            measures=measures,
            responsible=contributor_organisation,
            **fields,
        )
        if plan.state == Plan.State.ADOPTED:
            rounds.round_open(
                actor=admin_user, plan=plan, period_label="2025", due_date=date(2026, 6, 30)
            )
        dialogue.observation_create(
            actor=type(regional_official).objects.get(pk=regional_official.pk),  # reach of today
            plan=plan,
            subject=f"Observation on {municipality.code}",
            text="Something is missing.",
            reply_due=date(2026, 7, 1),
        )
        refresh(plan)
        return plan

    def grow(size: str) -> dict:
        if size == "small":
            add_plan(municipality_a, 3, **ADOPTED)
            return areas
        first, second = more_municipalities(2, vitality_centre, wellbeing_county)
        add_plan(first, 12, **ADOPTED)
        add_plan(second, 12, state=Plan.State.CONSULTATION)
        return areas

    return grow


@pytest.mark.parametrize("page", list(PAGES))
def test_overviews__same_queries_for_1_and_3_municipalities(client, request, country, page):
    user_fixture, url_of = PAGES[page]
    client.force_login(request.getfixturevalue(user_fixture))
    areas = country("small")
    small = visit(client, url_of(areas), label="1 municipality")
    country("big")
    big = visit(client, url_of(areas), label="3 municipalities")
    assert big.body != small.body  # the larger country shows in the page
    assert_same_queries(small, big, at_most=30)
