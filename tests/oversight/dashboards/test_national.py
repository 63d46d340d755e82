"""National overview, wellbeing county view, the query budget and the background refresh."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kotoplan.planning.models import Plan
from tests.factories.geography import AreaMembershipFactory, MunicipalityFactory
from tests.factories.planning import (
    IndicatorFactory,
    MeasureFactory,
    ObjectiveFactory,
    PlanFactory,
)

from ..support import refresh, writes

NATIONAL = reverse("oversight:national_dashboard")
# 10–11 for the page: session, user, roles, areas, memberships, plans, results, …; up to 2 for
# the navigation's count of things waiting for the person (observations, initiatives); and 1 for
# the service's state, under which the figures and tables are kept (kotoplan.core.kept)
QUERY_BUDGET = 15


def _summary(response, area):
    return next(s for s in response.context["summaries"] if s.area == area)


def test_national__aggregates_per_area_and_hides_drafts(
    client,
    national_viewer,
    adopted_plan,
    draft_plan,
    municipality_b,
    other_areas,
    vitality_centre,
    aland_municipality,
):
    PlanFactory(lead_municipality=municipality_b, title_en="Jyväskylä draft")
    refresh(adopted_plan)
    client.force_login(national_viewer)
    response = client.get(NATIONAL)
    assert response.status_code == 200
    evk = _summary(response, vitality_centre)
    assert evk.municipalities == 1  # Åland is not counted
    assert (evk.with_plan, evk.adopted, evk.in_preparation, evk.no_plan) == (1, 1, 0, 0)
    assert evk.checked == 1
    jkl = _summary(response, other_areas["evk"])
    assert (jkl.municipalities, jkl.in_preparation, jkl.visible_plans) == (1, 1, 0)
    body = response.content.decode()
    assert "Jyväskylä draft" not in body
    assert draft_plan.title_en not in body
    area_url = reverse("oversight:area_dashboard", args=[other_areas["evk"].pk])
    assert area_url in body
    assert [s.area for s in response.context["summaries"]] == sorted(
        [vitality_centre, other_areas["evk"]], key=lambda a: a.name_fi
    )  # ELY areas are not valid on 2026-06-01


def test_national__ely_areas_for_a_2025_date(
    client, admin_user, municipality_a, ely_centre, other_areas
):
    client.force_login(admin_user)
    response = client.get(NATIONAL + "?on=2025-06-01")
    assert {s.area for s in response.context["summaries"]} == {ely_centre, other_areas["ely"]}


def test_national__theme_coverage_counts(client, admin_user, draft_plan, themes, vitality_centre):
    ObjectiveFactory(plan=draft_plan, theme=themes["good_relations"])
    client.force_login(admin_user)
    response = client.get(NATIONAL)
    evk = _summary(response, vitality_centre)
    by_code = dict(zip((t.code for t in response.context["themes"]), evk.theme_counts, strict=True))
    assert by_code["good_relations"] == 1
    assert by_code["employment_education"] == 0
    assert evk.in_preparation == 1  # the admin sees the draft, still counted as in preparation


def _populate(area, size: int, themes, organisation) -> None:
    for number in range(size):
        municipality = MunicipalityFactory(code=f"{700 + number}", name_fi=f"Kunta {number}")
        AreaMembershipFactory(municipality=municipality, area=area)
        plan = PlanFactory(
            lead_municipality=municipality,
            state=Plan.State.ADOPTED if number % 2 else Plan.State.CONSULTATION,
            decision_date=date(2026, 2, 1) if number % 2 else None,
        )
        for theme in list(themes.values())[:3]:
            objective = ObjectiveFactory(plan=plan, theme=theme)
            measure = MeasureFactory(objective=objective, responsible_organisation=organisation)
            IndicatorFactory(objective=objective, measure=measure)
        refresh(plan)


@pytest.mark.parametrize("size", [2, 12])
def test_national__bounded_queries(
    client,
    national_viewer,
    vitality_centre,
    themes,
    organisation_a,
    size,
    django_assert_max_num_queries,
):
    _populate(vitality_centre, size, themes, organisation_a)
    client.force_login(national_viewer)
    # one more: the municipalities to choose from in the peer comparison section
    with django_assert_max_num_queries(QUERY_BUDGET + 1):
        response = client.get(NATIONAL)
    assert _summary(response, vitality_centre).checked == size


@pytest.mark.parametrize("size", [2, 12])
def test_area_dashboard__bounded_queries(
    client,
    regional_official,
    vitality_centre,
    themes,
    organisation_a,
    size,
    django_assert_max_num_queries,
):
    _populate(vitality_centre, size, themes, organisation_a)
    client.force_login(regional_official)
    url = reverse("oversight:area_dashboard", args=[vitality_centre.pk])
    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get(url)
    assert len(response.context["rows"]) == size + 1  # plus municipality A


def test_dashboards__get_writes_nothing(
    client, admin_user, adopted_plan, draft_plan, vitality_centre, wellbeing_county
):
    """The dashboards read stored results only: a plan without one, or with an outdated one,
    is shown as it is and nothing is computed or stored."""
    refresh(adopted_plan)
    adopted_plan.save()  # changed since its check; the draft was never checked
    client.force_login(admin_user)
    urls = [
        NATIONAL,
        reverse("oversight:area_dashboard", args=[vitality_centre.pk]),
        reverse("oversight:area_dashboard_csv", args=[vitality_centre.pk]),
        reverse("oversight:county_dashboard", args=[wellbeing_county.pk]),
    ]
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        assert writes(queries.captured_queries) == [], url


# --- wellbeing services county ---------------------------------------------------------------


def test_county__shows_plans_county_measures_and_coordination(
    client, county_liaison, county_organisation, draft_plan, objective, organisation_a
):
    responsible = MeasureFactory(
        objective=objective, title_en="Health check", responsible_organisation=county_organisation
    )
    partnered = MeasureFactory(
        objective=objective,
        title_en="Family counselling",
        responsible_organisation=organisation_a,
        partners=[county_organisation],
    )
    MeasureFactory(objective=objective, title_en="Library hours")
    draft_plan.county_coordination = "Yhteinen työryhmä hyvinvointialueen kanssa."
    draft_plan.save()
    client.force_login(county_liaison)
    url = reverse("oversight:county_dashboard", args=[county_organisation.area_id])
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["measures"] == [responsible, partnered]
    body = response.content.decode()
    assert "Health check" in body
    assert "Family counselling" in body
    assert "Library hours" not in body
    assert "Yhteinen työryhmä hyvinvointialueen kanssa." in body
    assert [r.plan for r in response.context["rows"]] == [draft_plan]


@pytest.mark.parametrize("role", ["regional_official", "coordinator_a", "national_viewer"])
def test_county__other_roles_get_404(client, request, role, wellbeing_county):
    client.force_login(request.getfixturevalue(role))
    url = reverse("oversight:county_dashboard", args=[wellbeing_county.pk])
    assert client.get(url).status_code == 404


def test_county__other_county_is_404(client, county_liaison, other_areas, municipality_b):
    client.force_login(county_liaison)
    url = reverse("oversight:county_dashboard", args=[other_areas["county"].pk])
    assert client.get(url).status_code == 404


# --- navigation -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "shown", "target"),
    [
        ("regional_official", True, "area_default"),
        ("national_viewer", True, "national_dashboard"),
        ("admin_user", True, "national_dashboard"),
        ("county_liaison", True, "county_dashboard"),
        ("coordinator_a", False, None),
    ],
)
def test_nav__oversight_link_for_oversight_roles(client, request, role, shown, target):
    client.force_login(request.getfixturevalue(role))
    body = client.get(reverse("planning:plan_list")).content.decode()
    assert (f'href="{reverse("oversight:dashboards")}"' in body) is shown
    response = client.get(reverse("oversight:dashboards"))
    if target is None:
        assert response.status_code == 404
    else:
        assert response.status_code == 302
        assert f"/oversight/{target.split('_')[0]}/" in response["Location"]
